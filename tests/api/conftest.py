"""Fixtures: a real SQLite store holding the known corpus, and the real app over it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.app import create_app
from graph.open import open_store
from graph.settings import Settings
from graph.store import GraphStore
from tests.api import corpus

KEY = "test-key-0123456789"
OTHER_KEY = "second-key-abcdef"
AUTH = {"Authorization": f"Bearer {KEY}"}


def make_settings(path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "store": str(path),
        "api_keys": f"{KEY},{OTHER_KEY}",
        "rate_limit_per_minute": 1_000_000,
    }
    values.update(overrides)
    return Settings(**values)


def open_corpus_store(path: Path, settings: Settings | None = None) -> GraphStore:
    store = open_store(str(path), settings or make_settings(path))
    corpus.load(store)
    return store


@pytest.fixture(scope="module")
def corpus_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("corpus") / "mkg.db"
    open_corpus_store(path).close()
    yield path


@pytest.fixture(scope="module")
def store(corpus_path: Path) -> Iterator[GraphStore]:
    """The corpus store shared by a module's read-only tests."""
    opened = open_store(str(corpus_path), make_settings(corpus_path))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def app(store: GraphStore, corpus_path: Path) -> FastAPI:
    return create_app(make_settings(corpus_path), store)


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


AppFactory = Callable[..., TestClient]


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[AppFactory]:
    """A factory for clients over a fresh copy of the corpus, with settings overridden per test."""
    opened: list[tuple[GraphStore, TestClient]] = []

    def build(**overrides: Any) -> TestClient:
        path = tmp_path / f"mkg-{len(opened)}.db"
        settings = make_settings(path, **overrides)
        store = open_corpus_store(path, settings)
        test_client = TestClient(create_app(settings, store))
        opened.append((store, test_client))
        return test_client

    yield build
    for store, test_client in opened:
        test_client.close()
        store.close()


def counts(store: GraphStore) -> tuple[int, int, int]:
    stats = store.stats()
    return stats.documents, sum(stats.entities.values()), sum(stats.relations.values())
