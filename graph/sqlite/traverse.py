"""Traversals: neighbourhoods, subgraphs and shortest paths, breadth-first in Python.

Each hop is one batched query per few hundred frontier nodes (IN lists), over the indexes on
relations(source) and relations(target).

Semantics every store shares:
- symmetric relation types are traversed both ways whatever the `direction`;
- a neighbourhood holds the start, the nodes reachable within `hops`, and every relation with an end
  at distance < hops (so both its ends are in the result); `node_types` restricts the nodes other
  than the start;
- `limit` caps the nodes; edges are capped at EDGE_FACTOR * limit; `truncated` says a cap cut it.
  When cut, stronger relations (more documents, then higher confidence) are kept first.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from graph.errors import InvalidInput
from graph.models import Path, PathResult, RelationFilter, Subgraph
from graph.ontology import NodeType
from graph.sqlite.codec import chunks, marks, unique
from graph.sqlite.filters import SYMMETRIC_VALUES, filter_sql
from graph.sqlite.rows import entity_num, fetch_entities, fetch_relations, ordered

EDGE_FACTOR = 4
MAX_HOPS = 10
Check = Callable[[], None]
# (num, source, target, n_documents, confidence)
Row = tuple[int, int, int, int, float]


@dataclass(frozen=True)
class _Query:
    direction: str
    node_types: list[NodeType] | None
    where: str
    params: list[Any]


def check_hops(hops: int, low: int = 1) -> None:
    if not low <= hops <= MAX_HOPS:
        raise InvalidInput(f"hops must be between {low} and {MAX_HOPS}")


def _strength(row: Row) -> tuple[int, float, int]:
    return (-row[3], -row[4], row[0])


def _side(query: _Query, near: str, far: str, n: int, symmetric_only: bool) -> tuple[str, list[Any]]:
    sql = "SELECT r.num, r.source, r.target, r.n_documents, r.confidence FROM relations r"
    params: list[Any] = []
    if query.node_types is not None:
        sql += f" JOIN entities o ON o.num = r.{far} AND o.type IN ({marks(len(query.node_types))})"
        params.extend(t.value for t in query.node_types)
    sql += f" WHERE r.{near} IN ({marks(n)})"
    if symmetric_only:
        sql += f" AND r.type IN ({marks(len(SYMMETRIC_VALUES))})"
    return sql + query.where, params


def _adjacent(
    conn: sqlite3.Connection, frontier: list[int], query: _Query, cap: int | None
) -> tuple[list[Row], bool]:
    """Relations leaving the frontier, strongest first; True when a cap cut the answer."""
    found: dict[int, Row] = {}
    cut = False
    for chunk in chunks(frontier):
        out_sql, out_params = _side(query, "source", "target", len(chunk), query.direction == "in")
        in_sql, in_params = _side(query, "target", "source", len(chunk), query.direction == "out")
        params = [*out_params, *chunk]
        if query.direction == "in":
            params.extend(SYMMETRIC_VALUES)
        params.extend(query.params)
        params.extend([*in_params, *chunk])
        if query.direction == "out":
            params.extend(SYMMETRIC_VALUES)
        params.extend(query.params)
        sql = f"{out_sql} UNION ALL {in_sql}"
        if cap is not None:
            sql += " ORDER BY 4 DESC, 5 DESC, 1 LIMIT ?"
            params.append(cap)
        rows = conn.execute(sql, params).fetchall()
        cut = cut or (cap is not None and len(rows) >= cap)
        for row in rows:
            found[row[0]] = row
    return sorted(found.values(), key=_strength), cut


def _bfs(
    conn: sqlite3.Connection, starts: list[int], hops: int, limit: int, query: _Query, check: Check
) -> tuple[dict[int, int], dict[int, Row], bool]:
    depth_of = {s: 0 for s in starts}
    edges: dict[int, Row] = {}
    edge_cap = limit * EDGE_FACTOR
    truncated = False
    frontier = list(starts)
    for depth in range(1, hops + 1):
        if not frontier:
            break
        check()
        inside = set(frontier)
        # Edges already kept that touch the frontier come back and must not eat the fetch cap.
        known = sum(1 for e in edges.values() if e[1] in inside or e[2] in inside)
        rows, cut = _adjacent(conn, frontier, query, edge_cap - len(edges) + known + 1)
        truncated = truncated or cut
        frontier = []
        for row in rows:
            if row[0] in edges:
                continue
            other = row[2] if row[1] in inside else row[1]
            if len(edges) >= edge_cap:
                truncated = True
                break
            if other in depth_of:
                edges[row[0]] = row
            elif len(depth_of) < limit:
                depth_of[other] = depth
                frontier.append(other)
                edges[row[0]] = row
            else:
                truncated = True
    return depth_of, edges, truncated


def _subgraph(
    conn: sqlite3.Connection, depth_of: dict[int, int], edges: dict[int, Row], truncated: bool
) -> Subgraph:
    """Nodes nearest first (then by name), edges strongest first within each hop."""
    entities = fetch_entities(conn, depth_of)
    nodes = [
        e for _, e in sorted(entities.items(), key=lambda item: (depth_of[item[0]], item[1].name, item[1].id))
    ]
    relations = fetch_relations(conn, edges)
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
    where, params = filter_sql(filt)
    query = _Query(direction, list(node_types) if node_types is not None else None, where, params)
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
        kept = dict(sorted(edges.items(), key=lambda item: _strength(item[1]))[: limit * EDGE_FACTOR])
        return _subgraph(conn, {s: 0 for s in starts}, kept, truncated or cut)
    query = _Query("both", None, where, params)
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


def shortest_paths(
    conn: sqlite3.Connection,
    check: Check,
    source: str,
    target: str,
    max_hops: int,
    limit: int,
    filt: RelationFilter | None,
) -> PathResult:
    """All shortest paths (up to `limit`), relations followed either way; bidirectional BFS."""
    check_hops(max_hops)
    if limit < 1:
        raise InvalidInput("limit must be at least 1")
    s, t = entity_num(conn, source), entity_num(conn, target)
    if s == t:
        return PathResult(paths=[Path(nodes=list(fetch_entities(conn, [s]).values()), edges=[])])
    where, params = filter_sql(filt)
    query = _Query("both", None, where, params)
    meeting, parents_s, parents_t = _meet(conn, s, t, max_hops, query, check)
    walks: list[tuple[list[int], list[int]]] = []
    for node in meeting:
        for head_nodes, head_edges in _walks(parents_s, node):
            for tail_nodes, tail_edges in _walks(parents_t, node):
                walks.append((head_nodes + tail_nodes[::-1][1:], head_edges + tail_edges[::-1]))
                if len(walks) > limit:
                    break
            if len(walks) > limit:
                break
        if len(walks) > limit:
            break
    truncated = len(walks) > limit
    walks = walks[:limit]
    entities = fetch_entities(conn, {n for nodes, _ in walks for n in nodes})
    relations = fetch_relations(conn, {e for _, path_edges in walks for e in path_edges})
    paths = [
        Path(nodes=ordered(entities, nodes), edges=ordered(relations, path_edges))
        for nodes, path_edges in walks
    ]
    return PathResult(paths=paths, truncated=truncated)


Parents = dict[int, list[tuple[int, int]]]


def _meet(
    conn: sqlite3.Connection, s: int, t: int, max_hops: int, query: _Query, check: Check
) -> tuple[list[int], Parents, Parents]:
    """Grow the smaller side a level at a time until the sides touch; the nodes where they touch."""
    parents_s: Parents = {s: []}
    parents_t: Parents = {t: []}
    frontier_s, frontier_t = [s], [t]
    length = 0
    while length < max_hops and frontier_s and frontier_t:
        check()
        if len(frontier_s) <= len(frontier_t):
            frontier_s = _expand(conn, frontier_s, parents_s, query)
            meeting = [n for n in frontier_s if n in parents_t]
        else:
            frontier_t = _expand(conn, frontier_t, parents_t, query)
            meeting = [n for n in frontier_t if n in parents_s]
        length += 1
        if meeting:
            return sorted(meeting), parents_s, parents_t
    return [], parents_s, parents_t


def _expand(conn: sqlite3.Connection, frontier: list[int], parents: Parents, query: _Query) -> list[int]:
    rows, _ = _adjacent(conn, frontier, query, None)
    inside = set(frontier)
    level: Parents = {}
    for num, a, b, _n, _c in rows:
        for near, far in ((a, b), (b, a)):
            if near not in inside or far in parents:
                continue
            level.setdefault(far, []).append((near, num))
    for node, links in level.items():
        parents[node] = sorted(set(links))
    return sorted(level)


def _walks(parents: Parents, node: int) -> Iterator[tuple[list[int], list[int]]]:
    """Every shortest walk from the root of `parents` to `node`: (nodes, edges)."""
    if not parents[node]:
        yield [node], []
        return
    for prev, edge in parents[node]:
        for nodes, path_edges in _walks(parents, prev):
            yield [*nodes, node], [*path_edges, edge]
