"""Traversals with the embedded store's semantics (see graph/sqlite/traverse.py for the rules).

Neighbourhoods and subgraphs grow breadth-first, node by node, each node's strongest relations first
(cypher.NODE_EDGES, at most a cap per node and side), so the caps cut the same relations the embedded
store cuts: `limit` nodes, EDGE_FACTOR * limit edges, `truncated` when a cap cut. The nodes of a
frontier are fetched FRONTIER_CHUNK at a time, one query per side. Shortest paths use Cypher's
allShortestPaths, with the path length written into the statement as a checked int.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from graph.errors import InvalidInput, NotFound
from graph.models import Path, PathResult, RelationFilter, Subgraph
from graph.neo4j import cypher as c
from graph.neo4j.reads import SYMMETRIC_VALUES, fetch_entities, fetch_relations, filter_params
from graph.neo4j.rows import ordered
from graph.neo4j.session import Db, batches
from graph.ontology import NodeType

EDGE_FACTOR = 4
MAX_HOPS = c.MAX_PATH_HOPS
FRONTIER_CHUNK = 100
# Per direction: (the end of the relation the node is at, symmetric types only), as the embedded store.
SIDES: dict[str, tuple[tuple[str, bool], ...]] = {
    "both": (("source", False), ("target", False)),
    "out": (("source", False), ("target", True)),
    "in": (("target", False), ("source", True)),
}


@dataclass(frozen=True)
class Edge:
    id: str
    source: str
    target: str
    n_documents: int
    confidence: float
    created_ns: int


def check_hops(hops: int, low: int = 1) -> None:
    if type(hops) is not int or not low <= hops <= MAX_HOPS:
        raise InvalidInput(f"hops must be between {low} and {MAX_HOPS}")


def check_limit(limit: int) -> None:
    if limit < 1:
        raise InvalidInput("limit must be at least 1")


def _strength(edge: Edge) -> tuple[int, float, int, str]:
    """More documents first, then higher confidence, then older."""
    return (-edge.n_documents, -edge.confidence, edge.created_ns, edge.id)


def _edge(r: dict[str, Any]) -> Edge:
    return Edge(
        r["id"],
        r["source"],
        r["target"],
        int(r["n_documents"]),
        float(r["confidence"]),
        int(r["created_ns"] or 0),
    )


def _require(db: Db, ids: list[str], deadline: float) -> None:
    known = fetch_entities(db, ids, deadline)
    if any(i not in known for i in ids):
        raise NotFound("no entity with this id")


Fetched = dict[str, list[list[Edge]]]  # node -> one strength-ordered list per side


def _fetch(db: Db, nodes: list[str], step: dict[str, Any], cap: int, deadline: float) -> Fetched:
    found: Fetched = defaultdict(list)
    for side, symmetric_only in SIDES[step["direction"]]:
        per_node: dict[str, list[Edge]] = defaultdict(list)
        params = {k: v for k, v in step.items() if k != "direction"}
        for r in db.read(
            c.NODE_EDGES[side], deadline, frontier=nodes, cap=cap, symmetric_only=symmetric_only, **params
        ):
            per_node[r["fid"]].append(_edge(r))
        for node in nodes:
            found[node].append(sorted(per_node[node], key=_strength))
    return found


def _node_edges(sides: list[list[Edge]], cap: int) -> tuple[list[Edge], bool]:
    """Up to `cap` of the node's strongest relations on each side; True when the cap cut them."""
    kept: dict[str, Edge] = {}
    for edges in sides:
        kept.update((e.id, e) for e in edges[:cap])
    return sorted(kept.values(), key=_strength), any(len(edges) >= cap for edges in sides)


def _bfs(
    db: Db, starts: list[str], hops: int, limit: int, step: dict[str, Any], deadline: float
) -> tuple[dict[str, int], dict[str, Edge], bool]:
    depth_of = {s: 0 for s in starts}
    edges: dict[str, Edge] = {}
    touching: Counter[str] = Counter()  # kept edges per node: they come back and must not eat the cap
    edge_cap = limit * EDGE_FACTOR
    truncated = False
    frontier = list(starts)
    for depth in range(1, hops + 1):
        next_frontier: list[str] = []
        for chunk in batches(frontier, FRONTIER_CHUNK):
            if len(edges) >= edge_cap:
                return depth_of, edges, True
            # An upper bound of every node's cap below: a node's kept edges grow no faster than all edges.
            fetched = _fetch(
                db, chunk, step, edge_cap - len(edges) + max(touching[n] for n in chunk) + 1, deadline
            )
            for node in chunk:
                if len(edges) >= edge_cap:
                    return depth_of, edges, True
                rows, cut = _node_edges(fetched[node], edge_cap - len(edges) + touching[node] + 1)
                truncated = truncated or cut
                for edge in rows:
                    if edge.id in edges:
                        continue
                    other = edge.target if edge.source == node else edge.source
                    if len(edges) >= edge_cap:
                        truncated = True
                        break
                    if other not in depth_of:
                        if len(depth_of) >= limit:
                            truncated = True
                            continue
                        depth_of[other] = depth
                        next_frontier.append(other)
                    edges[edge.id] = edge
                    touching[edge.source] += 1
                    touching[edge.target] += 1
        frontier = next_frontier
    return depth_of, edges, truncated


def _subgraph(
    db: Db, depth_of: dict[str, int], edges: dict[str, Edge], truncated: bool, deadline: float
) -> Subgraph:
    """Nodes nearest first (then by name), edges strongest first within each hop."""
    entities = fetch_entities(db, depth_of, deadline)
    nodes = sorted(entities.values(), key=lambda e: (depth_of[e.id], e.name, e.id))
    relations = fetch_relations(db, edges, deadline)
    return Subgraph(nodes=nodes, edges=ordered(relations, edges), truncated=truncated)


def neighbors(
    db: Db,
    entity_id: str,
    hops: int,
    limit: int,
    direction: str,
    node_types: list[NodeType] | None,
    filt: RelationFilter | None,
) -> Subgraph:
    check_hops(hops)
    check_limit(limit)
    if direction not in ("out", "in", "both"):
        raise InvalidInput("direction must be out, in or both")
    step = filter_params(filt)
    step.update(
        direction=direction,
        symmetric=SYMMETRIC_VALUES,
        node_types=[t.value for t in node_types] if node_types is not None else None,
    )
    deadline = db.deadline()
    _require(db, [entity_id], deadline)
    depth_of, edges, truncated = _bfs(db, [entity_id], hops, limit, step, deadline)
    return _subgraph(db, depth_of, edges, truncated, deadline)


def subgraph(db: Db, entity_ids: list[str], hops: int, limit: int, filt: RelationFilter | None) -> Subgraph:
    """The union of the neighbourhoods of several entities; hops=0 gives the relations among them."""
    check_hops(hops, low=0)
    check_limit(limit)
    deadline = db.deadline()
    starts = list(dict.fromkeys(entity_ids))
    _require(db, starts, deadline)
    truncated = len(starts) > limit
    starts = starts[:limit]
    params = filter_params(filt)
    cap = limit * EDGE_FACTOR
    if hops == 0:
        found = [_edge(r) for r in db.read(c.RELATIONS_AMONG, deadline, ids=starts, cap=cap + 1, **params)]
        kept = {e.id: e for e in sorted(found, key=_strength)[:cap]}
        return _subgraph(db, {s: 0 for s in starts}, kept, truncated or len(found) > cap, deadline)
    params.update(direction="both", symmetric=SYMMETRIC_VALUES, node_types=None)
    depth_of, edges, cut = _bfs(db, starts, hops, limit, params, deadline)
    return _subgraph(db, depth_of, edges, truncated or cut, deadline)


def shortest_paths(
    db: Db, source: str, target: str, max_hops: int, limit: int, filt: RelationFilter | None
) -> PathResult:
    """All shortest paths (up to `limit`), relations followed either way, ordered by their node ids."""
    check_hops(max_hops)
    check_limit(limit)
    deadline = db.deadline()
    _require(db, [source, target], deadline)
    if source == target:
        return PathResult(paths=[Path(nodes=list(fetch_entities(db, [source], deadline).values()), edges=[])])
    params = filter_params(filt)
    found = db.read(
        c.shortest_paths(max_hops), deadline, source=source, target=target, limit=limit + 1, **params
    )
    walks = sorted((list(r["nodes"]), list(r["edges"])) for r in found)
    truncated = len(walks) > limit
    walks = walks[:limit]
    entities = fetch_entities(db, (n for nodes, _ in walks for n in nodes), deadline)
    relations = fetch_relations(db, (e for _, path_edges in walks for e in path_edges), deadline)
    paths = [
        Path(nodes=ordered(entities, nodes), edges=ordered(relations, path_edges))
        for nodes, path_edges in walks
    ]
    return PathResult(paths=paths, truncated=truncated)
