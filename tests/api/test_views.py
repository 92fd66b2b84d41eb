"""The HTML view routes over a real SQLite store: headers, content, errors as pages, filters and caps."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.ids import document_id, entity_id
from graph.models import Document, DocumentGraph, EntityRecord, Evidence, RelationRecord
from graph.ontology import NodeType, RelType
from graph.open import open_store
from graph.settings import Settings
from graph.store import GraphStore
from tests.viz import corpus
from tests.viz.htmlcheck import data_of, parse, without_data_and_libraries


@pytest.fixture(scope="module")
def views_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    path = tmp_path_factory.mktemp("views") / "views.db"
    opened = open_store(str(path), Settings(store=str(path)))
    corpus.load(opened)
    yield opened
    opened.close()


def client_for(store: GraphStore, **overrides: object) -> TestClient:
    settings = Settings(store="unused.db", rate_limit_per_minute=1_000_000, **overrides)  # type: ignore[arg-type]
    return TestClient(create_app(settings, store))


@pytest.fixture(scope="module")
def views(views_store: GraphStore) -> Iterator[TestClient]:
    with client_for(views_store) as client:
        yield client


def node_ids(html: str) -> set[str]:
    return {n["id"] for n in data_of(html)["nodes"]}


def entity_path(entity_id: str) -> str:
    return "/views/entity/" + quote(entity_id, safe="")


ALL_VIEWS = [
    "/",
    "/views/search?q=jaish",
    entity_path(corpus.JEM),
    entity_path(corpus.HOSTILE_GROUP) + "?hops=2",
    "/views/path?from=Masood%20Azhar&to=Hafiz%20Saeed",
    "/views/network",
    "/views/network?type=Group&rel=ALLIED_WITH&rel=RIVAL_OF",
    "/views/entity/no-such-entity",
]


@pytest.mark.parametrize("url", ALL_VIEWS)
def test_every_view_is_html_with_a_strict_policy(views: TestClient, url: str) -> None:
    response = views.get(url)
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "no-store"
    policy = response.headers["content-security-policy"]
    assert (
        "default-src 'none'" in policy and "frame-ancestors 'none'" in policy and "base-uri 'none'" in policy
    )
    nonce = re.search(r"script-src 'nonce-([A-Za-z0-9_-]+)'", policy)
    assert nonce is not None
    scripts = [attrs for tag, attrs in parse(response.text).tags if tag == "script"]
    assert all(a.get("nonce") == nonce.group(1) for a in scripts if a.get("type") != "application/json")
    outside = without_data_and_libraries(response.text)
    for payload in corpus.MARKUP_PAYLOADS:
        assert payload not in outside


def test_each_response_has_its_own_nonce(views: TestClient) -> None:
    first = views.get(entity_path(corpus.JEM)).headers["content-security-policy"]
    second = views.get(entity_path(corpus.JEM)).headers["content-security-policy"]
    assert first != second


def test_home_counts_and_top_entities(views: TestClient, views_store: GraphStore) -> None:
    html = views.get("/").text
    stats = views_store.stats()
    assert f"{stats.documents} documents, {sum(stats.entities.values())} entities" in html
    groups = html[html.index("Most connected groups") : html.index("Most connected leaders")]
    assert groups.index("Jaish-e-Mohammed") < groups.index("Taliban")  # JeM has the most relations
    assert f'href="{entity_path(corpus.JEM)}"' in groups
    for report in corpus.REPORTS[:2]:
        assert report.title in html


def test_entity_view_by_id_and_by_name(views: TestClient) -> None:
    by_id = views.get(entity_path(corpus.JEM)).text
    by_name = views.get("/views/entity/Jaish-e-Mohammed").text
    assert node_ids(by_id) == node_ids(by_name) == corpus.neighbours("Jaish-e-Mohammed")
    assert "<h1>Jaish-e-Mohammed (Group)</h1>" in by_id
    info = data_of(by_id)["edgeInfo"]
    leads = next(f for f in corpus.FACTS if f.source == "Masood Azhar")
    assert info[leads.id]["evidence"][0]["sentence"] == leads.sentence
    assert info[leads.id]["evidence"][0]["docTitle"] == corpus.REPORTS[0].title


def test_entity_view_hops_widen_the_neighbourhood(views: TestClient) -> None:
    one = node_ids(views.get(entity_path(corpus.eid("Hafiz Saeed")) + "?hops=1").text)
    two = node_ids(views.get(entity_path(corpus.eid("Hafiz Saeed")) + "?hops=2").text)
    assert one == corpus.neighbours("Hafiz Saeed")
    assert one < two and corpus.JEM in two


def test_entity_view_relation_filter(views: TestClient) -> None:
    html = views.get(entity_path(corpus.JEM) + "?rel=TRAINS_AT").text
    assert {e["type"] for e in data_of(html)["edgeInfo"].values()} == {"TRAINS_AT"}


def test_unknown_entity_is_a_404_page(views: TestClient) -> None:
    response = views.get("/views/entity/" + quote("<script>alert(1)</script>nobody"))
    assert response.status_code == 404
    assert "<h1>Not found</h1>" in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;nobody" in response.text


def jaish_al_adl() -> DocumentGraph:
    """A second group also called "Jaish", so that name fits two entities."""
    sentence = "Jaish al-Adl, also called Jaish, operates in Kashmir."
    doc = Document(id=document_id(b"viz-test-jaa"), text=sentence, title="Jaish al-Adl")
    jaa = entity_id(NodeType.GROUP, "Jaish al-Adl")
    kashmir = corpus.eid("Kashmir")
    evidence = Evidence(doc_id=doc.id, sentence=sentence, start=0, end=len(sentence))
    return DocumentGraph(
        document=doc,
        entities=[
            EntityRecord(id=jaa, type=NodeType.GROUP, name="Jaish al-Adl", aliases=["Jaish"]),
            EntityRecord(id=kashmir, type=NodeType.PLACE, name="Kashmir"),
        ],
        relations=[RelationRecord(type=RelType.OPERATES_IN, source=jaa, target=kashmir, evidence=[evidence])],
    )


def test_ambiguous_name_lists_candidates(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "amb.db"), Settings(store=str(tmp_path / "amb.db")))
    try:
        corpus.load(store)
        store.write_document(jaish_al_adl())
        with client_for(store) as client:
            response = client.get("/views/entity/Jaish")
    finally:
        store.close()
    assert response.status_code == 409
    assert "<h1>Which one?</h1>" in response.text
    assert f'href="{entity_path(corpus.JEM)}"' in response.text
    assert 'href="/views/entity/group%3Ajaish-al-adl"' in response.text


def test_bad_hops_is_refused(views: TestClient) -> None:
    assert views.get(entity_path(corpus.JEM) + "?hops=4").status_code == 422
    assert views.get(entity_path(corpus.JEM) + "?hops=0").status_code == 422


def test_path_view_draws_the_shortest_connection(views: TestClient) -> None:
    html = views.get("/views/path?from=Masood%20Azhar&to=Hafiz%20Saeed").text
    expected = {corpus.eid(n) for n in ("Masood Azhar", "Jaish-e-Mohammed", "Lashkar-e-Taiba", "Hafiz Saeed")}
    assert node_ids(html) == expected
    assert "1 shortest connection(s) of 3 hop(s)." in html
    focus = {n["id"] for n in data_of(html)["nodes"] if n["borderWidth"] > 1}
    assert focus == {corpus.eid("Masood Azhar"), corpus.eid("Hafiz Saeed")}
    assert all(e["width"] >= 5 for e in data_of(html)["edges"])


def test_path_view_without_a_connection(views: TestClient) -> None:
    html = views.get("/views/path?from=Masood%20Azhar&to=Hafiz%20Saeed&max_hops=2").text
    assert "No connection within 2 hops." in html
    assert node_ids(html) == {corpus.eid("Masood Azhar"), corpus.eid("Hafiz Saeed")}


def test_path_view_asks_for_what_is_missing(views: TestClient) -> None:
    response = views.get("/views/path?from=Masood%20Azhar")
    assert response.status_code == 200
    assert 'name="from" value="Masood Azhar"' in response.text
    unknown = views.get("/views/path?from=Masood%20Azhar&to=Nobody%20At%20All")
    assert unknown.status_code == 404 and 'name="to" value="Nobody At All"' in unknown.text
    assert views.get("/views/path?from=a&to=b&max_hops=99").status_code == 422


def test_network_view_filters_by_type_relation_and_degree(views: TestClient) -> None:
    everything = data_of(views.get("/views/network").text)
    assert {n["id"] for n in everything["nodes"]} == {corpus.eid(n) for n in corpus.ENTITIES}
    assert {e["id"] for e in everything["edges"]} == {f.id for f in corpus.FACTS}

    html = views.get("/views/network?type=Group&rel=ALLIED_WITH&rel=RIVAL_OF").text
    facts = corpus.facts_between({NodeType.GROUP}, {RelType.ALLIED_WITH, RelType.RIVAL_OF})
    assert {e["id"] for e in data_of(html)["edges"]} == {f.id for f in facts}
    assert node_ids(html) == {corpus.eid(f.source) for f in facts} | {corpus.eid(f.target) for f in facts}
    assert "<h1>Alliance map</h1>" in html

    busy = data_of(views.get("/views/network?type=Group&rel=ALLIED_WITH&min_degree=2").text)
    assert {n["id"] for n in busy["nodes"]} == {corpus.JEM}
    isolated = node_ids(views.get("/views/network?type=Camp&min_degree=0").text)
    assert isolated == {corpus.eid(n) for n, (t, _) in corpus.ENTITIES.items() if t is NodeType.CAMP}


def test_network_view_is_capped_and_says_so(views_store: GraphStore) -> None:
    with client_for(views_store, view_max_nodes=5) as client:
        html = client.get("/views/network").text
    nodes = data_of(html)["nodes"]
    assert len(nodes) == 5
    assert f"Showing 5 of {len(corpus.ENTITIES)} entities" in html
    assert corpus.JEM in {n["id"] for n in nodes}  # the best-connected stay


def test_search_view_links_matches(views: TestClient) -> None:
    html = views.get("/views/search?q=Lashkar").text
    assert f'href="{entity_path(corpus.eid("Lashkar-e-Taiba"))}">Lashkar-e-Taiba</a>' in html
    empty = views.get("/views/search?q=")
    assert empty.status_code == 200 and "Type part of a name" in empty.text
