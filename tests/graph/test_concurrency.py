"""Concurrency: ingest processes racing each other while clients read through a real `mkg serve`.

8 processes ingest 40 documents, each document given to 3 of them in different orders, while 4
clients read the API. Afterwards the graph equals a sequential ingest's (canonical dump, same hash);
during the race no request got a 5xx and every document a reader saw was whole. Then the same
document ingested by 16 processes at once, and posted 16 times at once, is one document.
Runs on the embedded store, and on Neo4j too when MKG_TEST_NEO4J_URI is set.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from graph.ids import document_id
from graph.models import DocumentDetail
from graph.open import open_store
from graph.settings import Settings
from graph.store import GraphStore
from ingest.pipeline import ingest_paths
from tests.graph.conftest import NEO4J_URI, STORE_KINDS, empty
from tests.support.dump import canonical_dump, document_dump, hash_of
from tests.support.generated import write_corpus
from tests.support.ingest_driver import CREATED, UNCHANGED, Driver
from tests.support.live import LiveServer

N_DOCS = 40
N_INGESTERS = 8
PER_INGESTER = 15  # each document goes to 3 ingesters
N_READERS = 4
SEED = 8
KEY = "concurrency-test-key-0123456789"


@dataclass
class Reference:
    hash: str
    documents: dict[str, dict[str, Any]]


def spec_for(kind: str, path: Path) -> str:
    """A store of this kind that is empty now: a new file, or the test Neo4j database emptied."""
    if kind == "sqlite":
        return str(path)
    store = open_store(NEO4J_URI, Settings(store=NEO4J_URI))
    try:
        empty(store)
    finally:
        store.close()
    return NEO4J_URI


def opened(spec: str) -> GraphStore:
    return open_store(spec, Settings(store=spec))


def jobs(paths: list[Path]) -> list[list[str]]:
    """Overlapping slices of the corpus; odd ingesters walk theirs backwards to meet the others head on."""
    out = []
    for worker in range(N_INGESTERS):
        chosen = [str(paths[(5 * worker + k) % len(paths)]) for k in range(PER_INGESTER)]
        out.append(chosen[::-1] if worker % 2 else chosen)
    return out


@dataclass
class Readers:
    """Clients reading the live API in threads, checking every document they see is whole."""

    url: str
    reference: Reference
    stop: threading.Event = field(default_factory=threading.Event)
    problems: list[str] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    documents_checked: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def run(self, index: int) -> None:
        with httpx.Client(base_url=self.url, timeout=30) as client:
            while not self.stop.is_set():
                self.round(client, index)

    def get(self, client: httpx.Client, path: str) -> httpx.Response | None:
        response = client.get(path)
        with self.lock:
            self.statuses[response.status_code] += 1
        if response.status_code >= 500:
            self.problems.append(f"{path}: {response.status_code} {response.text[:200]}")
            return None
        return response

    def round(self, client: httpx.Client, index: int) -> None:
        listing = self.get(client, "/documents?limit=100")
        if listing is None:
            return
        ids = [item["id"] for item in listing.json()["items"]]
        if len(ids) != len(set(ids)):
            self.problems.append(f"duplicate documents listed: {ids}")
        for doc_id in ids[index::N_READERS] or ids[:1]:
            response = self.get(client, f"/documents/{doc_id}")
            if response is None:
                continue
            if response.status_code != 200:
                self.problems.append(f"listed document {doc_id} answered {response.status_code}")
                continue
            seen = document_dump(DocumentDetail.model_validate(response.json()))
            if seen != self.reference.documents.get(doc_id):
                self.problems.append(f"document {doc_id} seen incomplete or different")
            with self.lock:
                self.documents_checked += 1
        for path in ("/entities?limit=50", "/search?q=Lashkar&limit=10", "/health"):
            self.get(client, path)


def reference_for(kind: str, tmp_path: Path, corpus: list[Path]) -> Reference:
    spec = spec_for(kind, tmp_path / "reference.db")
    store = opened(spec)
    try:
        report = ingest_paths(corpus, store, settings=Settings(store=spec))
        assert report.ok and report.ingested == N_DOCS
        dump = canonical_dump(store)
    finally:
        store.close()
    return Reference(hash_of(dump), {d["id"]: d for d in dump["documents"]})


@dataclass
class Race:
    kind: str
    spec: str
    server: LiveServer
    driver: Driver
    reference: Reference
    readers: Readers
    codes: list[int]


@pytest.fixture(scope="module", params=STORE_KINDS)
def race(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Race]:
    """The race itself, run once per store kind; the tests below check what it left and saw."""
    kind: str = request.param
    tmp_path = tmp_path_factory.mktemp(f"race-{kind}")
    corpus = write_corpus(tmp_path / "corpus", N_DOCS, seed=SEED)
    reference = reference_for(kind, tmp_path, corpus)
    spec = spec_for(kind, tmp_path / "race.db")
    if kind == "sqlite":
        opened(spec).close()  # the server opens an existing store; the ingesters race on its content
    with (
        LiveServer(
            spec, tmp_path / "server.log", env={"MKG_API_KEYS": KEY, "MKG_RATE_LIMIT_PER_MINUTE": "1000000"}
        ) as server,
        Driver(spec) as driver,
    ):
        readers = Readers(server.url, reference)
        threads = [threading.Thread(target=readers.run, args=(i,)) for i in range(N_READERS)]
        for thread in threads:
            thread.start()
        try:
            driver.send({"op": "ingest", "jobs": jobs(corpus)})
            assert len(driver.read()["pids"]) == N_INGESTERS
            codes = driver.read()["codes"]
        finally:
            readers.stop.set()
            for thread in threads:
                thread.join(timeout=60)
        yield Race(kind, spec, server, driver, reference, readers, codes)


@pytest.mark.slow
def test_every_racing_ingester_succeeds(race: Race) -> None:
    assert race.codes == [0] * N_INGESTERS


@pytest.mark.slow
def test_readers_never_saw_half_a_document_or_a_server_error(race: Race) -> None:
    assert race.readers.problems == []
    assert not [status for status in race.readers.statuses if status >= 500], race.readers.statuses
    assert race.readers.documents_checked > N_DOCS, race.readers.documents_checked


@pytest.mark.slow
def test_the_raced_graph_equals_the_sequential_one(race: Race) -> None:
    store = opened(race.spec)
    try:
        dump = canonical_dump(store)
    finally:
        store.close()
    assert len(dump["documents"]) == N_DOCS
    assert len({e["id"] for e in dump["entities"]}) == len(dump["entities"])
    assert len({r["id"] for r in dump["relations"]}) == len(dump["relations"])
    assert hash_of(dump) == race.reference.hash
    listing = httpx.get(f"{race.server.url}/documents?limit=100", timeout=30).json()
    assert listing["total"] == N_DOCS


def document_count(spec: str) -> int:
    store = opened(spec)
    try:
        return store.stats().documents
    finally:
        store.close()


def solo_dump(path: Path) -> dict[str, Any]:
    """The document ingested once, alone, into a store of its own."""
    db = path.with_suffix(".solo.db")
    store = opened(str(db))
    try:
        assert ingest_paths([path], store, settings=Settings(store=str(db))).ingested == 1
        (document,) = canonical_dump(store)["documents"]
        return document
    finally:
        store.close()


SAME_DOC = (
    "Abdul Rauf Asghar leads Jaish-e-Mohammed, according to officials in Bahawalpur. "
    "Jaish-e-Mohammed operates in Kashmir and trains its recruits at Balakot.\n"
)


@pytest.mark.slow
def test_one_document_ingested_by_sixteen_processes_at_once_is_one_document(
    race: Race, tmp_path: Path
) -> None:
    doc = tmp_path / "same.txt"
    doc.write_text(SAME_DOC, encoding="utf-8")
    before = document_count(race.spec)
    race.driver.send({"op": "upload", "path": str(doc), "copies": 16})
    assert sorted(race.driver.read()["codes"]) == [CREATED] + [UNCHANGED] * 15
    assert document_count(race.spec) == before + 1
    store = opened(race.spec)
    try:
        stored = document_dump(store.get_document(document_id(doc.read_bytes())))
    finally:
        store.close()
    assert stored == solo_dump(doc)


@pytest.mark.slow
def test_one_document_posted_sixteen_times_at_once_is_one_document(race: Race) -> None:
    content = SAME_DOC.replace("Abdul Rauf Asghar", "Mufti Abdul Rauf").encode("utf-8")
    before = document_count(race.spec)

    def post(index: int) -> httpx.Response:
        return httpx.post(
            f"{race.server.url}/documents",
            files={"file": (f"copy-{index}.txt", content)},
            headers={"Authorization": f"Bearer {KEY}"},
            timeout=120,
        )

    with ThreadPoolExecutor(16) as pool:
        responses = list(pool.map(post, range(16)))
    assert sorted(r.status_code for r in responses) == [200] * 15 + [201]
    assert {r.json()["doc_id"] for r in responses} == {document_id(content)}
    assert document_count(race.spec) == before + 1
