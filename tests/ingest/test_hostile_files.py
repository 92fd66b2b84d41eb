"""Hostile files through `mkg ingest`: each fails alone with a reason, the rest goes in, nothing else changes.

One folder holds every hostile file next to files that must still be ingested. The store already holds
a small corpus. After the batch, the store must equal a reference store that saw the same baseline and
only the files meant to succeed: so a failure left no trace, and every success is exactly what it
would have been alone.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

import pytest

from graph.errors import DocumentTooLarge
from graph.ids import document_id, entity_id
from graph.ontology import NodeType
from graph.open import open_store
from graph.settings import Settings
from ingest.pipeline import ingest_paths
from ingest.read import read_path
from tests.support import hostile as h
from tests.support.dump import canonical_dump, hash_of
from tests.support.generated import write_corpus

MKG = Path(sys.executable).parent / "mkg"
LIMIT = 32 * 1024
PARSE_TIMEOUT_S = 3.0
HUGE = 50 * h.MiB


CASES = h.file_cases(LIMIT, PARSE_TIMEOUT_S)
SYMLINK = "escape.txt"
FIFO = "pipe.txt"
HUGE_NAME = "huge.txt"
COPY_OF_STORED = "copy-of-stored.txt"
SPECIAL_FAILURES = {SYMLINK: "symlink leads outside", FIFO: "not a regular file", HUGE_NAME: "limit"}


def settings_for(db: Path) -> Settings:
    return Settings(store=str(db), max_document_bytes=LIMIT, parse_timeout_s=PARSE_TIMEOUT_S)


def ingest_into(db: Path, paths: list[Path]) -> None:
    store = open_store(str(db), settings_for(db))
    try:
        report = ingest_paths(paths, store, settings=settings_for(db))
        assert report.failed == [], report.failed
    finally:
        store.close()


def dump_of(db: Path) -> dict[str, object]:
    store = open_store(str(db))
    try:
        return canonical_dump(store)
    finally:
        store.close()


@dataclass
class Batch:
    folder: Path
    outside: Path
    stdout: str
    stderr: str
    returncode: int
    db: Path
    reference: Path
    baseline_hash: str


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    root = tmp_path_factory.mktemp("hostile")
    baseline = write_corpus(root / "baseline", 5, seed=3)
    folder = root / "in"
    folder.mkdir()
    for case in CASES:
        (folder / case.name).write_bytes(case.content)
    (folder / COPY_OF_STORED).write_bytes(baseline[0].read_bytes())
    h.sparse_file(folder / HUGE_NAME, HUGE)
    outside = root / "secret.txt"
    outside.write_text("Outside the folder: must never be read.\n", encoding="utf-8")
    h.symlink_out(folder, outside, SYMLINK)
    os.mkfifo(folder / FIFO)
    (folder / "photo.png").write_bytes(h.png_bytes())  # not a document type: skipped in a folder walk
    explicit_png = root / "named.png"
    explicit_png.write_bytes(h.png_bytes())
    dotted = root / "dotted.txt"  # named on the command line through "in/../": stored as "dotted.txt"
    dotted.write_bytes(b"Qari Hussain Mehsud is a member of Tehrik-e-Taliban Pakistan.\n")

    db = root / "store.db"
    ingest_into(db, [baseline[0].parent])
    baseline_hash = hash_of(dump_of(db))
    env = {
        **os.environ,
        "COLUMNS": "300",
        "MKG_MAX_DOCUMENT_BYTES": str(LIMIT),
        "MKG_PARSE_TIMEOUT_S": str(PARSE_TIMEOUT_S),
    }
    done = subprocess.run(
        [str(MKG), "ingest", str(folder), str(explicit_png), "in/../dotted.txt", "--store", str(db)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    # The reference: the same baseline, then only the files that must succeed, in the same order.
    reference_folder = root / "reference-in"
    reference_folder.mkdir()
    for case in CASES:
        if case.reason is None:
            (reference_folder / case.name).write_bytes(case.content)
    reference = root / "reference.db"
    ingest_into(reference, [baseline[0].parent])
    ingest_into(reference, [reference_folder, dotted])
    return Batch(folder, outside, done.stdout, done.stderr, done.returncode, db, reference, baseline_hash)


def failures(stdout: str) -> dict[str, str]:
    found = {}
    for line in stdout.splitlines():
        match = re.match(r"\s+failed: (.*?): (.*)$", line)
        if match:
            found[match.group(1)] = match.group(2)
    return found


def test_the_batch_goes_on_and_the_exit_code_says_some_failed(batch: Batch) -> None:
    assert batch.returncode == 1, batch.stdout + batch.stderr
    assert "Traceback" not in batch.stdout + batch.stderr
    ok = [c for c in CASES if c.reason is None]
    n_failed = len(CASES) - len(ok) + len(SPECIAL_FAILURES) + 1  # + the PNG named on the command line
    # Every readable case but twin-b.txt, plus dotted.txt; twin-b.txt and the copy are unchanged.
    summary = f"ingested {len(ok)}, unchanged 2, failed {n_failed}"
    assert summary in batch.stdout
    assert "(1 files of other types skipped)" in batch.stdout


@pytest.mark.parametrize("case", [c for c in CASES if c.reason], ids=lambda c: c.name)
def test_each_hostile_file_fails_with_a_clear_reason(batch: Batch, case: h.Case) -> None:
    reasons = failures(batch.stdout)
    path = str(batch.folder / case.name)
    assert path in reasons, f"{case.name} not reported as failed:\n{batch.stdout}"
    assert case.reason is not None and case.reason.lower() in reasons[path].lower()


@pytest.mark.parametrize("name", sorted(SPECIAL_FAILURES))
def test_special_files_fail_with_a_clear_reason(batch: Batch, name: str) -> None:
    reasons = failures(batch.stdout)
    assert SPECIAL_FAILURES[name] in reasons[str(batch.folder / name)]


def test_a_png_named_on_the_command_line_is_read_and_refused(batch: Batch) -> None:
    reasons = failures(batch.stdout)
    assert reasons[str(batch.folder.parent / "named.png")] == "not a text document: looks like a PNG image"


def test_reasons_are_plain_sentences_without_internals(batch: Batch) -> None:
    for reason in failures(batch.stdout).values():
        assert str(batch.folder) not in reason
        assert "Error" not in reason and "Exception" not in reason and "Traceback" not in reason


def test_failures_change_nothing_and_successes_are_as_if_alone(batch: Batch) -> None:
    assert hash_of(dump_of(batch.db)) != batch.baseline_hash
    assert hash_of(dump_of(batch.db)) == hash_of(dump_of(batch.reference))


def test_the_symlink_target_was_never_read(batch: Batch) -> None:
    store = open_store(str(batch.db))
    try:
        assert not store.has_document(document_id(batch.outside.read_bytes()))
        assert store.search_documents("must never be read", limit=5).items == []
    finally:
        store.close()


def test_same_bytes_under_two_names_are_one_document(batch: Batch) -> None:
    twins = [c for c in CASES if c.name.startswith("twin-")]
    store = open_store(str(batch.db))
    try:
        detail = store.get_document(document_id(twins[0].content))
        assert detail.filename == "twin-a.txt"
        hits = store.search_documents("Gul Bahadur", limit=10)
        assert [hit.document.id for hit in hits.items] == [detail.id]
    finally:
        store.close()


def test_hostile_names_are_stored_clean_and_shown_escaped(batch: Batch) -> None:
    store = open_store(str(batch.db))
    try:
        names = {
            case.name: store.get_document(document_id(case.content)).filename
            for case in CASES
            if case.name in (h.NAME_NEWLINE, h.NAME_RTL, h.NAME_LONGEST)
        }
        dotted = batch.folder.parent / "dotted.txt"
        dotted_name = store.get_document(document_id(dotted.read_bytes())).filename
    finally:
        store.close()
    assert names == {
        h.NAME_NEWLINE: "linebreak.txt",
        h.NAME_RTL: "reporttxt.md",
        h.NAME_LONGEST: h.NAME_LONGEST,
    }
    assert dotted_name == "dotted.txt"
    assert "\u202e" not in batch.stdout + batch.stderr


def test_encodings_are_decoded_to_the_right_text(batch: Batch) -> None:
    store = open_store(str(batch.db))
    try:
        latin1 = store.get_document(document_id(h.latin1_text()))
        utf16 = store.get_document(document_id(h.utf16_bom_text()))
        nuls = store.get_document(document_id(h.utf8_with_nuls()))
    finally:
        store.close()
    assert "opère à Bahawalpur" in latin1.text and "l'été" in latin1.text
    assert (
        utf16.text == h.GOOD_TEXT.strip() and utf16.title is not None and not utf16.title.startswith("\ufeff")
    )
    assert nuls.text == h.GOOD_TEXT.strip()


def test_no_script_style_or_handler_text_reaches_the_graph(batch: Batch) -> None:
    store = open_store(str(batch.db))
    try:
        page = store.get_document(document_id(h.hostile_html()))
    finally:
        store.close()
    assert page.media_type == "text/html"
    names = {e.name for e in page.entities}
    assert "Lashkar-e-Taiba" in names
    for hidden in h.HIDDEN_NAMES:
        assert entity_id(NodeType.GROUP, hidden) not in {e.id for e in page.entities}, hidden
        assert hidden not in page.text
    for marker in ("alert", "javascript", "onclick", "onerror", "document.write", "background", "<"):
        assert marker not in page.text
    evidence = [ev.sentence for r in page.relations for ev in r.evidence]
    assert evidence and not any("alert" in s or "script" in s for s in evidence)


def test_an_html_page_under_a_pdf_name_is_read_as_html(batch: Batch) -> None:
    store = open_store(str(batch.db))
    try:
        page = store.get_document(document_id(h.html_named_pdf()))
    finally:
        store.close()
    assert page.media_type == "text/html" and page.filename == "forbidden.pdf"
    assert page.title == "403 Forbidden" and page.entities == []


# --- the 50 MiB file: refused from its size, never read --------------------------------------------


def test_a_50_mib_file_is_refused_without_being_read(tmp_path: Path) -> None:
    huge = h.sparse_file(tmp_path / "huge.txt", HUGE)
    db = tmp_path / "store.db"
    store = open_store(str(db))
    settings = Settings(store=str(db))  # the default limit, 10 MiB
    try:
        tracemalloc.start()
        try:
            with pytest.raises(DocumentTooLarge, match="over the limit of 10,485,760"):
                read_path(huge, max_bytes=settings.max_document_bytes, parse_timeout_s=1)
            report = ingest_paths([huge], store, settings=settings)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert [f.reason for f in report.failed] == [f"file is {HUGE:,} bytes, over the limit of 10,485,760"]
        assert store.stats().documents == 0
    finally:
        store.close()
    assert peak < 2 * h.MiB, f"peak {peak:,} bytes while refusing a {HUGE:,} byte file"


def test_a_pdf_parser_orphaned_by_a_killed_ingest_still_stops(tmp_path: Path) -> None:
    """The parser process caps its own CPU time, so it ends even when nobody is left to time it out."""
    done = subprocess.run(
        [sys.executable, "-m", "ingest.pdf_worker", "1"],
        input=h.slow_pdf(),
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == -signal.SIGXCPU
    assert done.stdout == b""
