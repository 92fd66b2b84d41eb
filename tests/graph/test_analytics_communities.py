"""Communities on networks whose blocs are known by construction."""

from __future__ import annotations

import pytest

from graph.analytics import communities as communities_module
from graph.analytics import fast
from graph.analytics.build import simple_undirected, to_networkx
from graph.analytics.communities import communities, membership
from graph.ontology import RelType
from tests.graph.analytics_nets import G, Net, clique, two_communities


def _blocs(result: communities_module.CommunitiesResult) -> set[frozenset[str]]:
    return {frozenset(member.id for member in c.members) for c in result.communities}


def test_two_alliances_are_found_as_two_communities() -> None:
    net, north, south = two_communities()
    result = communities(net.graph(), limit=10)
    assert result.algorithm == "networkx.louvain_communities"
    assert result.n_communities == 2
    assert _blocs(result) == {frozenset(north), frozenset(south)}
    assert result.modularity > 0.3
    assert not result.truncated


def test_same_communities_on_every_run_and_input_order() -> None:
    net, _north, _south = two_communities()
    runs = {communities(net.graph(shuffle), limit=10).model_dump_json() for shuffle in (None, 1, 2, 3)}
    assert len(runs) == 1


def test_most_central_member_is_the_one_linking_out() -> None:
    net, north, _south = two_communities()
    # one more member of north, tied only to north[1]: north[1] now has the most neighbours inside
    extra = net.node(G, "North Extra")
    net.link(RelType.ALLIED_WITH, north[1], extra)
    result = communities(net.graph(), limit=10, top=2)
    largest = result.communities[0]
    assert largest.index == 0 and largest.size == 6
    assert largest.central[0].id == north[1]
    assert largest.central[0].score == 1.0  # tied to all 5 others inside
    assert len(largest.central) == 2


def test_limits_cut_communities_and_members_and_say_so() -> None:
    net = Net()
    big = clique(net, [f"Big {i}" for i in range(6)])
    small = clique(net, ["Small A", "Small B"])
    tiny = clique(net, ["Tiny A", "Tiny B"])
    result = communities(net.graph(), limit=2, max_members=3)
    assert result.n_communities == 3 and result.truncated
    assert [c.size for c in result.communities] == [6, 2]
    assert result.communities[0].members_truncated and len(result.communities[0].members) == 3
    assert {m.id for m in result.communities[1].members} == set(small)  # "Small" sorts before "Tiny"
    assert membership(result)[big[0]] == 0
    assert tiny[0] not in membership(result)


def test_leiden_finds_the_same_blocs_for_large_graphs(monkeypatch: pytest.MonkeyPatch) -> None:
    net, north, south = two_communities()
    monkeypatch.setattr(communities_module, "LARGE_GRAPH_NODES", 3)
    result = communities(net.graph(), limit=10)
    assert result.algorithm == "igraph.community_leiden"
    assert _blocs(result) == {frozenset(north), frozenset(south)}
    groups, modularity = fast.leiden(simple_undirected(net.graph()), seed=1)
    assert modularity == pytest.approx(result.modularity, abs=1e-6)
    assert len(groups) == 2


def test_empty_network_has_no_communities() -> None:
    result = communities(to_networkx([], []), limit=5)
    assert result.n_communities == 0 and result.communities == [] and result.modularity == 0.0


def test_leiden_is_repeatable_with_its_seed() -> None:
    net, _north, south = two_communities()
    extra = clique(net, [f"West {i}" for i in range(4)])
    net.link(RelType.ALLIED_WITH, extra[0], south[2])
    simple = simple_undirected(net.graph())
    runs = {tuple(sorted(tuple(sorted(g)) for g in fast.leiden(simple, seed=3)[0])) for _ in range(5)}
    assert len(runs) == 1
    assert len(next(iter(runs))) == 3
