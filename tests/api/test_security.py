"""Keys on every write route, reads optionally keyed, rate limit, body limit, CORS."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient

from api.security import KeyRing, TokenBucketLimiter
from graph.analytics.cache import AnalyticsCache
from tests.api.conftest import AUTH, KEY, OTHER_KEY, counts
from tests.api.corpus import DOC_C, JAA, MUZAFFARABAD

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def write_routes(client: TestClient) -> list[tuple[str, str]]:
    """Every (method, concrete path) that changes something, over every router the app includes."""
    found = []
    # FastAPI includes routers lazily; iter_route_contexts walks every included router's routes.
    for route in iter_route_contexts(client.app.routes):  # type: ignore[attr-defined]
        if route.path is None or not route.methods:
            continue
        path = re.sub(r"\{[^}]+\}", "x", route.path)
        found.extend((method, path) for method in sorted(route.methods & WRITE_METHODS))
    return found


def test_enumeration_sees_every_documented_write(client: TestClient) -> None:
    documented = {
        (method.upper(), re.sub(r"\{[^}]+\}", "x", path))
        for path, operations in client.app.openapi()["paths"].items()  # type: ignore[attr-defined]
        for method in operations
        if method.upper() in WRITE_METHODS
    }
    assert documented <= set(write_routes(client))


def test_the_known_write_routes_are_listed(client: TestClient) -> None:
    routes = write_routes(client)
    assert ("POST", "/documents") in routes
    assert ("DELETE", "/documents/x") in routes


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong-key"},
        {"Authorization": f"Basic {KEY}"},
        {"X-API-Key": "wrong-key"},
        {"X-API-Key": KEY[:-1]},
        {"X-API-Key": ""},
    ],
)
def test_every_write_route_refuses_a_missing_or_wrong_key(client: TestClient, store, headers: dict) -> None:
    before = counts(store)
    for method, path in write_routes(client):
        response = client.request(method, path, headers=headers, content=b"{}")
        assert response.status_code == 401, (method, path, response.text)
        assert response.json()["error"]["code"] == "unauthorized"
        assert response.headers["www-authenticate"] == "Bearer"
    assert counts(store) == before


def test_a_server_without_keys_is_read_only(fresh) -> None:
    client = fresh(api_keys="")
    assert client.get("/health").json()["read_only"] is True
    for method, path in write_routes(client):
        response = client.request(method, path, headers=AUTH)
        assert response.status_code == 403, (method, path)
        assert response.json()["error"]["code"] == "read_only"
    assert client.get("/documents").status_code == 200


@pytest.mark.parametrize("headers", [AUTH, {"X-API-Key": OTHER_KEY}])
def test_a_valid_key_deletes_a_document_and_what_only_it_supported(fresh, headers: dict) -> None:
    client = fresh()
    response = client.delete(f"/documents/{DOC_C.id}", headers=headers)
    assert response.status_code == 200
    assert response.json() == {"doc_id": DOC_C.id, "deleted": True}
    health = client.get("/health").json()
    assert health["documents"] == 2
    assert health["entities"] == {"Group": 3, "Leader": 2, "Camp": 1, "Place": 2}
    assert client.get(f"/entities/{JAA}").status_code == 404
    assert client.get(f"/entities/{MUZAFFARABAD}").status_code == 404
    again = client.delete(f"/documents/{DOC_C.id}", headers=headers)
    assert again.status_code == 404


def test_reads_can_require_a_key(fresh) -> None:
    client = fresh(require_key_for_reads=True)
    for path in ("/health", "/entities", "/documents", "/export"):
        response = client.get(path)
        assert response.status_code == 401, path
        assert response.json()["error"]["code"] == "unauthorized"
    assert client.get("/health", headers=AUTH).status_code == 200
    assert client.get("/health", headers={"X-API-Key": OTHER_KEY}).status_code == 200


def test_key_ring_matches_only_configured_keys() -> None:
    ring = KeyRing([KEY, OTHER_KEY])
    assert ring.matches(KEY) and ring.matches(OTHER_KEY)
    assert not ring.matches(None) and not ring.matches("") and not ring.matches(KEY + "x")
    assert not KeyRing([])
    assert not KeyRing([]).matches(KEY)


def test_token_bucket_refills_over_time() -> None:
    now = [1000.0]
    limiter = TokenBucketLimiter(per_minute=2, clock=lambda: now[0])
    assert limiter.acquire("a") == 0 and limiter.acquire("a") == 0
    assert limiter.acquire("a") == pytest.approx(30.0)
    assert limiter.acquire("b") == 0  # another client has its own bucket
    now[0] += 30.0
    assert limiter.acquire("a") == 0


def test_token_bucket_remembers_a_bounded_number_of_clients() -> None:
    limiter = TokenBucketLimiter(per_minute=1, max_clients=3, clock=lambda: 0.0)
    for client in ("a", "b", "c", "d"):
        limiter.acquire(client)
    assert len(limiter._buckets) == 3


def test_rate_limit_answers_429_with_retry_after(fresh) -> None:
    client = fresh(rate_limit_per_minute=3)
    assert [client.get("/health").status_code for _ in range(3)] == [200, 200, 200]
    response = client.get("/health")
    assert response.status_code == 429
    assert int(response.headers["retry-after"]) >= 1
    assert response.json()["error"]["code"] == "rate_limited"
    # A valid key is its own client; made-up keys still count against the address.
    assert client.get("/health", headers=AUTH).status_code == 200
    assert client.get("/health", headers={"X-API-Key": "made-up"}).status_code == 429


def test_body_over_the_limit_by_content_length_is_413(fresh) -> None:
    client = fresh(max_body_bytes=100)
    before = client.get("/health").json()["documents"]
    response = client.post("/documents", headers=AUTH, json={"text": "x" * 200})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "body_too_large"
    assert client.get("/health").json()["documents"] == before


def test_body_over_the_limit_while_streaming_is_413(fresh) -> None:
    client = fresh(max_body_bytes=100)
    chunks = iter([b'{"text": "', b"y" * 60, b"z" * 60, b'"}'])
    headers = {**AUTH, "Content-Type": "application/json"}
    response = client.post("/documents", headers=headers, content=chunks)
    assert "content-length" not in {k.lower() for k in response.request.headers}
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "body_too_large"


def test_cors_is_off_by_default(client: TestClient) -> None:
    response = client.get("/health", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in response.headers


def test_cors_allows_only_the_listed_origins(fresh) -> None:
    client = fresh(cors_origins="https://analyst.example")
    preflight = {"Access-Control-Request-Method": "GET"}
    allowed = client.options("/health", headers={"Origin": "https://analyst.example", **preflight})
    assert allowed.headers["access-control-allow-origin"] == "https://analyst.example"
    other = client.get("/health", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in other.headers


def test_writes_empty_the_apps_analytics_cache(fresh) -> None:
    client = fresh()
    cache = AnalyticsCache()
    client.app.state.analytics_cache = cache  # type: ignore[attr-defined]
    assert cache.result("question", lambda: "before") == "before"
    assert client.delete(f"/documents/{DOC_C.id}", headers=AUTH).status_code == 200
    assert cache.result("question", lambda: "after") == "after"
