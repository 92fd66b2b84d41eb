"""Checking and merging one document's contribution before a store writes it."""

from __future__ import annotations

import pytest

from graph.docgraph import choose_name, merge_aliases, merge_attributes, prepare, resolve_endpoints
from graph.errors import InvalidInput
from graph.ids import relation_id
from graph.models import EntityRecord
from graph.ontology import NodeType, RelType
from tests.graph import factories as f


def test_choose_name_prefers_the_name_the_id_was_made_from() -> None:
    jem = "group:jaish-e-mohammed"
    assert choose_name(jem, ["JeM", "Jaish-e-Mohammed", "Army of Muhammad"]) == "Jaish-e-Mohammed"
    assert choose_name(jem, ["Jaish-e-Muhammad", "JeM"]) == "Jaish-e-Muhammad"  # else the smallest
    assert choose_name(jem, ["JAISH E MOHAMMED", "Jaish-e-Mohammed"]) == "JAISH E MOHAMMED"


def test_merge_aliases_one_spelling_per_folded_form_without_the_name() -> None:
    labels = ["JeM", "JEM", "Jaish-e-Mohammed", "jaish e mohammed", " ", "Army of Muhammad"]
    assert merge_aliases("Jaish-e-Mohammed", labels) == ["Army of Muhammad", "JEM"]


def test_merge_attributes_newest_document_wins() -> None:
    merged = merge_attributes(
        [
            (("2019", "doc:b"), {"amir": "new", "founded": "2000"}),
            (("2014", "doc:a"), {"amir": "old", "x": 1}),
        ]
    )
    assert merged == {"amir": "new", "founded": "2000", "x": 1}


def test_prepare_merges_duplicates_within_a_document() -> None:
    b = f.DocBuilder("dup", date="2015")
    b.entity(f.G, "Jaish-e-Mohammed", ("JeM",))
    b.entity(f.G, "Jaish-e-Muhammad", ("Jaish",), id=f.JEM, founded="2000")
    b.entity(f.G, "Taliban")
    b.relate("ALLIED_WITH", f.TALIBAN, f.JEM, confidence=0.3)
    b.relate("ALLIED_WITH", f.JEM, f.TALIBAN, confidence=0.7, date="2016-02")
    prepared = prepare(b.build())
    jem = prepared.entities[f.JEM]
    assert jem.name == "Jaish-e-Mohammed"
    assert jem.aliases == ["Jaish", "Jaish-e-Muhammad", "JeM"]
    assert jem.attributes == {"founded": "2000"}
    [allied] = prepared.relations.values()
    assert allied.id == relation_id(RelType.ALLIED_WITH, f.JEM, f.TALIBAN)
    assert (allied.source, allied.target) == (f.JEM, f.TALIBAN)
    assert len(allied.evidence) == 2
    assert (allied.confidence, allied.first_seen, allied.last_seen) == (0.7, "2015", "2016-02")


def test_two_types_for_one_id_are_refused() -> None:
    b = f.DocBuilder("clash")
    b.entity(f.G, "Jaish")
    b.entity(f.P, "Jaish", id=f.eid(f.G, "Jaish"))
    with pytest.raises(InvalidInput):
        prepare(b.build())


def test_resolve_endpoints_uses_the_store_and_lists_what_it_borrowed() -> None:
    b = f.DocBuilder("borrow")
    b.entity(f.P, "Kashmir")
    b.relate("OPERATES_IN", f.JEM, f.KASHMIR)
    prepared = prepare(b.build())
    with pytest.raises(InvalidInput):
        resolve_endpoints(prepared, {})
    [borrowed] = resolve_endpoints(prepared, {f.JEM: (NodeType.GROUP, "Jaish-e-Mohammed")})
    assert (borrowed.id, borrowed.name, borrowed.aliases) == (f.JEM, "Jaish-e-Mohammed", [])
    with pytest.raises(InvalidInput):
        resolve_endpoints(prepared, {f.JEM: (NodeType.LEADER, "Jaish-e-Mohammed")})


def test_records_without_names_are_refused() -> None:
    graph = f.DocBuilder("nameless").build()
    graph.entities = [EntityRecord(id="group:x", type=NodeType.GROUP, name="  ")]
    with pytest.raises(InvalidInput):
        prepare(graph)
