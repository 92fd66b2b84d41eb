"""The whole ingest path on a real embedded store: files in, graph stored, idempotent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.ids import fold
from graph.ontology import RelType
from graph.open import open_store
from graph.settings import Settings
from graph.sqlite.store import SqliteStore
from ingest.pipeline import IngestReport, ingest_bytes, ingest_paths

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[SqliteStore, IngestReport]:
    path = tmp_path_factory.mktemp("samples") / "mkg.db"
    store = open_store(str(path))
    assert isinstance(store, SqliteStore)
    report = ingest_paths([SAMPLES], store, settings=Settings(store=str(path)))
    return store, report


def _entity_named(store: SqliteStore, name: str) -> str:
    hits = store.lookup_names([fold(name)])
    assert hits.get(fold(name)), f"{name} not found in the graph"
    return hits[fold(name)][0]


def test_sample_corpus_ingests_cleanly(sample_store: tuple[SqliteStore, IngestReport]) -> None:
    store, report = sample_store
    documents = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".md", ".html"})
    documents = [p for p in documents if p.stem != "README"]
    assert report.failed == []
    assert report.ingested == len(documents)
    stats = store.stats()
    assert stats.documents == len(documents)
    assert sum(stats.entities.values()) >= 40
    assert sum(stats.relations.values()) >= 40


def test_expected_key_facts_are_found_with_evidence(sample_store: tuple[SqliteStore, IngestReport]) -> None:
    store, _ = sample_store
    expected = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))
    facts, aliases = expected["facts"], expected["aliases"]
    found = 0

    def ids_of(name: str) -> list[str]:
        names = [fold(n) for n in [name, *aliases.get(name, [])]]
        hits = store.lookup_names(names)
        return sorted({entity for n in names for entity in hits.get(n, [])})

    for fact in facts:
        source, target = ids_of(fact["source"]), ids_of(fact["target"])
        if not source or not target:
            continue
        rel = RelType(fact["type"])
        page = store.find_relations(rel, source[0], target[0], limit=5)
        if not page.items and fact["type"] in {"ALLIED_WITH", "RIVAL_OF", "RELATED_TO"}:
            page = store.find_relations(rel, target[0], source[0], limit=5)
        if page.items:
            relation = store.get_relation(page.items[0].id)
            assert relation.evidence, f"{fact} has no evidence"
            assert all(ev.sentence and ev.doc_id for ev in relation.evidence)
            found += 1
    assert found >= 0.8 * len(facts), f"only {found} of {len(facts)} expected facts found"


def test_masood_azhar_leads_jem_with_the_sentence_as_evidence(
    sample_store: tuple[SqliteStore, IngestReport],
) -> None:
    store, _ = sample_store
    azhar = _entity_named(store, "Masood Azhar")
    jem = _entity_named(store, "Jaish-e-Mohammed")
    assert store.get_entity(jem).type.value == "Group"
    assert azhar == "leader:masood-azhar"  # the title is not part of the canonical name
    assert jem == "group:jaish-e-mohammed"
    page = store.find_relations(RelType.LEADS, azhar, jem, limit=5)
    assert len(page.items) == 1
    relation = store.get_relation(page.items[0].id)
    assert any("Azhar" in ev.sentence and "Jaish" in ev.sentence for ev in relation.evidence)
    document = store.get_document(relation.evidence[0].doc_id)
    ev = relation.evidence[0]
    assert document.text[ev.start : ev.end] == ev.sentence


def test_jem_aliases_resolve_to_one_node(sample_store: tuple[SqliteStore, IngestReport]) -> None:
    store, _ = sample_store
    ids = {
        tuple(store.lookup_names([fold(name)], None).get(fold(name), []))
        for name in ("JeM", "Jaish-e-Mohammed")
    }
    assert len(ids) == 1 and ids != {()}


def test_reingesting_the_same_files_creates_nothing(
    sample_store: tuple[SqliteStore, IngestReport], tmp_path: Path
) -> None:
    store, first = sample_store
    before = store.stats()
    again = ingest_paths([SAMPLES], store, settings=Settings())
    assert again.ingested == 0
    assert again.unchanged == first.ingested
    assert store.stats() == before


def test_a_bad_file_fails_alone_and_changes_nothing(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "mkg.db"))
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "Maulana Masood Azhar founded Jaish-e-Mohammed in 2000.", encoding="utf-8"
    )
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(500))
    (folder / "empty.txt").write_bytes(b"")
    report = ingest_paths([folder], store, settings=Settings())
    assert report.ingested == 1
    assert sorted(Path(f.path).name for f in report.failed) == ["empty.txt", "image.txt"]
    assert all(f.reason for f in report.failed)
    assert store.stats().documents == 1


def test_same_bytes_under_two_names_are_one_document(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "mkg.db"))
    text = b"Hafiz Saeed founded Lashkar-e-Taiba, which is based in Muridke."
    first = ingest_bytes(store, text, "a.txt", settings=Settings())
    second = ingest_bytes(store, text, "b.txt", settings=Settings())
    assert first.status == "ingested" and second.status == "unchanged"
    assert first.doc_id == second.doc_id
    assert store.stats().documents == 1


def test_parallel_extraction_gives_the_same_graph(tmp_path: Path) -> None:
    one = open_store(str(tmp_path / "one.db"))
    two = open_store(str(tmp_path / "two.db"))
    ingest_paths([SAMPLES], one, settings=Settings())
    ingest_paths([SAMPLES], two, settings=Settings(), workers=2)
    assert one.stats() == two.stats()
    ids_one = sorted(e.id for e in one.iter_entities())
    ids_two = sorted(e.id for e in two.iter_entities())
    assert ids_one == ids_two
