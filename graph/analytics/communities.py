"""Which entities form a bloc: modularity communities, seeded so the same data gives the same answer.

Louvain (networkx) up to LARGE_GRAPH_NODES nodes, Leiden (igraph) above; both maximise
modularity on the undirected network, each pair weighted by how many relations join it. Each community
lists its most central members: those with the most neighbours inside the community.
"""

from __future__ import annotations

import networkx as nx

from graph.analytics import fast
from graph.analytics.build import entity_ref, scope_of, simple_undirected
from graph.analytics.models import CommunitiesResult, Community, RankedEntity

SEED = 7
LARGE_GRAPH_NODES = 5_000
TOP_MEMBERS = 5
MAX_MEMBERS = 200


def partition(simple: nx.Graph, seed: int = SEED) -> tuple[list[set[str]], float, str]:
    """Communities (each a set of node ids), their modularity, and the algorithm used."""
    if simple.number_of_nodes() > LARGE_GRAPH_NODES:
        groups, modularity = fast.leiden(simple, seed)
        return groups, modularity, "igraph.community_leiden"
    if simple.number_of_edges() == 0:
        return [{node} for node in simple.nodes], 0.0, "networkx.louvain_communities"
    groups = nx.community.louvain_communities(simple, weight="weight", seed=seed)
    modularity = nx.community.modularity(simple, groups, weight="weight")
    return [set(group) for group in groups], modularity, "networkx.louvain_communities"


def ordered(groups: list[set[str]]) -> list[list[str]]:
    """Largest community first, ties by smallest member id; members sorted by id."""
    return sorted((sorted(group) for group in groups), key=lambda members: (-len(members), members[0]))


def describe(simple: nx.Graph, index: int, members: list[str], top: int, max_members: int) -> Community:
    inside = set(members)
    internal = {node: sum(1 for other in simple[node] if other in inside) for node in members}
    by_weight = sorted(members, key=lambda node: (-internal[node], node))
    size = max(len(members) - 1, 1)
    central = [
        RankedEntity(
            **entity_ref(simple, node).model_dump(),
            rank=position,
            score=round(internal[node] / size, 6),
            degree=simple.degree(node),
        )
        for position, node in enumerate(by_weight[:top], start=1)
    ]
    return Community(
        index=index,
        size=len(members),
        central=central,
        members=[entity_ref(simple, node) for node in by_weight[:max_members]],
        members_truncated=len(members) > max_members,
    )


def communities(
    graph: nx.Graph,
    limit: int,
    top: int = TOP_MEMBERS,
    max_members: int = MAX_MEMBERS,
    seed: int = SEED,
) -> CommunitiesResult:
    """The communities of `graph`, largest first; at most `limit` of them, each listing at most
    `max_members` members (most connected inside first) and its `top` most central ones."""
    simple = simple_undirected(graph)
    groups, modularity, algorithm = partition(simple, seed)
    listed = ordered(groups)
    return CommunitiesResult(
        algorithm=algorithm,
        seed=seed,
        modularity=round(modularity, 6),
        scope=scope_of(simple),
        n_communities=len(listed),
        communities=[
            describe(simple, index, members, top, max_members) for index, members in enumerate(listed[:limit])
        ],
        limit=limit,
        truncated=len(listed) > limit,
    )


def membership(result: CommunitiesResult) -> dict[str, int]:
    """Entity id -> community index, for views that colour by community (listed members only)."""
    return {member.id: community.index for community in result.communities for member in community.members}
