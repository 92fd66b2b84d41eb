"""Writing documents, inside the caller's write transaction: one document, or a batch of them.

Entities merge by id, relations by relation id. What each document contributed is kept
(`entity_docs`, `relation_docs`, `evidence`) so a delete can recompute what survives. Aggregates are
merged incrementally in memory (a busy entity or relation is never re-read document by document)
and each table is written once per batch; `deletes.py` recomputes aggregates with the same rules.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from graph.docgraph import (
    EntityPart,
    PreparedDocument,
    RelationPart,
    choose_name,
    fold,
    merge_aliases,
    merge_attributes,
    resolve_endpoints,
)
from graph.grading import MAX_CONFIDENCE, credibility, source_key
from graph.models import WriteResult
from graph.ontology import NodeType, Reliability
from graph.sqlite.codec import chunks, dumps, dumps_or_none, loads, marks

_NODE_TYPES = {t.value: t for t in NodeType}
_GRADES = {r.value: r for r in Reliability}


@dataclass
class _Entity:
    num: int
    id: str
    type: NodeType
    name: str
    aliases: list[str]
    is_new: bool
    changed: bool = False
    alias_set: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.alias_set = set(self.aliases)

    def add(self, part: EntityPart) -> list[str]:
        """Merge one document's view; returns the labels this entity did not carry yet."""
        if not part.aliases and part.name == self.name:
            return []  # the usual case in a corpus: nothing new about a known entity
        fresh = [label for label in part.labels() if label != self.name and label not in self.alias_set]
        if fresh:
            name = choose_name(self.id, [self.name, part.name])
            aliases = merge_aliases(name, [*self.aliases, self.name, *fresh])
            if name != self.name or aliases != self.aliases:
                self.name, self.aliases, self.alias_set, self.changed = name, aliases, set(aliases), True
        return fresh


@dataclass
class _Relation:
    """A relation's aggregate, merged one document at a time (see graph.grading for the rules)."""

    num: int
    id: str
    type: str
    source: int
    target: int
    is_new: bool
    miss: float = 1.0
    first: str | None = None
    last: str | None = None
    best: Reliability | None = None
    n_docs: int = 0
    n_sources: int = 0  # distinct named sources, counted up to 2
    key: str | None = None  # the one named source, while there is exactly one
    touched: bool = False

    def add(self, part: RelationPart, key: str | None, grade: Reliability) -> None:
        self.touched = True
        self.miss *= 1.0 - part.confidence
        if part.first_seen and (self.first is None or part.first_seen < self.first):
            self.first = part.first_seen
        if part.last_seen and (self.last is None or part.last_seen > self.last):
            self.last = part.last_seen
        self.best = grade if self.best is None else min(self.best, grade)
        if key and self.n_sources == 0:
            self.n_sources, self.key = 1, key
        elif key and self.n_sources == 1 and key != self.key:
            self.n_sources, self.key = 2, None
        self.n_docs += 1

    def grade_values(self) -> tuple[Any, ...]:
        confidence = min(MAX_CONFIDENCE, 1.0 - self.miss)
        cred = credibility(self.n_docs, self.n_sources, self.best, confidence)
        best = self.best.value if self.best else None
        return (
            confidence,
            self.miss,
            self.first,
            self.last,
            cred,
            best,
            self.n_docs,
            self.n_sources,
            self.key,
        )


class _Known(Mapping[str, tuple[NodeType, str]]):
    """Entities as resolve_endpoints sees them: stored, or written earlier in this batch."""

    def __init__(self, entities: dict[str, _Entity]) -> None:
        self._entities = entities

    def __getitem__(self, key: str) -> tuple[NodeType, str]:
        entity = self._entities[key]
        return entity.type, entity.name

    def get(self, key: str, default: Any = None) -> Any:  # no KeyError round trip for new entities
        entity = self._entities.get(key)
        return default if entity is None else (entity.type, entity.name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._entities)

    def __len__(self) -> int:
        return len(self._entities)


def now_utc() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


Reattribute = dict[str, set[int]]


def write_batch(
    conn: sqlite3.Connection, docs: list[PreparedDocument], now: str, deferred: Reattribute | None = None
) -> list[WriteResult]:
    """Store the documents not stored yet. Raises InvalidInput (the caller rolls back) on a bad one.

    Merged attributes are recomputed at the end of the batch, or, given `deferred`, collected there
    for the caller to recompute later with `refresh_attributes` (bulk loads, while indexes are off).
    """
    batch = _Batch(conn, docs, now)
    results = batch.run()
    if deferred is None:
        refresh_attributes(conn, batch.reattribute)
    else:
        for table, nums in batch.reattribute.items():
            deferred.setdefault(table, set()).update(nums)
    return results


def refresh_attributes(conn: sqlite3.Connection, reattribute: Reattribute) -> None:
    for num in sorted(reattribute.get("entities", ())):
        refresh_entity_attributes(conn, num)
    for num in sorted(reattribute.get("relations", ())):
        refresh_relation_attributes(conn, num)


class _Batch:
    def __init__(self, conn: sqlite3.Connection, docs: list[PreparedDocument], now: str) -> None:
        self.conn = conn
        self.docs = docs
        self.now = now
        self.entities = _load_entities(conn, sorted({i for d in docs for i in d.referenced_ids()}))
        self.relations = _load_relations(conn, sorted({r for d in docs for r in d.relations}))
        self.entity_top = _top(conn, "entities")
        self.relation_top = _top(conn, "relations")
        self.doc_top = _top(conn, "documents")
        self.rows: dict[str, list[tuple[Any, ...]]] = {
            k: [] for k in ("documents", "fts", "entity_docs", "relation_docs", "evidence")
        }
        self.labels: set[tuple[str, int]] = set()
        self.degrees: Counter[int] = Counter()
        self.reattribute: Reattribute = {"entities": set(), "relations": set()}

    def run(self) -> list[WriteResult]:
        stored = _stored_documents(self.conn, [d.graph.document.id for d in self.docs])
        results: list[WriteResult] = []
        for prepared in self.docs:
            doc_id = prepared.graph.document.id
            if doc_id in stored:
                n_entities, n_relations = stored[doc_id]
                results.append(
                    WriteResult(doc_id=doc_id, created=False, n_entities=n_entities, n_relations=n_relations)
                )
                continue
            result = self._add(prepared)
            stored[doc_id] = (result.n_entities, result.n_relations)
            results.append(result)
        self._flush()
        return results

    def _add(self, prepared: PreparedDocument) -> WriteResult:
        doc = prepared.graph.document
        parts = [*prepared.entities.values(), *resolve_endpoints(prepared, _Known(self.entities))]
        self.doc_top += 1
        doc_num = self.doc_top
        self.rows["documents"].append(
            (doc_num, doc.id, doc.title, doc.date, doc.source, source_key(doc.source), doc.reliability.value,
             doc.filename, doc.media_type, doc.size, self.now, len(parts), len(prepared.relations), doc.text)
        )  # fmt: skip
        self.rows["fts"].append((doc_num, doc.title, doc.text))
        for part in parts:
            self._add_entity(part, doc_num)
        key = source_key(doc.source)
        for rel_part in prepared.relations.values():
            self._add_relation(rel_part, doc_num, key, doc.reliability)
        return WriteResult(
            doc_id=doc.id, created=True, n_entities=len(parts), n_relations=len(prepared.relations)
        )

    def _add_entity(self, part: EntityPart, doc_num: int) -> None:
        entity = self.entities.get(part.id)
        if entity is None:
            self.entity_top += 1
            aliases = merge_aliases(part.name, part.aliases)
            entity = _Entity(self.entity_top, part.id, part.type, part.name, aliases, is_new=True)
            self.entities[part.id] = entity
            fresh = part.labels()
        else:
            fresh = entity.add(part)
        self.labels.update((key, entity.num) for label in fresh if (key := fold(label)))
        if part.attributes:
            self.reattribute["entities"].add(entity.num)
        self.rows["entity_docs"].append(
            (doc_num, entity.num, part.name, dumps_or_none(part.aliases), dumps_or_none(part.attributes))
        )

    def _add_relation(self, part: RelationPart, doc_num: int, key: str | None, grade: Reliability) -> None:
        relation = self.relations.get(part.id)
        if relation is None:
            self.relation_top += 1
            source, target = self.entities[part.source].num, self.entities[part.target].num
            relation = _Relation(self.relation_top, part.id, part.type.value, source, target, is_new=True)
            self.relations[part.id] = relation
            self.degrees[source] += 1
            self.degrees[target] += 1
        relation.add(part, key, grade)
        if part.attributes:
            self.reattribute["relations"].add(relation.num)
        self.rows["relation_docs"].append(
            (
                doc_num,
                relation.num,
                part.confidence,
                part.first_seen,
                part.last_seen,
                dumps_or_none(part.attributes),
            )
        )
        self.rows["evidence"].extend(
            (ev_id, relation.num, doc_num, ev.sentence, ev.start, ev.end, ev.date, ev.confidence, ev.method)
            for ev_id, ev in part.evidence.items()
        )

    def _flush(self) -> None:
        conn, rows = self.conn, self.rows
        conn.executemany(
            "INSERT INTO documents (num, id, title, date, source, source_key, reliability, filename,"
            " media_type, size, ingested_at, n_entities, n_relations, text)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows["documents"],
        )
        conn.executemany("INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)", rows["fts"])
        self._flush_entities()
        conn.executemany(
            "INSERT INTO entity_docs (doc, entity, name, aliases, attributes) VALUES (?, ?, ?, ?, ?)",
            rows["entity_docs"],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO entity_names (folded, entity) VALUES (?, ?)", sorted(self.labels)
        )
        self._flush_relations()
        conn.executemany(
            "INSERT INTO relation_docs (doc, relation, confidence, first_seen, last_seen, attributes)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            rows["relation_docs"],
        )
        conn.executemany(
            'INSERT INTO evidence (id, relation, doc, sentence, start, "end", date, confidence, method)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows["evidence"],
        )
        conn.executemany(
            "UPDATE entities SET degree = degree + ? WHERE num = ?", [(n, k) for k, n in self.degrees.items()]
        )

    def _flush_entities(self) -> None:
        new = [e for e in self.entities.values() if e.is_new]
        changed = [e for e in self.entities.values() if e.changed and not e.is_new]
        self.conn.executemany(
            "INSERT INTO entities (num, id, type, name, folded, aliases, attributes)"
            " VALUES (?, ?, ?, ?, ?, ?, '{}')",
            [(e.num, e.id, e.type.value, e.name, fold(e.name), dumps(e.aliases)) for e in new],
        )
        self.conn.executemany(
            "UPDATE entities SET name = ?, folded = ?, aliases = ? WHERE num = ?",
            [(e.name, fold(e.name), dumps(e.aliases), e.num) for e in changed],
        )
        self.conn.executemany("DELETE FROM entities_fts WHERE rowid = ?", [(e.num,) for e in changed])
        self.conn.executemany(
            "INSERT INTO entities_fts (rowid, name, aliases, folded) VALUES (?, ?, ?, ?)",
            [fts_row(e.num, e.name, e.aliases) for e in [*new, *changed]],
        )

    def _flush_relations(self) -> None:
        new = [r for r in self.relations.values() if r.is_new]
        old = [r for r in self.relations.values() if not r.is_new and r.touched]
        self.conn.executemany(
            "INSERT INTO relations (num, id, type, source, target, confidence, miss, first_seen, last_seen,"
            " credibility, reliability, n_documents, n_sources, source_key, attributes)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}')",
            [(r.num, r.id, r.type, r.source, r.target, *r.grade_values()) for r in new],
        )
        self.conn.executemany(
            "UPDATE relations SET confidence = ?, miss = ?, first_seen = ?, last_seen = ?, credibility = ?,"
            " reliability = ?, n_documents = ?, n_sources = ?, source_key = ? WHERE num = ?",
            [(*r.grade_values(), r.num) for r in old],
        )


def _top(conn: sqlite3.Connection, table: str) -> int:
    (top,) = conn.execute(f"SELECT coalesce(max(num), 0) FROM {table}").fetchone()
    return int(top)


def _stored_documents(conn: sqlite3.Connection, ids: list[str]) -> dict[str, tuple[int, int]]:
    found: dict[str, tuple[int, int]] = {}
    for chunk in chunks(sorted(set(ids))):
        sql = f"SELECT id, n_entities, n_relations FROM documents WHERE id IN ({marks(len(chunk))})"
        found.update({did: (n_e, n_r) for did, n_e, n_r in conn.execute(sql, chunk)})
    return found


def _load_entities(conn: sqlite3.Connection, ids: list[str]) -> dict[str, _Entity]:
    found: dict[str, _Entity] = {}
    for chunk in chunks(ids):
        sql = f"SELECT num, id, type, name, aliases FROM entities WHERE id IN ({marks(len(chunk))})"
        for num, eid, etype, name, aliases in conn.execute(sql, chunk):
            found[eid] = _Entity(num, eid, _NODE_TYPES[etype], name, loads(aliases, []), is_new=False)
    return found


def _load_relations(conn: sqlite3.Connection, ids: list[str]) -> dict[str, _Relation]:
    found: dict[str, _Relation] = {}
    for chunk in chunks(ids):
        sql = (
            "SELECT num, id, type, source, target, miss, first_seen, last_seen, reliability, n_documents,"
            f" n_sources, source_key FROM relations WHERE id IN ({marks(len(chunk))})"
        )
        for num, rid, rtype, src, tgt, miss, first, last, best, n_docs, n_sources, key in conn.execute(
            sql, chunk
        ):
            grade = _GRADES[best] if best else None
            found[rid] = _Relation(
                num, rid, rtype, src, tgt, False, miss, first, last, grade, n_docs, n_sources, key
            )
    return found


def fts_row(num: int, name: str, aliases: list[str]) -> tuple[int, str, str, str]:
    folded = " ".join(sorted({fold(label) for label in [name, *aliases]}))
    return (num, name, " | ".join(aliases), folded)


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
