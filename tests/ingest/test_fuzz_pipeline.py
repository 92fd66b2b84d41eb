"""Arbitrary text and bytes through the readers, the extractor and the whole pipeline on a real store.

Whatever comes in, only our own errors (graph.errors.MkgError) come out; what is read is clean text;
evidence points into the document; and a refused input leaves the store as it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from graph.errors import MkgError
from graph.ids import document_id
from graph.open import open_store
from graph.settings import Settings
from graph.store import GraphStore
from ingest.extract import ExtractionFailed, extract
from ingest.pipeline import ingest_bytes
from ingest.read import clean_filename, read_bytes

LIMIT = 16 * 1024
PARSE_TIMEOUT_S = 5.0
FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Words the extractor reacts to, so that generated text reaches its patterns and not only its guards.
WORDS = [
    "Jaish-e-Mohammed", "JeM", "Lashkar-e-Taiba", "LeT", "Masood Azhar", "Hafiz Saeed", "leads", "founded",
    "is a member of", "trains at", "camp", "Balakot", "Muridke", "in", "is allied with", "rival of",
    "operates in", "Kashmir", "(", ")", ",", ".", "\n\n", "’s", "Markaz", "al-", "-e-", "2019", "the",
]  # fmt: skip
PREFIXES = [b"", b"%PDF-1.7\n", b"<!DOCTYPE html><html><body>", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff",
            b"\x89PNG\r\n\x1a\n", b"\x00", b"<html><script>", b"%PDF-"]  # fmt: skip

FACTS = [
    "Masood Azhar leads Jaish-e-Mohammed.", "Hafiz Saeed founded Lashkar-e-Taiba in 1987.",
    "Lashkar-e-Taiba is based in Muridke.", "JeM runs a training camp at Balakot.",
    "Jaish-e-Mohammed is allied with the Taliban.", "Hizb-ul-Mujahideen operates in Kashmir.",
]  # fmt: skip
texts = st.one_of(
    st.text(max_size=600),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=80).map(" ".join),
    st.lists(st.one_of(st.sampled_from(FACTS), st.text(max_size=20)), min_size=1, max_size=12).map(" ".join),
)
encoded = st.builds(
    lambda text, codec: text.encode(codec, errors="replace"),
    texts,
    st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252", "gb18030"]),
)
raw = st.one_of(st.binary(max_size=2048), encoded)
inputs = st.one_of(
    texts.map(lambda text: text.encode("utf-8")),
    encoded,
    st.builds(lambda prefix, body: prefix + body, st.sampled_from(PREFIXES), raw),
)
names = st.one_of(st.none(), st.text(max_size=300), st.sampled_from(["../../x.txt", "/etc/passwd", "a\x00b"]))


def check_document_text(text: str) -> None:
    assert text and text == text.strip()
    assert not CONTROL.search(text)
    assert "\r" not in text


@FUZZ
@given(data=inputs, name=names)
def test_readers_raise_only_our_errors_and_return_clean_text(data: bytes, name: str | None) -> None:
    try:
        document = read_bytes(data, name, max_bytes=LIMIT, parse_timeout_s=PARSE_TIMEOUT_S)
    except MkgError as exc:
        assert exc.message and "Traceback" not in exc.message
        return
    check_document_text(document.text)
    assert document.id == document_id(data)
    assert document.size == len(data)
    assert document.filename == clean_filename(name)


@FUZZ
@given(name=st.text(max_size=400))
def test_cleaned_file_names_are_one_safe_path_part(name: str) -> None:
    cleaned = clean_filename(name)
    if cleaned is None:
        return
    assert 0 < len(cleaned) <= 255
    assert "/" not in cleaned and "\\" not in cleaned and cleaned not in {".", ".."}
    assert not CONTROL.search(cleaned) and "\n" not in cleaned and "\u202e" not in cleaned


@FUZZ
@given(text=texts)
def test_the_extractor_handles_any_text_and_its_evidence_points_into_it(text: str) -> None:
    try:
        extraction = extract(text, doc_date=None)
    except ExtractionFailed as exc:  # our own error, but a bug in the extractor all the same
        pytest.fail(f"the extractor failed on {text!r}: {exc.__cause__!r}")
    names = {e.name for e in extraction.entities}
    for relation in extraction.relations:
        assert relation.source in names and relation.target in names
        for span in relation.evidence:
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start : span.end] == span.sentence


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    db: Path = tmp_path_factory.mktemp("fuzz") / "fuzz.db"
    opened = open_store(str(db))
    yield opened
    opened.close()


@FUZZ
@given(data=inputs, name=names)
def test_the_pipeline_raises_only_our_errors_and_a_refusal_changes_nothing(
    store: GraphStore, data: bytes, name: str | None
) -> None:
    settings_ = Settings(max_document_bytes=LIMIT, parse_timeout_s=PARSE_TIMEOUT_S)
    before = store.stats()
    try:
        outcome = ingest_bytes(store, data, name, settings=settings_)
    except MkgError as exc:
        event(f"refused: {type(exc).__name__}")
        assert exc.message
        assert store.stats() == before
        assert not store.has_document(document_id(data))
        return
    event(f"stored, {'with' if outcome.n_relations else 'no'} relations")
    assert outcome.doc_id == document_id(data)
    stored = store.get_document(outcome.doc_id)
    check_document_text(stored.text)
    assert (stored.n_entities, stored.n_relations) == (len(stored.entities), len(stored.relations))
    for relation in stored.relations:
        for evidence in relation.evidence:
            assert stored.text[evidence.start : evidence.end] == evidence.sentence
    again = ingest_bytes(store, data, "another-name.txt", settings=settings_)
    assert again.status == "unchanged" and again.doc_id == outcome.doc_id
