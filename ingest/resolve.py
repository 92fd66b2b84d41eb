"""Resolve one document's extraction against what the store already holds.

An extracted entity takes the id of a stored entity of the same type that already carries one of its
names; otherwise its id comes from its canonical name: the gazetteer's name for a known group, a
person's name without a religious title ("Maulana Masood Azhar" -> "Masood Azhar"), else the
document's own full form. So the same group gets the same id whichever spelling a corpus starts with.
People are matched on full names only (two or more words): "Azhar" alone must never fold Ibrahim
Azhar into Masood Azhar, and a bare kunya ("Abu Muhammad") is shared by too many people to decide. A
person from the people gazetteer (`ingest/data/people.json`) takes the id of the listed name, so every
spelling of one listed person is one node and two listed people are never one.
"""

from __future__ import annotations

from collections import Counter

from graph.ids import canonical_pair, entity_id, fold
from graph.models import Document, DocumentGraph, EntityRecord, Evidence, RelationRecord
from graph.ontology import NodeType, endpoints_allowed
from graph.store import GraphStore
from ingest.models import ExtractedEntity, Extraction, Span

# Titles that precede a name but are not part of it; "Hafiz" is left alone, as it often is a name.
_TITLES = frozenset(
    {"maulana", "mawlana", "moulana", "mufti", "qari", "sheikh", "shaikh", "shaykh", "mullah", "mulla",
     "maulvi", "moulvi", "mawlawi", "haji", "hajji", "imam", "ustad", "ustaz", "dr", "doctor"}
)  # fmt: skip


def build_document_graph(document: Document, extraction: Extraction, store: GraphStore) -> DocumentGraph:
    ids = _resolve_ids(extraction.entities, store)
    entities = _entity_records(extraction.entities, ids)
    relations = _relation_records(document, extraction, ids)
    return DocumentGraph(document=document, entities=entities, relations=relations)


def canonical_name(entity: ExtractedEntity) -> str:
    gazetteer_name = entity.attributes.get("gazetteer")
    if isinstance(gazetteer_name, str) and gazetteer_name.strip():
        return gazetteer_name.strip()
    if entity.type is NodeType.LEADER:
        return strip_titles(entity.name)
    return entity.name


def strip_titles(name: str) -> str:
    words = name.split()
    while len(words) > 2 and words[0].lower().rstrip(".") in _TITLES:
        words = words[1:]
    return " ".join(words)


def _canonical(entity: ExtractedEntity) -> ExtractedEntity:
    """The entity under its canonical name; the document's own form becomes an alias."""
    name = canonical_name(entity)
    if name == entity.name:
        return entity
    aliases = sorted({*entity.aliases, entity.name} - {name})
    return entity.model_copy(update={"name": name, "aliases": aliases})


_KUNYA_WORDS = frozenset({"abu", "abou", "abo", "umm", "um", "al", "el"})


def _matchable_names(entity: ExtractedEntity) -> list[str]:
    names = [fold(canonical_name(entity)), fold(entity.name)] + [fold(alias) for alias in entity.aliases]
    if entity.type is NodeType.LEADER:
        names = [name for name in names if _full_person_name(name)]
    return [name for name in dict.fromkeys(names) if name]


def _full_person_name(folded: str) -> bool:
    """Two or more words, and more than a bare kunya ('abu muhammad', 'abu muhammad al')."""
    words = folded.split()
    return len(words) >= 2 and not (words[0] in _KUNYA_WORDS and len(set(words) - _KUNYA_WORDS) < 2)


def _listed_person(entity: ExtractedEntity) -> bool:
    return entity.type is NodeType.LEADER and bool(entity.attributes.get("gazetteer"))


def _resolve_ids(entities: list[ExtractedEntity], store: GraphStore) -> dict[tuple[NodeType, str], str]:
    ids: dict[tuple[NodeType, str], str] = {}
    by_type: dict[NodeType, list[ExtractedEntity]] = {}
    for entity in entities:
        by_type.setdefault(entity.type, []).append(entity)
    for node_type, group in by_type.items():
        wanted = {name for entity in group for name in _matchable_names(entity)}
        known = store.lookup_names(sorted(wanted), node_type) if wanted else {}
        for entity in group:
            ids[(node_type, entity.name)] = _choose_id(entity, known)
    return ids


def _choose_id(entity: ExtractedEntity, known: dict[str, list[str]]) -> str:
    own = entity_id(entity.type, canonical_name(entity))
    if _listed_person(entity):
        return own  # the list says who this is; a shared spelling elsewhere must not say otherwise
    names = _matchable_names(entity)
    if own in known.get(fold(canonical_name(entity)), []) or own in known.get(fold(entity.name), []):
        return own
    votes: Counter[str] = Counter()
    for name in names:
        candidates = known.get(name, [])
        if len(candidates) == 1:  # a name carried by several entities decides nothing
            votes[candidates[0]] += 1
    if not votes:
        return own
    # Deterministic: most names in common, then smallest id.
    return min(votes.items(), key=lambda item: (-item[1], item[0]))[0]


def _entity_records(
    entities: list[ExtractedEntity], ids: dict[tuple[NodeType, str], str]
) -> list[EntityRecord]:
    records: dict[str, EntityRecord] = {}
    for extracted in entities:
        record_id = ids[(extracted.type, extracted.name)]
        entity = _canonical(extracted)
        record = records.get(record_id)
        if record is None:
            records[record_id] = EntityRecord(
                id=record_id,
                type=entity.type,
                name=entity.name,
                aliases=sorted(set(entity.aliases) - {entity.name}),
                attributes=dict(entity.attributes),
            )
        else:  # two extracted entities resolved to one stored entity
            merged = set(record.aliases) | set(entity.aliases) | {entity.name}
            record.aliases = sorted(merged - {record.name})
            record.attributes = {**entity.attributes, **record.attributes}
    return list(records.values())


def _relation_records(
    document: Document, extraction: Extraction, ids: dict[tuple[NodeType, str], str]
) -> list[RelationRecord]:
    merged: dict[tuple[str, str, str], RelationRecord] = {}
    for relation in extraction.relations:
        source = ids.get((relation.source_type, relation.source))
        target = ids.get((relation.target_type, relation.target))
        if source is None or target is None or source == target or not relation.evidence:
            continue
        if not endpoints_allowed(relation.type, relation.source_type, relation.target_type):
            continue
        source, target = canonical_pair(relation.type, source, target)
        evidence = [_evidence(document, span) for span in relation.evidence]
        key = (relation.type.value, source, target)
        if key in merged:
            merged[key].evidence.extend(evidence)
        else:
            merged[key] = RelationRecord(
                type=relation.type,
                source=source,
                target=target,
                evidence=evidence,
                attributes=dict(relation.attributes),
            )
    return list(merged.values())


def _evidence(document: Document, span: Span) -> Evidence:
    return Evidence(
        doc_id=document.id,
        sentence=span.sentence,
        start=span.start,
        end=span.end,
        date=span.date or document.date,
        confidence=span.confidence,
        method=span.method,
        doc_title=document.title,
        source=document.source,
        reliability=document.reliability,
    )
