"""The quality bar on the held-out check set (tests/ingest/heldout: eight documents written for this
project in the four genres, about groups the dev set does not feature, annotated before the extractor
ran on them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.evaluate import evaluate

HELDOUT = Path(__file__).parent / "heldout"


@pytest.mark.slow
def test_heldout_meets_the_quality_bar() -> None:
    report = evaluate(HELDOUT)
    assert len(report.documents) == 8
    assert report.entities.f1 >= 0.90
    assert report.relations.f1 >= 0.75
    for kind in ("Group", "Leader", "Camp"):
        assert report.entity_types[kind].f1 >= 0.85, kind


def test_heldout_gold_names_every_relation_end() -> None:
    """Every relation in the held-out gold names an annotated entity (guards the annotation itself)."""
    from ingest.evaluate import load_gold

    for gold_file in sorted(HELDOUT.glob("*.gold.json")):
        gold = load_gold(gold_file)
        known = {e.name for e in gold.entities}
        assert gold.doc_id == gold_file.name[: -len(".gold.json")]
        assert (HELDOUT / f"{gold.doc_id}.txt").is_file()
        for rel in gold.relations:
            assert rel.source in known and rel.target in known, (gold.doc_id, rel)
