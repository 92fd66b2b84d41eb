"""Stored documents back as the DocumentGraphs that built them (to copy a graph to another store).

Documents come in the order they were stored, so a copy stores them in the same order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from graph.models import Document, DocumentGraph, EntityRecord, Evidence, RelationRecord
from graph.neo4j import cypher as c
from graph.neo4j import rows
from graph.neo4j.session import Db, Row
from graph.ontology import NodeType, RelType


def document_graphs(db: Db, batch: int) -> Iterator[DocumentGraph]:
    after_ns, after_id = -1, ""
    while True:
        found = db.read(c.DOCUMENTS_AFTER, after_ns=after_ns, after_id=after_id, limit=batch)
        if not found:
            return
        after_ns, after_id = found[-1]["ns"], found[-1]["doc"]["id"]
        yield from _graphs(db, found)


def _graphs(db: Db, found: list[Row]) -> list[DocumentGraph]:
    ids = [r["doc"]["id"] for r in found]
    deadline = db.deadline()
    entities: dict[str, list[EntityRecord]] = defaultdict(list)
    for r in db.read(c.DOCUMENTS_MENTIONS, deadline, ids=ids):
        entities[r["id"]].append(
            EntityRecord(
                id=r["entity"],
                type=NodeType(r["type"]),
                name=r["name"],
                aliases=list(r["aliases"] or []),
                attributes=rows.loads(r["attributes"], {}),
            )
        )
    claims: dict[str, list[Row]] = defaultdict(list)
    for r in db.read(c.DOCUMENTS_CLAIMS, deadline, ids=ids):
        claims[r["id"]].append(r)
    graphs = []
    for r in found:
        doc = r["doc"]
        evidence = _evidence(db, doc["id"], [cl["relation_id"] for cl in claims[doc["id"]]], deadline)
        relations = [
            RelationRecord(
                type=RelType(cl["type"]),
                source=cl["source"],
                target=cl["target"],
                evidence=evidence.get(cl["relation_id"], []),
                attributes=rows.loads(cl["attributes"], {}),
            )
            for cl in claims[doc["id"]]
        ]
        relations.sort(key=lambda rec: (rec.type.value, rec.source, rec.target))
        document = Document.model_validate({**{k: doc[k] for k in _DOCUMENT_FIELDS}, "text": r["text"]})
        graphs.append(DocumentGraph(document=document, entities=entities[doc["id"]], relations=relations))
    return graphs


_DOCUMENT_FIELDS = ("id", "title", "date", "source", "reliability", "filename", "media_type", "size")


def _evidence(db: Db, doc_id: str, relation_ids: list[str], deadline: float) -> dict[str, list[Evidence]]:
    if not relation_ids:
        return {}
    found = db.read(c.RELATIONS_EVIDENCE, deadline, ids=relation_ids, per=2**31 - 1, doc_id=doc_id)
    return {r["id"]: [rows.evidence(e) for e in r["items"]] for r in found}
