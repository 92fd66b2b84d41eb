"""GraphStore contract, part 2: finding entities, names, documents and relations."""

from __future__ import annotations

import pytest

from graph.errors import InvalidInput, NotFound
from graph.models import RelationFilter
from graph.ontology import NodeType, Reliability, RelType
from graph.store import GraphStore
from tests.graph import factories as f
from tests.graph.factories import JEM, KASHMIR, LET, MASOOD, MUZAFFARABAD, RAUF, TALIBAN, rid
from tests.graph.test_store_contract import load

HOSTILE = [
    '"',
    "*",
    "AND OR (",
    "NEAR(",
    'jaish"*) OR (x',
    "'; DROP TABLE entities; --",
    "^",
    ":",
    "-",
    "{}",
    "\x00",
]


@pytest.fixture
def world(store: GraphStore) -> GraphStore:
    load(store, *f.world())
    return store


def ids(page) -> list[str]:
    return [item.id for item in page.items]


def test_find_entities_empty_query_lists_all_by_degree_then_name(world: GraphStore) -> None:
    page = world.find_entities(None, None, limit=20)
    assert ids(page) == [
        JEM,
        LET,
        RAUF,
        f.BALAKOT,
        KASHMIR,
        MASOOD,
        f.SAEED,
        f.KP,
        MUZAFFARABAD,
        TALIBAN,
    ]
    assert [e.degree for e in page.items] == [7, 3, 2, 2, 2, 2, 1, 1, 1, 1]
    assert (page.total, page.truncated) == (10, False)
    assert ids(world.find_entities("", None, limit=20)) == ids(page)
    assert ids(world.find_entities("  ", NodeType.LEADER, limit=20)) == [RAUF, MASOOD, f.SAEED]


def test_find_entities_pages(world: GraphStore) -> None:
    first = world.find_entities(None, None, limit=4)
    second = world.find_entities(None, None, limit=4, offset=4)
    assert (first.total, first.truncated, second.truncated) == (10, True, True)
    assert ids(first) + ids(second) == ids(world.find_entities(None, None, limit=8))
    with pytest.raises(InvalidInput):
        world.find_entities(None, None, limit=0)
    with pytest.raises(InvalidInput):
        world.find_entities(None, None, limit=5, offset=-1)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("jaish", JEM),
        ("JAISH-E-MOH", JEM),
        ("Mohammed", JEM),
        ("jem", JEM),
        ("army of muh", JEM),
        ("muzaffarabad", MUZAFFARABAD),
        ("MUZAFFARĀBĀD", MUZAFFARABAD),
        ("lashkar taiba", LET),
        ("maulana", MASOOD),
    ],
)
def test_find_entities_by_prefix_accent_and_case(world: GraphStore, query: str, expected: str) -> None:
    assert expected in ids(world.find_entities(query, None, limit=10))


def test_find_entities_ranks_exact_names_first_and_filters_by_type(world: GraphStore) -> None:
    azhar = world.find_entities("azhar", None, limit=10)
    assert set(ids(azhar)) == {MASOOD, RAUF}
    assert ids(world.find_entities("Masood Azhar", None, limit=10))[0] == MASOOD
    assert ids(world.find_entities("kashmir", NodeType.GROUP, limit=10)) == []
    assert ids(world.find_entities("kashmir", NodeType.PLACE, limit=10)) == [KASHMIR]
    assert world.find_entities("jaish", None, limit=10).items[0].degree == 7


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_query_text_is_only_ever_text(world: GraphStore, query: str) -> None:
    page = world.find_entities(query, None, limit=10)
    assert page.total == len(page.items)
    assert world.search_documents(query, limit=10).total is not None


def test_hostile_query_that_contains_a_word_finds_that_word(world: GraphStore) -> None:
    assert ids(world.find_entities('jaish"*) OR (x', None, limit=10)) == []  # "x" matches nothing: AND
    assert ids(world.find_entities('"taliban', None, limit=10)) == [TALIBAN]
    assert ids(world.find_entities("taliban AND OR (", None, limit=10)) == []


def test_lookup_names_is_exact_on_folded_names(world: GraphStore) -> None:
    found = world.lookup_names(["jem", "jaish e muhammad", "masood azhar", "jaish", "nobody"])
    assert found == {"jem": [JEM], "jaish e muhammad": [JEM], "masood azhar": [MASOOD]}
    assert world.lookup_names(["muzaffarabad"], NodeType.PLACE) == {"muzaffarabad": [MUZAFFARABAD]}
    assert world.lookup_names(["muzaffarabad"], NodeType.GROUP) == {}
    assert world.lookup_names([]) == {}


def test_lookup_names_lists_every_entity_sharing_a_name(store: GraphStore) -> None:
    b = f.DocBuilder("twins")
    b.entity(f.G, "Harakat ul-Mujahideen", ("HuM",))
    b.entity(f.G, "Hizb ul-Mujahideen", ("HuM",))
    load(store, b.build())
    assert store.lookup_names(["hum"]) == {
        "hum": sorted([f.eid(f.G, "Harakat ul-Mujahideen"), f.eid(f.G, "Hizb ul-Mujahideen")])
    }


def test_search_documents_returns_plain_snippets(world: GraphStore) -> None:
    page = world.search_documents("brother", limit=10)
    assert [hit.document.id for hit in page.items] == [f.doc_c().document.id]
    hit = page.items[0]
    assert "brother" in hit.snippet
    assert "<" not in hit.snippet and "</b>" not in hit.snippet
    assert {e.id for e in hit.entities} <= {RAUF, MASOOD, JEM, MUZAFFARABAD}
    assert hit.entities
    kashmir = world.search_documents("KASHMIR", limit=1)
    assert (kashmir.total, len(kashmir.items), kashmir.truncated) == (2, 1, True)
    assert world.search_documents("muzaffarabad", limit=5).total == 1  # accents do not matter
    assert world.search_documents("recruit", limit=5).total == 1  # prefix of "recruits"
    assert world.search_documents("", limit=5).items == []


def test_search_documents_snippet_keeps_markup_as_text(store: GraphStore) -> None:
    b = f.DocBuilder("markup")
    b.sentence("The <script>alert(1)</script> cell of <b>JeM</b> met.")
    load(store, b.build())
    hit = store.search_documents("alert", limit=1).items[0]
    assert "<script>alert(1)</script>" in hit.snippet


def test_find_relations_by_type_and_ends(world: GraphStore) -> None:
    operates = world.find_relations(RelType.OPERATES_IN, None, None, limit=10)
    assert {(r.source, r.target) for r in operates.items} == {
        (JEM, KASHMIR),
        (LET, KASHMIR),
        (JEM, MUZAFFARABAD),
    }
    into_kashmir = world.find_relations(None, None, KASHMIR, limit=10)
    assert {r.source for r in into_kashmir.items} == {JEM, LET}
    from_jem = world.find_relations(None, JEM, None, limit=20)
    assert from_jem.total == 5  # 3 outgoing + the 2 symmetric ones
    reversed_symmetric = world.find_relations(RelType.ALLIED_WITH, TALIBAN, JEM, limit=10)
    assert ids(reversed_symmetric) == [rid("ALLIED_WITH", JEM, TALIBAN)]
    assert world.find_relations(RelType.LEADS, JEM, MASOOD, limit=10).items == []  # LEADS has a direction
    assert world.find_relations(None, "group:nobody", None, limit=10).total == 0
    page = world.find_relations(None, None, None, limit=4)
    assert (page.total, len(page.items), page.truncated) == (11, 4, True)
    assert all(1 <= len(r.evidence) <= 3 for r in page.items)


def test_find_relations_with_filters(world: GraphStore) -> None:
    def found(**kwargs) -> set[str]:
        return set(ids(world.find_relations(None, None, None, limit=50, filt=RelationFilter(**kwargs))))

    doc_a_relations = {rid(r.type, r.source, r.target) for r in f.doc_a().relations}
    assert found(as_of="2014") == doc_a_relations
    assert found(until="2014-05-31") == doc_a_relations
    assert found(as_of="2014-04") == set()
    later = {rid("RIVAL_OF", LET, JEM)} | {rid(r.type, r.source, r.target) for r in f.doc_c().relations}
    assert found(since="2017") == later
    assert found(since="2016-06", as_of="2016-12") == {
        rid("ALLIED_WITH", JEM, TALIBAN),
        rid("LEADS", f.SAEED, LET),
        rid("OPERATES_IN", LET, KASHMIR),
    }
    assert found(min_reliability=Reliability.A) == {
        rid(r.type, r.source, r.target) for r in f.doc_b().relations
    }
    assert found(max_credibility=1) == {rid("ALLIED_WITH", JEM, TALIBAN)}
    assert found(types=[RelType.RELATED_TO, RelType.MEMBER_OF]) == {
        rid("RELATED_TO", RAUF, MASOOD),
        rid("MEMBER_OF", RAUF, JEM),
    }
    assert found(types=[]) == set()
    with pytest.raises(InvalidInput):
        found(as_of="last year")


def test_entity_relations_both_directions_strongest_first(world: GraphStore) -> None:
    page = world.entity_relations(JEM, limit=10)
    assert page.total == 7
    assert page.items[0].id == rid("ALLIED_WITH", JEM, TALIBAN)  # the only one with two documents
    assert {r.id for r in page.items} >= {rid("LEADS", MASOOD, JEM), rid("TRAINS_AT", JEM, f.BALAKOT)}
    assert all(r.evidence for r in page.items)
    limited = world.entity_relations(JEM, limit=2, filt=RelationFilter(types=[RelType.OPERATES_IN]))
    assert (limited.total, len(limited.items), limited.truncated) == (2, 2, False)
    with pytest.raises(NotFound):
        world.entity_relations("group:nobody", limit=10)
