"""`copy_graph` (mkg copy): a graph moves between stores unchanged, in batches, and a re-run is a no-op.

The target is the contract suite's `store` fixture: the embedded store always, and Neo4j as well
when MKG_TEST_NEO4J_URI is set (the move from the file to the server that `mkg copy` is for).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.copy import CopyReport, copy_graph
from graph.errors import InvalidInput
from graph.sqlite import SqliteStore
from graph.store import GraphStore
from tests.graph import factories as f


@pytest.fixture
def source(tmp_path: Path) -> Iterator[SqliteStore]:
    src = SqliteStore(tmp_path / "source.db")
    for graph in [*f.world(), f.hub(6), f.chain_doc("chain", ["Alpha", "Bravo", "Charlie"])]:
        assert src.write_document(graph).created
    yield src
    src.close()


def same_graph(a: GraphStore, b: GraphStore) -> None:
    assert a.stats().model_dump(exclude={"store"}) == b.stats().model_dump(exclude={"store"})
    assert sorted(a.iter_entities(), key=lambda e: e.id) == sorted(b.iter_entities(), key=lambda e: e.id)
    ours = {r.id: r for r in a.iter_relations(with_evidence=True)}
    theirs = {r.id: r for r in b.iter_relations(with_evidence=True)}
    assert ours.keys() == theirs.keys()
    for key, relation in ours.items():
        assert relation.model_dump(exclude={"evidence"}) == theirs[key].model_dump(exclude={"evidence"})
        assert sorted((e.doc_id, e.start, e.sentence) for e in relation.evidence) == sorted(
            (e.doc_id, e.start, e.sentence) for e in theirs[key].evidence
        )
    docs = [d.id for d in a.list_documents(limit=50).items]
    assert docs == [d.id for d in b.list_documents(limit=50).items]  # same order: newest first
    for doc_id in docs:
        assert a.get_document(doc_id).text == b.get_document(doc_id).text


def test_copy_moves_the_whole_graph_with_progress(source: SqliteStore, store: GraphStore) -> None:
    seen: list[tuple[int, int]] = []
    report = copy_graph(source, store, batch=2, progress=lambda done, total: seen.append((done, total)))
    assert report == CopyReport(documents=5, copied=5, unchanged=0)
    assert seen == [(2, 5), (4, 5), (5, 5)]
    same_graph(source, store)


def test_copying_again_changes_nothing(source: SqliteStore, store: GraphStore) -> None:
    copy_graph(source, store, batch=100, progress=None)
    before = store.stats()
    again = copy_graph(source, store, batch=100, progress=None)
    assert again == CopyReport(documents=5, copied=0, unchanged=5)
    assert store.stats() == before


def test_an_interrupted_copy_is_finished_by_a_rerun(source: SqliteStore, store: GraphStore) -> None:
    first = next(iter(source.iter_document_graphs(batch=1)))
    assert store.write_document(first).created  # as if the copy stopped after one document
    report = copy_graph(source, store, batch=3, progress=None)
    assert (report.copied, report.unchanged) == (4, 1)
    same_graph(source, store)


def test_copy_refuses_a_bad_batch(source: SqliteStore, store: GraphStore) -> None:
    with pytest.raises(InvalidInput):
        copy_graph(source, store, batch=0, progress=None)
    assert store.stats().documents == 0
