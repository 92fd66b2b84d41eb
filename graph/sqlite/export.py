"""Stored documents back as the DocumentGraphs that built them (to copy a graph to another store)."""

from __future__ import annotations

import sqlite3
from typing import Any

from graph.models import Document, DocumentGraph, EntityRecord, RelationRecord
from graph.ontology import NodeType
from graph.sqlite.codec import loads
from graph.sqlite.rows import fetch_evidence, fetch_relations


def document_graphs(conn: sqlite3.Connection, after: int, batch: int) -> tuple[list[DocumentGraph], int]:
    """The next `batch` documents after number `after`, and the last number read (0 when none)."""
    rows = conn.execute(
        "SELECT num, id, text, title, date, source, reliability, filename, media_type, size"
        " FROM documents WHERE num > ? ORDER BY num LIMIT ?",
        (after, max(1, batch)),
    ).fetchall()
    graphs = [_document_graph(conn, row) for row in rows]
    return graphs, (rows[-1][0] if rows else 0)


def _document_graph(conn: sqlite3.Connection, row: tuple[Any, ...]) -> DocumentGraph:
    """Entities with the names and aliases this document gave; relations with this document's evidence."""
    num, did, text, title, date, source, reliability, filename, media_type, size = row
    document = Document.model_validate(
        {
            "id": did,
            "text": text,
            "title": title,
            "date": date,
            "source": source,
            "reliability": reliability,
            "filename": filename,
            "media_type": media_type,
            "size": size,
        }
    )
    entities = [
        EntityRecord(
            id=eid, type=NodeType(etype), name=name, aliases=loads(aliases, []), attributes=loads(attrs, {})
        )
        for eid, etype, name, aliases, attrs in conn.execute(
            "SELECT e.id, e.type, ed.name, ed.aliases, ed.attributes FROM entity_docs ed"
            " JOIN entities e ON e.num = ed.entity WHERE ed.doc = ? ORDER BY e.id",
            (num,),
        )
    ]
    contributed = conn.execute(
        "SELECT relation, attributes FROM relation_docs WHERE doc = ?", (num,)
    ).fetchall()
    rel_nums = [r for r, _ in contributed]
    relations = fetch_relations(conn, rel_nums, evidence_limit=0)
    evidence = fetch_evidence(conn, rel_nums, None, doc_num=num)
    records = [
        RelationRecord(
            type=relations[r].type,
            source=relations[r].source,
            target=relations[r].target,
            # As the document stated it: the document's title, source and grade live on the document.
            evidence=[
                ev.model_copy(update={"doc_title": None, "source": None, "reliability": None})
                for ev in evidence.get(r, [])
            ],
            attributes=loads(attrs, {}),
        )
        for r, attrs in contributed
    ]
    records.sort(key=lambda rec: (rec.type.value, rec.source, rec.target))
    return DocumentGraph(document=document, entities=entities, relations=records)
