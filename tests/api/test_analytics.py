"""Analytics through the real app over a real SQLite store holding dated, graded documents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.open import open_store
from graph.store import GraphStore
from tests.api import analytics_corpus as net
from tests.api.conftest import make_settings


@pytest.fixture(scope="module")
def net_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    path = tmp_path_factory.mktemp("analytics") / "mkg.db"
    store = open_store(str(path), make_settings(path))
    net.load(store)
    yield store
    store.close()


@pytest.fixture(scope="module")
def api(net_store: GraphStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = make_settings(tmp_path_factory.mktemp("unused") / "unused.db")
    with TestClient(create_app(settings, net_store)) as client:
        yield client


def get(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_betweenness_puts_the_broker_first(api: TestClient) -> None:
    body = get(api, "/analytics/centrality", metric="betweenness", limit=3)
    assert body["items"][0]["id"] == net.MIDDLE
    assert body["approximate"] is False and body["algorithm"] == "networkx.betweenness_centrality"
    assert body["scope"] == {"n_nodes": 12, "n_edges": 22, "n_relations": 22, "truncated": False}
    assert len(body["items"]) == 3 and body["truncated"] is True


def test_centrality_ranks_one_type_and_narrows_to_relation_types(api: TestClient) -> None:
    leaders = get(api, "/analytics/centrality", metric="degree", type="Leader")
    assert {item["id"] for item in leaders["items"]} == {net.AMIR, net.BASIT}
    assert all(item["degree"] == 2 for item in leaders["items"])
    alliances = get(api, "/analytics/centrality", metric="pagerank", rel="ALLIED_WITH")
    assert alliances["scope"]["n_nodes"] == 9  # the groups only
    assert alliances["algorithm"] == "igraph.pagerank"


def test_as_of_gives_the_network_of_that_time(api: TestClient) -> None:
    body = get(api, "/analytics/centrality", metric="degree", as_of="2012", limit=50)
    ids = {item["id"] for item in body["items"]}
    assert ids == {*net.WEST, net.AMIR, net.BASIT}  # only the 2010 report
    assert body["scope"]["n_relations"] == 8
    assert get(api, "/analytics/brokers", as_of="2012")["brokers"][0]["id"] == net.WEST[0]


def test_from_to_keeps_relations_seen_in_the_range(api: TestClient) -> None:
    # 2016-2020: the 2018 report, and the Middle-West One alliance (seen 2015-06 to 2016)
    body = get(api, "/analytics/centrality", metric="degree", limit=50, **{"from": "2016", "to": "2020"})
    assert body["scope"]["n_relations"] == 5
    assert {item["id"] for item in body["items"]} == {
        net.MIDDLE,
        *net.WEST[:2],
        net.AMIR,
        net.BASIT,
        net.CAMP,
    }


def test_grade_filters_narrow_the_network(api: TestClient) -> None:
    confirmed = get(api, "/analytics/centrality", max_credibility=1)
    assert confirmed["scope"]["n_relations"] == 1  # two sources, one graded A
    assert {item["id"] for item in confirmed["items"]} == {net.MIDDLE, net.WEST[0]}
    reliable = get(api, "/analytics/centrality", min_reliability="B", limit=50)
    assert reliable["scope"]["n_relations"] == 9  # the 2010 report (B) and the A-confirmed alliance


def test_communities_split_west_from_east(api: TestClient) -> None:
    body = get(api, "/analytics/communities")
    assert body["algorithm"] == "networkx.louvain_communities" and body["seed"] == 7
    blocs = [{m["id"] for m in c["members"]} for c in body["communities"]]
    assert any(set(net.EAST) <= bloc and not bloc & set(net.WEST) for bloc in blocs)
    west_bloc = next(bloc for bloc in blocs if net.WEST[0] in bloc)
    assert {*net.WEST, net.AMIR, net.BASIT, net.CAMP} <= west_bloc
    assert body["communities"][0]["central"], "each community names its central members"
    assert get(api, "/analytics/communities") == body


def test_brokers_name_the_only_cut_point_and_its_pieces(api: TestClient) -> None:
    body = get(api, "/analytics/brokers")
    assert [b["id"] for b in body["brokers"]] == [net.MIDDLE]
    assert body["brokers"][0]["piece_sizes"] == [7, 4] and body["brokers"][0]["separated"] == 4
    assert body["bridges"] == [] and body["n_bridges"] == 0
    assert get(api, "/analytics/brokers", type="Leader")["brokers"] == []


def test_projections(api: TestClient) -> None:
    co = get(api, "/analytics/projections", kind="co-membership")
    assert [(x["source"]["id"], x["target"]["id"], x["weight"]) for x in co["links"]] == [
        (net.AMIR, net.BASIT, 2)
    ]
    assert [v["id"] for v in co["links"][0]["via"]] == sorted(net.WEST[:2])
    camps = get(api, "/analytics/projections", kind="shared-camps")
    assert [(x["source"]["id"], x["target"]["id"], x["weight"]) for x in camps["links"]] == [
        (net.WEST[0], net.WEST[1], 1)
    ]
    before = get(api, "/analytics/projections", kind="co-membership", to="2012")
    assert [(x["weight"], [v["id"] for v in x["via"]]) for x in before["links"]] == [(1, [net.WEST[0]])]


def test_timeline_by_name_in_date_order_with_evidence(api: TestClient) -> None:
    body = get(api, "/entities/Amir Khan/timeline")
    assert body["entity"]["id"] == net.AMIR
    entries = body["entries"]
    assert [(e["date"], e["relation"]["type"], e["other"]["id"]) for e in entries] == [
        ("2010", "LEADS", net.WEST[0]),
        ("2018", "MEMBER_OF", net.WEST[1]),
    ]
    assert entries[0]["direction"] == "out"
    assert entries[1]["relation"]["evidence"][0]["sentence"] == "Amir Khan member of West Two."
    assert body["truncated"] is False
    assert [e["date"] for e in get(api, f"/entities/{net.AMIR}/timeline", as_of="2012")["entries"]] == [
        "2010"
    ]


def test_timeline_of_an_unknown_entity_is_404(api: TestClient) -> None:
    response = api.get("/entities/Nobody At All/timeline")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/analytics/centrality", {"metric": "closeness"}),
        ("/analytics/centrality", {"as_of": "2014-13"}),
        ("/analytics/communities", {"top": 0}),
        ("/analytics/projections", {"kind": "everything"}),
        ("/analytics/brokers", {"type": "Person"}),
    ],
)
def test_invalid_parameters_are_refused(api: TestClient, path: str, params: dict[str, Any]) -> None:
    response = api.get(path, params=params)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_input"


def test_writes_and_deletes_change_the_cached_answer(tmp_path: Path) -> None:
    path = tmp_path / "mkg.db"
    settings = make_settings(path)
    store = open_store(str(path), settings)
    try:
        for doc in net.DOCS[:2]:
            store.write_document(net.document_graph(doc))
        with TestClient(create_app(settings, store)) as client:
            first = get(client, "/analytics/projections", kind="co-membership")
            assert [x["weight"] for x in first["links"]] == [1]
            store.write_document(net.document_graph(net.DOCS[3]))  # the 2018 report: a second shared group
            second = get(client, "/analytics/projections", kind="co-membership")
            assert [x["weight"] for x in second["links"]] == [2]
            store.delete_document(net.document_graph(net.DOCS[3]).document.id)
            third = get(client, "/analytics/projections", kind="co-membership")
            assert third == first
    finally:
        store.close()
