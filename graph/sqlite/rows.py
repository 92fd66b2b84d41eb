"""Rows to models, fetched in batches by internal number (no query per item).

Models are built by pydantic-core from plain dicts (`model_validate`): in pydantic 2 that runs in
Rust and is about twice as fast as `model_construct`, which is plain Python.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from graph.errors import NotFound
from graph.models import DocumentSummary, Entity, Evidence, Relation
from graph.sqlite.codec import chunks, loads, marks, unique

EVIDENCE_PER_EDGE = 3
ENTITY_COLUMNS = "e.num, e.id, e.type, e.name, e.aliases, e.attributes, e.degree"
DOCUMENT_COLUMNS = (
    "d.num, d.id, d.title, d.date, d.source, d.reliability, d.filename, d.media_type, d.size, d.ingested_at,"
    " d.n_entities, d.n_relations"
)
_RELATION_SELECT = (
    "SELECT r.num, r.id, r.type, s.id, t.id, r.confidence, r.first_seen, r.last_seen, r.credibility,"
    " r.reliability, r.n_documents, r.attributes"
    " FROM relations r JOIN entities s ON s.num = r.source JOIN entities t ON t.num = r.target"
)


def entity_from_row(row: Sequence[Any]) -> Entity:
    _num, eid, etype, name, aliases, attributes, degree = row
    return Entity.model_validate(
        {
            "id": eid,
            "type": etype,
            "name": name,
            "aliases": loads(aliases, []),
            "attributes": loads(attributes, {}),
            "degree": degree,
        }
    )


def document_from_row(row: Sequence[Any]) -> DocumentSummary:
    _num, did, title, date, source, reliability, filename, media_type, size, ingested_at, n_ent, n_rel = row[
        :12
    ]
    return DocumentSummary.model_validate(
        {
            "id": did,
            "title": title,
            "date": date,
            "source": source,
            "reliability": reliability,
            "filename": filename,
            "media_type": media_type,
            "size": size,
            "ingested_at": ingested_at,
            "n_entities": n_ent,
            "n_relations": n_rel,
        }
    )


def entity_num(conn: sqlite3.Connection, entity_id: str) -> int:
    row = conn.execute("SELECT num FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        raise NotFound("no entity with this id")
    return int(row[0])


def fetch_entities(conn: sqlite3.Connection, nums: Iterable[int]) -> dict[int, Entity]:
    found: dict[int, Entity] = {}
    for chunk in chunks(list(nums)):
        sql = f"SELECT {ENTITY_COLUMNS} FROM entities e WHERE e.num IN ({marks(len(chunk))})"
        for row in conn.execute(sql, chunk):
            found[row[0]] = entity_from_row(row)
    return found


def fetch_relations(
    conn: sqlite3.Connection, nums: Iterable[int], evidence_limit: int | None = EVIDENCE_PER_EDGE
) -> dict[int, Relation]:
    """Relations by number, each with up to `evidence_limit` evidence items (None: all, 0: none)."""
    found: dict[int, Relation] = {}
    for chunk in chunks(list(nums)):
        for row in conn.execute(f"{_RELATION_SELECT} WHERE r.num IN ({marks(len(chunk))})", chunk):
            found[row[0]] = relation_from_row(row)
    if evidence_limit != 0 and found:
        for num, items in fetch_evidence(conn, list(found), evidence_limit).items():
            found[num].evidence = items
    return found


def relation_select(where: str) -> str:
    return f"{_RELATION_SELECT} {where}"


def relation_from_row(row: Sequence[Any]) -> Relation:
    _num, rid, rtype, source, target, confidence, first, last, cred, reliability, n_docs, attributes = row
    return Relation.model_validate(
        {
            "id": rid,
            "type": rtype,
            "source": source,
            "target": target,
            "confidence": confidence,
            "first_seen": first,
            "last_seen": last,
            "credibility": cred,
            "reliability": reliability or None,
            "n_documents": n_docs,
            "attributes": loads(attributes, {}),
            "evidence": [],
        }
    )


def fetch_evidence(
    conn: sqlite3.Connection, rel_nums: list[int], limit: int | None, doc_num: int | None = None
) -> dict[int, list[Evidence]]:
    """Evidence per relation, strongest first; at most `limit` each (None: all); optionally one document's.

    With a limit, each relation's best items are picked by a LIMIT subquery walking its
    (relation, confidence) index, so a relation backed by thousands of documents costs no more
    than one backed by three; the documents' fields are read once per document, not per item.
    """
    rows: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for chunk in chunks(unique(rel_nums)):
        sql, params = _evidence_query(chunk, limit, doc_num)
        for row in conn.execute(sql, params):
            rows[row[0]].append(row)
    docs = _evidence_documents(conn, {row[2] for items in rows.values() for row in items})
    found: dict[int, list[Evidence]] = {}
    for rel, items in rows.items():
        items.sort(key=lambda row: (-row[7], row[1]))
        found[rel] = [_evidence(row, docs[row[2]]) for row in items]
    return found


_EVIDENCE_ROW = (
    'ev.relation, ev.num, ev.doc, ev.sentence, ev.start, ev."end", ev.date, ev.confidence, ev.method'
)


def _evidence_query(chunk: Sequence[int], limit: int | None, doc_num: int | None) -> tuple[str, list[Any]]:
    doc_params: list[Any] = [] if doc_num is None else [doc_num]
    if limit is None:
        doc_clause = "" if doc_num is None else " AND ev.doc = ?"
        sql = (
            f"SELECT {_EVIDENCE_ROW} FROM evidence ev WHERE ev.relation IN ({marks(len(chunk))}){doc_clause}"
        )
        return sql, [*chunk, *doc_params]
    doc_clause = "" if doc_num is None else " AND x.doc = ?"
    wanted = ", ".join(["(?)"] * len(chunk))
    sql = (
        f"WITH wanted (rel) AS (VALUES {wanted})"
        f" SELECT {_EVIDENCE_ROW} FROM wanted CROSS JOIN evidence ev ON ev.num IN"
        f" (SELECT x.num FROM evidence x WHERE x.relation = wanted.rel{doc_clause}"
        " ORDER BY x.confidence DESC, x.num LIMIT ?)"
    )
    return sql, [*chunk, *doc_params, limit]


_DocFields = tuple[str, str | None, str | None, str]  # id, title, source, reliability


def _evidence_documents(conn: sqlite3.Connection, doc_nums: set[int]) -> dict[int, _DocFields]:
    found: dict[int, _DocFields] = {}
    for chunk in chunks(sorted(doc_nums)):
        sql = f"SELECT num, id, title, source, reliability FROM documents WHERE num IN ({marks(len(chunk))})"
        for num, *fields in conn.execute(sql, chunk):
            found[num] = (fields[0], fields[1], fields[2], fields[3])
    return found


def _evidence(row: Sequence[Any], doc: _DocFields) -> Evidence:
    _rel, _num, _doc, sentence, start, end, date, confidence, method = row
    doc_id, title, source, reliability = doc
    return Evidence.model_validate(
        {
            "doc_id": doc_id,
            "sentence": sentence,
            "start": start,
            "end": end,
            "date": date,
            "confidence": confidence,
            "method": method,
            "doc_title": title,
            "source": source,
            "reliability": reliability,
        }
    )


def ordered(found: dict[int, Any], nums: Iterable[int]) -> list[Any]:
    return [found[n] for n in nums if n in found]
