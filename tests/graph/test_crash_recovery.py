"""Crashes: an ingest killed at any moment leaves whole documents only, and a re-run finishes the same graph.

Ten SIGKILLs on one store, seeded: half at a random moment once documents are being written, half
inside a write transaction (the child stops after its rows are written, before COMMIT).
Also: re-ingesting an unchanged corpus writes nothing, and a damaged or foreign store file is refused
at start-up, by the CLI and by open_store, without a byte of it changing.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from graph.errors import StoreCorrupt, StoreUnavailable
from graph.open import open_store
from graph.settings import Settings
from graph.store import GraphStore
from ingest.pipeline import ingest_paths
from tests.support.dump import canonical_dump, document_dump, document_ids, hash_of
from tests.support.generated import write_corpus
from tests.support.hostile import png_bytes
from tests.support.ingest_driver import Driver

MKG = Path(sys.executable).parent / "mkg"
N_DOCS = 200
KILLS = 10
SEED = 20240611


def mkg(*args: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(
        [str(MKG), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def stored_count(db: Path) -> int:
    """Documents committed so far, read without the store's code (and without writing to the file)."""
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            (count,) = conn.execute("SELECT count(*) FROM documents").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return 0  # the schema is not there yet
    return int(count)


def wait_for(condition: Callable[[], bool], timeout_s: float = 120) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "the ingest made no progress"
        time.sleep(0.02)


def file_state(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), stat.st_size, stat.st_mtime_ns


class Reference:
    """The canonical dump of an uninterrupted ingest, and each document's own part of it."""

    def __init__(self, db: Path, dump: dict[str, Any]) -> None:
        self.db = db
        self.hash = hash_of(dump)
        self.documents: dict[str, dict[str, Any]] = {d["id"]: d for d in dump["documents"]}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("crash-corpus") / "reports"
    write_corpus(folder, N_DOCS, seed=SEED)
    return folder


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Reference:
    """One uninterrupted ingest of the corpus."""
    db = tmp_path_factory.mktemp("crash-reference") / "reference.db"
    store = open_store(str(db), Settings(store=str(db)))
    try:
        report = ingest_paths([corpus], store, settings=Settings(store=str(db)))
        assert report.failed == [] and report.ingested == N_DOCS
        dump = canonical_dump(store)
    finally:
        store.close()
    return Reference(db, dump)


def assert_whole_documents(db: Path, reference: Reference) -> int:
    """The store opens, passes SQLite's integrity check, and holds each document entirely or not at all."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    store = open_store(str(db), Settings(store=str(db)))
    try:
        ids = document_ids(store)
        for doc_id in ids:
            assert document_dump(store.get_document(doc_id)) == reference.documents[doc_id]
        stats = store.stats()
        assert stats.documents == len(ids)
    finally:
        store.close()
    return len(ids)


@pytest.mark.slow
def test_killed_ingests_leave_whole_documents_and_a_rerun_gives_the_same_graph(
    corpus: Path, reference: Reference, tmp_path: Path
) -> None:
    db = tmp_path / "crash.db"
    rng = random.Random(SEED)
    progress: list[int] = []
    with Driver(str(db)) as driver:
        for round_ in range(KILLS):
            before = stored_count(db)
            if round_ % 2:  # a kill at a seeded random moment
                driver.send({"op": "ingest", "jobs": [[str(corpus)]]})
                (pid,) = driver.read()["pids"]
                wait_for(lambda: stored_count(db) > before)
                time.sleep(rng.uniform(0.0, 0.6))
            else:  # a kill inside a write transaction, after a seeded number of committed documents
                marker = tmp_path / f"in-write-{round_}"
                after = rng.randint(0, 5)
                pause = {"after": after, "marker": str(marker)}
                driver.send({"op": "ingest", "jobs": [[str(corpus)]], "pause": pause})
                (pid,) = driver.read()["pids"]
                wait_for(marker.exists)
            os.kill(pid, signal.SIGKILL)
            assert driver.read()["codes"] == [-signal.SIGKILL], "the ingest ended before it was killed"
            progress.append(assert_whole_documents(db, reference))
            if not round_ % 2:
                assert progress[-1] == before + after  # the document being written is not there at all
    assert progress == sorted(progress) and 0 < progress[-1] < N_DOCS, progress

    done = mkg("ingest", str(corpus), "--store", str(db), cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"ingested {N_DOCS - progress[-1]}, unchanged {progress[-1]}, failed 0" in done.stdout
    store = open_store(str(db), Settings(store=str(db)))
    try:
        assert hash_of(canonical_dump(store)) == reference.hash
    finally:
        store.close()


@pytest.mark.slow
def test_reingesting_an_unchanged_corpus_writes_nothing(
    corpus: Path, reference: Reference, tmp_path: Path
) -> None:
    full_store = tmp_path / "full.db"
    shutil.copyfile(reference.db, full_store)
    assert not Path(f"{reference.db}-wal").exists()  # closing the store checkpointed everything
    before = file_state(full_store)
    done = mkg("ingest", str(corpus), "--store", str(full_store), cwd=full_store.parent)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"ingested 0, unchanged {N_DOCS}, failed 0" in done.stdout
    assert file_state(full_store) == before
    assert not Path(f"{full_store}-wal").exists()
    store = open_store(str(full_store))
    try:
        assert hash_of(canonical_dump(store)) == reference.hash
    finally:
        store.close()


# --- damaged and foreign store files ------------------------------------------------------------


def _valid_store_bytes(folder: Path) -> bytes:
    db = folder / "valid.db"
    store: GraphStore = open_store(str(db))
    try:
        report = ingest_paths([write_corpus(folder / "few", 8, seed=1)[0].parent], store, settings=Settings())
        assert report.ok
    finally:
        store.close()
    return db.read_bytes()


def _foreign_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    conn.execute("INSERT INTO invoices (amount) VALUES (12.5)")
    conn.commit()
    conn.close()


BAD_STORES = ["cut-mid-page", "cut-at-page", "cut-in-header", "foreign-sqlite", "text", "png", "zeros"]


@pytest.fixture(scope="module")
def bad_stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bad-stores")
    data = _valid_store_bytes(folder)
    page = 4096
    assert len(data) > 4 * page
    made = {
        "cut-mid-page": data[: len(data) // 2 + 123],
        "cut-at-page": data[: 2 * page],
        "cut-in-header": data[:60],
        "text": b"Masood Azhar leads Jaish-e-Mohammed.\n" * 200,
        "png": png_bytes(),
        "zeros": bytes(3 * page),
    }
    paths = {}
    for name, content in made.items():
        paths[name] = folder / f"{name}.db"
        paths[name].write_bytes(content)
    paths["foreign-sqlite"] = folder / "foreign-sqlite.db"
    _foreign_sqlite(paths["foreign-sqlite"])
    return paths


@pytest.mark.parametrize("kind", BAD_STORES)
def test_open_store_refuses_a_damaged_or_foreign_file_and_leaves_it_alone(
    bad_stores: dict[str, Path], kind: str
) -> None:
    path = bad_stores[kind]
    before = file_state(path)
    with pytest.raises((StoreCorrupt, StoreUnavailable)) as caught:
        open_store(str(path))
    message = caught.value.message
    assert "store" in message and ("damaged" in message or "not a militant-kg store" in message), message
    assert str(path.parent) not in message
    assert file_state(path) == before
    assert not Path(f"{path}-wal").exists() and not Path(f"{path}-journal").exists()


@pytest.mark.parametrize("kind", ["cut-mid-page", "foreign-sqlite", "text"])
@pytest.mark.parametrize("command", ["ingest", "serve", "stats"])
def test_the_cli_refuses_a_damaged_or_foreign_store_at_start_up(
    bad_stores: dict[str, Path], kind: str, command: str, corpus: Path, tmp_path: Path
) -> None:
    path = bad_stores[kind]
    before = file_state(path)
    args = {"ingest": [str(corpus)], "serve": ["--port", "1"], "stats": []}[command]
    done = mkg(command, *args, "--store", str(path), cwd=tmp_path, timeout=60)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "error:" in done.stderr and "store" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert "ingested" not in done.stdout
    assert file_state(path) == before
