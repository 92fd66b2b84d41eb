"""Where the network is fragile: brokers (articulation points) and bridges, and how much each holds together.

A broker is an entity whose removal splits its part of the network into several pieces; a bridge is a
link whose removal does. Piece sizes come from the block-cut tree (brokers) and the bridge tree
(bridges) in linear time, rather than from deleting each candidate and recounting. networkx finds the
blocks and bridges up to LARGE_GRAPH_NODES nodes, igraph above.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import networkx as nx

from graph.analytics import fast
from graph.analytics.build import entity_ref, scope_of, simple_undirected
from graph.analytics.models import Bridge, Broker, BrokersResult
from graph.ontology import NodeType

LARGE_GRAPH_NODES = 5_000
MAX_PIECES_SHOWN = 20

Cuts = tuple[list[set[str]], set[str], list[tuple[str, str]], list[set[str]]]


def cut_structure(simple: nx.Graph) -> Cuts:
    """Biconnected blocks, articulation points, bridges (u < v) and the parts left once bridges are cut."""
    if simple.number_of_nodes() > LARGE_GRAPH_NODES:
        return fast.cut_structure(simple)
    blocks = [set(block) for block in nx.biconnected_components(simple)]
    points = set(nx.articulation_points(simple))
    bridges = [(u, v) if u < v else (v, u) for u, v in nx.bridges(simple)]
    rest = nx.Graph()
    rest.add_nodes_from(simple)
    rest.add_edges_from(simple.edges)
    rest.remove_edges_from(bridges)
    return blocks, points, bridges, [set(part) for part in nx.connected_components(rest)]


def far_sides(tree: nx.Graph, weight: dict[Any, int]) -> dict[tuple[Hashable, Hashable], int]:
    """For every tree edge x-y, in both directions: the total weight on y's side once the edge is cut."""
    sides: dict[tuple[Hashable, Hashable], int] = {}
    for component in nx.connected_components(tree):
        root = next(iter(component))
        parent = nx.dfs_predecessors(tree, root)
        subtree = {node: weight[node] for node in component}
        for node in reversed(list(nx.dfs_preorder_nodes(tree, root))):
            if node in parent:
                subtree[parent[node]] += subtree[node]
        total = subtree[root]
        for node, above in parent.items():
            sides[(above, node)] = subtree[node]
            sides[(node, above)] = total - subtree[node]
    return sides


def broker_pieces(blocks: list[set[str]], cuts: set[str]) -> dict[str, list[int]]:
    """Each articulation point -> sizes of the pieces its part of the network falls into without it."""
    if not cuts:
        return {}
    tree = nx.Graph()
    weight: dict[Any, int] = {}
    for i, block in enumerate(blocks):
        weight[("block", i)] = len(block - cuts)
        tree.add_node(("block", i))
        for node in block & cuts:
            weight[("cut", node)] = 1
            tree.add_edge(("block", i), ("cut", node))
    sides = far_sides(tree, weight)
    return {
        node: sorted((sides[(("cut", node), block)] for block in tree[("cut", node)]), reverse=True)
        for node in cuts
    }


def bridge_sides(
    bridges: list[tuple[str, str]], parts: list[set[str]]
) -> dict[tuple[str, str], tuple[int, int]]:
    """Each bridge (u, v) -> entities on u's side and on v's side once it is cut."""
    if not bridges:
        return {}
    part: dict[str, int] = {}
    weight: dict[Any, int] = {}
    for i, members in enumerate(parts):
        weight[i] = len(members)
        part.update(dict.fromkeys(members, i))
    tree = nx.Graph()
    tree.add_nodes_from(weight)
    tree.add_edges_from((part[u], part[v]) for u, v in bridges)
    sides = far_sides(tree, weight)
    return {(u, v): (sides[(part[v], part[u])], sides[(part[u], part[v])]) for u, v in bridges}


def brokers(graph: nx.Graph, limit: int, node_type: NodeType | None = None) -> BrokersResult:
    """Brokers (of `node_type`, all types when None) ranked by how many entities they cut off from the
    largest remaining piece, then bridges ranked by the size of their smaller side; `limit` of each."""
    simple = simple_undirected(graph)
    blocks, cuts, bridges, parts = cut_structure(simple)
    found = [
        Broker(
            **entity_ref(simple, node).model_dump(),
            components=len(pieces),
            piece_sizes=pieces[:MAX_PIECES_SHOWN],
            separated=sum(pieces) - pieces[0],
        )
        for node, pieces in broker_pieces(blocks, cuts).items()
        if node_type is None or simple.nodes[node]["type"] == node_type
    ]
    found.sort(key=lambda b: (-b.separated, -b.components, b.id))
    cut_links = sorted(
        bridge_sides(bridges, parts).items(), key=lambda item: (-min(item[1]), -max(item[1]), item[0])
    )
    return BrokersResult(
        scope=scope_of(simple),
        brokers=found[:limit],
        n_brokers=len(found),
        brokers_truncated=len(found) > limit,
        bridges=[
            Bridge(
                source=entity_ref(simple, u),
                target=entity_ref(simple, v),
                types=sorted(simple[u][v]["types"]),
                sides=sides,
            )
            for (u, v), sides in cut_links[:limit]
        ],
        n_bridges=len(cut_links),
        bridges_truncated=len(cut_links) > limit,
        limit=limit,
    )
