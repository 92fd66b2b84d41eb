"""People the pipeline mislabels or misses, found from what surrounds the name: a name spaCy called an
organisation, a family name the text gave in full before, a name in apposition to a role or equated with
one by a copula."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.ontology import NodeType
from ingest.extract import lexicon as lx
from ingest.extract.doc_view import DocView
from ingest.extract.names import add_person, is_name_token, name_piece
from ingest.extract.normalize import name_key
from ingest.extract.role_paths import COPULAS

if TYPE_CHECKING:
    from spacy.tokens import Span


def find_weak_persons(view: DocView) -> None:
    """Names spaCy labelled as organisations or works ('Hapilon' ORG): kept only if they later resolve to a
    multi-word person name and the text ties them to a group."""
    doc = view.doc
    for ent in doc.ents:
        if ent.label_ not in {"ORG", "WORK_OF_ART", "NORP", "PRODUCT", "GPE"} or len(ent) > 4:
            continue
        start, end = ent.start, ent.end
        if not view.is_free(start, end):
            continue
        while start > 0 and _given_name_before(view, start, end):
            start -= 1  # 'Habib-ur-Rahman' | 'Hekmatyar' (ORG)
        toks = list(doc[start:end])
        if not all(
            (t.pos_ == "PROPN" and is_name_token(t)) or (start < t.i < end - 1 and name_piece(doc, t.i))
            for t in toks
        ):
            continue  # 'Alghabass ag Intalla' (ORG): a particle inside the name is still a name
        if start > 0 and doc[start - 1].lower_ in {"a", "an"}:
            continue  # 'a Ugandan': a nationality, not a name
        if ent.label_ == "NORP" and doc[end - 1].tag_ in {"NNPS", "NNS"}:
            continue  # 'Kenyan Muslims': a people, not a person
        if any(t.is_upper and len(toks) == 1 for t in toks):
            continue
        add_person(view, start, end, source="weak")


_NOT_A_PERSON_AFTER = frozenset(
    {"tribe", "tribes", "tribesmen", "clan", "clans", "family", "network", "group", "faction", "brothers"}
)


# A family name with an Arabic article: 'al-Sahrawi', 'el-Masri'.
_ARTICLED = re.compile(r"(?:al|el|ad|as|ash|at|ar|an|az|ul)-[A-Z][a-z]")


def find_repeated_surnames(view: DocView) -> None:
    """'the United States designated Hekmatyar a Specially Designated Global Terrorist': a family name the
    text has already given in full is that person again, wherever the pipeline lost it."""
    doc = view.doc
    surnames = {
        doc[m.tok_end - 1].text
        for m in view.mentions
        if m.type is NodeType.LEADER
        and m.tok_end - m.tok_start >= 2
        and (doc[m.tok_end - 1].is_title or _ARTICLED.match(doc[m.tok_end - 1].text))
    }
    for tok in view.tokens_among({s.lower() for s in surnames}):
        if tok.text not in surnames or view.owner[tok.i] >= 0:
            continue
        if tok.pos_ != "PROPN" and not _ARTICLED.match(tok.text):
            continue  # 'al-Sahrawi' keeps its name even where the tagger took it for a verb
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and (nxt.lower_ in _NOT_A_PERSON_AFTER or nxt.lower_ in lx.PLACE_HEADS):
            continue  # 'the Mehsud tribe', 'Haqqani network'
        if nxt is not None and is_name_token(nxt) and view.owner[tok.i + 1] < 0 and nxt.pos_ == "PROPN":
            continue  # the start of another, longer name
        if tok.i > 0 and is_name_token(doc[tok.i - 1]) and doc[tok.i - 1].pos_ == "PROPN":
            continue
        view.add(NodeType.LEADER, tok.i, tok.i + 1, source="ner")


def _given_name_before(view: DocView, start: int, end: int) -> bool:
    prev = view.doc[start - 1]
    return (
        prev.pos_ == "PROPN"
        and prev.dep_ == "compound"
        and start <= prev.head.i < end
        and is_name_token(prev)
        and not prev.is_upper
        and prev.lower_ not in lx.ROLE_TITLES
        and view.owner[start - 1] < 0
        and prev.whitespace_ != ""
    )


def find_role_appositive_persons(view: DocView) -> None:
    """'Fazl Rabi, a senior member of the network': a capitalised name with a role noun in apposition."""
    doc = view.doc
    for noun in view.tokens_among(lx.LEAD_NOUNS | lx.MEMBER_NOUNS):
        if noun.dep_ != "appos":
            continue
        head = noun.head
        if head.pos_ != "PROPN" or view.owner[head.i] >= 0 or not is_name_token(head) or head.i > noun.i:
            continue
        start = head.i
        while start > 0 and doc[start - 1].dep_ in {"compound", "flat"} and doc[start - 1].head.i == head.i:
            if not is_name_token(doc[start - 1]) or view.owner[start - 1] >= 0:
                break
            start -= 1
        if head.i - start >= 1 and not any(doc[k].is_upper for k in range(start, head.i + 1)):
            add_person(view, start, head.i + 1, source="pattern")


def drop_names_modifying_nouns(view: DocView) -> None:
    """'a leading Kidal family', 'the Sagaing camps': a lone word the pipeline guessed was a person, used
    as the modifier of a common noun, names a place or a family, not someone the text speaks of."""
    for idx, m in enumerate(view.mentions):
        if m.nested or m.tok_end - m.tok_start != 1 or not view.lone_word_person(m.tok_start):
            continue
        tok = view.doc[m.tok_start]
        head = tok.head
        if tok.dep_ == "compound" and head.i == tok.i + 1 and head.pos_ == "NOUN" and head.is_lower:
            view.drop(idx)


# Buildings and works named after a person ('the shrine of Shah Jalal'): the name is the building's.
_NAMESAKE_NOUNS = frozenset(
    {"shrine", "tomb", "mausoleum", "dargah", "mosque", "masjid", "university", "college", "school",
     "hospital", "airport", "stadium", "bridge", "road", "street", "square", "hall", "memorial", "statue"}
)  # fmt: skip


def drop_building_namesakes(view: DocView) -> None:
    """'at the shrine of Shah Jalal in Sylhet': a person a building is named after is not in the story."""
    doc = view.doc
    for idx, m in enumerate(view.mentions):
        if m.type is not NodeType.LEADER or m.person is not None or m.tok_start < 2:
            continue
        before, noun = doc[m.tok_start - 1], doc[m.tok_start - 2]
        if before.lower_ == "of" and noun.lower_ in _NAMESAKE_NOUNS:
            view.drop(idx)


_ATTRIBUTED_NOUNS = lx.LEAD_NOUNS | lx.MEMBER_NOUNS | {"forces", "men", "unit", "units", "militia", "faction"}


def retype_group_name_starts(view: DocView) -> None:
    """'a Ras Kamboni commander' in a text about the Ras Kamboni Brigades: the start of a group's name,
    modifying a role or fighter noun, is that group cut short, not a person the pipeline guessed."""
    doc = view.doc
    groups = [(i, name_key(m.text)) for i, m in enumerate(view.mentions) if m.type is NodeType.GROUP]
    people = [name_key(m.text) for m in view.mentions if m.type is NodeType.LEADER]
    for m in view.mentions:
        if m.type is not NodeType.LEADER or m.source not in {"ner", "weak"} or m.person is not None:
            continue
        key = name_key(m.text)
        if not key:
            continue
        last = doc[m.tok_end - 1]
        if last.dep_ not in {"compound", "amod", "nmod"} or last.head.lower_ not in _ATTRIBUTED_NOUNS:
            continue
        if any(len(p) > len(key) and p[-len(key) :] == key for p in people):
            continue  # 'Haqqani' of 'Sirajuddin Haqqani' is the person
        longer = [i for i, g in groups if len(g) > len(key) and g[: len(key)] == key]
        if longer:
            m.type = NodeType.GROUP
            m.role = None
            m.alias_of = longer[0]


# A story's byline and credits name its writers and editors, never people of the story.
_CREDITS = re.compile(
    r"^[ \t]*By (?:[A-Z][\w.'-]*[ \t]?){1,5}$"  # a byline line: 'By Faduma Warsame'
    r"|\((?i:reporting|writing|additional reporting|editing|edited)\b[^)\n]{0,200}\)",
    re.MULTILINE,
)


def drop_credited_people(view: DocView) -> None:
    """'By Faduma Warsame', '(Reporting by X; editing by Y)': the people named there wrote the story, and
    '(Gulf Wire)' in a dateline is the agency that filed it, whatever the pipeline took it for."""
    credits = {
        NodeType.LEADER: [(m.start(), m.end()) for m in _CREDITS.finditer(view.text)],
        NodeType.PLACE: view.agencies,
    }
    for idx, m in enumerate(view.mentions):
        if any(s <= m.start and m.end <= e for s, e in credits.get(m.type, [])):
            view.drop(idx)


_ROLE_NOUNS = lx.LEAD_NOUNS | lx.MEMBER_NOUNS


def named_in_role(toks: Span) -> bool:
    """'Its treasurer is Shamin Mahfuz', 'X is the group's spokesman': a name a copula equates with a role
    noun is a person, whatever the pipeline took it for."""
    root = toks.root
    verb = root.head
    if root.dep_ not in {"attr", "nsubj"} or verb.lower_ not in COPULAS:
        return False
    other = {"attr": "nsubj", "nsubj": "attr"}[root.dep_]
    return any(c.dep_ == other and c.lower_ in _ROLE_NOUNS for c in verb.children)
