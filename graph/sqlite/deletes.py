"""Deleting a document: its contributions go, and whatever they alone supported goes with them.

Survivors are recomputed from the contributions that remain, with the same rules as writes use.
"""

from __future__ import annotations

import math
import sqlite3
from collections import Counter, defaultdict
from typing import Any

from graph.docgraph import choose_name, fold, folded_labels, merge_aliases
from graph.grading import Contribution, grade
from graph.ontology import Reliability
from graph.sqlite.codec import chunks, dumps, loads, marks
from graph.sqlite.writes import fts_row, refresh_entity_attributes, refresh_relation_attributes


def delete_document(conn: sqlite3.Connection, doc_id: str) -> bool:
    row = conn.execute("SELECT num, title, text FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return False
    num, title, text = row
    entities = conn.execute(
        "SELECT entity, attributes IS NOT NULL FROM entity_docs WHERE doc = ?", (num,)
    ).fetchall()
    relations = conn.execute(
        "SELECT relation, attributes IS NOT NULL FROM relation_docs WHERE doc = ?", (num,)
    ).fetchall()
    conn.execute(
        "INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)",
        (num, title, text),
    )
    conn.execute("DELETE FROM documents WHERE num = ?", (num,))  # cascades to its contributions and evidence
    _settle_relations(conn, [r for r, _ in relations], {r for r, has in relations if has})
    _settle_entities(conn, [e for e, _ in entities], {e for e, has in entities if has})
    return True


def _settle_relations(conn: sqlite3.Connection, nums: list[int], reattribute: set[int]) -> None:
    for chunk in chunks(nums):
        contributions: dict[int, list[Contribution]] = defaultdict(list)
        rows = conn.execute(
            "SELECT rd.relation, rd.confidence, rd.first_seen, rd.last_seen, d.source_key, d.reliability"
            " FROM relation_docs rd JOIN documents d ON d.num = rd.doc"
            f" WHERE rd.relation IN ({marks(len(chunk))})",
            chunk,
        )
        for rel, confidence, first, last, key, reliability in rows:
            contributions[rel].append(Contribution(confidence, first, last, key, Reliability(reliability)))
        orphans = [n for n in chunk if n not in contributions]
        _drop_relations(conn, orphans)
        conn.executemany(
            "UPDATE relations SET confidence = ?, miss = ?, first_seen = ?, last_seen = ?, credibility = ?,"
            " reliability = ?, n_documents = ?, n_sources = ?, source_key = ? WHERE num = ?",
            [_regraded(rel, parts) for rel, parts in contributions.items()],
        )
    for rel in reattribute:
        if conn.execute("SELECT 1 FROM relations WHERE num = ?", (rel,)).fetchone():
            refresh_relation_attributes(conn, rel)


def _regraded(rel: int, parts: list[Contribution]) -> tuple[Any, ...]:
    g = grade(parts)
    keys = {p.source_key for p in parts if p.source_key}
    miss = math.prod(1.0 - p.confidence for p in parts)
    only_key = next(iter(keys)) if len(keys) == 1 else None
    reliability = g.reliability.value if g.reliability else None
    n_sources = min(g.n_sources, 2)
    return (
        g.confidence,
        miss,
        g.first_seen,
        g.last_seen,
        g.credibility,
        reliability,
        g.n_documents,
        n_sources,
        only_key,
        rel,
    )


def _drop_relations(conn: sqlite3.Connection, nums: list[int]) -> None:
    if not nums:
        return
    degrees: Counter[int] = Counter()
    in_list = f"({marks(len(nums))})"
    for source, target in conn.execute(f"SELECT source, target FROM relations WHERE num IN {in_list}", nums):
        degrees[source] += 1
        degrees[target] += 1
    conn.execute(f"DELETE FROM relations WHERE num IN {in_list}", nums)
    conn.executemany(
        "UPDATE entities SET degree = degree - ? WHERE num = ?", [(n, k) for k, n in degrees.items()]
    )


def _settle_entities(conn: sqlite3.Connection, nums: list[int], reattribute: set[int]) -> None:
    for chunk in chunks(nums):
        labels: dict[int, list[str]] = defaultdict(list)
        names: dict[int, list[str]] = defaultdict(list)
        rows = conn.execute(
            f"SELECT entity, name, aliases FROM entity_docs WHERE entity IN ({marks(len(chunk))})", chunk
        )
        for entity, name, aliases in rows:
            names[entity].append(name)
            labels[entity].extend([name, *loads(aliases, [])])
        orphans = [n for n in chunk if n not in names]
        in_list = f"({marks(len(orphans))})"
        if orphans:
            conn.execute(f"DELETE FROM entities_fts WHERE rowid IN {in_list}", orphans)
            conn.execute(f"DELETE FROM entities WHERE num IN {in_list}", orphans)
        survivors = [n for n in chunk if n in names]
        current = conn.execute(
            f"SELECT num, id, name, aliases FROM entities WHERE num IN ({marks(len(survivors))})", survivors
        ).fetchall()
        for num, eid, old_name, old_aliases in current:
            name = choose_name(eid, names[num])
            aliases = merge_aliases(name, labels[num])
            if name == old_name and aliases == loads(old_aliases, []):
                continue
            conn.execute(
                "UPDATE entities SET name = ?, folded = ?, aliases = ? WHERE num = ?",
                (name, fold(name), dumps(aliases), num),
            )
            conn.execute("DELETE FROM entities_fts WHERE rowid = ?", (num,))
            conn.execute(
                "INSERT INTO entities_fts (rowid, name, aliases, folded) VALUES (?, ?, ?, ?)",
                fts_row(num, name, aliases),
            )
            conn.execute("DELETE FROM entity_names WHERE entity = ?", (num,))
            conn.executemany(
                "INSERT INTO entity_names (folded, entity) VALUES (?, ?)",
                [(key, num) for key in folded_labels(labels[num])],
            )
        for num in survivors:
            if num in reattribute:
                refresh_entity_attributes(conn, num)
