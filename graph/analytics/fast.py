"""igraph behind the same pure functions, for graphs networkx is too slow on.

networkx stays the analysis API: these take an `nx.Graph` and give back dicts keyed by its node ids.
"""

from __future__ import annotations

import math
import random
import threading
import warnings

import igraph as ig
import networkx as nx

_RNG_LOCK = threading.Lock()


def to_igraph(simple: nx.Graph) -> tuple[ig.Graph, list[str]]:
    """The same undirected graph in igraph (edge attribute `weight`), and the node id of each vertex.

    Vertices in id order and edges in vertex order, so the same data always gives the same igraph graph.
    """
    nodes = sorted(simple.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    weighted = []
    for u, v, weight in simple.edges(data="weight", default=1):
        a, b = index[u], index[v]
        weighted.append((a, b, weight) if a < b else (b, a, weight))
    weighted.sort()
    graph = ig.Graph(n=len(nodes), edges=[(a, b) for a, b, _ in weighted], directed=False)
    graph.es["weight"] = [weight for _, _, weight in weighted]
    return graph, nodes


def betweenness(simple: nx.Graph, samples: int | None, seed: int) -> dict[str, float]:
    """Normalised betweenness as networkx defines it; estimated from `samples` random sources when given.

    The estimate is Brandes-Pich source sampling, the same as networkx's `k`: shortest paths from a
    seeded random sample of sources, scaled by n / samples.
    """
    graph, nodes = to_igraph(simple)
    n = len(nodes)
    if samples is not None and samples < n:
        sources = sorted(random.Random(seed).sample(range(n), samples))  # noqa: S311 (a seeded sample, not a secret)
        raw = graph.betweenness(directed=False, sources=sources)
        raw = [value * n / samples for value in raw]
    else:
        raw = graph.betweenness(directed=False)
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    return {node: value * scale for node, value in zip(nodes, raw, strict=True)}


def pagerank(simple: nx.Graph, damping: float = 0.85) -> dict[str, float]:
    graph, nodes = to_igraph(simple)
    if not nodes:
        return {}
    scores = graph.pagerank(directed=False, damping=damping)
    return dict(zip(nodes, scores, strict=True))


def eigenvector(simple: nx.Graph) -> dict[str, float]:
    """Eigenvector centrality scaled to unit length, as networkx scales it."""
    graph, nodes = to_igraph(simple)
    if not nodes:
        return {}
    with warnings.catch_warnings():
        # igraph warns on disconnected graphs; ours often are, and the scores are still the leading vector
        warnings.simplefilter("ignore", RuntimeWarning)
        scores = graph.eigenvector_centrality()
    norm = math.sqrt(sum(value * value for value in scores)) or 1.0
    return {node: value / norm for node, value in zip(nodes, scores, strict=True)}


def leiden(simple: nx.Graph, seed: int) -> tuple[list[set[str]], float]:
    """Communities maximising modularity (Leiden, weighted by relation count, run to convergence), and
    that modularity.

    igraph's own Leiden gives the same modularity as the leidenalg package here, several times faster.
    It draws from igraph's process-wide random generator, so a lock keeps the seeded generator to one
    call at a time and the default is put back after.
    """
    graph, nodes = to_igraph(simple)
    if graph.ecount() == 0:
        return [{node} for node in nodes], 0.0
    with _RNG_LOCK:
        ig.set_random_number_generator(random.Random(seed))  # noqa: S311 (seeded for repeatable runs)
        try:
            clusters = graph.community_leiden(
                objective_function="modularity", weights="weight", n_iterations=-1
            )
        finally:
            ig.set_random_number_generator(random)
    groups = [{nodes[v] for v in members} for members in clusters]
    return groups, float(graph.modularity(clusters.membership, weights="weight"))


def cut_structure(simple: nx.Graph) -> tuple[list[set[str]], set[str], list[tuple[str, str]], list[set[str]]]:
    """Biconnected blocks, articulation points, bridges (u < v) and the parts left once bridges are cut."""
    graph, nodes = to_igraph(simple)
    cover, points = graph.biconnected_components(return_articulation_points=True)
    blocks = [{nodes[v] for v in block} for block in cover]
    bridge_ids = graph.bridges()
    bridges = []
    for edge_id in bridge_ids:
        a, b = graph.es[edge_id].tuple
        bridges.append((nodes[a], nodes[b]))
    graph.delete_edges(bridge_ids)  # our own copy, made above
    parts = [{nodes[v] for v in part} for part in graph.connected_components()]
    return blocks, {nodes[v] for v in points}, bridges, parts
