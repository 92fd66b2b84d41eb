"""All shortest paths between two entities: bidirectional breadth-first search.

Relations are followed either way. Each level is one batched query per few hundred frontier nodes;
the smaller side grows first, and the read's time bound stops a search that explodes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from graph.errors import InvalidInput
from graph.models import Path, PathResult, RelationFilter
from graph.sqlite.adjacency import Query, frontier_edges
from graph.sqlite.filters import filter_sql
from graph.sqlite.rows import entity_num, fetch_entities, fetch_relations, ordered
from graph.sqlite.traverse import SUBGRAPH_EVIDENCE, Check, check_hops


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
    filter_sql(filt)  # refuse a bad filter before any work
    query = Query("both", None, filt)
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
    relations = fetch_relations(
        conn, {e for _, path_edges in walks for e in path_edges}, evidence_limit=SUBGRAPH_EVIDENCE
    )
    paths = [
        Path(nodes=ordered(entities, nodes), edges=ordered(relations, path_edges))
        for nodes, path_edges in walks
    ]
    return PathResult(paths=paths, truncated=truncated)


Parents = dict[int, list[tuple[int, int]]]


def _meet(
    conn: sqlite3.Connection, s: int, t: int, max_hops: int, query: Query, check: Check
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


def _expand(conn: sqlite3.Connection, frontier: list[int], parents: Parents, query: Query) -> list[int]:
    rows = frontier_edges(conn, frontier, query)
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
