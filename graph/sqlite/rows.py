"""Rows to models, fetched in batches by internal number (no query per item).

Rows come from our own file, already checked when written, so models are built without re-validation.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from graph.errors import NotFound
from graph.models import DocumentSummary, Entity, Evidence, Relation
from graph.ontology import NodeType, Reliability, RelType
from graph.sqlite.codec import chunks, loads, marks

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
_EVIDENCE_COLUMNS = (
    'ev.relation, d.id, ev.sentence, ev.start, ev."end", ev.date, ev.confidence, ev.method,'
    " d.title, d.source, d.reliability"
)


def entity_from_row(row: Sequence[Any]) -> Entity:
    _num, eid, etype, name, aliases, attributes, degree = row
    return Entity.model_construct(
        id=eid,
        type=NodeType(etype),
        name=name,
        aliases=loads(aliases, []),
        attributes=loads(attributes, {}),
        degree=degree,
    )


def document_from_row(row: Sequence[Any]) -> DocumentSummary:
    _num, did, title, date, source, reliability, filename, media_type, size, ingested_at, n_ent, n_rel = row[
        :12
    ]
    return DocumentSummary.model_construct(
        id=did,
        title=title,
        date=date,
        source=source,
        reliability=Reliability(reliability),
        filename=filename,
        media_type=media_type,
        size=size,
        ingested_at=ingested_at,
        n_entities=n_ent,
        n_relations=n_rel,
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
    return Relation.model_construct(
        id=rid,
        type=RelType(rtype),
        source=source,
        target=target,
        confidence=confidence,
        first_seen=first,
        last_seen=last,
        credibility=cred,
        reliability=Reliability(reliability) if reliability else None,
        n_documents=n_docs,
        attributes=loads(attributes, {}),
        evidence=[],
    )


def fetch_evidence(
    conn: sqlite3.Connection, rel_nums: list[int], limit: int | None, doc_num: int | None = None
) -> dict[int, list[Evidence]]:
    """Evidence per relation, strongest first; at most `limit` each (None: all); optionally one document's."""
    found: dict[int, list[Evidence]] = defaultdict(list)
    doc_clause = " AND ev.doc = ?" if doc_num is not None else ""
    for chunk in chunks(rel_nums):
        params: list[Any] = [*chunk] + ([doc_num] if doc_num is not None else [])
        inner = (
            f"SELECT {_EVIDENCE_COLUMNS}, row_number() OVER"
            " (PARTITION BY ev.relation ORDER BY ev.confidence DESC, ev.num) AS k"
            " FROM evidence ev JOIN documents d ON d.num = ev.doc"
            f" WHERE ev.relation IN ({marks(len(chunk))}){doc_clause}"
        )
        if limit is None:
            sql = f"SELECT * FROM ({inner}) ORDER BY 1, k"
        else:
            sql = f"SELECT * FROM ({inner}) WHERE k <= ? ORDER BY 1, k"
            params.append(limit)
        for rel, *rest in conn.execute(sql, params):
            found[rel].append(_evidence(rest))
    return found


def _evidence(row: Sequence[Any]) -> Evidence:
    doc_id, sentence, start, end, date, confidence, method, title, source, reliability, _k = row
    return Evidence.model_construct(
        doc_id=doc_id,
        sentence=sentence,
        start=start,
        end=end,
        date=date,
        confidence=confidence,
        method=method,
        doc_title=title,
        source=source,
        reliability=Reliability(reliability),
    )


def ordered(found: dict[int, Any], nums: Iterable[int]) -> list[Any]:
    return [found[n] for n in nums if n in found]
