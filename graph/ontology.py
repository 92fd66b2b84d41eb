"""The closed vocabulary: node and relation types.

These enums are the only labels and relationship types that ever reach a query
language; every other value travels as a parameter.
"""

from __future__ import annotations

from enum import StrEnum


class NodeType(StrEnum):
    GROUP = "Group"
    LEADER = "Leader"
    CAMP = "Camp"
    PLACE = "Place"


class RelType(StrEnum):
    LEADS = "LEADS"
    MEMBER_OF = "MEMBER_OF"
    TRAINS_AT = "TRAINS_AT"
    ALLIED_WITH = "ALLIED_WITH"
    RIVAL_OF = "RIVAL_OF"
    LOCATED_IN = "LOCATED_IN"
    OPERATES_IN = "OPERATES_IN"
    RELATED_TO = "RELATED_TO"


DOCUMENT_LABEL = "Document"

SYMMETRIC: frozenset[RelType] = frozenset({RelType.ALLIED_WITH, RelType.RIVAL_OF, RelType.RELATED_TO})

# Which node types each relation may join (source types, target types), from FORMAT.md.
ENDPOINTS: dict[RelType, tuple[frozenset[NodeType], frozenset[NodeType]]] = {
    RelType.LEADS: (frozenset({NodeType.LEADER}), frozenset({NodeType.GROUP})),
    RelType.MEMBER_OF: (frozenset({NodeType.LEADER}), frozenset({NodeType.GROUP})),
    RelType.TRAINS_AT: (frozenset({NodeType.GROUP, NodeType.LEADER}), frozenset({NodeType.CAMP})),
    RelType.ALLIED_WITH: (frozenset({NodeType.GROUP}), frozenset({NodeType.GROUP})),
    RelType.RIVAL_OF: (frozenset({NodeType.GROUP}), frozenset({NodeType.GROUP})),
    RelType.LOCATED_IN: (frozenset({NodeType.CAMP, NodeType.PLACE}), frozenset({NodeType.PLACE})),
    RelType.OPERATES_IN: (frozenset({NodeType.GROUP}), frozenset({NodeType.PLACE})),
    RelType.RELATED_TO: (frozenset({NodeType.LEADER}), frozenset({NodeType.LEADER})),
}


def endpoints_allowed(rel: RelType, source: NodeType, target: NodeType) -> bool:
    sources, targets = ENDPOINTS[rel]
    return source in sources and target in targets


class Reliability(StrEnum):
    """Source reliability, Admiralty/NATO system (A reliable ... F cannot be judged)."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"
