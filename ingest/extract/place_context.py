"""Frames that only places fill, read around a listed or guessed name: 'in X', 'near X', 'X, a town',
'the assaults on X', 'moved to X', lists with places already known, and the longer place a listed word
is only part of ('South Kivu')."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.ontology import NodeType
from ingest.extract import lexicon as lx
from ingest.extract.doc_view import DocView, clean_ent_bounds
from ingest.extract.normalize import lemma
from ingest.extract.paths import MOTION_VERBS, SEIZE_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ingest.extract.scan import GazHit


def inside_longer_named_place(view: DocView, start: int, end: int) -> bool:
    """'South Kivu', 'the Nile Delta': the listed name ('South', 'Delta') is only part of a longer place
    spaCy found ('Imphal West' too); the whole name is the place. 'Northern Uganda' and 'Kunar Province'
    keep the listing."""
    doc = view.doc
    ent = view.ent_covering(start, end)
    if ent is None or ent.label_ not in {"GPE", "LOC"}:
        return False
    first, last = clean_ent_bounds(ent)
    before, after = doc[first:start], doc[end:last]
    if end - start == 1 and doc[start].lower_ in _COMPASS | _GEO_PREFIXES and len(after) > 0 and not before:
        return all(
            (t.is_title and t.is_alpha and t.lower_ not in lx.PLACE_HEADS) or _ARTICLE_NAME.match(t.text)
            for t in after
        )
    if not before and len(after) == 1 and after[0].lower_ in _COMPASS and after[0].is_title:
        return True  # 'Imphal West', 'Imphal East': districts named after a town
    return (
        end == last
        and len(before) > 0
        and all(t.is_title and t.is_alpha and t.lower_ not in _NOT_NAME_PREFIXES for t in before)
    )


_COMPASS = lx.COMPASS_POINTS | {"central"}
# Words that open Arabic place names and also name a town somewhere on their own: 'Wadi Omran', 'Ras Kamboni'.
_GEO_PREFIXES = frozenset(
    {
        "wadi",
        "jabal",
        "jebel",
        "ras",
        "bir",
        "ain",
        "tell",
        "khor",
        "umm",
        "abu",
        "deir",
        "kafr",
        "bab",
        "tal",
    }
)
# 'al-Duhur', 'el-Arish', 'ash-Shaddadi': a name word behind an Arabic article.
_ARTICLE_NAME = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an)-[A-Z]\w+$")
# Words before a listed place that describe it rather than name a longer place ('Northern Uganda').
_NOT_NAME_PREFIXES = lx.PLACE_HEADS | lx.COMPASS_ADJECTIVES | {"central", "greater"}


def place_context(view: DocView, start: int, end: int) -> bool:
    """Locative context around tokens [start, end): 'in X', 'near X', 'X, <place>', 'X in <place>'."""
    doc = view.doc
    if start > 0:
        prev = doc[start - 1]
        if prev.lower_ in lx.LOCATIVE_PREPS - {"of", "on", "over", "to"} or prev.lower_ == "r/o":
            return True
        if prev.text == "," and start > 1 and is_place_token(view, start - 2):
            return True
    return bool(end < len(doc) - 1 and doc[end].text in {",", "in"} and is_place_token(view, end + 1))


def strong_place_context(view: DocView, start: int, end: int) -> bool:
    """'in X', 'the province of X', 'X, a town ...', 'X and Y provinces': frames that only places fill."""
    doc = view.doc
    prev = doc[start - 1] if start > 0 else None
    if prev is not None and prev.lower_ in {"in", "near", "around", "outside", "inside", "between"}:
        return True
    if prev is not None and prev.lower_ == "of" and start > 1 and doc[start - 2].lower_ in lx.PLACE_HEADS:
        return True
    nxt = [t.lower_ for t in doc[end : end + 3]]
    if len(nxt) == 3 and nxt[0] == "," and nxt[1] in {"a", "the"} and nxt[2] in lx.PLACE_HEADS:
        return True
    if (
        prev is not None
        and prev.lower_ in {"and", "or", ","}
        and start > 1
        and is_place_token(view, start - 2)
    ):
        return True  # 'in Karachi and Gwadar'
    if len(nxt) >= 2 and nxt[0] in {"and", "or"} and is_place_token(view, end + 1):
        return True  # 'out of Gao and Timbuktu'
    if (
        prev is not None
        and prev.pos_ == "VERB"
        and (prev.lower_ in SEIZE_VERBS or lemma(prev.text) in SEIZE_VERBS)
    ):
        return True  # 'fighters seized Kidal', 'stormed Palma'
    if prev is not None and prev.lower_ == "on" and start > 1 and doc[start - 2].lower_ in _ASSAULT_NOUNS:
        return True  # 'the assaults on Mocimboa da Praia and Palma'
    if _moved_to(prev):
        return True  # 'fighters moved to Osh', 'fled into Nangarhar'
    if _someone_from(prev):
        return True  # 'a preacher from Namangan', 'a native of Tral'
    return bool(nxt) and nxt[0] in lx.PLACE_HEADS and nxt[0] not in {"state", "area", "areas"}


def _moved_to(prev: Token | None) -> bool:
    if prev is None or prev.lower_ not in {"to", "into", "towards", "toward"}:
        return False
    return prev.head.pos_ == "VERB" and lemma(prev.head.text) in MOTION_VERBS


def _someone_from(prev: Token | None) -> bool:
    if prev is None or prev.lower_ not in {"from", "of"}:
        return False
    person = prev.head
    if prev.lower_ == "of":
        return person.lower_ in {"native", "natives", "resident", "residents"}
    return person.pos_ == "NOUN" and (
        person.lower_ in _PEOPLE_NOUNS or lemma(person.text) in lx.LEAD_NOUNS | lx.MEMBER_NOUNS
    )


# Who a person is, when the text says where they come from ('a preacher from X').
_PEOPLE_NOUNS = frozenset(
    {"preacher", "cleric", "teacher", "schoolteacher", "student", "man", "men", "youth", "youths", "woman",
     "resident", "residents", "native", "villager", "villagers", "tribesman", "tribesmen", "farmer",
     "trader", "businessman", "shopkeeper", "scholar", "engineer", "doctor", "imam", "soldier",
     "paratrooper", "policeman", "officer", "refugee", "refugees", "boy", "boys", "worker", "labourer"}
)  # fmt: skip

_ASSAULT_NOUNS = frozenset({"assault", "assaults", "attack", "attacks", "raid", "raids", "offensive"})


def is_place_token(view: DocView, i: int) -> bool:
    m = view.mention_at(i)
    if m is not None:
        return m.type is NodeType.PLACE
    return i < len(view.doc) and view.doc[i].ent_type_ in {"GPE", "LOC"}


def whole_listed_region(view: DocView, hit: GazHit, toks: tuple[int, int]) -> bool:
    """'Andhra Pradesh', "Cote d'Ivoire": a listed country or province of several words that spaCy took
    for an organisation or a person, when its entity is exactly that name ('Andhra Pradesh Police' is not)."""
    start, end = toks
    if end - start < 2 or hit.place is None or hit.place.kind not in {"country", "subdivision"}:
        return False
    ent = view.ent_covering(start, end)
    if ent is None:
        return False
    ent_start, ent_end = clean_ent_bounds(ent)
    return (ent_start, ent_end) == (start, end)


def in_place_list(view: DocView, end: int) -> bool:
    doc = view.doc
    return end < len(doc) - 1 and doc[end].lower_ in {"and", ","} and is_place_token(view, end + 1)
