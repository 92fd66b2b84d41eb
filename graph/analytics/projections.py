"""Who is linked through what they share: one-mode projections of two-mode (bipartite) parts of the network.

- co-membership: leaders linked through the groups they lead or belong to;
- shared-camps: groups linked through the camps they train at.

A link's weight is how many hubs (groups, camps) the two share; `via` names them.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
from networkx.algorithms import bipartite

from graph.analytics.build import entity_ref, scope_of
from graph.analytics.models import EntityRef, ProjectedLink, ProjectionKind, ProjectionResult
from graph.ontology import NodeType, RelType

MAX_VIA = 20


@dataclass(frozen=True)
class Projection:
    spoke: NodeType
    hub: NodeType
    relations: frozenset[RelType]
    description: str


PROJECTIONS: dict[ProjectionKind, Projection] = {
    "co-membership": Projection(
        NodeType.LEADER,
        NodeType.GROUP,
        frozenset({RelType.LEADS, RelType.MEMBER_OF}),
        "leaders linked through the groups they lead or belong to",
    ),
    "shared-camps": Projection(
        NodeType.GROUP,
        NodeType.CAMP,
        frozenset({RelType.TRAINS_AT}),
        "groups linked through the camps they train at",
    ),
}


def two_mode(graph: nx.MultiDiGraph, spec: Projection) -> nx.Graph:
    """The bipartite graph of spokes and hubs joined by the projection's relation types."""
    two = nx.Graph(n_relations=0, truncated=bool(graph.graph.get("truncated", False)))
    for source, target, data in graph.edges(data=True):
        if data["type"] not in spec.relations:
            continue
        if graph.nodes[source]["type"] != spec.spoke or graph.nodes[target]["type"] != spec.hub:
            continue
        two.add_node(source, bipartite=0, **graph.nodes[source])
        two.add_node(target, bipartite=1, **graph.nodes[target])
        two.add_edge(source, target)
        two.graph["n_relations"] += 1
    return two


def projection(graph: nx.MultiDiGraph, kind: ProjectionKind, limit: int) -> ProjectionResult:
    """The heaviest `limit` links of the `kind` projection, heaviest first, ties by ids."""
    spec = PROJECTIONS[kind]
    two = two_mode(graph, spec)
    spokes = sorted(node for node, side in two.nodes(data="bipartite") if side == 0)
    projected = bipartite.weighted_projected_graph(two, spokes)
    edges = sorted(
        (min(u, v), max(u, v), int(weight)) for u, v, weight in projected.edges(data="weight", default=1)
    )
    edges.sort(key=lambda edge: -edge[2])
    links = [_link(two, u, v, weight) for u, v, weight in edges[:limit]]
    return ProjectionResult(
        kind=kind,
        description=spec.description,
        scope=scope_of(two, two),
        n_links=len(edges),
        links=links,
        limit=limit,
        truncated=len(edges) > limit,
    )


def _link(two: nx.Graph, u: str, v: str, weight: int) -> ProjectedLink:
    shared = sorted(set(two[u]) & set(two[v]))
    via: list[EntityRef] = [entity_ref(two, hub) for hub in shared[:MAX_VIA]]
    return ProjectedLink(
        source=entity_ref(two, u),
        target=entity_ref(two, v),
        weight=weight,
        via=via,
        via_truncated=len(shared) > MAX_VIA,
    )
