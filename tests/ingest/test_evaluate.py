"""The scorer on tiny hand-made gold/extraction pairs (no spaCy needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.errors import InvalidInput
from graph.ontology import NodeType, RelType
from ingest.evaluate import (
    GoldDocument,
    format_report,
    gold_pairs,
    load_gold,
    match_key,
    score_document,
    score_documents,
)
from ingest.models import ExtractedEntity, ExtractedRelation, Extraction, Span

GOLD = GoldDocument.model_validate(
    {
        "doc_id": "d1",
        "entities": [
            {"type": "Group", "name": "Jaish-e-Mohammed", "aliases": ["JeM"]},
            {"type": "Group", "name": "Taliban"},
            {"type": "Leader", "name": "Masood Azhar", "aliases": ["Maulana Masood Azhar"]},
            {"type": "Place", "name": "Bahawalpur"},
        ],
        "relations": [
            {"type": "LEADS", "source": "Masood Azhar", "target": "Jaish-e-Mohammed"},
            {"type": "ALLIED_WITH", "source": "Jaish-e-Mohammed", "target": "Taliban"},
            {"type": "OPERATES_IN", "source": "Jaish-e-Mohammed", "target": "Bahawalpur"},
        ],
    }
)


def _ent(kind: NodeType, name: str, aliases: list[str] | None = None) -> ExtractedEntity:
    return ExtractedEntity(type=kind, name=name, aliases=aliases or [])


def _rel(kind: RelType, src: tuple[NodeType, str], tgt: tuple[NodeType, str]) -> ExtractedRelation:
    span = Span(sentence="s", start=0, end=1)
    return ExtractedRelation(
        type=kind, source=src[1], source_type=src[0], target=tgt[1], target_type=tgt[0], evidence=[span]
    )


def test_match_key_folds_case_punctuation_hyphens_and_space() -> None:
    assert match_key("Jaish-e-Mohammed") == match_key("JAISH E MOHAMMED") == match_key("jaish e-mohammed")
    assert match_key("al-Qa\u2019ida") == match_key("Al Qaida")
    assert match_key("Jaish-e-Mohammed") != match_key("Jaish-e-Muhammad")


def test_perfect_extraction_scores_one() -> None:
    extraction = Extraction(
        entities=[
            _ent(NodeType.GROUP, "JeM"),  # an alias of the gold name counts
            _ent(NodeType.GROUP, "the Taliban".removeprefix("the ")),
            _ent(NodeType.LEADER, "Maulana Masood Azhar"),
            _ent(NodeType.PLACE, "BAHAWALPUR"),
        ],
        relations=[
            _rel(RelType.LEADS, (NodeType.LEADER, "Maulana Masood Azhar"), (NodeType.GROUP, "JeM")),
            # symmetric relation given the other way round still matches
            _rel(RelType.ALLIED_WITH, (NodeType.GROUP, "Taliban"), (NodeType.GROUP, "JeM")),
            _rel(RelType.OPERATES_IN, (NodeType.GROUP, "JeM"), (NodeType.PLACE, "Bahawalpur")),
        ],
    )
    doc, _ = score_document("d1", GOLD, extraction)
    assert (doc.entities.tp, doc.entities.fp, doc.entities.fn) == (4, 0, 0)
    assert (doc.relations.tp, doc.relations.fp, doc.relations.fn) == (3, 0, 0)
    assert doc.entities.f1 == 1.0 and doc.relations.f1 == 1.0


def test_wrong_type_direction_and_aliases_of_extraction_do_not_count() -> None:
    extraction = Extraction(
        entities=[
            _ent(NodeType.PLACE, "Taliban"),  # right name, wrong type
            _ent(NodeType.GROUP, "Jaish", aliases=["JeM"]),  # only the extracted *name* is compared
            _ent(NodeType.LEADER, "Masood Azhar"),
        ],
        relations=[
            # OPERATES_IN is not symmetric: reversed ends do not match
            _rel(RelType.OPERATES_IN, (NodeType.PLACE, "Bahawalpur"), (NodeType.GROUP, "Jaish-e-Mohammed")),
            # right ends, wrong type
            _rel(RelType.MEMBER_OF, (NodeType.LEADER, "Masood Azhar"), (NodeType.GROUP, "Jaish-e-Mohammed")),
        ],
    )
    doc, per_type = score_document("d1", GOLD, extraction)
    assert (doc.entities.tp, doc.entities.fp, doc.entities.fn) == (1, 2, 3)
    assert (doc.relations.tp, doc.relations.fp, doc.relations.fn) == (0, 2, 3)
    assert per_type["entity:Place"].fp == 1 and per_type["entity:Place"].fn == 1
    assert per_type["relation:MEMBER_OF"].fp == 1 and per_type["relation:LEADS"].fn == 1
    assert "Place: Taliban" in doc.false_positives and "Group: Taliban" in doc.false_negatives


def test_duplicate_entities_count_once() -> None:
    extraction = Extraction(
        entities=[_ent(NodeType.LEADER, "Masood Azhar"), _ent(NodeType.LEADER, "Maulana Masood Azhar")]
    )
    doc, _ = score_document("d1", GOLD, extraction)
    assert (doc.entities.tp, doc.entities.fp, doc.entities.fn) == (1, 1, 3)


def test_micro_average_over_documents() -> None:
    good = Extraction(entities=[_ent(NodeType.GROUP, "Taliban")])
    bad = Extraction(entities=[_ent(NodeType.GROUP, "Hamas"), _ent(NodeType.GROUP, "Taliban")])
    report = score_documents([("a", GOLD, good), ("b", GOLD, bad)])
    assert (report.entities.tp, report.entities.fp, report.entities.fn) == (2, 1, 6)
    assert report.entities.precision == pytest.approx(2 / 3)
    assert report.entities.recall == pytest.approx(2 / 8)
    assert report.entity_types["Group"].tp == 2
    assert report.relation_types["LEADS"].fn == 2
    assert [d.doc_id for d in report.documents] == ["a", "b"]
    text = format_report(report)
    assert "entities (all)" in text and "LEADS" in text and "b" in text
    as_json = report.to_json_dict()
    assert as_json["entities"]["tp"] == 2 and as_json["documents"][1]["false_positives"] == ["Group: Hamas"]


def test_empty_sets_score_perfectly_and_empty_extraction_scores_zero() -> None:
    empty_gold = GoldDocument(doc_id="e")
    doc, _ = score_document("e", empty_gold, Extraction())
    assert doc.entities.f1 == 1.0
    doc, _ = score_document("d1", GOLD, Extraction())
    assert doc.entities.recall == 0.0 and doc.entities.f1 == 0.0


def test_gold_folder_reading(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("Jaish-e-Mohammed is based in Bahawalpur.", encoding="utf-8")
    (tmp_path / "x.gold.json").write_text(json.dumps(GOLD.model_dump(mode="json")), encoding="utf-8")
    (tmp_path / "orphan.gold.json").write_text("{}", encoding="utf-8")  # no text beside it: skipped
    pairs = gold_pairs(tmp_path)
    assert [p[0] for p in pairs] == ["x"]
    assert load_gold(pairs[0][2]).entities[0].name == "Jaish-e-Mohammed"
    (tmp_path / "bad.txt").write_text("x", encoding="utf-8")
    (tmp_path / "bad.gold.json").write_text("not json", encoding="utf-8")
    with pytest.raises(InvalidInput) as err:
        load_gold(tmp_path / "bad.gold.json")
    assert str(tmp_path) not in err.value.message
    with pytest.raises(InvalidInput):
        gold_pairs(tmp_path / "missing")
