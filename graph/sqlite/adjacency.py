"""Relations next to nodes: the one query shape every traversal is built from.

Symmetric relation types are followed both ways whatever the direction asked for.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from graph.models import RelationFilter
from graph.ontology import NodeType
from graph.sqlite.codec import chunks, marks
from graph.sqlite.filters import SYMMETRIC_VALUES, filter_sql

# (num, source, target, n_documents, confidence)
Row = tuple[int, int, int, int, float]
_SIDES = {
    # (the column the node is in, the other end's column, symmetric types only)
    "both": (("source", "target", False), ("target", "source", False)),
    "out": (("source", "target", False), ("target", "source", True)),
    "in": (("target", "source", False), ("source", "target", True)),
}


@dataclass(frozen=True)
class Query:
    direction: str
    node_types: list[NodeType] | None
    filt: RelationFilter | None

    def where(self, alias: str) -> tuple[str, list[Any]]:
        return filter_sql(self.filt, alias)


def strength(row: Row) -> tuple[int, float, int]:
    """Sort key: more documents first, then higher confidence, then older."""
    return (-row[3], -row[4], row[0])


def _side(query: Query, alias: str, near: str, far: str, symmetric_only: bool) -> tuple[str, list[Any]]:
    """FROM ... WHERE for one side, ending with the node condition `{alias}.{near}` left for the caller."""
    # CROSS JOIN keeps relations as the outer loop, walking the (near, strength) index.
    sql = f"FROM relations {alias}"
    params: list[Any] = []
    if query.node_types is not None:
        sql += (
            f" CROSS JOIN entities o ON o.num = {alias}.{far} AND o.type IN ({marks(len(query.node_types))})"
        )
        params.extend(t.value for t in query.node_types)
    where, where_params = query.where(alias)
    if symmetric_only:
        where += f" AND {alias}.type IN ({marks(len(SYMMETRIC_VALUES))})"
        where_params = [*where_params, *SYMMETRIC_VALUES]
    return f"{sql} WHERE 1{where} AND {alias}.{near}", [*params, *where_params]


def top_edges(
    conn: sqlite3.Connection, nodes: list[int], query: Query, k: int
) -> dict[int, tuple[list[Row], bool]]:
    """Each node's `k` strongest relations per side, strongest first, and whether `k` cut them.

    One small query per node and side, answered from the covering (node, strength, type, other end)
    index alone unless a filter needs more: a hub costs no more than the `k` relations read.
    """
    found: dict[int, tuple[list[Row], bool]] = {}
    sides = [
        _side(query, "r", near, far, symmetric_only) for near, far, symmetric_only in _SIDES[query.direction]
    ]
    for node in nodes:
        rows: dict[int, Row] = {}
        cut = False
        for side, params in sides:
            got = conn.execute(
                f"SELECT r.num, r.source, r.target, r.n_documents, r.confidence {side} = ?"
                " ORDER BY r.n_documents DESC, r.confidence DESC LIMIT ?",
                [*params, node, k],
            ).fetchall()
            cut = cut or len(got) >= k
            rows.update((row[0], row) for row in got)
        found[node] = (sorted(rows.values(), key=strength), cut)
    return found


def frontier_edges(conn: sqlite3.Connection, frontier: list[int], query: Query) -> list[Row]:
    """Every relation next to any node of the frontier (no cap: callers bound the frontier by time)."""
    found: dict[int, Row] = {}
    for chunk in chunks(frontier):
        for near, far, symmetric_only in _SIDES[query.direction]:
            side, params = _side(query, "r", near, far, symmetric_only)
            sql = (
                "SELECT r.num, r.source, r.target, r.n_documents, r.confidence"
                f" {side} IN ({marks(len(chunk))})"
            )
            found.update((row[0], row) for row in conn.execute(sql, [*params, *chunk]))
    return sorted(found.values(), key=strength)
