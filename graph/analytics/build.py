"""Turn stored entities and relations into networkx graphs the analyses run on.

The graph every analysis starts from is an `nx.MultiDiGraph`: one node per entity (attributes `type`,
`name`), one edge per relation keyed by its id (attributes `type`, `confidence`, `first_seen`,
`last_seen`, `credibility`, `reliability`). Nodes and edges are inserted in id order so that seeded
algorithms give the same answer for the same data, whatever order a store yields it in.

`graph.graph` carries `truncated` (the relation cap cut it short) and `n_relations`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from graph.analytics.models import EntityRef, GraphScope
from graph.grading import seen_on_or_after, seen_on_or_before
from graph.models import Entity, Relation, RelationFilter
from graph.ontology import NodeType, RelType
from graph.store import GraphStore

# The most relations one analysis reads; beyond it the network is cut and says `truncated`.
DEFAULT_MAX_EDGES = 500_000
READ_BATCH = 5_000


def relation_passes(rel: Relation, filt: RelationFilter | None) -> bool:
    """Whether a relation belongs to the network `filt` describes: all its conditions hold.

    The same rules as the stores' own filters (graph/sqlite/filters.py), in Python:
    `as_of`/`until` D keep a relation first seen by the end of period D ("2014" = all of 2014);
    `since` D keeps one last seen in or after period D, so `since`+`until` keep relations whose
    [first_seen, last_seen] overlaps the range. A relation without the date or grade a condition
    needs fails that condition.
    """
    if filt is None:
        return True
    if filt.types is not None and rel.type not in filt.types:
        return False
    for bound in (filt.as_of, filt.until):
        if bound is not None and not seen_on_or_before(rel.first_seen, bound):
            return False
    if filt.since is not None and not seen_on_or_after(rel.last_seen, filt.since):
        return False
    if filt.min_reliability is not None and (
        rel.reliability is None or rel.reliability > filt.min_reliability
    ):
        return False
    return filt.max_credibility is None or (
        rel.credibility is not None and rel.credibility <= filt.max_credibility
    )


def to_networkx(
    entities: Iterable[Entity], relations: Iterable[Relation], truncated: bool = False
) -> nx.MultiDiGraph:
    """The network of these entities and relations; a relation whose ends are not both given is left out."""
    graph = nx.MultiDiGraph(truncated=truncated)
    for entity in sorted(entities, key=lambda e: e.id):
        graph.add_node(entity.id, type=entity.type, name=entity.name)
    n_relations = 0
    for rel in sorted(relations, key=lambda r: r.id):
        if rel.source not in graph or rel.target not in graph:
            continue
        graph.add_edge(
            rel.source,
            rel.target,
            key=rel.id,
            type=rel.type,
            confidence=rel.confidence,
            first_seen=rel.first_seen,
            last_seen=rel.last_seen,
            credibility=rel.credibility,
            reliability=rel.reliability,
        )
        n_relations += 1
    graph.graph["n_relations"] = n_relations
    return graph


@dataclass
class Selection:
    """The relations a filter kept, the entities they join, and whether the relation cap cut them."""

    entities: list[Entity]
    relations: list[Relation]
    truncated: bool


def select(
    store: GraphStore,
    filt: RelationFilter | None = None,
    node_types: Iterable[NodeType] | None = None,
    rel_types: Iterable[RelType] | None = None,
    max_edges: int = DEFAULT_MAX_EDGES,
) -> Selection:
    """Read the stored network as `filt` sees it: the relations that pass and the entities they join.

    `node_types` keeps only relations between entities of those types; `rel_types` narrows `filt.types`.
    At most `max_edges` relations are kept (in the store's order); `truncated` says when more passed.
    """
    wanted_nodes = set(node_types) if node_types else None
    wanted_rels = set(rel_types) if rel_types else None
    entities: dict[str, Entity] = {}
    for entity in store.iter_entities(batch=READ_BATCH):
        if wanted_nodes is None or entity.type in wanted_nodes:
            entities[entity.id] = entity
    kept: list[Relation] = []
    truncated = False
    for rel in store.iter_relations(batch=READ_BATCH):
        if wanted_rels is not None and rel.type not in wanted_rels:
            continue
        if rel.source not in entities or rel.target not in entities or not relation_passes(rel, filt):
            continue
        if len(kept) >= max_edges:
            truncated = True
            break
        kept.append(rel)
    touched = {end for rel in kept for end in (rel.source, rel.target)}
    return Selection([entities[i] for i in touched], kept, truncated)


def from_store(
    store: GraphStore,
    filt: RelationFilter | None = None,
    node_types: Iterable[NodeType] | None = None,
    rel_types: Iterable[RelType] | None = None,
    max_edges: int = DEFAULT_MAX_EDGES,
) -> nx.MultiDiGraph:
    """The stored network as `filt` sees it (see `select`), one edge per relation."""
    chosen = select(store, filt, node_types, rel_types, max_edges)
    return to_networkx(chosen.entities, chosen.relations, chosen.truncated)


def simple_from_store(
    store: GraphStore,
    filt: RelationFilter | None = None,
    node_types: Iterable[NodeType] | None = None,
    rel_types: Iterable[RelType] | None = None,
    max_edges: int = DEFAULT_MAX_EDGES,
) -> nx.Graph:
    """The same network as simple_undirected(from_store(...)), built without the multigraph in between."""
    chosen = select(store, filt, node_types, rel_types, max_edges)
    return simple_graph(chosen.entities, chosen.relations, chosen.truncated)


def _pair(source: str, target: str) -> tuple[str, str]:
    return (source, target) if source < target else (target, source)


def _simple(
    nodes: Iterable[tuple[str, dict[str, object]]],
    typed_pairs: Iterable[tuple[str, str, RelType]],
    n_relations: int,
    truncated: bool,
) -> nx.Graph:
    pairs: dict[tuple[str, str], tuple[int, set[RelType]]] = {}
    for source, target, rel_type in typed_pairs:
        key = _pair(source, target)
        weight, types = pairs.get(key, (0, set()))
        types.add(rel_type)
        pairs[key] = (weight + 1, types)
    simple = nx.Graph(n_relations=n_relations, truncated=truncated)
    simple.add_nodes_from(sorted(nodes, key=lambda item: item[0]))
    simple.add_edges_from((u, v, {"weight": w, "types": t}) for (u, v), (w, t) in sorted(pairs.items()))
    return simple


def simple_graph(
    entities: Iterable[Entity], relations: Iterable[Relation], truncated: bool = False
) -> nx.Graph:
    """simple_undirected(to_networkx(entities, relations, truncated)), directly."""
    nodes: dict[str, dict[str, object]] = {e.id: {"type": e.type, "name": e.name} for e in entities}
    kept = [(r.source, r.target, r.type) for r in relations if r.source in nodes and r.target in nodes]
    return _simple(nodes.items(), kept, len(kept), truncated)


def simple_undirected(graph: nx.Graph) -> nx.Graph:
    """One undirected edge per related pair: `weight` = relations between them, `types` = their types.

    Direction is dropped on purpose: symmetric relations are stored one way round, and a broker sits
    between two parties whichever way the links were written. A graph already simple and undirected
    (the result of this function) is returned as it is, so callers may pass either.
    """
    if not graph.is_multigraph() and not graph.is_directed():
        return graph
    return _simple(
        graph.nodes(data=True),
        graph.edges(data="type"),
        int(graph.graph.get("n_relations", graph.number_of_edges())),
        bool(graph.graph.get("truncated", False)),
    )


def scope_of(simple: nx.Graph) -> GraphScope:
    """How big the analysed network is, from a graph made by simple_undirected."""
    return GraphScope(
        n_nodes=simple.number_of_nodes(),
        n_edges=simple.number_of_edges(),
        n_relations=int(simple.graph.get("n_relations", simple.number_of_edges())),
        truncated=bool(simple.graph.get("truncated", False)),
    )


def entity_ref(graph: nx.Graph, node: str) -> EntityRef:
    data = graph.nodes[node]
    return EntityRef(id=node, type=data["type"], name=data["name"])
