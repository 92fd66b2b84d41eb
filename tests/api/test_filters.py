"""Relation filters (issue 7) on neighbors, paths, subgraph and relations.

In the corpus, document B (2014-06, grade C, credibility 4) holds the alliances and Lashkar's facts;
document A (2019-03-01, grade B, credibility 3) holds Jaish's leadership and camp; C has no date.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.corpus import AZHAR, JAA, JEM, LET, MARKAZ, SAEED, TALIBAN


def node_ids(body: dict) -> set[str]:
    return {n["id"] for n in body["nodes"]}


def rel_types(items: list[dict]) -> list[str]:
    return sorted(r["type"] for r in items)


def test_as_of_keeps_what_was_seen_by_then(client: TestClient) -> None:
    body = client.get(f"/entities/{JEM}/neighbors", params={"as_of": "2015"}).json()
    assert node_ids(body) == {JEM, TALIBAN, LET}
    later = client.get(f"/entities/{JEM}/neighbors", params={"as_of": "2019-03"}).json()
    assert node_ids(later) == {JEM, TALIBAN, LET, AZHAR, MARKAZ}


@pytest.mark.parametrize("params", [{"from": "2016"}, {"since": "2016"}])
def test_from_and_since_keep_what_was_seen_after(client: TestClient, params: dict) -> None:
    body = client.get(f"/entities/{JEM}/neighbors", params=params).json()
    assert node_ids(body) == {JEM, AZHAR, MARKAZ}


@pytest.mark.parametrize("params", [{"to": "2014-12"}, {"until": "2014-12"}])
def test_to_and_until_keep_what_was_seen_before(client: TestClient, params: dict) -> None:
    body = client.get("/relations", params=params).json()
    assert rel_types(body["items"]) == ["ALLIED_WITH", "ALLIED_WITH", "LEADS", "OPERATES_IN"]


def test_alias_and_name_disagreeing_is_422(client: TestClient) -> None:
    response = client.get("/relations", params={"from": "2014", "since": "2015"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_input"


def test_min_reliability_on_relations(client: TestClient) -> None:
    body = client.get("/relations", params={"min_reliability": "B"}).json()
    assert rel_types(body["items"]) == ["LEADS", "LOCATED_IN", "TRAINS_AT"]
    assert {r["reliability"] for r in body["items"]} == {"B"}


def test_max_credibility_on_subgraph(client: TestClient) -> None:
    body = client.get("/subgraph", params={"ids": JEM, "hops": 1, "max_credibility": 3}).json()
    assert node_ids(body) == {JEM, AZHAR, MARKAZ}
    assert {e["credibility"] for e in body["edges"]} == {3}


def test_path_filtered_away_by_date(client: TestClient) -> None:
    found = client.get("/paths", params={"from": AZHAR, "to": SAEED, "max_hops": 4}).json()
    assert len(found["paths"]) == 1
    before = client.get("/paths", params={"from": AZHAR, "to": SAEED, "max_hops": 4, "until": "2015"}).json()
    assert before["paths"] == []


def test_path_filtered_by_relation_type(client: TestClient) -> None:
    body = client.get(
        "/paths", params=[("from", AZHAR), ("to", SAEED), ("rel", "LEADS"), ("rel", "TRAINS_AT")]
    ).json()
    assert body["paths"] == []


def test_undated_relations_fail_date_filters(client: TestClient) -> None:
    body = client.get(f"/entities/{JAA}/neighbors", params={"as_of": "2030"}).json()
    assert node_ids(body) == {JAA}


@pytest.mark.parametrize(
    "params",
    [
        {"as_of": "2014-13"},
        {"since": "yesterday"},
        {"to": "2014-02-30x"},
        {"min_reliability": "G"},
        {"max_credibility": 7},
        {"max_credibility": 0},
    ],
)
def test_bad_filter_values_are_422(client: TestClient, params: dict) -> None:
    response = client.get(f"/entities/{JEM}/neighbors", params=params)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_input"
    assert error["details"][0]["location"].startswith("query.")
