"""Relations next to nodes: the one query shape every traversal is built from.

Symmetric relation types are followed both ways whatever the direction asked for.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from graph.ontology import NodeType
from graph.sqlite.codec import chunks, marks
from graph.sqlite.filters import SYMMETRIC_VALUES

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
    where: str
    params: list[Any]


def strength(row: Row) -> tuple[int, float, int]:
    """Sort key: more documents first, then higher confidence, then older."""
    return (-row[3], -row[4], row[0])


def _side(query: Query, near: str, far: str, n: int, symmetric_only: bool) -> tuple[str, list[Any]]:
    # CROSS JOIN keeps relations as the outer loop, walking the (near, strength) index.
    sql = "SELECT r.num, r.source, r.target, r.n_documents, r.confidence FROM relations r"
    params: list[Any] = []
    if query.node_types is not None:
        sql += f" CROSS JOIN entities o ON o.num = r.{far} AND o.type IN ({marks(len(query.node_types))})"
        params.extend(t.value for t in query.node_types)
    sql += f" WHERE r.{near} IN ({marks(n)})"
    if symmetric_only:
        sql += f" AND r.type IN ({marks(len(SYMMETRIC_VALUES))})"
    return sql + query.where, params


def _params(side_params: list[Any], nodes: Sequence[int], symmetric_only: bool, query: Query) -> list[Any]:
    return [*side_params, *nodes, *(SYMMETRIC_VALUES if symmetric_only else ()), *query.params]


def node_edges(conn: sqlite3.Connection, node: int, query: Query, cap: int) -> tuple[list[Row], bool]:
    """Up to `cap` of the node's strongest relations on each side; True when the cap cut them."""
    found: dict[int, Row] = {}
    cut = False
    for near, far, symmetric_only in _SIDES[query.direction]:
        sql, side_params = _side(query, near, far, 1, symmetric_only)
        sql += " ORDER BY r.n_documents DESC, r.confidence DESC LIMIT ?"
        rows = conn.execute(sql, [*_params(side_params, (node,), symmetric_only, query), cap]).fetchall()
        cut = cut or len(rows) >= cap
        found.update((row[0], row) for row in rows)
    return sorted(found.values(), key=strength), cut


def frontier_edges(conn: sqlite3.Connection, frontier: list[int], query: Query) -> list[Row]:
    """Every relation next to any node of the frontier (no cap: callers bound the frontier by time)."""
    found: dict[int, Row] = {}
    for chunk in chunks(frontier):
        for near, far, symmetric_only in _SIDES[query.direction]:
            sql, side_params = _side(query, near, far, len(chunk), symmetric_only)
            rows = conn.execute(sql, _params(side_params, chunk, symmetric_only, query)).fetchall()
            found.update((row[0], row) for row in rows)
    return sorted(found.values(), key=strength)
