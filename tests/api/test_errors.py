"""One error shape everywhere; 404, 409, 422, 503; never a stack trace, SQL or a file path."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.corpus import AZHAR, JEM, SAEED

LEAKS = ("Traceback", "sqlite", "SELECT", "MATCH (", "/work/", ".py", "site-packages")


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    assert not any(leak in response.text for leak in LEAKS), response.text
    return body["error"]


@pytest.mark.parametrize(
    "url",
    [
        "/entities/group:no-such-group",
        "/entities/Nobody At All",
        "/entities/leader:nobody/neighbors",
        "/relations/rel:000000000000000000000000",
        "/documents/doc:ffffffffffffffffffffffffffffffff",
        f"/paths?from={AZHAR}&to=place:atlantis",
        "/subgraph?ids=group:nothing",
        "/relations?source=Nobody",
    ],
)
def test_unknown_ids_are_404(client: TestClient, url: str) -> None:
    assert_error(client.get(url), 404, "not_found")


def test_unknown_route_is_404_in_the_same_shape(client: TestClient) -> None:
    assert_error(client.get("/no/such/endpoint"), 404, "not_found")


def test_wrong_method_is_405_in_the_same_shape(client: TestClient) -> None:
    assert_error(client.put("/health"), 405, "method_not_allowed")


@pytest.mark.parametrize(
    "url",
    [
        "/entities?limit=0",
        "/entities?offset=-1",
        "/entities?offset=99999999999999999999999",
        "/entities?type=Army",
        f"/entities/{JEM}/neighbors?hops=4",
        f"/entities/{JEM}/neighbors?hops=0",
        f"/entities/{JEM}/neighbors?direction=sideways",
        f"/paths?from={AZHAR}&to={SAEED}&max_hops=7",
        f"/paths?from={AZHAR}",
        "/subgraph?ids=",
        "/subgraph?ids=,,",
        "/search",
        "/search?q=",
        "/search?q=%20%20",
        "/export?format=xlsx",
        "/relations?type=FRIENDS",
    ],
)
def test_bad_parameters_are_422(client: TestClient, url: str) -> None:
    error = assert_error(client.get(url), 422, "invalid_input")
    assert "message" in error


def test_validation_details_name_the_parameter(client: TestClient) -> None:
    error = assert_error(client.get("/entities?limit=abc"), 422, "invalid_input")
    assert error["details"] == [{"location": "query.limit", "message": error["details"][0]["message"]}]
    assert "limit" in error["message"]


def test_hop_caps_follow_settings(fresh) -> None:
    client = fresh(max_neighbor_hops=1, max_path_hops=2)
    error = assert_error(client.get(f"/entities/{JEM}/neighbors?hops=2"), 422, "invalid_input")
    assert "at most 1" in error["message"]
    assert_error(client.get(f"/paths?from={AZHAR}&to={SAEED}&max_hops=3"), 422, "invalid_input")


def test_query_over_the_time_limit_is_503_and_the_server_stays_healthy(fresh) -> None:
    client = fresh(query_timeout_s=1e-9)
    response = client.get(f"/paths?from={AZHAR}&to={SAEED}&max_hops=6")
    error = assert_error(response, 503, "query_timeout")
    assert "time limit" in error["message"]
    assert client.get("/documents").status_code == 200


def test_an_unexpected_failure_is_a_generic_500_and_is_logged(fresh, caplog) -> None:
    app = fresh().app

    @app.get("/boom-for-test")
    async def boom() -> None:
        raise RuntimeError("SELECT secret FROM /work/main/mkg.db")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/boom-for-test")
    error = assert_error(response, 500, "internal_error")
    assert "secret" not in response.text
    assert error["message"].startswith("The server could not answer")
    assert "SELECT secret" in caplog.text
