"""Centrality on networks whose answers are known by construction."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.analytics import centrality as centrality_module
from graph.analytics import fast
from graph.analytics.build import simple_undirected, to_networkx
from graph.analytics.centrality import centrality
from graph.ontology import NodeType
from tests.graph.analytics_nets import L, star, two_blocs_and_a_broker


@pytest.mark.parametrize("metric", ["degree", "betweenness", "pagerank", "eigenvector"])
def test_star_centre_ranks_first_on_every_metric(metric: str) -> None:
    net, centre, _members = star(6)
    result = centrality(net.graph(), metric, limit=3)  # type: ignore[arg-type]
    assert result.items[0].id == centre
    assert result.items[0].rank == 1
    assert result.items[0].degree == 6
    assert len(result.items) == 3 and result.truncated
    assert result.scope.n_nodes == 7 and result.scope.n_relations == 6
    assert not result.approximate


def test_star_degree_scores_are_exact() -> None:
    net, centre, members = star(4)
    result = centrality(net.graph(), "degree", limit=10)
    scores = {item.id: item.score for item in result.items}
    assert scores[centre] == 1.0
    assert all(scores[m] == 0.25 for m in members)
    # ties broken by id, so the order is stable
    assert [item.id for item in result.items[1:]] == sorted(members)
    assert not result.truncated


def test_broker_between_two_blocs_has_top_betweenness() -> None:
    net, west, east, broker = two_blocs_and_a_broker()
    result = centrality(net.graph(), "betweenness", limit=20)
    assert result.items[0].id == broker
    assert result.algorithm == "networkx.betweenness_centrality"
    # every shortest path between the blocs (4 x 4 pairs) runs through the broker, and no other
    # pair of the 8 others (C(8, 2) = 28 pairs) needs it: normalised betweenness 16 / 28
    assert result.items[0].score == pytest.approx(16 / 28, abs=1e-6)
    # a bloc member next to the broker carries half the paths from its two far bloc-mates to the
    # broker and the other bloc: 2 x 5 x 1/2 = 5 of 28
    assert [item.id for item in result.items[1:5]] == sorted([west[0], west[1], east[0], east[1]])
    assert all(item.score == pytest.approx(5 / 28, abs=1e-6) for item in result.items[1:5])


def test_type_filter_ranks_only_that_type_but_scores_in_the_whole_network() -> None:
    net, _centre, members = star(3)
    result = centrality(net.graph(), "degree", limit=10, node_type=L)
    assert {item.id for item in result.items} == set(members)
    assert all(item.score == pytest.approx(1 / 3) for item in result.items)
    assert result.scope.n_nodes == 4


def test_empty_network_answers_empty() -> None:
    for metric in ("degree", "betweenness", "pagerank", "eigenvector"):
        result = centrality(to_networkx([], []), metric, limit=5)
        assert result.items == [] and not result.truncated and result.scope.n_nodes == 0


def _random_graph(n: int, seed: int) -> nx.Graph:
    graph = nx.gnm_random_graph(n, n * 2, seed=seed)
    return nx.relabel_nodes(graph, {i: f"n{i:04d}" for i in graph})


def test_igraph_exact_betweenness_matches_networkx() -> None:
    graph = _random_graph(120, seed=3)
    ours = fast.betweenness(graph, None, seed=1)
    theirs = nx.betweenness_centrality(graph)
    assert ours == pytest.approx(theirs, abs=1e-9)


def test_sampled_betweenness_is_seeded_and_finds_the_broker() -> None:
    net, _west, _east, broker = two_blocs_and_a_broker()
    simple = simple_undirected(net.graph())
    first = fast.betweenness(simple, samples=5, seed=11)
    again = fast.betweenness(simple, samples=5, seed=11)
    assert first == again
    assert max(first, key=lambda node: first[node]) == broker


def test_eigenvector_and_pagerank_from_igraph_agree_with_networkx() -> None:
    graph = _random_graph(80, seed=5)
    assert fast.eigenvector(graph) == pytest.approx(nx.eigenvector_centrality(graph, max_iter=1000), abs=1e-4)
    total = sum(fast.pagerank(graph).values())
    assert total == pytest.approx(1.0)


def test_large_networks_switch_library_and_say_when_estimated(monkeypatch: pytest.MonkeyPatch) -> None:
    net, _west, _east, broker = two_blocs_and_a_broker()
    monkeypatch.setattr(centrality_module, "NX_EXACT_MAX_NODES", 3)
    exact = centrality(net.graph(), "betweenness", limit=1)
    assert exact.algorithm == "igraph.betweenness" and not exact.approximate
    assert exact.items[0].id == broker
    monkeypatch.setattr(centrality_module, "IGRAPH_EXACT_MAX_NODES", 3)
    monkeypatch.setattr(centrality_module, "BETWEENNESS_SAMPLES", 8)
    estimated = centrality(net.graph(), "betweenness", limit=1)
    assert estimated.approximate and estimated.samples == 8
    assert "sampled" in estimated.algorithm
    assert estimated.items[0].id == broker


def test_ranking_does_not_depend_on_input_order() -> None:
    net, _west, _east, broker = two_blocs_and_a_broker()
    for metric in ("degree", "betweenness", "pagerank", "eigenvector"):
        runs = {
            tuple((item.id, item.score) for item in centrality(net.graph(shuffle), metric, 9).items)
            for shuffle in (None, 1, 2)
        }
        assert len(runs) == 1, metric
    assert NodeType.GROUP == net.entities[broker].type
