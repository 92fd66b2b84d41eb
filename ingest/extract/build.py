"""From found entities and relations to the `Extraction` model: names, evidence spans, filters."""

from __future__ import annotations

import re
from typing import Any

from graph.ontology import SYMMETRIC, NodeType, RelType, endpoints_allowed
from ingest.dates import first_date
from ingest.extract.doc_view import DocView
from ingest.extract.normalize import lemma
from ingest.extract.relations import Found
from ingest.extract.resolve import Entity
from ingest.models import ExtractedEntity, ExtractedRelation, Extraction, Span

_MAX_MENTION_SPANS = 25
_MAX_EVIDENCE = 10
_GROUP_TIES = frozenset({RelType.LEADS, RelType.MEMBER_OF, RelType.TRAINS_AT})
_FOUNDING = frozenset({"found", "form", "establish", "emerge", "create", "launch"})
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


class SentenceSpans:
    """Trimmed sentence spans, made once per sentence."""

    def __init__(self, view: DocView) -> None:
        self.view = view
        self._cache: dict[int, tuple[int, int, str, str | None]] = {}

    def get(self, sent: int) -> tuple[int, int, str, str | None]:
        hit = self._cache.get(sent)
        if hit is None:
            span = self.view.sents[sent]
            start, end = span.start_char, span.end_char
            text = self.view.text
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            sentence = text[start:end]
            hit = (start, end, sentence, first_date(sentence))
            self._cache[sent] = hit
        return hit

    def span(self, sent: int, confidence: float, method: str) -> Span:
        start, end, sentence, date = self.get(sent)
        return Span(sentence=sentence, start=start, end=end, date=date, confidence=confidence, method=method)


def _merge(found: list[Found], entities: list[Entity]) -> dict[tuple[RelType, int, int], list[Found]]:
    merged: dict[tuple[RelType, int, int], list[Found]] = {}
    for f in found:
        src, tgt = f.source, f.target
        if not endpoints_allowed(f.type, entities[src].type, entities[tgt].type):
            continue
        if f.type in SYMMETRIC and tgt < src:
            src, tgt = tgt, src
        merged.setdefault((f.type, src, tgt), []).append(f)
    for rel, src, tgt in list(merged):
        if rel is RelType.MEMBER_OF and (RelType.LEADS, src, tgt) in merged:
            del merged[(rel, src, tgt)]
        if rel is RelType.RIVAL_OF and (RelType.ALLIED_WITH, src, tgt) in merged:
            rival = max(f.confidence for f in merged[(rel, src, tgt)])
            ally = max(f.confidence for f in merged[(RelType.ALLIED_WITH, src, tgt)])
            del merged[(RelType.ALLIED_WITH, src, tgt) if rival > ally else (rel, src, tgt)]
    return merged


def _kept_entities(entities: list[Entity], merged: dict[tuple[RelType, int, int], list[Found]]) -> set[int]:
    """Everyone but people: a person counts only when the text ties them to a group or camp."""
    tied = {src for rel, src, _ in merged if rel in _GROUP_TIES}
    # Kin of a group member count too ('Ibrahim Azhar, brother of JeM leader Masood Azhar').
    for rel, src, tgt in merged:
        if rel is RelType.RELATED_TO and (src in tied) != (tgt in tied):
            tied.add(src if tgt in tied else tgt)
    return {i for i, e in enumerate(entities) if e.type is not NodeType.LEADER or i in tied}


def _founded_years(view: DocView, entities: list[Entity]) -> dict[int, str]:
    years: dict[int, str] = {}
    for m in view.mentions:
        if m.type is not NodeType.GROUP or m.entity < 0 or m.entity in years:
            continue
        root = view.doc[m.tok_start : m.tok_end].root
        head = root.head
        if root.dep_ in {"nsubjpass", "nsubj"} and lemma(head.text) in _FOUNDING:
            match = _YEAR.search(view.sents[m.sent].text)
            if match:
                years[m.entity] = match.group(1)
    return years


def build_extraction(view: DocView, entities: list[Entity], found: list[Found]) -> Extraction:
    spans = SentenceSpans(view)
    merged = _merge(found, entities)
    kept = _kept_entities(entities, merged)
    roles: dict[int, str] = {}
    for (rel, src, _), items in merged.items():
        if rel is RelType.LEADS:
            role = next((f.role for f in items if f.role), None)
            if role:
                roles.setdefault(src, role)
    founded = _founded_years(view, entities)
    out_entities: list[ExtractedEntity] = []
    for idx, ent in enumerate(entities):
        if idx not in kept:
            continue
        sents = sorted({view.mentions[m].sent for m in ent.mentions})[:_MAX_MENTION_SPANS]
        attributes: dict[str, Any] = dict(ent.attributes)
        if ent.group is not None:
            attributes["gazetteer"] = ent.group.name
            attributes["listed_by"] = ent.group.source
            if ent.group.founded:
                attributes["founded"] = ent.group.founded
        if ent.person is not None:
            attributes["gazetteer"] = ent.person.name
            attributes["listed_by"] = ent.person.source
        if idx in founded:
            attributes["founded"] = founded[idx]
        if ent.place is not None:
            if ent.place.lat is not None and ent.place.lon is not None:
                attributes["lat"] = ent.place.lat
                attributes["lon"] = ent.place.lon
            if ent.place.country:
                attributes["country"] = ent.place.country
        if idx in roles:
            attributes["role"] = roles[idx]
        out_entities.append(
            ExtractedEntity(
                type=ent.type,
                name=ent.name,
                aliases=ent.aliases,
                attributes=attributes,
                mentions=[spans.span(s, 1.0, "mention") for s in sents],
            )
        )
    out_relations: list[ExtractedRelation] = []
    for (rel, src, tgt), items in merged.items():
        if src not in kept or tgt not in kept:
            continue
        best: dict[int, Found] = {}
        for f in items:
            if f.sent not in best or f.confidence > best[f.sent].confidence:
                best[f.sent] = f
        evidence = [spans.span(f.sent, f.confidence, f.method) for f in best.values()][:_MAX_EVIDENCE]
        out_relations.append(
            ExtractedRelation(
                type=rel,
                source=entities[src].name,
                source_type=entities[src].type,
                target=entities[tgt].name,
                target_type=entities[tgt].type,
                evidence=evidence,
            )
        )
    return Extraction(entities=out_entities, relations=out_relations)
