"""Lookups and listings: documents, entities, relations. Each runs inside the caller's read snapshot."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from graph.errors import NotFound
from graph.ids import fold
from graph.models import (
    DocumentDetail,
    DocumentHit,
    DocumentSummary,
    Entity,
    Page,
    Relation,
    RelationFilter,
    Stats,
)
from graph.ontology import NodeType, RelType
from graph.paging import check_page, page
from graph.sqlite.codec import chunks, marks, unique
from graph.sqlite.filters import SYMMETRIC_VALUES, filter_sql
from graph.sqlite.fts import match_query
from graph.sqlite.rows import (
    DOCUMENT_COLUMNS,
    ENTITY_COLUMNS,
    document_from_row,
    entity_from_row,
    entity_num,
    fetch_evidence,
    fetch_relations,
    ordered,
    relation_from_row,
    relation_select,
)

HIT_ENTITIES = 10
SNIPPET_TOKENS = 24


# --- documents -------------------------------------------------------------


def get_document(conn: sqlite3.Connection, doc_id: str) -> DocumentDetail:
    row = conn.execute(
        f"SELECT {DOCUMENT_COLUMNS}, d.text FROM documents d WHERE d.id = ?", (doc_id,)
    ).fetchone()
    if row is None:
        raise NotFound("no document with this id")
    num = row[0]
    summary = document_from_row(row)
    entities = [
        entity_from_row(r)
        for r in conn.execute(
            f"SELECT {ENTITY_COLUMNS} FROM entity_docs ed JOIN entities e ON e.num = ed.entity"
            " WHERE ed.doc = ? ORDER BY e.degree DESC, e.name, e.id",
            (num,),
        )
    ]
    rel_nums = [r for (r,) in conn.execute("SELECT relation FROM relation_docs WHERE doc = ?", (num,))]
    relations = fetch_relations(conn, rel_nums, evidence_limit=0)
    for rel, items in fetch_evidence(conn, rel_nums, None, doc_num=num).items():
        relations[rel].evidence = items
    listed = sorted(relations.values(), key=lambda r: (r.type.value, r.source, r.target))
    return DocumentDetail(**summary.model_dump(), text=row[12], entities=entities, relations=listed)


def list_documents(conn: sqlite3.Connection, limit: int, offset: int) -> Page[DocumentSummary]:
    check_page(limit, offset)
    (total,) = conn.execute("SELECT count(*) FROM documents").fetchone()
    rows = conn.execute(
        f"SELECT {DOCUMENT_COLUMNS} FROM documents d"
        " ORDER BY d.ingested_at DESC, d.num DESC LIMIT ? OFFSET ?",
        (limit, offset),
    )
    return page([document_from_row(r) for r in rows], total, limit, offset)


def search_documents(conn: sqlite3.Connection, q: str, limit: int, offset: int) -> Page[DocumentHit]:
    """Best matches first, each with a plain-text snippet (no markup: the caller escapes it)."""
    check_page(limit, offset)
    query = match_query(q)
    if query is None:
        return page([], 0, limit, offset)
    (total,) = conn.execute(
        "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", (query,)
    ).fetchone()
    rows = conn.execute(
        f"SELECT {DOCUMENT_COLUMNS}, snippet(documents_fts, 1, '', '', '…', {SNIPPET_TOKENS})"
        " FROM documents_fts JOIN documents d ON d.num = documents_fts.rowid"
        " WHERE documents_fts MATCH ? ORDER BY documents_fts.rank, d.num LIMIT ? OFFSET ?",
        (query, limit, offset),
    ).fetchall()
    entities = _document_entities(conn, [r[0] for r in rows])
    hits = [
        DocumentHit(document=document_from_row(r), snippet=r[12], entities=entities.get(r[0], []))
        for r in rows
    ]
    return page(hits, total, limit, offset)


def _document_entities(conn: sqlite3.Connection, doc_nums: list[int]) -> dict[int, list[Entity]]:
    found: dict[int, list[Entity]] = {}
    for chunk in chunks(doc_nums):
        sql = (
            f"SELECT * FROM (SELECT ed.doc, {ENTITY_COLUMNS}, row_number() OVER"
            " (PARTITION BY ed.doc ORDER BY e.degree DESC, e.name, e.id) AS k"
            " FROM entity_docs ed JOIN entities e ON e.num = ed.entity"
            f" WHERE ed.doc IN ({marks(len(chunk))}))"
            " WHERE k <= ? ORDER BY 1, k"
        )
        for doc, *row in conn.execute(sql, [*chunk, HIT_ENTITIES]):
            found.setdefault(doc, []).append(entity_from_row(row[:-1]))
    return found


def entity_documents(conn: sqlite3.Connection, entity_id: str, limit: int) -> Page[DocumentSummary]:
    check_page(limit)
    num = entity_num(conn, entity_id)
    (total,) = conn.execute("SELECT count(*) FROM entity_docs WHERE entity = ?", (num,)).fetchone()
    rows = conn.execute(
        f"SELECT {DOCUMENT_COLUMNS} FROM entity_docs ed JOIN documents d ON d.num = ed.doc"
        " WHERE ed.entity = ? ORDER BY d.ingested_at DESC, d.num DESC LIMIT ?",
        (num, limit),
    )
    return page([document_from_row(r) for r in rows], total, limit, 0)


# --- entities --------------------------------------------------------------


def get_entity(conn: sqlite3.Connection, entity_id: str) -> Entity:
    row = conn.execute(f"SELECT {ENTITY_COLUMNS} FROM entities e WHERE e.id = ?", (entity_id,)).fetchone()
    if row is None:
        raise NotFound("no entity with this id")
    return entity_from_row(row)


def find_entities(
    conn: sqlite3.Connection, q: str | None, node_type: NodeType | None, limit: int, offset: int
) -> Page[Entity]:
    """Exact name matches first, then exact alias matches, then by degree and name."""
    check_page(limit, offset)
    type_sql, type_params = (" AND e.type = ?", [node_type.value]) if node_type else ("", [])
    if not q or not q.strip():
        (total,) = conn.execute(f"SELECT count(*) FROM entities e WHERE 1{type_sql}", type_params).fetchone()
        rows = conn.execute(
            f"SELECT {ENTITY_COLUMNS} FROM entities e WHERE 1{type_sql}"
            " ORDER BY e.degree DESC, e.name, e.id LIMIT ? OFFSET ?",
            [*type_params, limit, offset],
        )
        return page([entity_from_row(r) for r in rows], total, limit, offset)
    query = match_query(q)
    if query is None:
        return page([], 0, limit, offset)
    matched = "e.num IN (SELECT rowid FROM entities_fts WHERE entities_fts MATCH ?)"
    (total,) = conn.execute(
        f"SELECT count(*) FROM entities e WHERE {matched}{type_sql}", [query, *type_params]
    ).fetchone()
    key = fold(q)
    rows = conn.execute(
        f"SELECT {ENTITY_COLUMNS} FROM entities e WHERE {matched}{type_sql}"
        " ORDER BY (e.folded = ?) DESC,"
        " EXISTS (SELECT 1 FROM entity_names n WHERE n.folded = ? AND n.entity = e.num) DESC,"
        " e.degree DESC, e.name, e.id LIMIT ? OFFSET ?",
        [query, *type_params, key, key, limit, offset],
    )
    return page([entity_from_row(r) for r in rows], total, limit, offset)


def lookup_names(
    conn: sqlite3.Connection, folded_names: Iterable[str], node_type: NodeType | None
) -> dict[str, list[str]]:
    """Names absent from the store are absent from the answer."""
    names = unique(n for n in folded_names if n)
    type_sql, type_params = (" AND e.type = ?", [node_type.value]) if node_type else ("", [])
    found: dict[str, list[str]] = {}
    for chunk in chunks(names):
        rows = conn.execute(
            "SELECT n.folded, e.id FROM entity_names n JOIN entities e ON e.num = n.entity"
            f" WHERE n.folded IN ({marks(len(chunk))}){type_sql} ORDER BY n.folded, e.id",
            [*chunk, *type_params],
        )
        for name, eid in rows:
            found.setdefault(name, []).append(eid)
    return found


# --- relations -------------------------------------------------------------


def get_relation(conn: sqlite3.Connection, relation_id: str) -> Relation:
    row = conn.execute("SELECT num FROM relations WHERE id = ?", (relation_id,)).fetchone()
    if row is None:
        raise NotFound("no relation with this id")
    return fetch_relations(conn, [row[0]], evidence_limit=None)[row[0]]


def _end_sql(column: str, other: str, num: int) -> tuple[str, list[Any]]:
    """An endpoint condition; symmetric relations match from either end."""
    sym = marks(len(SYMMETRIC_VALUES))
    return f"(r.{column} = ? OR (r.type IN ({sym}) AND r.{other} = ?))", [num, *SYMMETRIC_VALUES, num]


def find_relations(
    conn: sqlite3.Connection,
    rel_type: RelType | None,
    source: str | None,
    target: str | None,
    limit: int,
    offset: int,
    filt: RelationFilter | None,
) -> Page[Relation]:
    check_page(limit, offset)
    where, params = filter_sql(filt)
    if rel_type is not None:
        where += " AND r.type = ?"
        params.append(rel_type.value)
    ends: list[tuple[str, str, str | None]] = [("source", "target", source), ("target", "source", target)]
    if source is not None and target is not None:
        try:
            s, t = entity_num(conn, source), entity_num(conn, target)
        except NotFound:
            return page([], 0, limit, offset)
        sym = marks(len(SYMMETRIC_VALUES))
        where += (
            f" AND ((r.source = ? AND r.target = ?) OR (r.type IN ({sym}) AND r.source = ? AND r.target = ?))"
        )
        params.extend([s, t, *SYMMETRIC_VALUES, t, s])
    else:
        for column, other, eid in ends:
            if eid is None:
                continue
            try:
                clause, extra = _end_sql(column, other, entity_num(conn, eid))
            except NotFound:
                return page([], 0, limit, offset)
            where += f" AND {clause}"
            params.extend(extra)
    (total,) = conn.execute(f"SELECT count(*) FROM relations r WHERE 1{where}", params).fetchone()
    rows = conn.execute(
        f"SELECT r.num FROM relations r WHERE 1{where} ORDER BY r.num LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    nums = [n for (n,) in rows]
    return page(ordered(fetch_relations(conn, nums), nums), total, limit, offset)


def entity_relations(
    conn: sqlite3.Connection, entity_id: str, limit: int, filt: RelationFilter | None
) -> Page[Relation]:
    """Strongest first: most documents, then highest confidence (each side walks its strength index)."""
    check_page(limit)
    num = entity_num(conn, entity_id)
    where, params = filter_sql(filt)
    total = 0
    found: list[tuple[int, int, float]] = []
    for column in ("source", "target"):
        (count,) = conn.execute(
            f"SELECT count(*) FROM relations r WHERE r.{column} = ?{where}", [num, *params]
        ).fetchone()
        total += count
        found += conn.execute(
            f"SELECT r.num, r.n_documents, r.confidence FROM relations r WHERE r.{column} = ?{where}"
            " ORDER BY r.n_documents DESC, r.confidence DESC LIMIT ?",
            [num, *params, limit],
        ).fetchall()
    nums = [n for n, _, _ in sorted(found, key=lambda row: (-row[1], -row[2], row[0]))[:limit]]
    return page(ordered(fetch_relations(conn, nums), nums), total, limit, 0)


def relation_rows(conn: sqlite3.Connection, after: int, batch: int) -> list[Relation]:
    rows = conn.execute(relation_select("WHERE r.num > ? ORDER BY r.num LIMIT ?"), (after, batch)).fetchall()
    return [relation_from_row(r) for r in rows]


# --- whole graph -----------------------------------------------------------


def stats(conn: sqlite3.Connection) -> Stats:
    (documents,) = conn.execute("SELECT count(*) FROM documents").fetchone()
    entities = {t.value: 0 for t in NodeType}
    entities.update(dict(conn.execute("SELECT type, count(*) FROM entities GROUP BY type").fetchall()))
    relations = {t.value: 0 for t in RelType}
    relations.update(dict(conn.execute("SELECT type, count(*) FROM relations GROUP BY type").fetchall()))
    return Stats(store="sqlite", documents=documents, entities=entities, relations=relations)
