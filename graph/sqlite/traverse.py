"""Neighbourhoods and subgraphs, breadth-first in Python (shortest paths are in paths.py).

Each frontier node costs one or two queries walking the (node, strength) indexes on relations, with a
LIMIT: a capped neighbourhood of a hub reads only the relations it keeps.

Semantics every store shares:
- symmetric relation types are traversed both ways whatever the `direction`;
- a neighbourhood holds the start, the nodes reachable within `hops`, and every relation with an end
  at distance < hops (so both its ends are in the result); `node_types` restricts the nodes other
  than the start;
- each edge carries its one best evidence item;
- `limit` caps the nodes; edges are capped at EDGE_FACTOR * limit; `truncated` says a cap cut it.
  When cut, each node's stronger relations (more documents, then higher confidence) are kept first.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable
from typing import Any

from graph.errors import InvalidInput
from graph.models import RelationFilter, Subgraph
from graph.ontology import NodeType
from graph.sqlite.adjacency import Query, Row, strength, top_edges
from graph.sqlite.codec import chunks, marks, unique
from graph.sqlite.filters import filter_sql
from graph.sqlite.rows import entity_num, fetch_entities, fetch_relations, ordered

EDGE_FACTOR = 4
# Edges of a neighbourhood or path carry their best evidence sentence only (get_relation has them all).
SUBGRAPH_EVIDENCE = 1
# Once the node cap is (nearly) reached, a node's next strongest relations are still read, this many,
# for the ones that join nodes already in the result; a hub's thousands of others are not.
EXTRA_EDGES_PER_NODE = 20
FULL_CHUNK = 100
MAX_HOPS = 10
Check = Callable[[], None]


def check_hops(hops: int, low: int = 1) -> None:
    if not low <= hops <= MAX_HOPS:
        raise InvalidInput(f"hops must be between {low} and {MAX_HOPS}")


def _bfs(
    conn: sqlite3.Connection, starts: list[int], hops: int, limit: int, query: Query, check: Check
) -> tuple[dict[int, int], dict[int, Row], bool]:
    """Expand node by node, each node's strongest relations first, until a cap is reached.

    While there is room for nodes, nodes are expanded one at a time (each asks for what could still
    fit); once the node cap is reached, the rest of the frontier is read in chunks, a few relations
    per node, for relations joining nodes already in the result.
    """
    depth_of = {s: 0 for s in starts}
    edges: dict[int, Row] = {}
    touching: Counter[int] = Counter()  # kept edges per node: they come back and must not eat the cap
    edge_cap = limit * EDGE_FACTOR
    truncated = False
    frontier = list(starts)
    for depth in range(1, hops + 1):
        next_frontier: list[int] = []
        while frontier:
            check()
            if len(edges) >= edge_cap:
                return depth_of, edges, True
            room = limit - len(depth_of)
            size = 1 if room > 0 else FULL_CHUNK
            batch, frontier = frontier[:size], frontier[size:]
            want = min(edge_cap - len(edges), room + EXTRA_EDGES_PER_NODE)
            fetched = top_edges(conn, batch, query, want + max(touching[n] for n in batch) + 1)
            for node in batch:
                rows, cut = fetched[node]
                truncated = truncated or cut
                truncated = (
                    _keep(node, rows, depth, limit, edge_cap, depth_of, edges, touching, next_frontier)
                    or truncated
                )
        frontier = next_frontier
    return depth_of, edges, truncated


def _keep(
    node: int,
    rows: list[Row],
    depth: int,
    limit: int,
    edge_cap: int,
    depth_of: dict[int, int],
    edges: dict[int, Row],
    touching: Counter[int],
    next_frontier: list[int],
) -> bool:
    """Take a node's relations in order while the caps allow; True when a cap dropped one."""
    dropped = False
    for row in rows:
        if row[0] in edges:
            continue
        if len(edges) >= edge_cap:
            return True
        other = row[2] if row[1] == node else row[1]
        if other not in depth_of:
            if len(depth_of) >= limit:
                dropped = True
                continue
            depth_of[other] = depth
            next_frontier.append(other)
        edges[row[0]] = row
        touching[row[1]] += 1
        touching[row[2]] += 1
    return dropped


def _subgraph(
    conn: sqlite3.Connection, depth_of: dict[int, int], edges: dict[int, Row], truncated: bool
) -> Subgraph:
    """Nodes nearest first (then by name), edges strongest first within each hop."""
    entities = fetch_entities(conn, depth_of)
    nodes = [
        e for _, e in sorted(entities.items(), key=lambda item: (depth_of[item[0]], item[1].name, item[1].id))
    ]
    relations = fetch_relations(conn, edges, evidence_limit=SUBGRAPH_EVIDENCE)
    return Subgraph(nodes=nodes, edges=ordered(relations, edges), truncated=truncated)


def neighbors(
    conn: sqlite3.Connection,
    check: Check,
    entity_id: str,
    hops: int,
    limit: int,
    direction: str,
    node_types: list[NodeType] | None,
    filt: RelationFilter | None,
) -> Subgraph:
    check_hops(hops)
    if limit < 1:
        raise InvalidInput("limit must be at least 1")
    if direction not in ("out", "in", "both"):
        raise InvalidInput("direction must be out, in or both")
    filter_sql(filt)  # refuse a bad filter before any work
    query = Query(direction, list(node_types) if node_types is not None else None, filt)
    start = entity_num(conn, entity_id)
    depth_of, edges, truncated = _bfs(conn, [start], hops, limit, query, check)
    return _subgraph(conn, depth_of, edges, truncated)


def subgraph(
    conn: sqlite3.Connection,
    check: Check,
    entity_ids: list[str],
    hops: int,
    limit: int,
    filt: RelationFilter | None,
) -> Subgraph:
    """The union of the neighbourhoods of several entities; hops=0 gives the relations among them."""
    check_hops(hops, low=0)
    if limit < 1:
        raise InvalidInput("limit must be at least 1")
    starts = unique(entity_num(conn, eid) for eid in entity_ids)
    truncated = len(starts) > limit
    starts = starts[:limit]
    where, params = filter_sql(filt)
    if hops == 0:
        edges = _among(conn, starts, where, params, limit * EDGE_FACTOR)
        cut = len(edges) > limit * EDGE_FACTOR
        kept = dict(sorted(edges.items(), key=lambda item: strength(item[1]))[: limit * EDGE_FACTOR])
        return _subgraph(conn, {s: 0 for s in starts}, kept, truncated or cut)
    query = Query("both", None, filt)
    depth_of, found, cut = _bfs(conn, starts, hops, limit, query, check)
    return _subgraph(conn, depth_of, found, truncated or cut)


def _among(
    conn: sqlite3.Connection, nums: list[int], where: str, params: list[Any], cap: int
) -> dict[int, Row]:
    found: dict[int, Row] = {}
    for sources in chunks(nums):
        for targets in chunks(nums):
            sql = (
                "SELECT r.num, r.source, r.target, r.n_documents, r.confidence FROM relations r"
                f" WHERE r.source IN ({marks(len(sources))}) AND r.target IN ({marks(len(targets))}){where}"
                " LIMIT ?"
            )
            for row in conn.execute(sql, [*sources, *targets, *params, cap + 1]):
                found[row[0]] = row
    return found
