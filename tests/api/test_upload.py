"""POST /documents runs the real ingest pipeline (spaCy and all); DELETE undoes exactly what it added."""

from __future__ import annotations

import pytest

from graph.ids import document_id
from tests.api.conftest import AUTH

pytestmark = pytest.mark.slow

SENTENCE = b"Masood Azhar founded Jaish-e-Mohammed in 2000."
AZHAR, JEM = "leader:masood-azhar", "group:jaish-e-mohammed"


def test_multipart_upload_is_ingested_once_and_deleted_cleanly(fresh) -> None:
    client = fresh()
    before = client.get("/health").json()
    files = {"file": ("note.txt", SENTENCE, "text/plain")}
    response = client.post(
        "/documents", headers=AUTH, files=files, data={"source": "Upload", "reliability": "c"}
    )
    assert response.status_code == 201, response.text
    body = response.json()
    doc_id = document_id(SENTENCE)
    assert body["doc_id"] == doc_id
    assert body["status"] == "ingested"
    assert {e["id"] for e in body["entities"]} >= {AZHAR, JEM}
    assert any((r["type"], r["source"], r["target"]) == ("LEADS", AZHAR, JEM) for r in body["relations"])
    assert body["n_entities"] == len(body["entities"]) and body["n_relations"] == len(body["relations"])

    stored = client.get(f"/documents/{doc_id}").json()
    assert (stored["source"], stored["reliability"], stored["filename"]) == ("Upload", "C", "note.txt")
    assert stored["text"].strip() == SENTENCE.decode()

    again = client.post("/documents", headers=AUTH, files=files)
    assert again.status_code == 200
    assert again.json()["status"] == "unchanged"
    assert client.get("/health").json()["documents"] == before["documents"] + 1

    assert client.delete(f"/documents/{doc_id}", headers=AUTH).status_code == 200
    assert client.get("/health").json() == before


def test_json_text_upload_with_title(fresh) -> None:
    client = fresh()
    payload = {"text": "Hafiz Saeed leads Lashkar-e-Taiba.", "title": "A short note", "source": "JSON test"}
    response = client.post("/documents", headers={"X-API-Key": AUTH["Authorization"][7:]}, json=payload)
    assert response.status_code == 201, response.text
    stored = client.get(f"/documents/{response.json()['doc_id']}").json()
    assert stored["title"] == "A short note"
    assert stored["source"] == "JSON test"
    assert "Hafiz Saeed leads Lashkar-e-Taiba." in stored["text"]


@pytest.mark.parametrize(
    ("kwargs", "status", "code"),
    [
        (
            {"files": {"file": ("x.bin", bytes(range(256)) * 8, "application/octet-stream")}},
            422,
            "document_rejected",
        ),
        (
            {"files": {"file": ("x.txt", SENTENCE, "text/plain")}, "data": {"reliability": "Z"}},
            422,
            "document_rejected",
        ),
        ({"data": {"source": "no file"}}, 422, "invalid_input"),
        ({"json": {"text": ""}}, 422, "invalid_input"),
        ({"json": {"title": "no text"}}, 422, "invalid_input"),
        ({"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 422, "invalid_input"),
        (
            {"content": b"plain words", "headers": {"Content-Type": "text/plain"}},
            415,
            "unsupported_media_type",
        ),
    ],
)
def test_unreadable_uploads_are_refused_with_a_reason(fresh, kwargs: dict, status: int, code: str) -> None:
    client = fresh()
    before = client.get("/health").json()
    headers = {**AUTH, **kwargs.pop("headers", {})}
    response = client.post("/documents", headers=headers, **kwargs)
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code
    assert client.get("/health").json() == before


def test_document_over_the_document_limit_is_413(fresh) -> None:
    client = fresh(max_document_bytes=20)
    response = client.post("/documents", headers=AUTH, files={"file": ("long.txt", SENTENCE, "text/plain")})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "document_too_large"
