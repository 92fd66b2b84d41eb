"""One document's contribution, checked and normalised before any store writes it.

Shared by every store so they accept and refuse the same documents and merge entities the same way:

- a relation joins two different entities, each listed in the document or already stored, with types
  its relation type allows (graph.ontology.ENDPOINTS), and carries at least one evidence item of this
  document;
- dates are YYYY, YYYY-MM or YYYY-MM-DD;
- entity records with the same id are merged; relations with the same graph.ids.relation_id are merged
  (symmetric types in canonical_pair order), their evidence keyed by graph.ids.evidence_id.

Merging an entity across documents (`choose_name`, `merge_aliases`, `merge_attributes`) does not
depend on the order documents arrive in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from graph.errors import InvalidInput
from graph.grading import Contribution, check_date, source_key
from graph.ids import canonical_pair, evidence_id, relation_id
from graph.ids import fold as _fold_uncached
from graph.models import DocumentGraph, Evidence
from graph.ontology import NodeType, RelType, endpoints_allowed

_MAX_ID_IN_MESSAGE = 80

# Names repeat across the documents of a corpus; folding them is the hot spot of bulk loads.
fold = lru_cache(maxsize=1 << 16)(_fold_uncached)


@dataclass
class EntityPart:
    """An entity as this document states it."""

    id: str
    type: NodeType
    name: str
    aliases: list[str]
    attributes: dict[str, Any]

    def labels(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass
class RelationPart:
    """A relation as this document states it, with its evidence here."""

    id: str
    type: RelType
    source: str
    target: str
    evidence: dict[str, Evidence] = field(default_factory=dict)
    attributes: dict[str, Any] = field(default_factory=dict)
    confidence: float = 0.0
    first_seen: str | None = None
    last_seen: str | None = None


@dataclass
class PreparedDocument:
    graph: DocumentGraph
    entities: dict[str, EntityPart]
    relations: dict[str, RelationPart]

    def referenced_ids(self) -> set[str]:
        ids = set(self.entities)
        for part in self.relations.values():
            ids.update((part.source, part.target))
        return ids

    def contribution(self, part: RelationPart) -> Contribution:
        doc = self.graph.document
        return Contribution(
            confidence=part.confidence,
            first_seen=part.first_seen,
            last_seen=part.last_seen,
            source_key=source_key(doc.source),
            reliability=doc.reliability,
        )


def _short(value: str) -> str:
    return value if len(value) <= _MAX_ID_IN_MESSAGE else value[:_MAX_ID_IN_MESSAGE] + "…"


def prepare(graph: DocumentGraph) -> PreparedDocument:
    """Check what can be checked without a store and merge duplicate records. Raises InvalidInput."""
    doc = graph.document
    if not doc.id:
        raise InvalidInput("the document has no id")
    check_date(doc.date, "the document date")
    entities: dict[str, EntityPart] = {}
    for record in graph.entities:
        if not record.id or not record.name.strip():
            raise InvalidInput("every entity needs an id and a name")
        part = EntityPart(record.id, record.type, record.name, list(record.aliases), dict(record.attributes))
        known = entities.get(record.id)
        entities[record.id] = part if known is None else _merge_parts(known, part)
    for part in entities.values():
        if part.aliases:
            part.aliases = merge_aliases(part.name, part.aliases)
    relations: dict[str, RelationPart] = {}
    for rel in graph.relations:
        if rel.source == rel.target:
            raise InvalidInput(f"a relation cannot join {_short(rel.source)} to itself")
        if not rel.evidence:
            raise InvalidInput(f"the {rel.type.value} relation of {_short(rel.source)} has no evidence")
        source, target = canonical_pair(rel.type, rel.source, rel.target)
        rid = relation_id(rel.type, source, target)
        rel_part = relations.setdefault(rid, RelationPart(rid, rel.type, source, target))
        rel_part.attributes.update(rel.attributes)
        for ev in rel.evidence:
            _add_evidence(rel_part, ev, doc.id, doc.date)
    return PreparedDocument(graph, entities, relations)


def _merge_parts(known: EntityPart, extra: EntityPart) -> EntityPart:
    if known.type != extra.type:
        raise InvalidInput(f"entity {_short(known.id)} is listed with two different types")
    name = choose_name(known.id, [known.name, extra.name])
    labels = [*known.labels(), *extra.labels()]
    return EntityPart(known.id, known.type, name, labels, {**known.attributes, **extra.attributes})


def _add_evidence(part: RelationPart, ev: Evidence, doc_id: str, doc_date: str | None) -> None:
    if ev.doc_id != doc_id:
        raise InvalidInput("evidence must come from the document being stored")
    if ev.end < ev.start:
        raise InvalidInput("evidence ends before it starts")
    when = check_date(ev.date, "an evidence date") if ev.date else doc_date
    key = evidence_id(part.id, doc_id, ev.start, ev.end)
    if key in part.evidence:
        return
    part.evidence[key] = ev
    if ev.confidence > part.confidence:
        part.confidence = ev.confidence
    if when:
        if part.first_seen is None or when < part.first_seen:
            part.first_seen = when
        if part.last_seen is None or when > part.last_seen:
            part.last_seen = when


def resolve_endpoints(
    prepared: PreparedDocument, stored: Mapping[str, tuple[NodeType, str]]
) -> list[EntityPart]:
    """Check every relation endpoint against the document and the store (`stored`: id -> (type, name)).

    Returns an entity part for each endpoint the document uses without listing it, so that every
    entity a document touches is one it supports. Raises InvalidInput.
    """
    for part in prepared.entities.values():
        known = stored.get(part.id)
        if known is not None and known[0] != part.type:
            raise InvalidInput(f"entity {_short(part.id)} is already stored with another type")
    implicit: dict[str, EntityPart] = {}
    for rel in prepared.relations.values():
        types = []
        for end in (rel.source, rel.target):
            listed = prepared.entities.get(end)
            if listed is not None:
                types.append(listed.type)
                continue
            known = stored.get(end)
            if known is None:
                raise InvalidInput(f"relation endpoint {_short(end)} is neither in the document nor stored")
            types.append(known[0])
            implicit.setdefault(end, EntityPart(end, known[0], known[1], [], {}))
        if not endpoints_allowed(rel.type, types[0], types[1]):
            raise InvalidInput(f"{rel.type.value} cannot join a {types[0].value} to a {types[1].value}")
    return list(implicit.values())


def _name_rank(entity_id: str, name: str) -> tuple[int, str]:
    key = entity_id.split(":", 1)[-1]
    return (0 if fold(name).replace(" ", "-") == key else 1, name)


def choose_name(entity_id: str, names: Iterable[str]) -> str:
    """The display name: a name the id was made from if any, else the smallest; ties by string order."""
    return min(names, key=lambda name: _name_rank(entity_id, name))


def merge_aliases(name: str, labels: Iterable[str]) -> list[str]:
    """Every other label once per folded form (its smallest spelling), sorted; the name is not an alias."""
    own = fold(name)
    by_key: dict[str, str] = {}
    for label in labels:
        label = label.strip()
        key = fold(label)
        if not label or key == own:
            continue
        if key not in by_key or label < by_key[key]:
            by_key[key] = label
    return sorted(by_key.values())


def merge_attributes(contributions: Iterable[tuple[tuple[str, str], dict[str, Any]]]) -> dict[str, Any]:
    """Union of attributes; on a conflict the newest document wins (sort key: (date, doc id))."""
    merged: dict[str, Any] = {}
    for _key, attributes in sorted(contributions, key=lambda item: item[0]):
        merged.update(attributes)
    return merged


def folded_labels(labels: Iterable[str]) -> set[str]:
    return {key for key in (fold(label) for label in labels) if key}
