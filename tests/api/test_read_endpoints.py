"""Each read endpoint over the known corpus: exact expected answers."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api import corpus
from tests.api.corpus import (
    AZHAR,
    BAHAWALPUR,
    DOC_A,
    DOC_B,
    DOC_C,
    JAA,
    JEM,
    KASHMIR,
    LET,
    MARKAZ,
    MUZAFFARABAD,
    SAEED,
    TALIBAN,
)


def ids(items: list[dict]) -> set[str]:
    return {item["id"] for item in items}


def test_health_counts_by_type(client: TestClient) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["store"] == "sqlite"
    assert body["read_only"] is False
    assert body["documents"] == 3
    assert body["entities"] == {"Group": 4, "Leader": 2, "Camp": 1, "Place": 3}
    nonzero = {k: v for k, v in body["relations"].items() if v}
    assert nonzero == {"LEADS": 2, "TRAINS_AT": 1, "LOCATED_IN": 1, "ALLIED_WITH": 2, "OPERATES_IN": 2}


def test_entity_search_by_partial_name_finds_both_jaish_groups(client: TestClient) -> None:
    body = client.get("/entities", params={"q": "jaish"}).json()
    assert ids(body["items"]) == {JEM, JAA}
    assert body["total"] == 2
    assert body["truncated"] is False


def test_entity_search_shows_each_hit_with_relations_and_evidence(client: TestClient) -> None:
    jem = next(i for i in client.get("/entities", params={"q": "jaish"}).json()["items"] if i["id"] == JEM)
    detail = client.get(f"/entities/{JEM}").json()
    expected = sorted(r["id"] for group in detail["relations"] for r in group["relations"])
    assert sorted(r["id"] for r in jem["relations"]) == expected[:5] or len(jem["relations"]) == min(
        5, len(expected)
    )
    assert jem["relations"] and all(r["evidence"] and r["evidence"][0]["sentence"] for r in jem["relations"])
    bare = client.get("/entities", params={"q": "jaish", "relations": 0}).json()
    assert all(item["relations"] == [] for item in bare["items"])


def test_entity_search_ignores_accents_and_case(client: TestClient) -> None:
    body = client.get("/entities", params={"q": "MUZAFFARABAD"}).json()
    assert ids(body["items"]) == {MUZAFFARABAD}
    assert body["items"][0]["name"] == "Muzaffarābād"


def test_entity_search_by_alias(client: TestClient) -> None:
    assert ids(client.get("/entities", params={"q": "LeT"}).json()["items"]) == {LET}


def test_entity_list_filters_by_type_and_pages(client: TestClient) -> None:
    places = client.get("/entities", params={"type": "Place"}).json()
    assert ids(places["items"]) == {BAHAWALPUR, KASHMIR, MUZAFFARABAD}
    first = client.get("/entities", params={"type": "Place", "limit": 2}).json()
    second = client.get("/entities", params={"type": "Place", "limit": 2, "offset": 2}).json()
    assert len(first["items"]) == 2 and first["truncated"] is True and first["total"] == 3
    assert len(second["items"]) == 1 and second["truncated"] is False
    assert ids(first["items"]) | ids(second["items"]) == {BAHAWALPUR, KASHMIR, MUZAFFARABAD}


def test_limit_over_the_cap_is_capped(fresh) -> None:
    client = fresh(max_results=2)
    body = client.get("/entities", params={"limit": 400}).json()
    assert body["limit"] == 2
    assert len(body["items"]) == 2
    assert body["truncated"] is True


def test_entity_detail_by_id(client: TestClient) -> None:
    body = client.get(f"/entities/{JEM}").json()
    assert body["entity"]["id"] == JEM
    assert body["entity"]["name"] == "Jaish-e-Mohammed"
    assert sorted(body["entity"]["aliases"]) == ["Jaish", "JeM"]
    groups = {g["type"]: g for g in body["relations"]}
    assert {t: g["count"] for t, g in groups.items()} == {"ALLIED_WITH": 2, "LEADS": 1, "TRAINS_AT": 1}
    allied = groups["ALLIED_WITH"]["relations"]
    assert {frozenset((r["source"], r["target"])) for r in allied} == {
        frozenset((JEM, TALIBAN)),
        frozenset((JEM, LET)),
    }
    assert body["relations_truncated"] is False
    assert ids(body["documents"]["items"]) == {DOC_A.id, DOC_B.id}


def test_entity_detail_by_name_and_alias(client: TestClient) -> None:
    assert client.get("/entities/Masood Azhar").json()["entity"]["id"] == AZHAR
    assert client.get("/entities/maulana masood azhar").json()["entity"]["id"] == AZHAR
    assert client.get("/entities/JeM").json()["entity"]["id"] == JEM


def test_ambiguous_name_answers_409_with_candidates(client: TestClient) -> None:
    response = client.get("/entities/Jaish")
    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "ambiguous"
    assert {c["id"] for c in error["details"]["candidates"]} == {JEM, JAA}
    assert all(c["type"] == "Group" for c in error["details"]["candidates"])


def test_neighbors_one_hop(client: TestClient) -> None:
    body = client.get(f"/entities/{JEM}/neighbors").json()
    assert ids(body["nodes"]) == {JEM, AZHAR, MARKAZ, TALIBAN, LET}
    assert len(body["edges"]) == 4
    assert body["truncated"] is False
    edge = next(e for e in body["edges"] if e["type"] == "LEADS")
    assert edge["source"] == AZHAR
    assert edge["evidence"][0]["sentence"] == "Masood Azhar leads Jaish-e-Mohammed."


def test_neighbors_two_hops_and_type_filters(client: TestClient) -> None:
    two = client.get(f"/entities/{JEM}/neighbors", params={"hops": 2}).json()
    assert ids(two["nodes"]) == {JEM, AZHAR, MARKAZ, TALIBAN, LET, BAHAWALPUR, SAEED, KASHMIR}
    allied = client.get(f"/entities/{JEM}/neighbors", params={"hops": 2, "rel": "ALLIED_WITH"}).json()
    assert ids(allied["nodes"]) == {JEM, TALIBAN, LET}
    assert {e["type"] for e in allied["edges"]} == {"ALLIED_WITH"}
    groups = client.get(f"/entities/{JEM}/neighbors", params={"type": "Group"}).json()
    assert ids(groups["nodes"]) == {JEM, TALIBAN, LET}


def test_neighbors_direction(client: TestClient) -> None:
    out = client.get(f"/entities/{MARKAZ}/neighbors", params={"direction": "out"}).json()
    assert ids(out["nodes"]) == {MARKAZ, BAHAWALPUR}
    incoming = client.get(f"/entities/{MARKAZ}/neighbors", params={"direction": "in"}).json()
    assert ids(incoming["nodes"]) == {MARKAZ, JEM}


def test_neighbors_limit_truncates(client: TestClient) -> None:
    body = client.get(f"/entities/{JEM}/neighbors", params={"hops": 2, "limit": 3}).json()
    assert len(body["nodes"]) <= 3
    assert body["truncated"] is True


def test_relations_by_type_and_end(client: TestClient) -> None:
    leads = client.get("/relations", params={"type": "LEADS"}).json()
    assert {(r["source"], r["target"]) for r in leads["items"]} == {(AZHAR, JEM), (SAEED, LET)}
    by_source = client.get("/relations", params={"source": "Hafiz Saeed"}).json()
    assert [(r["type"], r["target"]) for r in by_source["items"]] == [("LEADS", LET)]
    by_target = client.get("/relations", params={"target": "kashmir"}).json()
    assert [(r["type"], r["source"]) for r in by_target["items"]] == [("OPERATES_IN", LET)]


def test_relation_by_id_with_evidence(client: TestClient) -> None:
    fact = DOC_A.facts[2]
    body = client.get(f"/relations/{corpus.rel_id(fact)}").json()
    assert (body["type"], body["source"], body["target"]) == ("LOCATED_IN", MARKAZ, BAHAWALPUR)
    assert body["first_seen"] == "2019-03-01"
    assert body["reliability"] == "B"
    assert body["credibility"] == 3
    [evidence] = body["evidence"]
    assert evidence["sentence"] == fact.sentence
    assert evidence["doc_id"] == DOC_A.id
    assert DOC_A.text[evidence["start"] : evidence["end"]] == fact.sentence
    assert evidence["confidence"] == 0.8


def test_shortest_path_between_leaders(client: TestClient) -> None:
    body = client.get("/paths", params={"from": "Masood Azhar", "to": SAEED, "max_hops": 4}).json()
    assert body["truncated"] is False
    [path] = body["paths"]
    assert [n["id"] for n in path["nodes"]] == [AZHAR, JEM, LET, SAEED]
    assert [e["type"] for e in path["edges"]] == ["LEADS", "ALLIED_WITH", "LEADS"]
    assert all(e["evidence"] for e in path["edges"])


def test_no_path_within_too_few_hops(client: TestClient) -> None:
    body = client.get("/paths", params={"from": AZHAR, "to": SAEED, "max_hops": 2}).json()
    assert body["paths"] == []


def test_no_path_between_disconnected_parts(client: TestClient) -> None:
    body = client.get("/paths", params={"from": JEM, "to": JAA}).json()
    assert body["paths"] == []


def test_subgraph_union_of_neighbourhoods(client: TestClient) -> None:
    body = client.get("/subgraph", params={"ids": f"{AZHAR},Hafiz Saeed", "hops": 1}).json()
    assert ids(body["nodes"]) == {AZHAR, JEM, SAEED, LET}
    assert {e["type"] for e in body["edges"]} >= {"LEADS"}
    repeated = client.get("/subgraph", params=[("ids", AZHAR), ("ids", SAEED), ("hops", "1")]).json()
    assert ids(repeated["nodes"]) == ids(body["nodes"])


def test_subgraph_hops_zero_is_the_nodes_themselves(client: TestClient) -> None:
    body = client.get("/subgraph", params={"ids": f"{JEM},{LET},{SAEED}", "hops": 0}).json()
    assert ids(body["nodes"]) == {JEM, LET, SAEED}
    assert {(e["type"], e["source"], e["target"]) for e in body["edges"]} == {
        ("ALLIED_WITH", JEM, LET),
        ("LEADS", SAEED, LET),
    }


def test_search_documents_with_snippet_and_entities(client: TestClient) -> None:
    body = client.get("/search", params={"q": "allied"}).json()
    assert [hit["document"]["id"] for hit in body["items"]] == [DOC_B.id]
    hit = body["items"][0]
    assert "allied" in hit["snippet"].lower()
    assert ids(hit["entities"]) == {JEM, TALIBAN, LET, SAEED, KASHMIR}


def test_search_is_accent_insensitive(client: TestClient) -> None:
    body = client.get("/search", params={"q": "muzaffarabad"}).json()
    assert [hit["document"]["id"] for hit in body["items"]] == [DOC_C.id]


def test_documents_list_and_detail(client: TestClient) -> None:
    listing = client.get("/documents").json()
    assert ids(listing["items"]) == {DOC_A.id, DOC_B.id, DOC_C.id}
    detail = client.get(f"/documents/{DOC_B.id}").json()
    assert detail["text"] == DOC_B.text
    assert detail["title"] == DOC_B.title
    assert detail["source"] == "Report B"
    assert detail["reliability"] == "C"
    assert detail["date"] == "2014-06"
    assert ids(detail["entities"]) == {JEM, TALIBAN, LET, SAEED, KASHMIR}
    assert len(detail["relations"]) == 4
    assert detail["ingested_at"]
