"""Where the network is fragile: brokers (articulation points) and bridges, and how much each holds together.

A broker is an entity whose removal splits its part of the network into several pieces; a bridge is a
link whose removal does. Piece sizes come from the block-cut tree (brokers) and the bridge tree
(bridges) in linear time, rather than from deleting each candidate and recounting.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import networkx as nx

from graph.analytics.build import entity_ref, scope_of, simple_undirected
from graph.analytics.models import Bridge, Broker, BrokersResult
from graph.ontology import NodeType

MAX_PIECES_SHOWN = 20


def far_sides(tree: nx.Graph, weight: dict[Any, int]) -> dict[tuple[Hashable, Hashable], int]:
    """For every tree edge x-y, in both directions: the total weight on y's side once the edge is cut."""
    sides: dict[tuple[Hashable, Hashable], int] = {}
    for component in nx.connected_components(tree):
        root = next(iter(component))
        parent = nx.dfs_predecessors(tree, root)
        subtree = {node: weight[node] for node in component}
        order = list(nx.dfs_preorder_nodes(tree, root))
        for node in reversed(order):
            if node in parent:
                subtree[parent[node]] += subtree[node]
        total = subtree[root]
        for node, above in parent.items():
            sides[(above, node)] = subtree[node]
            sides[(node, above)] = total - subtree[node]
    return sides


def broker_pieces(simple: nx.Graph) -> dict[str, list[int]]:
    """Each articulation point -> sizes of the pieces its part of the network falls into without it."""
    cuts = set(nx.articulation_points(simple))
    if not cuts:
        return {}
    tree = nx.Graph()
    weight: dict[Any, int] = {}
    for i, block in enumerate(nx.biconnected_components(simple)):
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


def bridge_sides(simple: nx.Graph) -> dict[tuple[str, str], tuple[int, int]]:
    """Each bridge (u, v), u < v -> entities on u's side and on v's side once it is cut."""
    bridges = [tuple(sorted(edge)) for edge in nx.bridges(simple)]
    if not bridges:
        return {}
    rest = simple.copy()
    rest.remove_edges_from(bridges)
    part: dict[str, int] = {}
    weight: dict[Any, int] = {}
    for i, component in enumerate(nx.connected_components(rest)):
        weight[i] = len(component)
        part.update(dict.fromkeys(component, i))
    tree = nx.Graph()
    tree.add_nodes_from(weight)
    tree.add_edges_from((part[u], part[v]) for u, v in bridges)
    sides = far_sides(tree, weight)
    return {(u, v): (sides[(part[v], part[u])], sides[(part[u], part[v])]) for u, v in bridges}


def brokers(graph: nx.MultiDiGraph, limit: int, node_type: NodeType | None = None) -> BrokersResult:
    """Brokers (of `node_type`, all types when None) ranked by how many entities they cut off from the
    largest remaining piece, then bridges ranked by the size of their smaller side; `limit` of each."""
    simple = simple_undirected(graph)
    found = [
        Broker(
            **entity_ref(simple, node).model_dump(),
            components=len(pieces),
            piece_sizes=pieces[:MAX_PIECES_SHOWN],
            separated=sum(pieces) - pieces[0],
        )
        for node, pieces in broker_pieces(simple).items()
        if node_type is None or simple.nodes[node]["type"] == node_type
    ]
    found.sort(key=lambda b: (-b.separated, -b.components, b.id))
    cut_links = sorted(bridge_sides(simple).items(), key=lambda item: (-min(item[1]), -max(item[1]), item[0]))
    return BrokersResult(
        scope=scope_of(graph, simple),
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
