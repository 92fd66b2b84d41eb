"""Building the analytics network from a real store: the Python filter agrees with the store's own."""

from __future__ import annotations

import pytest

from graph.analytics.build import from_store, select, simple_from_store, simple_graph, simple_undirected
from graph.analytics.cache import fingerprint
from graph.models import RelationFilter
from graph.ontology import NodeType, Reliability, RelType
from graph.store import GraphStore
from tests.graph import factories

FILTERS = [
    RelationFilter(),
    RelationFilter(as_of="2014"),
    RelationFilter(as_of="2016-12"),
    RelationFilter(since="2017", until="2019"),
    RelationFilter(since="2019-07"),
    RelationFilter(until="2015"),
    RelationFilter(min_reliability=Reliability.B),
    RelationFilter(max_credibility=3),
    RelationFilter(types=[RelType.LEADS, RelType.MEMBER_OF]),
    RelationFilter(as_of="2018", max_credibility=4, min_reliability=Reliability.C),
]


@pytest.fixture
def world(store: GraphStore) -> GraphStore:
    for graph in factories.world():
        store.write_document(graph)
    return store


@pytest.mark.parametrize("filt", FILTERS, ids=lambda f: f.model_dump_json(exclude_none=True))
def test_network_holds_exactly_the_relations_the_store_filter_returns(
    world: GraphStore, filt: RelationFilter
) -> None:
    expected = world.find_relations(None, None, None, limit=1000, filt=filt)
    assert not expected.truncated
    graph = from_store(world, filt)
    assert {key for _, _, key in graph.edges(keys=True)} == {r.id for r in expected.items}
    assert set(graph.nodes) == {end for r in expected.items for end in (r.source, r.target)}


def test_the_world_has_relations_to_filter(world: GraphStore) -> None:
    # the filters above must not all pass or fail everything: the corpus spans dates and grades
    sizes = {len(list(from_store(world, filt).edges)) for filt in FILTERS}
    assert len(sizes) >= 4


def test_simple_network_matches_the_multigraph_route(world: GraphStore) -> None:
    direct = simple_from_store(world)
    via = simple_undirected(from_store(world))
    assert sorted(direct.nodes(data=True)) == sorted(via.nodes(data=True))
    assert sorted(direct.edges(data=True)) == sorted(via.edges(data=True))
    assert direct.graph == via.graph
    chosen = select(world)
    assert sorted(simple_graph(chosen.entities, chosen.relations).edges) == sorted(direct.edges)


def test_relation_cap_and_type_restrictions(world: GraphStore) -> None:
    total = len(list(world.iter_relations()))
    capped = from_store(world, max_edges=2)
    assert capped.number_of_edges() == 2 and capped.graph["truncated"] is True
    assert from_store(world, max_edges=total).graph["truncated"] is False
    leaders_and_groups = from_store(world, node_types=[NodeType.LEADER, NodeType.GROUP])
    assert {t for _, t in leaders_and_groups.nodes(data="type")} == {NodeType.LEADER, NodeType.GROUP}
    only_leads = from_store(world, rel_types=[RelType.LEADS])
    assert {t for _, _, t in only_leads.edges(data="type")} == {RelType.LEADS}


def test_fingerprint_changes_on_every_write_and_delete(store: GraphStore) -> None:
    empty = fingerprint(store)
    graphs = factories.world()
    store.write_document(graphs[0])
    one = fingerprint(store)
    store.write_document(graphs[0])  # re-ingesting changes nothing
    assert fingerprint(store) == one != empty
    store.write_document(graphs[1])
    assert fingerprint(store) != one
    store.delete_document(graphs[1].document.id)
    assert fingerprint(store) == one
