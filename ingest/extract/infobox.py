"""Field lines of infoboxes and report headers: 'Leaders: X; Y', 'Headquarters: P', 'Allies: G',
'Location/Area of Operation: A, B'. Such a line states a relation between its entries and the group
the page is about, with no verb to read it off."""

from __future__ import annotations

import re

from graph.ontology import NodeType, RelType
from ingest.extract.context import Ref, Salience, refs_by_sentence
from ingest.extract.doc_view import DocView
from ingest.extract.relations import RelationFinder
from ingest.nlp import INFOBOX_LABEL_PATTERN

_FIELD = re.compile(r"\s*([A-Z][A-Za-z/&' -]{0,40}?)\s*:")
_LEAD_FIELDS = frozenset(
    {"leader", "leaders", "founder", "founders", "emir", "amir", "commander", "commanders", "chief",
     "spokesman", "spokesperson", "head", "known leaders", "leaders wali", "wali", "deputy"}
)  # fmt: skip
_PLACE_FIELDS = frozenset(
    {"headquarters", "base", "bases", "active regions", "area of operations", "area of operation",
     "location/area of operation", "location", "locations", "areas of operation", "operational area",
     "area", "stronghold", "strongholds", "active in"}
)  # fmt: skip
_ALLY_FIELDS = frozenset(
    {"allies", "ally", "allegiance", "part of", "affiliation", "affiliations", "partners", "parent group",
     "merged into", "predecessor", "branch of", "split from", "succeeded by"}
)  # fmt: skip
_RIVAL_FIELDS = frozenset({"opponents", "opponent", "rivals", "enemies", "non-state opponents"})
_CONFIDENCE = 0.6


# 'LeadersAbdulqadir Mumin', 'Part of Islamic State': a label opening the line, glued or one space or tab
# away.
_GLUED = re.compile(rf"({INFOBOX_LABEL_PATTERN})[ \t]?(?=[A-Z0-9])")
_CONTINUATION_MAX = 80


def _field_of(view: DocView, sent: int) -> str | None:
    span = view.sents[sent]
    match = _FIELD.match(span.text) or _GLUED.match(span.text.lstrip())
    if match is None:
        return None
    return " ".join(match.group(1).lower().split())


def _continues_field(view: DocView, sent: int) -> bool:
    """A short line right under a field line, with no label of its own, is one more value of that field
    ('LeadersAbdulqadir Mumin (emir)' / 'Abdirahman Fahiye Isse Mohamud (deputy emir)')."""
    span = view.sents[sent]
    text = span.text.strip()
    start = span.start_char
    at_line_start = not view.text[view.line_start(start) : start].strip()
    return (
        at_line_start and 0 < len(text) <= _CONTINUATION_MAX and "\n" not in text and not text.endswith(".")
    )


def _same_line(view: DocView, sent: int) -> bool:
    """The sentence starts on the line the sentence before it is on."""
    if sent == 0:
        return False
    start = view.sents[sent].start_char
    return "\n" not in view.text[view.sents[sent - 1].start_char : start]


def _fields_by_sentence(view: DocView) -> dict[int, str]:
    fields: dict[int, str] = {}
    current: str | None = None
    for sent in range(len(view.sents)):
        field = _field_of(view, sent)
        if field is not None:
            current = field
        elif current is not None and (_same_line(view, sent) or _continues_field(view, sent)):
            field = current  # 'Sonitpur; Bhutan; Myanmar' cut off its field line by the sentence splitter
        else:
            current = None
        if field is not None:
            fields[sent] = field
    return fields


def infobox_fields(finder: RelationFinder, view: DocView, refs: list[Ref], salience: Salience) -> None:
    """Entries of a field line relate to the page's group (the group the document is mostly about)."""
    fields = _fields_by_sentence(view)
    if not fields:
        return
    subject = _titled_group(view, finder, refs, min(fields)) or salience.main(NodeType.GROUP)
    if subject is None:
        return
    for sent, srefs in refs_by_sentence([r for r in refs if not r.anaphor]).items():
        field = fields.get(sent)
        if field is None:
            continue
        for ref in srefs:
            kind = finder.types[ref.entity]
            rel: RelType | None = None
            source, target = subject, ref.entity
            if field in _LEAD_FIELDS and kind is NodeType.LEADER:
                rel, source, target = RelType.LEADS, ref.entity, subject
            elif field in _PLACE_FIELDS and kind is NodeType.PLACE:
                rel = RelType.OPERATES_IN
            elif field in _PLACE_FIELDS and kind is NodeType.CAMP:
                rel = RelType.TRAINS_AT
            elif field in _ALLY_FIELDS and kind is NodeType.GROUP:
                rel = RelType.ALLIED_WITH
            elif field in _RIVAL_FIELDS and kind is NodeType.GROUP:
                rel = RelType.RIVAL_OF
            if rel is not None:
                finder.emit(rel, source, target, sent, _CONFIDENCE, "infobox-field")


_TITLE_LINES = 3


def _titled_group(view: DocView, finder: RelationFinder, refs: list[Ref], first_field: int) -> int | None:
    """The group named on the short title lines right above the box ('Mullah Dadullah Front' /
    'Mahaz-e Mullah Dadullah' / 'Leaders ...'): the box is about it, whatever the text says most about."""
    for sent in range(max(0, first_field - _TITLE_LINES), first_field):
        text = view.sents[sent].text.strip()
        if not text or text.endswith(".") or len(text) > _CONTINUATION_MAX:
            continue
        named = [
            r.entity
            for r in refs
            if r.sent == sent and not r.anaphor and finder.types[r.entity] is NodeType.GROUP
        ]
        if named:
            return named[0]
    return None
