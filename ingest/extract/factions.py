"""Factions named after their parent's acronym, as South Asian reporting writes them: 'ULFA (Independent)',
'ULFA(I)', 'ULFA-I', 'NDFB (Ranjan Daimary)', 'KCP (Military Council)'. The bracket or the hyphenated
letters make a group of its own, not the parent; the forms sharing the parent and the initials are one
faction."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.ontology import NodeType, RelType
from ingest.extract.doc_view import DocView, Mention
from ingest.extract.gazetteer import Gazetteer, name_key
from ingest.extract.names import is_name_token

if TYPE_CHECKING:
    from ingest.extract.relations import RelationFinder

_BRACKET = re.compile(r" ?\((?P<inner>[A-Z][A-Za-z'\u2019 .-]{0,40}?)\)")
_SUFFIX = re.compile(r"-(?P<inner>[A-Z]{1,3})(?![A-Za-z-])")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_LISTED_FACTION = re.compile(r"(?P<base>[A-Z]{2,6})(?: ?\((?P<inner>[^()]+)\)|-(?P<suffix>[A-Za-z]+))")
_MAX_WORDS = 4


_NEW_PREFIX = re.compile(r"(?:Neo|New)[-\u2010\u2011 ]$")


def add_prefixed_factions(view: DocView) -> None:
    """'Neo-JMB': a new generation of a group, named by a prefix on its acronym, is a group of its own."""
    for idx in range(len(view.mentions)):
        m = view.mentions[idx]
        prefix = _NEW_PREFIX.search(view.text, max(0, m.start - 4), m.start)
        if m.type is not NodeType.GROUP or m.nested or prefix is None or _ACRONYM.fullmatch(m.text) is None:
            continue
        toks = view.tokens_for(prefix.start(), m.end)
        if toks is None or not all(view.owner[i] in {-1, idx} for i in range(*toks)):
            continue
        view.drop(idx)
        view.add(NodeType.GROUP, *toks, source="faction")


def add_factions(view: DocView, gaz: Gazetteer) -> None:
    """Turn an acronym group mention followed by a faction label into the faction itself."""
    first_by_key: dict[tuple[str, str], int] = {}
    for idx, m in enumerate(view.mentions):  # factions the gazetteer lists: 'ULFA (Independent)'
        listed = _LISTED_FACTION.fullmatch(m.text)
        if m.type is NodeType.GROUP and m.group is not None and listed is not None:
            label = listed.group("inner") or listed.group("suffix")
            first_by_key.setdefault((listed.group("base"), _initials(label)), idx)
    for idx in range(len(view.mentions)):
        m = view.mentions[idx]
        if m.type is not NodeType.GROUP or m.nested:
            continue
        base = m.text.split("(", 1)[0].rstrip()
        if _ACRONYM.fullmatch(base) is None or (base != m.text and gaz.group_by_key(name_key(m.text))):
            continue  # 'NSCN (IM)': a faction the gazetteer lists
        found = _faction_label(view.text, m.start + len(base), base, gaz)
        if found is None:
            continue
        label, end = found
        toks = view.tokens_for(m.start, end)
        if toks is None or not all(view.owner[i] in {-1, idx} for i in range(*toks)):
            continue
        view.drop(idx)
        new = view.add(NodeType.GROUP, *toks, source="faction")
        if new is None:
            continue
        key = (base, _initials(label))
        if key in first_by_key:
            view.mentions[new].alias_of = first_by_key[key]
        else:
            first_by_key[key] = new


def add_named_factions(view: DocView) -> None:
    """'the Bongos faction', 'the Lake Chad faction': a faction named by a person or place is a group of its
    own ('Bongos faction'), one form with a bracketed faction of the same name ('NDFB (Ranjan Daimary)' =
    'the Daimary faction'). 'the Khaplang faction of the NSCN' is left to the parent's name."""
    doc = view.doc
    bracketed = {
        name_key(m.text[m.text.index("(") + 1 :].rstrip(")"))[-1:]: idx
        for idx, m in enumerate(view.mentions)
        if m.type is NodeType.GROUP and m.source == "faction" and "(" in m.text
    }
    for i, tok in enumerate(doc):
        if tok.lower_ not in {"faction", "group"} or not tok.is_lower:
            continue
        start = i
        while start > 1 and i - start < _MAX_WORDS - 1 and is_name_token(doc[start - 1]):
            if doc[start - 1].lower_ == "the":
                break
            start -= 1
        if start == i or doc[start - 1].lower_ != "the":
            continue
        if _of_a_group(view, i + 1):
            _drop_guessed_places(view, start, i)  # 'the Khaplang faction of the NSCN': no town Khaplang
            continue
        owners = {view.owner[k] for k in range(start, i + 1) if view.owner[k] >= 0}
        held = [view.mentions[o] for o in owners]
        if any(m.type is NodeType.GROUP or m.tok_start < start or m.tok_end > i for m in held):
            continue  # 'the TTP faction': a part of a group the text names by its own name
        if tok.lower_ == "group" and not _named_for_a_person(held, start, i):
            continue  # 'the Salafi group': only a person's name makes 'the X group' a name
        for owner in owners:
            view.drop(owner)
        new = view.add(NodeType.GROUP, start, i + 1, source="faction")
        named = bracketed.get(name_key(doc[start:i].text)[-1:])
        if new is not None and named is not None:
            view.mentions[new].alias_of = named


def _named_for_a_person(held: list[Mention], start: int, end: int) -> bool:
    """'the Sadiq Noor group': the words before 'group' are exactly a person's name."""
    return (
        len(held) == 1
        and held[0].type is NodeType.LEADER
        and (held[0].tok_start, held[0].tok_end) == (start, end)
    )


def _drop_guessed_places(view: DocView, start: int, end: int) -> None:
    for owner in {view.owner[k] for k in range(start, end) if view.owner[k] >= 0}:
        m = view.mentions[owner]
        if m.type is NodeType.PLACE and m.source == "ner" and start <= m.tok_start and m.tok_end <= end:
            view.drop(owner)


def _of_a_group(view: DocView, k: int) -> bool:
    if k >= len(view.doc) or view.doc[k].lower_ != "of":
        return False
    k += 1
    if k < len(view.doc) and view.doc[k].lower_ == "the":
        k += 1
    m = view.mention_at(k) if k < len(view.doc) else None
    return m is not None and m.type is NodeType.GROUP


def _faction_label(text: str, at: int, base: str, gaz: Gazetteer) -> tuple[str, int] | None:
    """The faction label right after the acronym ending at `at`, and where it ends."""
    match = _BRACKET.match(text, at) or _SUFFIX.match(text, at)
    if match is None:
        return None
    label = match.group("inner").strip()
    words = label.replace("-", " ").split()
    if not words or len(words) > _MAX_WORDS or any(not w[:1].isupper() for w in words):
        return None
    key = name_key(label)
    if gaz.group_by_key(key) is not None or gaz.group_by_acronym(label) is not None:
        return None  # another group or the same group's other name: 'ISIL (Da'esh)', 'HM (LeT)'
    if gaz.place_by_key(key) is not None:
        return None  # 'JeM (Pakistan)'
    if _initials(label) == base:
        return None  # the acronym spelt out
    return label, match.end()


def _initials(label: str) -> str:
    """'Independent' -> 'I', 'Ranjan Daimary' -> 'RD', 'I-M' -> 'IM', 'IM' -> 'IM'."""
    words = label.replace("-", " ").split()
    if all(w.isupper() for w in words):
        return "".join(words)
    return "".join(w[0].upper() for w in words if w[:1].isupper())


_SUFFIXED = re.compile(r"[A-Z]{2,}-[A-Z]{1,3}$")


def faction_name(name: str) -> bool:
    """'NDFB (Songbijit)', 'ULFA-I', 'the Bongos faction': a name that marks a faction of a parent."""
    return "(" in name or name.lower().endswith(" faction") or _SUFFIXED.search(name) is not None


def faction_leaders(finder: RelationFinder, view: DocView) -> None:
    """'NDFB (Ranjan Daimary)', 'NSCN (Khaplang)': a faction named after a person the text names is led
    by that person."""
    people: dict[str, set[int]] = {}
    for m in view.mentions:
        if m.type is NodeType.LEADER and m.entity >= 0:
            key = name_key(m.text)
            if not key:
                continue  # a name of punctuation only, as arbitrary text can make
            people.setdefault(" ".join(key), set()).add(m.entity)
            people.setdefault(key[-1], set()).add(m.entity)  # 'Songbijit' for 'I. K. Songbijit'
    for m in view.mentions:
        if m.type is not NodeType.GROUP or m.entity < 0:
            continue
        if "(" in m.text and m.source == "faction":
            label = m.text[m.text.index("(") + 1 :].rstrip(")")
        elif m.text.lower().endswith((" faction", " group")):
            label = m.text.rsplit(" ", 1)[0]  # 'the Bongos faction', 'the Hafiz Gul Bahadur group'
        else:
            continue
        leaders = people.get(" ".join(name_key(label)), set())
        if len(leaders) == 1:
            finder.emit(RelType.LEADS, next(iter(leaders)), m.entity, m.sent, 0.6, "faction-named-after")
