"""Who matters most: degree, betweenness (brokers), PageRank and eigenvector centrality.

Scores are computed on the undirected network of distinct related pairs (build.simple_undirected),
then only entities of the asked type are ranked: "the most central leaders" are central in the whole
network, not in a network of leaders alone. Which library runs, and whether the result is an
estimate, is chosen by size and stated in the result:

- betweenness: networkx, exact, up to NX_EXACT_MAX_NODES; igraph, exact, up to IGRAPH_EXACT_MAX_NODES;
  above that igraph estimates it from BETWEENNESS_SAMPLES seeded random sources (`approximate: true`);
- eigenvector: networkx up to NX_EIGENVECTOR_MAX_NODES, igraph above;
- PageRank: igraph (networkx's needs scipy, which this project does not carry);
- degree: networkx, always exact.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import networkx as nx

from graph.analytics import fast
from graph.analytics.build import entity_ref, scope_of, simple_undirected
from graph.analytics.models import CentralityResult, Metric, RankedEntity
from graph.ontology import NodeType

SEED = 7
NX_EXACT_MAX_NODES = 1_000
IGRAPH_EXACT_MAX_NODES = 5_000
NX_EIGENVECTOR_MAX_NODES = 1_000
BETWEENNESS_SAMPLES = 256
EIGENVECTOR_MAX_ITER = 1_000
# Scores equal up to float noise rank as ties, broken by id.
_TIE_DIGITS = 9
_SHOWN_DIGITS = 6


@dataclass(frozen=True)
class Scores:
    values: dict[str, float]
    algorithm: str
    approximate: bool = False
    samples: int | None = None


def betweenness_scores(simple: nx.Graph, seed: int = SEED) -> Scores:
    n = simple.number_of_nodes()
    if n <= NX_EXACT_MAX_NODES:
        return Scores(nx.betweenness_centrality(simple), "networkx.betweenness_centrality")
    if n <= IGRAPH_EXACT_MAX_NODES:
        return Scores(fast.betweenness(simple, None, seed), "igraph.betweenness")
    return Scores(
        fast.betweenness(simple, BETWEENNESS_SAMPLES, seed),
        "igraph.betweenness (sampled sources)",
        approximate=True,
        samples=BETWEENNESS_SAMPLES,
    )


def eigenvector_scores(simple: nx.Graph, seed: int = SEED) -> Scores:
    if simple.number_of_edges() == 0:
        return Scores(dict.fromkeys(simple.nodes, 0.0), "networkx.eigenvector_centrality")
    if simple.number_of_nodes() <= NX_EIGENVECTOR_MAX_NODES:
        try:
            values = nx.eigenvector_centrality(simple, max_iter=EIGENVECTOR_MAX_ITER)
            return Scores(values, "networkx.eigenvector_centrality")
        except nx.PowerIterationFailedConvergence:
            pass  # igraph's ARPACK solver converges where plain power iteration does not
    return Scores(fast.eigenvector(simple), "igraph.eigenvector_centrality")


def degree_scores(simple: nx.Graph, seed: int = SEED) -> Scores:
    return Scores(nx.degree_centrality(simple), "networkx.degree_centrality")


def pagerank_scores(simple: nx.Graph, seed: int = SEED) -> Scores:
    return Scores(fast.pagerank(simple), "igraph.pagerank")


SCORERS: dict[str, Callable[[nx.Graph, int], Scores]] = {
    "degree": degree_scores,
    "betweenness": betweenness_scores,
    "pagerank": pagerank_scores,
    "eigenvector": eigenvector_scores,
}


def rank(
    simple: nx.Graph, values: dict[str, float], node_type: NodeType | None, limit: int
) -> tuple[list[RankedEntity], bool]:
    """The `limit` highest scores among entities of `node_type` (all types when None), ties by id."""
    candidates = [n for n in simple.nodes if node_type is None or simple.nodes[n]["type"] == node_type]
    candidates.sort(key=lambda n: (-round(values.get(n, 0.0), _TIE_DIGITS), n))
    items = [
        RankedEntity(
            **entity_ref(simple, node).model_dump(),
            rank=position,
            score=round(values.get(node, 0.0), _SHOWN_DIGITS),
            degree=simple.degree(node),
        )
        for position, node in enumerate(candidates[:limit], start=1)
    ]
    return items, len(candidates) > limit


def centrality(
    graph: nx.Graph,
    metric: Metric,
    limit: int,
    node_type: NodeType | None = None,
    seed: int = SEED,
) -> CentralityResult:
    """Rank the entities of `graph` (see build.from_store) by `metric`."""
    simple = simple_undirected(graph)
    scores = SCORERS[metric](simple, seed)
    items, truncated = rank(simple, scores.values, node_type, limit)
    return CentralityResult(
        metric=metric,
        algorithm=scores.algorithm,
        approximate=scores.approximate,
        samples=scores.samples,
        scope=scope_of(simple),
        items=items,
        limit=limit,
        truncated=truncated,
    )
