"""Brokers (articulation points) and bridges, with the sizes of the pieces they leave."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.analytics import fast
from graph.analytics import structure as structure_module
from graph.analytics.build import simple_undirected
from graph.analytics.structure import bridge_sides, broker_pieces, brokers, cut_structure
from graph.ontology import RelType
from tests.graph.analytics_nets import G, L, Net, star, two_blocs_and_a_broker


def test_broker_between_two_blocs_is_the_only_articulation_point() -> None:
    net, _west, _east, broker = two_blocs_and_a_broker()
    result = brokers(net.graph(), limit=10)
    assert [b.id for b in result.brokers] == [broker]
    found = result.brokers[0]
    assert found.components == 2 and found.piece_sizes == [4, 4] and found.separated == 4
    assert result.bridges == [] and result.n_bridges == 0


def test_chain_brokers_and_bridges_with_their_sides() -> None:
    net = Net()
    a, b, c, d = (net.node(G, name) for name in ("Alpha", "Bravo", "Charlie", "Delta"))
    net.link(RelType.ALLIED_WITH, a, b)
    net.link(RelType.RIVAL_OF, b, c)
    net.link(RelType.ALLIED_WITH, c, d)
    result = brokers(net.graph(), limit=10)
    assert {x.id: x.piece_sizes for x in result.brokers} == {b: [2, 1], c: [2, 1]}
    middle = result.bridges[0]  # the most balanced cut comes first
    assert (middle.source.id, middle.target.id, middle.sides) == (b, c, (2, 2))
    assert middle.types == [RelType.RIVAL_OF]
    assert {(x.source.id, x.target.id): x.sides for x in result.bridges[1:]} == {
        (a, b): (1, 3),
        (c, d): (3, 1),
    }


def test_star_centre_splits_into_one_piece_per_member() -> None:
    net, centre, _members = star(5)
    result = brokers(net.graph(), limit=1)
    assert result.brokers[0].id == centre
    assert result.brokers[0].components == 5 and result.brokers[0].separated == 4
    assert result.n_bridges == 5 and len(result.bridges) == 1 and result.bridges_truncated


def test_type_filter_keeps_only_brokers_of_that_type() -> None:
    net, _centre, _members = star(3)
    assert brokers(net.graph(), limit=10, node_type=L).brokers == []
    assert brokers(net.graph(), limit=10, node_type=G).n_brokers == 1


def test_piece_sizes_match_deleting_each_node_on_random_sparse_graphs() -> None:
    checked_brokers = checked_bridges = 0
    for seed in range(5):
        graph = nx.gnm_random_graph(60, 70, seed=seed)
        net = Net()
        ids = [net.node(G, f"Group {i}") for i in range(60)]
        for u, v in graph.edges:
            net.link(RelType.ALLIED_WITH, ids[u], ids[v])
        simple = simple_undirected(net.graph())
        blocks, cuts, bridges, parts = cut_structure(simple)
        by_igraph = fast.cut_structure(simple)
        assert sorted(map(sorted, by_igraph[0])) == sorted(map(sorted, blocks))
        assert by_igraph[1] == cuts and sorted(by_igraph[2]) == sorted(bridges)
        assert sorted(map(sorted, by_igraph[3])) == sorted(map(sorted, parts))
        pieces = broker_pieces(blocks, cuts)
        assert set(pieces) == set(nx.articulation_points(simple))
        for node, sizes in pieces.items():
            rest = simple.copy()
            component = nx.node_connected_component(simple, node)
            rest.remove_node(node)
            expected = sorted(
                (len(c) for c in nx.connected_components(rest.subgraph(component - {node}))), reverse=True
            )
            assert sizes == expected
            checked_brokers += 1
        for (u, v), (u_side, v_side) in bridge_sides(bridges, parts).items():
            rest = simple.copy()
            rest.remove_edge(u, v)
            assert (len(nx.node_connected_component(rest, u)), len(nx.node_connected_component(rest, v))) == (
                u_side,
                v_side,
            )
            checked_bridges += 1
    assert checked_brokers > 20 and checked_bridges > 20


def test_large_graphs_use_igraph_with_the_same_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    net, _west, east, broker = two_blocs_and_a_broker()
    leaf = net.node(L, "Lone Member")
    net.link(RelType.MEMBER_OF, leaf, east[3])
    small = brokers(net.graph(), limit=10)
    monkeypatch.setattr(structure_module, "LARGE_GRAPH_NODES", 3)
    assert brokers(net.graph(), limit=10) == small
    assert [b.id for b in small.brokers] == [broker, east[3]]
    assert [(b.source.id, b.target.id, b.sides) for b in small.bridges] == [(east[3], leaf, (9, 1))]
