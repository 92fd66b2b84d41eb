"""People the designation lists name: their published spellings found in the text, longest first, as
Leaders whatever the pipeline made of them ('Hafiz Muhammad Saeed', 'Khalifa Sirajuddin Haqqani')."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.ontology import NodeType
from ingest.extract import lexicon as lx
from ingest.extract.doc_view import DocView
from ingest.extract.gazetteer import Gazetteer, PersonFact
from ingest.extract.names import NAME_CONNECTORS, is_name_token, role_words_before
from ingest.extract.normalize import is_connector
from ingest.extract.scan import GazHit, Word

if TYPE_CHECKING:
    from spacy.tokens import Token

# Between two words of one listed name: spaces, hyphens ('Zaki-ur-Rehman'), at most one line break.
_NAME_GAP = re.compile(r"[ \t\u00a0\-\u2010\u2011]*\n?[ \t\u00a0\-\u2010\u2011]*")
# Words that may stand right before a listed name without being part of it ('Khalifa Sirajuddin Haqqani').
_TITLES = lx.ROLE_TITLES | lx.NAME_HONORIFICS | {"khalifa", "ustad", "ustadh", "maulawi", "mawlavi", "qazi"}
_Hit = tuple[int, int, PersonFact]  # character span of a listed name, and whose it is


def add_listed_persons(view: DocView, gaz: Gazetteer, words: list[Word], group_hits: list[GazHit]) -> None:
    """Listed people's published spellings are Leaders, whatever spaCy made of them; longest first. Not
    inside a longer group name ('Abdullah Azzam Brigades') nor a longer name ('Hafiz Saeed Khan')."""
    i = 0
    while i < len(words):
        hit = _longest_person_at(view.text, words, i, gaz)
        if hit is None or not _add_listed(view, *hit, group_hits):
            i += 1
            continue
        while i < len(words) and words[i].start < hit[1]:
            i += 1


def _add_listed(view: DocView, start: int, end: int, person: PersonFact, group_hits: list[GazHit]) -> bool:
    if any(g.start < end and start < g.end and not start <= g.start < g.end <= end for g in group_hits):
        return False
    toks = view.tokens_for(start, end)
    if toks is None or _part_of_longer_name(view, *toks):
        return False
    first = toks[0]
    while first > 0 and view.doc[first - 1].lower_ in lx.NAME_HONORIFICS and view.owner[first - 1] < 0:
        first -= 1  # 'Maulana' Masood Azhar, as for names spaCy finds
    role = " ".join(role_words_before(view.doc, first)) or None
    return view.add(NodeType.LEADER, first, toks[1], source="gazetteer", person=person, role=role) is not None


def _longest_person_at(text: str, words: list[Word], i: int, gaz: Gazetteer) -> _Hit | None:
    if words[i].norm not in gaz.person_first_words or not words[i].raw[:1].isupper():
        return None
    key: list[str] = []
    best: _Hit | None = None
    for j in range(i, min(len(words), i + gaz.person_max_words + 4)):
        w = words[j]
        if j > i and _NAME_GAP.fullmatch(text, words[j - 1].end, w.start) is None:
            break
        if not is_connector(w.norm):
            key.append(w.norm)
        if len(key) > gaz.person_max_words:
            break
        person = gaz.person_by_key(tuple(key))
        if person is not None and w.raw[:1].isupper():
            best = (words[i].start, w.end, person)
    return best


def _part_of_longer_name(view: DocView, start: int, end: int) -> bool:
    """A capitalised name word (not a title) right before or after the match, or after a connector
    ('Abdullah Ahmed Abdullah el Alfi'), makes it part of someone else's longer name."""
    doc = view.doc
    around: list[Token] = []
    if start > 0 and doc[start - 1].whitespace_:
        around.append(doc[start - 1])
    if end < len(doc) and doc[end - 1].whitespace_:
        after = end + 1 if doc[end].lower_ in NAME_CONNECTORS and doc[end].whitespace_ else end
        around.extend(doc[after : after + 1])
    return any(
        tok.pos_ == "PROPN"
        and is_name_token(tok)
        and not tok.is_upper
        and tok.lower_ not in _TITLES
        and tok.ent_type_ in {"", "PERSON", "NORP"}
        and view.owner[tok.i] < 0
        for tok in around
    )
