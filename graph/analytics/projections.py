"""Who is linked through what they share: one-mode projections of two-mode (bipartite) parts of the network.

- co-membership: leaders linked through the groups they lead or belong to;
- shared-camps: groups linked through the camps they train at.

A link's weight is how many hubs (groups, camps) the two share; `via` names them.

A hub with k members makes k(k-1)/2 links, so one very large group could make millions. Hubs are
counted smallest first until MAX_PAIRS pair-counts have been made; any hub left over is listed in
`skipped_hubs` and the result says `approximate: true` (its weights leave those hubs out).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import combinations

import networkx as nx

from graph.analytics.build import entity_ref, simple_undirected
from graph.analytics.models import EntityRef, GraphScope, ProjectedLink, ProjectionKind, ProjectionResult
from graph.ontology import NodeType, RelType

MAX_VIA = 20
MAX_PAIRS = 500_000
MAX_SKIPPED_SHOWN = 20


@dataclass(frozen=True)
class Projection:
    spoke: NodeType
    hub: NodeType
    relations: frozenset[RelType]
    description: str


PROJECTIONS: dict[ProjectionKind, Projection] = {
    "co-membership": Projection(
        NodeType.LEADER,
        NodeType.GROUP,
        frozenset({RelType.LEADS, RelType.MEMBER_OF}),
        "leaders linked through the groups they lead or belong to",
    ),
    "shared-camps": Projection(
        NodeType.GROUP,
        NodeType.CAMP,
        frozenset({RelType.TRAINS_AT}),
        "groups linked through the camps they train at",
    ),
}


def hubs_of(simple: nx.Graph, spec: Projection) -> tuple[dict[str, list[str]], int]:
    """Each hub -> its spokes (sorted), and how many relations of the projection's types join them."""
    members: dict[str, list[str]] = {}
    n_relations = 0
    for u, v, types in simple.edges(data="types"):
        shared = len(types & spec.relations)
        if not shared:
            continue
        kinds = (simple.nodes[u]["type"], simple.nodes[v]["type"])
        if kinds == (spec.spoke, spec.hub):
            spoke, hub = u, v
        elif kinds == (spec.hub, spec.spoke):
            spoke, hub = v, u
        else:
            continue
        members.setdefault(hub, []).append(spoke)
        n_relations += shared
    return {hub: sorted(spokes) for hub, spokes in members.items()}, n_relations


def count_pairs(
    members: dict[str, list[str]], max_pairs: int
) -> tuple[Counter[tuple[str, str]], dict[tuple[str, str], list[str]], list[str]]:
    """Shared-hub counts per spoke pair, the hubs behind each (the MAX_VIA smallest), hubs skipped."""
    weights: Counter[tuple[str, str]] = Counter()
    via: dict[tuple[str, str], list[str]] = {}
    skipped: list[str] = []
    budget = max_pairs
    for hub in sorted(members, key=lambda h: (len(members[h]), h)):
        spokes = members[hub]
        cost = len(spokes) * (len(spokes) - 1) // 2
        if cost > budget:
            skipped.append(hub)
            continue
        budget -= cost
        for pair in combinations(spokes, 2):
            weights[pair] += 1
            hubs = via.setdefault(pair, [])
            if len(hubs) < MAX_VIA:
                hubs.append(hub)
    return weights, via, skipped


def projection(
    graph: nx.Graph, kind: ProjectionKind, limit: int, max_pairs: int = MAX_PAIRS
) -> ProjectionResult:
    """The heaviest `limit` links of the `kind` projection, heaviest first, ties by ids."""
    spec = PROJECTIONS[kind]
    simple = simple_undirected(graph)
    members, n_relations = hubs_of(simple, spec)
    weights, via, skipped = count_pairs(members, max_pairs)
    ranked = sorted(weights.items(), key=lambda item: (-item[1], item[0]))
    links = [_link(simple, pair, weight, via[pair]) for pair, weight in ranked[:limit]]
    spokes = {spoke for group in members.values() for spoke in group}
    skipped.sort(key=lambda hub: (-len(members[hub]), hub))
    return ProjectionResult(
        kind=kind,
        description=spec.description,
        scope=GraphScope(
            n_nodes=len(spokes) + len(members),
            n_edges=sum(len(group) for group in members.values()),
            n_relations=n_relations,
            truncated=bool(simple.graph.get("truncated", False)),
        ),
        approximate=bool(skipped),
        skipped_hubs=[entity_ref(simple, hub) for hub in skipped[:MAX_SKIPPED_SHOWN]],
        n_links=len(ranked),
        links=links,
        limit=limit,
        truncated=len(ranked) > limit,
    )


def _link(simple: nx.Graph, pair: tuple[str, str], weight: int, hubs: list[str]) -> ProjectedLink:
    shown: list[EntityRef] = [entity_ref(simple, hub) for hub in hubs]
    return ProjectedLink(
        source=entity_ref(simple, pair[0]),
        target=entity_ref(simple, pair[1]),
        weight=weight,
        via=shown,
        via_truncated=weight > MAX_VIA,
    )
