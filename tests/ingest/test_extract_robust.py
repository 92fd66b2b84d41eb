"""Arbitrary text never crashes the extractor, and what it returns always points into the text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.ontology import ENDPOINTS
from ingest.extract import extract
from ingest.models import Extraction


def check(text: str, ex: Extraction) -> None:
    names = {(e.type, e.name) for e in ex.entities}
    for rel in ex.relations:
        sources, targets = ENDPOINTS[rel.type]
        assert rel.source_type in sources and rel.target_type in targets
        assert (rel.source_type, rel.source) in names and (rel.target_type, rel.target) in names
        for span in rel.evidence:
            assert text[span.start : span.end] == span.sentence
    for ent in ex.entities:
        assert ent.name.strip()
        for span in ent.mentions:
            assert text[span.start : span.end] == span.sentence


WORDS = st.sampled_from(
    ["Jaish-e-Mohammed", "LeT", "Masood Azhar", "camp", "Markaz", "in", "Bahawalpur", ",", ".", "(JeM)",
     "the", "leader", "of", "brother", "\n\n", "Taliban", "and", "trained", "at", "Maulana", "\u202e", "🙂",
     "\x00", "\t", "al-Qa'ida", "aka", "Kabul", "Afghanistan", "Mullah", "his", "It", "based"]
)  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, max_size=60).map(" ".join))
def test_word_salad_never_crashes(text: str) -> None:
    check(text, extract(text))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_unicode_never_crashes(text: str) -> None:
    check(text, extract(text))


def test_edge_cases() -> None:
    for text in ["", " ", "\n" * 5000, " \t\r\n\x0b\x0c", "\x00\x01\x02", "🙂" * 500, "a" * 20000, "."]:
        check(text, extract(text))


@pytest.mark.slow
def test_megabyte_document() -> None:
    unit = "Masood Azhar, the chief of Jaish-e-Mohammed, visited Markaz Usman-e-Ali in Bahawalpur.      \n"
    text = unit * 2000 + " " * (1_000_000 - len(unit) * 2000)
    assert len(text) >= 1_000_000
    ex = extract(text)
    check(text, ex)
    assert any(e.name == "Jaish-e-Mohammed" for e in ex.entities)
