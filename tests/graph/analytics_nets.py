"""Small hand-built networks whose analytics answers are known, as Entity/Relation models."""

from __future__ import annotations

import random

import networkx as nx

from graph.analytics.build import to_networkx
from graph.ids import entity_id, relation_id
from graph.models import Entity, Relation
from graph.ontology import NodeType, Reliability, RelType

G, L, C, P = NodeType.GROUP, NodeType.LEADER, NodeType.CAMP, NodeType.PLACE


class Net:
    """Entities and relations added by name; `graph()` builds the analytics graph."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.relations: dict[str, Relation] = {}

    def node(self, node_type: NodeType, name: str) -> str:
        eid = entity_id(node_type, name)
        self.entities[eid] = Entity(id=eid, type=node_type, name=name)
        return eid

    def link(
        self,
        rel: RelType,
        source: str,
        target: str,
        first_seen: str | None = None,
        last_seen: str | None = None,
        credibility: int | None = None,
        reliability: Reliability | None = None,
    ) -> Relation:
        relation = Relation(
            id=relation_id(rel, source, target),
            type=rel,
            source=source,
            target=target,
            first_seen=first_seen,
            last_seen=last_seen or first_seen,
            credibility=credibility,
            reliability=reliability,
        )
        self.relations[relation.id] = relation
        return relation

    def graph(self, shuffle_seed: int | None = None) -> nx.MultiDiGraph:
        entities, relations = list(self.entities.values()), list(self.relations.values())
        if shuffle_seed is not None:
            random.Random(shuffle_seed).shuffle(entities)
            random.Random(shuffle_seed).shuffle(relations)
        return to_networkx(entities, relations)


def clique(net: Net, names: list[str]) -> list[str]:
    ids = [net.node(G, name) for name in names]
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            net.link(RelType.ALLIED_WITH, a, b)
    return ids


def two_blocs_and_a_broker() -> tuple[Net, list[str], list[str], str]:
    """Two 4-group alliances; one more group allied with two members of each and nobody else.

    The broker lies on every path between the blocs (top betweenness) and is the only articulation
    point: without it the network falls into the two blocs of 4. There is no bridge.
    """
    net = Net()
    west = clique(net, ["West One", "West Two", "West Three", "West Four"])
    east = clique(net, ["East One", "East Two", "East Three", "East Four"])
    broker = net.node(G, "Middle Front")
    for other in (west[0], west[1], east[0], east[1]):
        net.link(RelType.ALLIED_WITH, broker, other)
    return net, west, east, broker


def star(leaves: int) -> tuple[Net, str, list[str]]:
    """A group with `leaves` members: the centre has every link."""
    net = Net()
    centre = net.node(G, "Hub Front")
    members = [net.node(L, f"Member {i}") for i in range(leaves)]
    for member in members:
        net.link(RelType.MEMBER_OF, member, centre)
    return net, centre, members


def two_communities() -> tuple[Net, list[str], list[str]]:
    """Two 5-group alliances joined by one alliance between their first members."""
    net = Net()
    north = clique(net, [f"North {i}" for i in range(5)])
    south = clique(net, [f"South {i}" for i in range(5)])
    net.link(RelType.ALLIED_WITH, north[0], south[0])
    return net, north, south
