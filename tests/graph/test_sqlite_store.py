"""What only the SQLite store has: its file, its checks on opening, threads, and the query time bound."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from graph.errors import MkgError, QueryTimeout, StoreCorrupt, StoreUnavailable
from graph.sqlite import SqliteStore
from graph.sqlite.schema import APPLICATION_ID
from tests.graph import factories as f
from tests.graph import workers
from tests.graph.test_store_contract import counts, load


def stored(path: Path) -> SqliteStore:
    store = SqliteStore(path)
    load(store, *f.world())
    store.close()
    return store


def test_a_new_path_creates_a_store_that_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    stored(path)
    reopened = SqliteStore(path)
    assert counts(reopened) == (3, 10, 11)
    assert reopened.kind == "sqlite"
    reopened.close()
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_an_empty_file_becomes_a_store(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    store = SqliteStore(path)
    load(store, f.doc_a())
    assert counts(store) == (1, 6, 5)
    store.close()


def test_a_missing_folder_is_unavailable(tmp_path: Path) -> None:
    with pytest.raises(StoreUnavailable) as caught:
        SqliteStore(tmp_path / "no" / "such" / "folder" / "kg.db")
    assert str(tmp_path) not in caught.value.message
    with pytest.raises(StoreUnavailable):
        SqliteStore(tmp_path)  # a folder, not a file


def _refuses(path: Path, error: type[MkgError]) -> str:
    before = path.read_bytes()
    with pytest.raises(error) as caught:
        SqliteStore(path)
    assert path.read_bytes() == before  # never re-initialised, not even touched
    assert str(path) not in caught.value.message and path.name not in caught.value.message
    return caught.value.message


def test_random_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "random.db"
    path.write_bytes(bytes(range(256)) * 64)
    assert "not a militant-kg store" in _refuses(path, StoreCorrupt)


def test_a_text_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("Masood Azhar leads Jaish-e-Mohammed.\n" * 10)
    _refuses(path, StoreCorrupt)


def test_another_applications_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "foreign.db"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        raw.execute("INSERT INTO invoices (total) VALUES (12.5)")
    raw.close()
    assert "not a militant-kg store" in _refuses(path, StoreCorrupt)


def test_a_truncated_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cut.db"
    stored(path)
    for suffix in ("-wal", "-shm"):
        assert not Path(f"{path}{suffix}").exists() or Path(f"{path}{suffix}").stat().st_size == 0
    data = path.read_bytes()
    assert len(data) > 8192
    path.write_bytes(data[: len(data) // 2])
    assert "truncated" in _refuses(path, StoreCorrupt)


def test_a_store_cut_inside_a_page_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cut2.db"
    stored(path)
    data = path.read_bytes()
    path.write_bytes(data[:-100])
    _refuses(path, StoreCorrupt)


def test_a_store_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    stored(path)
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA user_version = 99")
    raw.close()
    assert "newer version" in _refuses(path, StoreUnavailable)


def test_readers_in_threads_never_see_half_a_document(tmp_path: Path) -> None:
    """Each chain document adds exactly 3 entities and 2 relations; readers must see whole documents."""
    store = SqliteStore(tmp_path / "threads.db")
    problems: list[str] = []
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            stats = store.stats()
            docs, ents, rels = stats.documents, sum(stats.entities.values()), sum(stats.relations.values())
            if (ents, rels) != (3 * docs, 2 * docs):
                problems.append(f"{docs} documents but {ents} entities, {rels} relations")

    readers = [threading.Thread(target=read) for _ in range(3)]
    for thread in readers:
        thread.start()
    for i in range(40):
        store.write_document(f.chain_doc(f"t{i}", [f"T{i} a", f"T{i} b", f"T{i} c"]))
    done.set()
    for thread in readers:
        thread.join()
    assert problems == []
    assert counts(store) == (40, 120, 80)
    store.close()


def test_a_query_past_its_time_limit_is_stopped(tmp_path: Path) -> None:
    path = tmp_path / "slow.db"
    store = SqliteStore(path)
    load(store, f.hub(60))
    store.close()
    hurried = SqliteStore(path, timeout_s=1e-9)  # the deadline has passed before any query starts
    with pytest.raises(QueryTimeout):
        hurried.find_entities("place", None, limit=100)
    with pytest.raises(QueryTimeout):
        hurried.neighbors(f.eid(f.G, "Hub Group"), hops=2, limit=100)
    hurried.close()


def test_a_closed_store_says_so(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "closed.db")
    store.close()
    with pytest.raises(StoreUnavailable):
        store.stats()


def test_bulk_write_is_all_or_nothing(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "bulk.db")
    bad = f.DocBuilder("bad")
    bad.relate("OPERATES_IN", f.JEM, "place:nowhere")
    with pytest.raises(MkgError):
        store.write_documents([f.doc_a(), f.doc_b(), bad.build()])
    assert counts(store) == (0, 0, 0)
    results = store.write_documents([*f.world(), f.doc_a()])
    assert [r.created for r in results] == [True, True, True, False]
    assert counts(store) == (3, 10, 11)
    store.close()


def test_processes_creating_the_same_new_file_at_once(tmp_path: Path) -> None:
    spec = str(tmp_path / "race.db")
    with workers.pool(8) as pool:
        created = pool.starmap(workers.write_world_doc, [(spec, i) for i in range(8)])
    assert created.count(True) == 3
    store = SqliteStore(spec)
    assert counts(store) == (3, 10, 11)
    store.close()


def _indexes(path: Path) -> set[str]:
    with sqlite3.connect(path) as raw:
        names = {name for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    raw.close()
    return names


def test_bulk_load_gives_the_same_graph_as_writing_one_by_one(tmp_path: Path) -> None:
    one_by_one = SqliteStore(tmp_path / "one.db")
    load(one_by_one, f.doc_a(), f.hub(12))
    bulk = SqliteStore(tmp_path / "bulk.db")
    load(bulk, f.doc_a())  # loads on top of what is stored
    results = bulk.bulk_load(iter([f.doc_a(), f.doc_b(), f.doc_c(), f.hub(12), f.doc_b()]), batch=2)
    assert [r.created for r in results] == [False, True, True, True, False]
    load(one_by_one, f.doc_b(), f.doc_c())
    assert bulk.stats() == one_by_one.stats()
    assert sorted(bulk.iter_entities(), key=lambda e: e.id) == sorted(
        one_by_one.iter_entities(), key=lambda e: e.id
    )
    relations = {r.id: r for r in one_by_one.iter_relations(with_evidence=True)}
    for relation in bulk.iter_relations(with_evidence=True):
        assert relation.model_dump(exclude={"evidence"}) == relations[relation.id].model_dump(
            exclude={"evidence"}
        )
    assert bulk.get_entity(f.JEM).attributes == {"founded": "2000"}
    assert _indexes(tmp_path / "bulk.db") == _indexes(tmp_path / "one.db")
    bulk.close()
    one_by_one.close()


def test_a_failed_bulk_load_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "failed.db"
    store = SqliteStore(path)
    load(store, f.doc_a())
    before = (store.stats(), _indexes(path))
    bad = f.DocBuilder("bad")
    bad.relate("OPERATES_IN", f.JEM, "place:nowhere")
    with pytest.raises(MkgError):
        store.bulk_load([f.doc_b(), f.hub(5), bad.build(), f.doc_c()], batch=1)
    assert (store.stats(), _indexes(path)) == before
    store.close()
