"""open_store: a file path opens SQLite, Neo4j URIs open Neo4j, any other URL is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import InvalidInput, StoreUnavailable
from graph.open import NEO4J_SCHEMES, open_store, store_scheme
from graph.settings import Settings
from graph.sqlite import SqliteStore


def test_a_path_opens_sqlite(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "kg.db"), Settings(query_timeout_s=2.5))
    assert isinstance(store, SqliteStore) and store.kind == "sqlite"
    store.close()
    again = open_store(f"file://{tmp_path / 'kg.db'}", Settings())
    assert again.kind == "sqlite"
    again.close()


@pytest.mark.parametrize(
    "uri", ["http://localhost:7474", "https://example.org/db", "ftp://x/y", "s3://bucket/kg"]
)
def test_other_url_schemes_are_refused(uri: str) -> None:
    with pytest.raises(InvalidInput):
        open_store(uri, Settings())


def test_an_empty_uri_is_refused() -> None:
    with pytest.raises(InvalidInput):
        open_store("  ", Settings())


@pytest.mark.parametrize(
    ("uri", "scheme"),
    [
        ("neo4j://localhost:7687", "neo4j"),
        ("NEO4J+S://db.example.org", "neo4j+s"),
        ("bolt+ssc://10.0.0.1:7687", "bolt+ssc"),
        ("./mkg.db", None),
        ("/var/lib/mkg.db", None),
        ("C:\\data\\mkg.db", None),
    ],
)
def test_store_scheme(uri: str, scheme: str | None) -> None:
    assert store_scheme(uri) == scheme
    if scheme is not None:
        assert scheme in NEO4J_SCHEMES


@pytest.mark.parametrize("uri", ["bolt://127.0.0.1:1", "neo4j://127.0.0.1:1"])
def test_a_neo4j_uri_goes_to_neo4j(uri: str) -> None:
    # Nothing listens on port 1: the Neo4j store is the one that says it cannot reach its server.
    with pytest.raises(StoreUnavailable) as caught:
        open_store(uri, Settings())
    assert "Neo4j" in caught.value.message
