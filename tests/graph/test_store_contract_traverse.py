"""GraphStore contract, part 3: neighbourhoods, subgraphs and shortest paths."""

from __future__ import annotations

import pytest

from graph.errors import InvalidInput, NotFound
from graph.models import RelationFilter, Subgraph
from graph.ontology import NodeType, Reliability, RelType
from graph.store import GraphStore
from tests.graph import factories as f
from tests.graph.factories import (
    BALAKOT,
    JEM,
    KASHMIR,
    KP,
    LET,
    MASOOD,
    MUZAFFARABAD,
    RAUF,
    SAEED,
    TALIBAN,
    rid,
)
from tests.graph.test_store_contract import load


@pytest.fixture
def world(store: GraphStore) -> GraphStore:
    load(store, *f.world())
    return store


def node_ids(sub: Subgraph) -> set[str]:
    return {n.id for n in sub.nodes}


def edge_ids(sub: Subgraph) -> set[str]:
    return {e.id for e in sub.edges}


def test_one_hop_both_ways(world: GraphStore) -> None:
    sub = world.neighbors(JEM, hops=1, limit=50)
    assert node_ids(sub) == {JEM, MASOOD, BALAKOT, TALIBAN, KASHMIR, LET, RAUF, MUZAFFARABAD}
    assert len(sub.edges) == 7 and not sub.truncated
    assert sub.nodes[0].id == JEM
    assert rid("RELATED_TO", RAUF, MASOOD) not in edge_ids(sub)  # both ends at distance 1: not walked
    assert all(1 <= len(e.evidence) <= 3 for e in sub.edges)
    assert all(n.degree is not None for n in sub.nodes)


def test_two_hops_reach_everything(world: GraphStore) -> None:
    sub = world.neighbors(JEM, hops=2, limit=50)
    assert node_ids(sub) == {JEM, MASOOD, BALAKOT, TALIBAN, KASHMIR, LET, RAUF, MUZAFFARABAD, KP, SAEED}
    assert len(sub.edges) == 11
    assert [n.id for n in sub.nodes][-2:] == [SAEED, KP]  # nearest first, then by name


@pytest.mark.parametrize(
    ("direction", "expected"),
    [
        ("out", {BALAKOT, KASHMIR, MUZAFFARABAD, TALIBAN, LET}),
        ("in", {MASOOD, RAUF, TALIBAN, LET}),  # symmetric relations count both ways
    ],
)
def test_direction(world: GraphStore, direction: str, expected: set[str]) -> None:
    sub = world.neighbors(JEM, hops=1, limit=50, direction=direction)  # type: ignore[arg-type]
    assert node_ids(sub) == expected | {JEM}
    assert len(sub.edges) == len(expected)


def test_direction_out_two_hops_follows_arrows(world: GraphStore) -> None:
    sub = world.neighbors(MASOOD, hops=2, limit=50, direction="out")
    # Masood -> JeM (LEADS), Masood - Rauf (symmetric), then JeM's outgoing and symmetric ones.
    assert node_ids(sub) == {MASOOD, JEM, RAUF, BALAKOT, KASHMIR, MUZAFFARABAD, TALIBAN, LET}
    assert rid("MEMBER_OF", RAUF, JEM) in edge_ids(sub)  # Rauf -> JeM, both already reached


def test_node_types_filter_keeps_the_start(world: GraphStore) -> None:
    sub = world.neighbors(JEM, hops=1, limit=50, node_types=[NodeType.LEADER])
    assert node_ids(sub) == {JEM, MASOOD, RAUF}
    sub = world.neighbors(MASOOD, hops=2, limit=50, node_types=[NodeType.LEADER])
    assert node_ids(sub) == {MASOOD, RAUF}
    assert edge_ids(sub) == {rid("RELATED_TO", RAUF, MASOOD)}


def test_relation_filters_apply_to_every_hop(world: GraphStore) -> None:
    hostile = RelationFilter(types=[RelType.ALLIED_WITH, RelType.RIVAL_OF])
    assert node_ids(world.neighbors(JEM, hops=3, limit=50, filt=hostile)) == {JEM, TALIBAN, LET}
    graded_a = RelationFilter(min_reliability=Reliability.A)
    assert node_ids(world.neighbors(JEM, hops=2, limit=50, filt=graded_a)) == {
        JEM,
        TALIBAN,
        LET,
        SAEED,
        KASHMIR,
    }
    credible = RelationFilter(max_credibility=3)
    assert node_ids(world.neighbors(JEM, hops=1, limit=50, filt=credible)) == {JEM, MASOOD, KASHMIR, TALIBAN}


def test_time_filters(world: GraphStore) -> None:
    in_2014 = world.neighbors(JEM, hops=2, limit=50, filt=RelationFilter(as_of="2014"))
    assert node_ids(in_2014) == {JEM, MASOOD, BALAKOT, KP, TALIBAN, KASHMIR}
    since_2017 = world.neighbors(JEM, hops=2, limit=50, filt=RelationFilter(since="2017-01"))
    assert node_ids(since_2017) == {JEM, LET, RAUF, MASOOD, MUZAFFARABAD}
    assert node_ids(world.neighbors(JEM, hops=2, limit=50, filt=RelationFilter(until="2013"))) == {JEM}


def test_limit_caps_nodes_and_keeps_the_strongest(store: GraphStore) -> None:
    load(store, f.hub(10))
    hub = f.eid(f.G, "Hub Group")
    sub = store.neighbors(hub, hops=1, limit=4)
    assert sub.truncated
    assert len(sub.nodes) == 4 and len(sub.edges) == 3
    assert node_ids(sub) == {hub, f.eid(f.P, "Place 09"), f.eid(f.P, "Place 08"), f.eid(f.P, "Place 07")}
    whole = store.neighbors(hub, hops=1, limit=11)
    assert (len(whole.nodes), whole.truncated) == (11, False)


def test_neighbors_refuses_bad_arguments(world: GraphStore) -> None:
    with pytest.raises(NotFound):
        world.neighbors("group:nobody", hops=1, limit=10)
    with pytest.raises(InvalidInput):
        world.neighbors(JEM, hops=0, limit=10)
    with pytest.raises(InvalidInput):
        world.neighbors(JEM, hops=1, limit=0)
    with pytest.raises(InvalidInput):
        world.neighbors(JEM, hops=1, limit=10, direction="sideways")  # type: ignore[arg-type]


def test_subgraph_is_the_union_of_neighbourhoods(world: GraphStore) -> None:
    sub = world.subgraph([SAEED, BALAKOT], hops=1, limit=50)
    assert node_ids(sub) == {SAEED, LET, BALAKOT, JEM, KP}
    assert edge_ids(sub) == {
        rid("LEADS", SAEED, LET),
        rid("TRAINS_AT", JEM, BALAKOT),
        rid("LOCATED_IN", BALAKOT, KP),
    }
    among = world.subgraph([JEM, TALIBAN, MASOOD, SAEED], hops=0, limit=50)
    assert node_ids(among) == {JEM, TALIBAN, MASOOD, SAEED}
    assert edge_ids(among) == {rid("ALLIED_WITH", JEM, TALIBAN), rid("LEADS", MASOOD, JEM)}
    capped = world.subgraph([JEM, TALIBAN, MASOOD], hops=1, limit=2)
    assert capped.truncated and len(capped.nodes) == 2
    with pytest.raises(NotFound):
        world.subgraph([JEM, "group:nobody"], hops=1, limit=10)


def test_shortest_path_with_its_edges_and_evidence(world: GraphStore) -> None:
    result = world.shortest_paths(MASOOD, LET, max_hops=4, limit=10)
    assert not result.truncated
    assert len(result.paths) == 1
    path = result.paths[0]
    assert [n.id for n in path.nodes] == [MASOOD, JEM, LET]
    assert [e.id for e in path.edges] == [rid("LEADS", MASOOD, JEM), rid("RIVAL_OF", JEM, LET)]
    assert all(e.evidence for e in path.edges)


def test_all_shortest_paths_and_their_limit(store: GraphStore) -> None:
    load(
        store,
        f.chain_doc("left", ["Alpha", "Bravo", "Delta"]),
        f.chain_doc("right", ["Alpha", "Charlie", "Delta"]),
    )
    load(store, f.chain_doc("long", ["Alpha", "Echo", "Foxtrot", "Delta"]))
    alpha, delta = f.eid(f.G, "Alpha"), f.eid(f.G, "Delta")
    result = store.shortest_paths(alpha, delta, max_hops=5, limit=10)
    middles = sorted(p.nodes[1].name for p in result.paths)
    assert middles == ["Bravo", "Charlie"]
    assert all(len(p.edges) == 2 and p.nodes[0].id == alpha and p.nodes[-1].id == delta for p in result.paths)
    one = store.shortest_paths(delta, alpha, max_hops=5, limit=1)
    assert len(one.paths) == 1 and one.truncated
    assert store.shortest_paths(alpha, delta, max_hops=1, limit=10).paths == []


def test_paths_respect_filters_and_edge_cases(world: GraphStore) -> None:
    only_operates = RelationFilter(types=[RelType.OPERATES_IN])
    path = world.shortest_paths(LET, JEM, max_hops=4, limit=10, filt=only_operates).paths
    assert [[n.id for n in p.nodes] for p in path] == [[LET, KASHMIR, JEM]]
    same = world.shortest_paths(JEM, JEM, max_hops=3, limit=10)
    assert [[n.id for n in p.nodes] for p in same.paths] == [[JEM]] and same.paths[0].edges == []
    with pytest.raises(NotFound):
        world.shortest_paths(JEM, "group:nobody", max_hops=3, limit=10)
    with pytest.raises(InvalidInput):
        world.shortest_paths(JEM, LET, max_hops=0, limit=10)
