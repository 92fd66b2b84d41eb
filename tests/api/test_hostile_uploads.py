"""Hostile uploads to POST /documents: a clear 4xx per document, never a 5xx, and nothing stored changes.

The app and its store are real (TestClient over create_app on a SQLite file holding a small corpus).
The 50 MiB uploads go to a real `mkg serve` process, whose memory is read from /proc.
"""

from __future__ import annotations

import select
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.ids import document_id, entity_id
from graph.ontology import NodeType
from graph.open import open_store
from graph.settings import Settings
from graph.store import GraphStore
from ingest.pipeline import ingest_paths
from tests.support import hostile as h
from tests.support.dump import dump_hash
from tests.support.generated import write_corpus
from tests.support.live import LiveServer

KEY = "upload-test-key-0123456789"
AUTH = {"Authorization": f"Bearer {KEY}"}
LIMIT = 32 * 1024
BODY_LIMIT = 4 * LIMIT
PARSE_TIMEOUT_S = 3.0
CASES = h.file_cases(LIMIT, PARSE_TIMEOUT_S)
FAILING = [c for c in CASES if c.reason]
PASSING = [c for c in CASES if c.reason is None and not c.name.startswith("twin-")]


def settings_for(db: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "store": str(db),
        "api_keys": KEY,
        "rate_limit_per_minute": 1_000_000,
        "max_document_bytes": LIMIT,
        "max_body_bytes": BODY_LIMIT,
        "parse_timeout_s": PARSE_TIMEOUT_S,
    }
    values.update(overrides)
    return Settings(**values)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    root = tmp_path_factory.mktemp("uploads")
    db = root / "store.db"
    opened = open_store(str(db), settings_for(db))
    corpus = write_corpus(root / "baseline", 5, seed=4)
    assert ingest_paths([corpus[0].parent], opened, settings=settings_for(db)).ok
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def client(store: GraphStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("uploads-app") / "unused.db"
    with TestClient(create_app(settings_for(db), store)) as test_client:
        yield test_client


def raw_multipart(filename: bytes, content: bytes) -> tuple[bytes, dict[str, str]]:
    """A multipart body written by hand, so the file name carries exactly these bytes (NUL included)."""
    boundary = b"hostile-boundary-7f3a"
    body = (
        b"--" + boundary + b"\r\n"
        b'Content-Disposition: form-data; name="file"; filename="' + filename + b'"\r\n'
        b"Content-Type: application/octet-stream\r\n\r\n" + content + b"\r\n"
        b"--" + boundary + b"--\r\n"
    )
    return body, {**AUTH, "Content-Type": f"multipart/form-data; boundary={boundary.decode()}"}


def upload(client: TestClient, name: str, content: bytes) -> httpx.Response:
    return client.post("/documents", files={"file": (name, content)}, headers=AUTH)


def assert_clean_error(response: httpx.Response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code
    message: str = error["message"]
    assert "Traceback" not in message and "/tmp" not in message and "sqlite" not in message.lower()
    return message


@pytest.mark.parametrize("case", FAILING, ids=lambda c: c.name)
def test_a_hostile_file_is_refused_with_its_reason_and_changes_nothing(
    client: TestClient, store: GraphStore, case: h.Case
) -> None:
    before = dump_hash(store)
    response = upload(client, case.name, case.content)
    too_large = case.reason is not None and "limit" in case.reason
    status, code = (413, "document_too_large") if too_large else (422, "document_rejected")
    message = assert_clean_error(response, status, code)
    assert case.reason is not None and case.reason.lower() in message.lower()
    assert dump_hash(store) == before


@pytest.mark.parametrize("case", PASSING, ids=lambda c: c.name.encode("unicode_escape").decode()[:40])
def test_odd_but_readable_files_are_ingested(client: TestClient, store: GraphStore, case: h.Case) -> None:
    response = upload(client, case.name, case.content)
    assert response.status_code in (200, 201), response.text
    assert response.json()["doc_id"] == document_id(case.content)
    assert store.has_document(document_id(case.content))


def test_no_script_text_reaches_the_entities_an_upload_returns(client: TestClient) -> None:
    response = upload(client, "page.html", h.hostile_html())
    assert response.status_code in (200, 201)
    detail = client.get(f"/documents/{response.json()['doc_id']}").json()
    ids = {e["id"] for e in detail["entities"]}
    assert entity_id(NodeType.GROUP, "Lashkar-e-Taiba") in ids
    assert not ids & {entity_id(NodeType.GROUP, name) for name in h.HIDDEN_NAMES}
    assert "alert" not in detail["text"] and "javascript" not in detail["text"]


@pytest.mark.parametrize(("sent", "stored"), h.upload_names(), ids=lambda v: repr(v)[:30])
def test_hostile_upload_names_are_stored_clean(
    client: TestClient, store: GraphStore, sent: str, stored: str | None
) -> None:
    content = f"Report on file name {sent!r}: Hafiz Gul Bahadur leads a faction in North Waziristan.\n"
    body, headers = raw_multipart(sent.encode("utf-8"), content.encode("utf-8"))
    response = client.post("/documents", content=body, headers=headers)
    if "\r" in sent:  # a bare CR ends a multipart header line early: the form itself is refused
        assert_clean_error(response, 400, "bad_request")
        return
    assert response.status_code == 201, response.text
    assert store.get_document(response.json()["doc_id"]).filename == stored


def test_nul_in_a_file_name_never_reaches_the_store(client: TestClient, store: GraphStore) -> None:
    body, headers = raw_multipart(
        b"evil\x00.txt\x00.pdf", b"Noor Wali Mehsud leads Tehrik-e-Taliban Pakistan."
    )
    response = client.post("/documents", content=body, headers=headers)
    assert response.status_code in (200, 201), response.text
    filename = store.get_document(response.json()["doc_id"]).filename
    assert filename == "evil.txt.pdf"


def test_nul_and_controls_in_json_text_are_dropped(client: TestClient, store: GraphStore) -> None:
    text = "Sirajuddin\x00 Haqqani\x07 leads the Haqqani\x1b Network in\x00 Miranshah."
    response = client.post("/documents", json={"text": text}, headers=AUTH)
    assert response.status_code == 201, response.text
    stored = store.get_document(response.json()["doc_id"])
    assert stored.text == "Sirajuddin Haqqani leads the Haqqani Network in Miranshah."


def test_same_bytes_under_two_names_are_one_document(client: TestClient, store: GraphStore) -> None:
    content = b"Mufti Noor Wali Mehsud leads Tehrik-e-Taliban Pakistan from Kunar.\n"
    first = upload(client, "first.txt", content)
    documents = store.stats().documents
    second = upload(client, "second.txt", content)
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()["doc_id"] == second.json()["doc_id"]
    assert second.json()["status"] == "unchanged"
    assert store.stats().documents == documents
    assert store.get_document(first.json()["doc_id"]).filename == "first.txt"


def test_a_body_over_the_limit_is_refused_before_it_is_read(client: TestClient, store: GraphStore) -> None:
    before = dump_hash(store)
    response = upload(client, "big.txt", h.sized_text(BODY_LIMIT + 1))
    message = assert_clean_error(response, 413, "body_too_large")
    assert f"{BODY_LIMIT}" in message
    assert dump_hash(store) == before


# --- 50 MiB against a real server: refused without the body landing in its memory -----------------

HUGE = 50 * h.MiB
CHUNK = 256 * 1024


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    db = tmp_path_factory.mktemp("uploads-live") / "live.db"
    open_store(str(db)).close()
    with LiveServer(str(db), db.with_suffix(".log"), env={"MKG_API_KEYS": KEY}) as live:
        yield live


def stream_upload(server: LiveServer, *, declare_length: bool) -> tuple[int, bytes, int]:
    """Send a 50 MiB multipart upload in chunks, stopping as soon as the server answers.

    Returns (status, response head and body, bytes sent).
    """
    boundary = "huge-upload-boundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.txt"\r\n'
        "Content-Type: text/plain\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    total = len(head) + HUGE + len(tail)
    framing = f"Content-Length: {total}" if declare_length else "Transfer-Encoding: chunked"
    request = (
        f"POST /documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {KEY}\r\n"
        f"Content-Type: multipart/form-data; boundary={boundary}\r\n{framing}\r\nConnection: close\r\n\r\n"
    ).encode()
    chunk = b"a" * CHUNK
    sent = 0
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
        sock.sendall(request)
        pieces = [head] + [chunk] * (HUGE // CHUNK) + [tail]
        for piece in pieces:
            if select.select([sock], [], [], 0)[0]:
                break  # the server has answered: stop sending
            data = f"{len(piece):x}\r\n".encode() + piece + b"\r\n" if not declare_length else piece
            try:
                sock.sendall(data)
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(piece)
        answer = b""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # the server closes the connection after its answer
            try:
                part = sock.recv(65536)
            except ConnectionResetError:
                break
            if not part:
                break
            answer += part
    status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else 0
    return status, answer, sent


@pytest.mark.slow
@pytest.mark.parametrize("declare_length", [True, False], ids=["content-length", "chunked"])
def test_a_50_mib_upload_is_refused_without_being_held_in_memory(
    server: LiveServer, declare_length: bool
) -> None:
    rss_before = server.memory_kib("VmRSS")
    server.reset_peak_memory()
    status, answer, sent = stream_upload(server, declare_length=declare_length)
    peak_growth_kib = server.memory_kib("VmHWM") - rss_before
    assert status == 413, answer[:300]
    assert b"limit" in answer and b"body_too_large" in answer
    assert sent < HUGE * 3 // 4, f"sent {sent:,} bytes before the server answered"
    assert peak_growth_kib < 8 * 1024, f"server memory grew by {peak_growth_kib:,} KiB"
    assert httpx.get(f"{server.url}/health", timeout=5).status_code == 200
    assert httpx.get(f"{server.url}/documents", timeout=5).json()["items"] == []
