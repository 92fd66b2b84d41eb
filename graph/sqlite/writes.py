"""Writing documents: everything one document adds, inside the caller's write transaction.

Entities merge by id, relations by relation id. What each document contributed is kept
(`entity_docs`, `relation_docs`, `evidence`) so a delete can recompute what survives. Aggregates are
updated incrementally here (no re-reading of every document behind a busy entity or relation);
`deletes.py` recomputes them from the contributions with the same rules.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from graph.docgraph import (
    EntityPart,
    PreparedDocument,
    RelationPart,
    choose_name,
    folded_labels,
    merge_aliases,
    merge_attributes,
    resolve_endpoints,
)
from graph.grading import MAX_CONFIDENCE, credibility, grade, source_key
from graph.ids import fold
from graph.models import WriteResult
from graph.ontology import NodeType, Reliability
from graph.sqlite.codec import chunks, dumps, dumps_or_none, loads, marks


@dataclass
class _StoredEntity:
    num: int
    type: NodeType
    name: str
    aliases: list[str]


def now_utc() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_prepared(conn: sqlite3.Connection, prepared: PreparedDocument, now: str) -> WriteResult:
    """Store one checked document unless it is already stored. Raises InvalidInput before writing."""
    doc = prepared.graph.document
    row = conn.execute("SELECT n_entities, n_relations FROM documents WHERE id = ?", (doc.id,)).fetchone()
    if row is not None:
        return WriteResult(doc_id=doc.id, created=False, n_entities=row[0], n_relations=row[1])
    stored = _stored_entities(conn, sorted(prepared.referenced_ids()))
    implicit = resolve_endpoints(prepared, {k: (v.type, v.name) for k, v in stored.items()})
    parts = [*prepared.entities.values(), *implicit]
    doc_num = _insert_document(conn, prepared, len(parts), now)
    nums = _write_entities(conn, parts, stored, doc_num)
    _write_relations(conn, prepared, nums, doc_num)
    return WriteResult(
        doc_id=doc.id, created=True, n_entities=len(parts), n_relations=len(prepared.relations)
    )


def _stored_entities(conn: sqlite3.Connection, ids: list[str]) -> dict[str, _StoredEntity]:
    found: dict[str, _StoredEntity] = {}
    for chunk in chunks(ids):
        sql = f"SELECT num, id, type, name, aliases FROM entities WHERE id IN ({marks(len(chunk))})"
        for num, eid, etype, name, aliases in conn.execute(sql, chunk):
            found[eid] = _StoredEntity(num, NodeType(etype), name, loads(aliases, []))
    return found


def _insert_document(conn: sqlite3.Connection, prepared: PreparedDocument, n_entities: int, now: str) -> int:
    doc = prepared.graph.document
    cur = conn.execute(
        "INSERT INTO documents (id, title, date, source, source_key, reliability, filename, media_type,"
        " size, ingested_at, n_entities, n_relations, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            doc.id,
            doc.title,
            doc.date,
            doc.source,
            source_key(doc.source),
            doc.reliability.value,
            doc.filename,
            doc.media_type,
            doc.size,
            now,
            n_entities,
            len(prepared.relations),
            doc.text,
        ),
    )
    num = cur.lastrowid
    assert num is not None
    conn.execute(
        "INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)", (num, doc.title, doc.text)
    )
    return num


def fts_row(num: int, name: str, aliases: list[str]) -> tuple[int, str, str, str]:
    folded = " ".join(sorted({fold(label) for label in [name, *aliases]}))
    return (num, name, " | ".join(aliases), folded)


def _write_entities(
    conn: sqlite3.Connection, parts: list[EntityPart], stored: dict[str, _StoredEntity], doc_num: int
) -> dict[str, int]:
    (top,) = conn.execute("SELECT coalesce(max(num), 0) FROM entities").fetchone()
    nums: dict[str, int] = {}
    inserts: list[tuple[Any, ...]] = []
    updates: list[tuple[Any, ...]] = []
    fts: list[tuple[int, str, str, str]] = []
    reattribute: list[int] = []
    for part in parts:
        known = stored.get(part.id)
        if known is None:
            top += 1
            nums[part.id] = top
            aliases = merge_aliases(part.name, part.aliases)
            inserts.append(
                (
                    top,
                    part.id,
                    part.type.value,
                    part.name,
                    fold(part.name),
                    dumps(aliases),
                    dumps(part.attributes),
                )
            )
            fts.append(fts_row(top, part.name, aliases))
            continue
        nums[part.id] = known.num
        name = choose_name(part.id, [known.name, part.name])
        aliases = merge_aliases(name, [*known.aliases, known.name, *part.labels()])
        if name != known.name or aliases != known.aliases:
            updates.append((name, fold(name), dumps(aliases), known.num))
            fts.append(fts_row(known.num, name, aliases))
        if part.attributes:
            reattribute.append(known.num)
    conn.executemany(
        "INSERT INTO entities (num, id, type, name, folded, aliases, attributes)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        inserts,
    )
    conn.executemany("UPDATE entities SET name = ?, folded = ?, aliases = ? WHERE num = ?", updates)
    conn.executemany("DELETE FROM entities_fts WHERE rowid = ?", [(row[-1],) for row in updates])
    conn.executemany("INSERT INTO entities_fts (rowid, name, aliases, folded) VALUES (?, ?, ?, ?)", fts)
    conn.executemany(
        "INSERT INTO entity_docs (entity, doc, name, aliases, attributes) VALUES (?, ?, ?, ?, ?)",
        [(nums[p.id], doc_num, p.name, dumps(p.aliases), dumps_or_none(p.attributes)) for p in parts],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO entity_names (folded, entity) VALUES (?, ?)",
        [(key, nums[p.id]) for p in parts for key in folded_labels(p.labels())],
    )
    for num in reattribute:
        refresh_entity_attributes(conn, num)
    return nums


def refresh_entity_attributes(conn: sqlite3.Connection, entity_num: int) -> None:
    rows = conn.execute(
        "SELECT d.date, d.id, ed.attributes FROM entity_docs ed JOIN documents d ON d.num = ed.doc"
        " WHERE ed.entity = ? AND ed.attributes IS NOT NULL",
        (entity_num,),
    ).fetchall()
    merged = merge_attributes(((date or "", doc_id), loads(attrs, {})) for date, doc_id, attrs in rows)
    conn.execute("UPDATE entities SET attributes = ? WHERE num = ?", (dumps(merged), entity_num))


def refresh_relation_attributes(conn: sqlite3.Connection, relation_num: int) -> None:
    rows = conn.execute(
        "SELECT d.date, d.id, rd.attributes FROM relation_docs rd JOIN documents d ON d.num = rd.doc"
        " WHERE rd.relation = ? AND rd.attributes IS NOT NULL",
        (relation_num,),
    ).fetchall()
    merged = merge_attributes(((date or "", doc_id), loads(attrs, {})) for date, doc_id, attrs in rows)
    conn.execute("UPDATE relations SET attributes = ? WHERE num = ?", (dumps(merged), relation_num))


def _write_relations(
    conn: sqlite3.Connection, prepared: PreparedDocument, nums: dict[str, int], doc_num: int
) -> None:
    parts = list(prepared.relations.values())
    stored = _stored_relations(conn, [p.id for p in parts])
    (top,) = conn.execute("SELECT coalesce(max(num), 0) FROM relations").fetchone()
    inserts: list[tuple[Any, ...]] = []
    updates: list[tuple[Any, ...]] = []
    degrees: Counter[int] = Counter()
    rel_nums: dict[str, int] = {}
    reattribute: list[int] = []
    for part in parts:
        known = stored.get(part.id)
        if known is None:
            top += 1
            rel_nums[part.id] = top
            inserts.append(_new_relation(top, part, prepared, nums))
            degrees[nums[part.source]] += 1
            degrees[nums[part.target]] += 1
        else:
            rel_nums[part.id] = known[0]
            updates.append(_merged_relation(known, part, prepared))
            if part.attributes:
                reattribute.append(known[0])
    conn.executemany(
        "INSERT INTO relations (num, id, type, source, target, confidence, miss, first_seen, last_seen,"
        " credibility, reliability, n_documents, n_sources, source_key, attributes)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        inserts,
    )
    conn.executemany(
        "UPDATE relations SET confidence = ?, miss = ?, first_seen = ?, last_seen = ?, credibility = ?,"
        " reliability = ?, n_documents = ?, n_sources = ?, source_key = ? WHERE num = ?",
        updates,
    )
    conn.executemany(
        "UPDATE entities SET degree = degree + ? WHERE num = ?", [(n, k) for k, n in degrees.items()]
    )
    conn.executemany(
        "INSERT INTO relation_docs (relation, doc, confidence, first_seen, last_seen, attributes)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            (rel_nums[p.id], doc_num, p.confidence, p.first_seen, p.last_seen, dumps_or_none(p.attributes))
            for p in parts
        ],
    )
    conn.executemany(
        'INSERT OR IGNORE INTO evidence (id, relation, doc, sentence, start, "end", date, confidence, method)'
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (key, rel_nums[p.id], doc_num, ev.sentence, ev.start, ev.end, ev.date, ev.confidence, ev.method)
            for p in parts
            for key, ev in p.evidence.items()
        ],
    )
    for num in reattribute:
        refresh_relation_attributes(conn, num)


_StoredRelation = tuple[int, float, str | None, str | None, str | None, int, int, str | None]


def _stored_relations(conn: sqlite3.Connection, ids: list[str]) -> dict[str, _StoredRelation]:
    found: dict[str, _StoredRelation] = {}
    for chunk in chunks(ids):
        sql = (
            "SELECT id, num, miss, first_seen, last_seen, reliability, n_documents, n_sources, source_key"
            f" FROM relations WHERE id IN ({marks(len(chunk))})"
        )
        for rid, *rest in conn.execute(sql, chunk):
            found[rid] = tuple(rest)
    return found


def _new_relation(
    num: int, part: RelationPart, prepared: PreparedDocument, nums: dict[str, int]
) -> tuple[Any, ...]:
    contribution = prepared.contribution(part)
    g = grade([contribution])
    return (
        num,
        part.id,
        part.type.value,
        nums[part.source],
        nums[part.target],
        g.confidence,
        1.0 - part.confidence,
        g.first_seen,
        g.last_seen,
        g.credibility,
        g.reliability.value if g.reliability else None,
        1,
        min(g.n_sources, 2),
        contribution.source_key,
        dumps(part.attributes),
    )


def _merged_relation(
    known: _StoredRelation, part: RelationPart, prepared: PreparedDocument
) -> tuple[Any, ...]:
    num, miss, first, last, reliability, n_docs, n_sources, key = known
    c = prepared.contribution(part)
    miss *= 1.0 - c.confidence
    confidence = min(MAX_CONFIDENCE, 1.0 - miss)
    if c.first_seen and (first is None or c.first_seen < first):
        first = c.first_seen
    if c.last_seen and (last is None or c.last_seen > last):
        last = c.last_seen
    best = min(Reliability(reliability), c.reliability) if reliability else c.reliability
    if c.source_key and n_sources == 0:
        n_sources, key = 1, c.source_key
    elif c.source_key and n_sources == 1 and c.source_key != key:
        n_sources, key = 2, None
    n_docs += 1
    cred = credibility(n_docs, n_sources, best, confidence)
    return (confidence, miss, first, last, cred, best.value, n_docs, n_sources, key, num)
