"""An entity's story: the relations touching it in the order the documents date them, with evidence."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal

from graph.analytics.models import EntityRef, Timeline, TimelineEntry
from graph.models import Entity, Evidence, Relation
from graph.ontology import SYMMETRIC

# Sorts after every date: undated relations and evidence come last.
_UNDATED = "~"


def _evidence_key(evidence: Evidence) -> tuple[str, str, int]:
    return (evidence.date or _UNDATED, evidence.doc_id, evidence.start)


def _relation_key(rel: Relation) -> tuple[str, str, str, str]:
    return (rel.first_seen or _UNDATED, rel.last_seen or _UNDATED, rel.type.value, rel.id)


def _ref(entity: Entity) -> EntityRef:
    return EntityRef(id=entity.id, type=entity.type, name=entity.name)


def _direction(entity_id: str, rel: Relation) -> Literal["out", "in", "both"]:
    if rel.type in SYMMETRIC:
        return "both"
    return "out" if rel.source == entity_id else "in"


def timeline(
    entity: Entity,
    relations: Iterable[Relation],
    others: Mapping[str, Entity],
    limit: int,
    truncated: bool = False,
) -> Timeline:
    """The relations of `entity` oldest first (undated last), each with its evidence oldest first.

    `others` maps the far end's id to its entity; a relation whose far end is missing is left out.
    `truncated` says the caller already had to cut the relations short.
    """
    entries: list[TimelineEntry] = []
    for rel in sorted(relations, key=_relation_key):
        other_id = rel.target if rel.source == entity.id else rel.source
        other = others.get(other_id)
        if other is None:
            continue
        ordered = rel.model_copy(update={"evidence": sorted(rel.evidence, key=_evidence_key)})
        entries.append(
            TimelineEntry(
                date=rel.first_seen, direction=_direction(entity.id, rel), other=_ref(other), relation=ordered
            )
        )
    return Timeline(
        entity=_ref(entity),
        entries=entries[:limit],
        limit=limit,
        truncated=truncated or len(entries) > limit,
    )
