"""The `store` fixture: every contract test runs on SQLite, and on Neo4j when MKG_TEST_NEO4J_URI is set.

Without that variable the Neo4j variant is not generated at all (nothing is reported as skipped).
`store_spec` is what `open_store` needs to open the same store again, e.g. from another process.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.open import open_store
from graph.settings import Settings
from graph.store import GraphStore

NEO4J_URI = os.environ.get("MKG_TEST_NEO4J_URI", "").strip()
STORE_KINDS = [pytest.param("sqlite", id="sqlite")]
if NEO4J_URI:
    STORE_KINDS.append(pytest.param("neo4j", id="neo4j", marks=pytest.mark.neo4j))


def empty(store: GraphStore) -> None:
    """Delete every document through the protocol: by contract that leaves nothing behind."""
    while True:
        page = store.list_documents(limit=500)
        if not page.items:
            break
        for doc in page.items:
            store.delete_document(doc.id)


@pytest.fixture(params=STORE_KINDS)
def store_spec(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "kg.db")
    return NEO4J_URI


@pytest.fixture
def settings(store_spec: str) -> Settings:
    return Settings(store=store_spec)


@pytest.fixture
def store(store_spec: str, settings: Settings) -> Iterator[GraphStore]:
    opened = open_store(store_spec, settings)
    empty(opened)
    yield opened
    opened.close()
