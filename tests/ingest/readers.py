"""Small readers of an Extraction shared by the construction tests: names by type, relations as pairs."""

from __future__ import annotations

from graph.ontology import SYMMETRIC, NodeType, RelType
from ingest.models import Extraction


def names(ex: Extraction, kind: NodeType) -> set[str]:
    return {e.name for e in ex.entities if e.type is kind}


def rels(ex: Extraction, kind: RelType) -> set[tuple[str, str]]:
    """Directed (source, target) pairs of one relation type."""
    return {(r.source, r.target) for r in ex.relations if r.type is kind}


def pairs(ex: Extraction, kind: RelType) -> set[frozenset[str]]:
    """Unordered pairs, for the symmetric types."""
    assert kind in SYMMETRIC
    return {frozenset((r.source, r.target)) for r in ex.relations if r.type is kind}
