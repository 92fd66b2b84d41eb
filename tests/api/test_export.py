"""GET /export: GraphML that networkx reads back, JSON, CSV (zip or one table), filters and the cap."""

from __future__ import annotations

import csv
import io
import zipfile

import networkx as nx
from fastapi.testclient import TestClient

from api.exporters import _cell
from graph.ids import document_id, entity_id
from graph.models import Document, DocumentGraph, Entity, EntityRecord, Evidence, Relation, RelationRecord
from graph.ontology import NodeType, RelType
from tests.api.corpus import (
    AZHAR,
    BAHAWALPUR,
    ENTITIES,
    JAA,
    JEM,
    KASHMIR,
    LET,
    MARKAZ,
    MUZAFFARABAD,
    SAEED,
    TALIBAN,
)

ALL_IDS = set(ENTITIES)
GROUPS = {JEM, TALIBAN, LET, JAA}


def test_json_export_is_the_whole_graph(client: TestClient) -> None:
    response = client.get("/export")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-truncated"] == "false"
    assert 'filename="militant-kg.json"' in response.headers["content-disposition"]
    body = response.json()
    assert body["truncated"] is False
    nodes = [Entity.model_validate(n) for n in body["nodes"]]
    edges = [Relation.model_validate(e) for e in body["edges"]]
    assert {n.id for n in nodes} == ALL_IDS
    assert len(edges) == 8
    assert {n.name for n in nodes if n.id == MUZAFFARABAD} == {"Muzaffarābād"}


def test_json_export_filtered_by_type_keeps_edges_between_kept_nodes(client: TestClient) -> None:
    body = client.get("/export", params={"type": "Group"}).json()
    assert {n["id"] for n in body["nodes"]} == GROUPS
    assert {(e["type"], e["source"], e["target"]) for e in body["edges"]} == {
        ("ALLIED_WITH", JEM, TALIBAN),
        ("ALLIED_WITH", JEM, LET),
    }
    leads = client.get("/export", params={"rel": "LEADS"}).json()
    assert {(e["source"], e["target"]) for e in leads["edges"]} == {(AZHAR, JEM), (SAEED, LET)}


def test_graphml_export_reads_back_in_networkx(client: TestClient) -> None:
    response = client.get("/export", params={"format": "graphml"})
    assert response.headers["content-type"].startswith("application/graphml+xml")
    graph = nx.read_graphml(io.BytesIO(response.content))
    assert set(graph.nodes) == ALL_IDS
    assert graph.number_of_edges() == 8
    assert graph.nodes[MUZAFFARABAD]["label"] == "Muzaffarābād"
    assert graph.nodes[MARKAZ]["type"] == "Camp"
    assert graph.nodes[JEM]["labels"] == ":Group"
    edge = graph.edges[MARKAZ, BAHAWALPUR]
    assert edge["type"] == "LOCATED_IN"
    assert edge["symmetric"] is False
    assert edge["credibility"] == 3
    assert edge["reliability"] == "B"
    assert graph.edges[JEM, TALIBAN]["symmetric"] is True


def test_csv_zip_holds_nodes_and_edges(client: TestClient) -> None:
    response = client.get("/export", params={"format": "csv"})
    assert response.headers["content-type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == ["edges.csv", "nodes.csv"]
    nodes = list(csv.DictReader(io.StringIO(archive.read("nodes.csv").decode("utf-8"))))
    edges = list(csv.DictReader(io.StringIO(archive.read("edges.csv").decode("utf-8"))))
    assert {row["id"] for row in nodes} == ALL_IDS
    assert next(row for row in nodes if row["id"] == JEM)["aliases"] in ("Jaish|JeM", "JeM|Jaish")
    assert len(edges) == 8
    assert {(row["type"], row["source"], row["target"]) for row in edges} >= {("OPERATES_IN", LET, KASHMIR)}


def test_csv_export_is_repeatable_byte_for_byte(client: TestClient) -> None:
    first = client.get("/export", params={"format": "csv"}).content
    assert client.get("/export", params={"format": "csv"}).content == first


def test_csv_single_table(client: TestClient) -> None:
    response = client.get("/export", params={"format": "csv", "table": "edges", "rel": "LEADS"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert {(r["source"], r["target"]) for r in rows} == {(AZHAR, JEM), (SAEED, LET)}
    nodes = client.get("/export", params={"format": "csv", "table": "nodes", "type": "Place"}).text
    assert {r["id"] for r in csv.DictReader(io.StringIO(nodes))} == {BAHAWALPUR, KASHMIR, MUZAFFARABAD}


def test_export_over_the_cap_says_truncated(fresh) -> None:
    client = fresh(max_export=3)
    response = client.get("/export")
    body = response.json()
    assert response.headers["x-truncated"] == "true"
    assert body["truncated"] is True
    assert len(body["nodes"]) == 3
    kept = {n["id"] for n in body["nodes"]}
    assert all(e["source"] in kept and e["target"] in kept for e in body["edges"])
    graphml = client.get("/export", params={"format": "graphml"})
    assert graphml.headers["x-truncated"] == "true"
    assert nx.read_graphml(io.BytesIO(graphml.content)).number_of_nodes() == 3


def test_csv_cells_that_look_like_formulas_are_neutralised() -> None:
    assert _cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert _cell("@SUM(A1)") == "'@SUM(A1)"
    assert _cell("-2+3") == "'-2+3"
    assert _cell("Lashkar-e-Taiba") == "Lashkar-e-Taiba"
    assert _cell(None) == ""
    assert _cell(0.5) == "0.5"


HOSTILE = '<script>alert("x")</script> & Co\x00\x01\x1f =cmd|calc'


def test_hostile_names_survive_every_format_escaped(fresh) -> None:
    client = fresh()
    store = client.app.state.store  # type: ignore[attr-defined]
    store.write_document(hostile_document())
    node_id = entity_id(NodeType.GROUP, HOSTILE)
    as_json = {n["id"]: n for n in client.get("/export").json()["nodes"]}
    assert as_json[node_id]["name"] == HOSTILE
    graph = nx.read_graphml(io.BytesIO(client.get("/export", params={"format": "graphml"}).content))
    assert graph.nodes[node_id]["label"] == '<script>alert("x")</script> & Co =cmd|calc'
    nodes_csv = client.get("/export", params={"format": "csv", "table": "nodes"}).text
    row = next(r for r in csv.DictReader(io.StringIO(nodes_csv)) if r["id"] == node_id)
    assert row["name"] == HOSTILE


def test_formula_names_are_neutralised_in_csv(fresh) -> None:
    client = fresh()
    store = client.app.state.store  # type: ignore[attr-defined]
    store.write_document(hostile_document('=HYPERLINK("http://x")'))
    nodes_csv = client.get("/export", params={"format": "csv", "table": "nodes"}).text
    names = {r["name"] for r in csv.DictReader(io.StringIO(nodes_csv))}
    assert '\'=HYPERLINK("http://x")' in names


def hostile_document(name: str = HOSTILE) -> DocumentGraph:
    text = f"{name} operates in Kashmir."
    doc_id = document_id(text.encode("utf-8"))
    group = entity_id(NodeType.GROUP, name)
    evidence = Evidence(doc_id=doc_id, sentence=text, start=0, end=len(text), confidence=0.5)
    return DocumentGraph(
        document=Document(id=doc_id, text=text, title="hostile"),
        entities=[
            EntityRecord(id=group, type=NodeType.GROUP, name=name),
            EntityRecord(id=KASHMIR, type=NodeType.PLACE, name="Kashmir"),
        ],
        relations=[
            RelationRecord(type=RelType.OPERATES_IN, source=group, target=KASHMIR, evidence=[evidence])
        ],
    )
