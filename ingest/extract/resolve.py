"""Within-document resolution: mentions -> entities (acronyms, spellings, short forms of names)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from graph.ontology import NodeType
from ingest.extract import lexicon as lx
from ingest.extract.doc_view import DocView, Mention
from ingest.extract.gazetteer import GroupFact, PersonFact, PlaceFact
from ingest.extract.normalize import fused_particle_key, initials_fit, name_key, similar_words
from ingest.extract.resolve_people import person_key, resolve_people
from ingest.extract.union_find import UnionFind

# 'Lashkar i Jhangvi (LJ)', 'X / LJ', a faction's in square brackets ('... (Independent) [ULFA(I)]') and
# a clipped compound ('Coordination Committee (CorCom)').
# 'Lashkar i Jhangvi (LJ)', '[ULFA(I)]', 'Lashkar-e-Islam, or LI,': the short form the text defines.
_DEFINED_ACRONYM = re.compile(
    r"\s*(?:\(\s*|\[\s*|/\s*|,\s+or\s+(?=[A-Z]+[,.;)]))"
    r"([A-Z][a-z]+[A-Z][a-z]+|[A-Z][A-Za-z&\-]{0,8}[A-Z](?:\([A-Z]{1,3}\))?)\s*[)\]]?"
)
_PLACE_GENERIC = frozenset({"city", "district", "province", "provinces", "region", "area", "island", "state"})
_CAMP_GENERIC = frozenset({"camp", "camps", "at", "near", "in", "training"})
_AT_PLACE = re.compile(r"(?:training )?camps? (?:at|in|near) ", re.IGNORECASE)  # 'a training camp at Kutul'


@dataclass
class Entity:
    type: NodeType
    mentions: list[int]
    name: str = ""
    aliases: list[str] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)
    group: GroupFact | None = None
    place: PlaceFact | None = None
    person: PersonFact | None = None


_CITATION = re.compile(r"[\s.\"'\u201d]*(?:\[\d*\]?)+$")


def clean_surface(text: str) -> str:
    text = _CITATION.sub("", " ".join(text.split()))
    if text.lower().startswith("the ") and len(text) > 4:
        text = text[4:]
    return text.strip(" ,;:\"'\u201c\u201d-\u2010\u2011\u2013\u2014")


def _mention_key(m: Mention) -> tuple[str, ...]:
    if m.type is NodeType.GROUP and m.group is not None:
        return ("g:" + m.group.name,)
    if m.source == "faction":  # 'ULFA-I': the letter is the whole difference, not a droppable connector
        return ("f:" + "".join(c for c in m.text.lower() if c.isalnum()),)
    if m.type is NodeType.PLACE and m.place is not None:
        return ("p:" + m.place.name,)
    key = name_key(m.text)
    if m.type is NodeType.PLACE:
        trimmed = tuple(w for w in key if w not in _PLACE_GENERIC)
        return trimmed or key
    if m.type is NodeType.CAMP:
        trimmed = tuple(w for w in key if w not in _CAMP_GENERIC)
        return trimmed or key
    if m.type is NodeType.LEADER:
        return person_key(m.text)
    return fused_particle_key(m.text) if m.type is NodeType.GROUP else key


def add_defined_acronyms(view: DocView) -> dict[int, int]:
    """'Lashkar i Jhangvi (LJ)': later uses of LJ are mentions of the same entity. Returns alias links."""
    links: dict[int, int] = {}
    defined: dict[str, int] = {}
    for idx, m in enumerate(list(view.mentions)):
        if m.acronym or m.nested:
            continue
        match = _DEFINED_ACRONYM.match(view.text, m.end)
        if match is None:
            continue
        acro = match.group(1)
        if not initials_fit(acro, m.text):
            continue
        defined.setdefault(acro, idx)
    if not defined:
        return links
    for acro, target in defined.items():
        # Searched in the text, not token by token: 'AAS-T' is three tokens.
        for hit in re.finditer(rf"(?<![\w-]){re.escape(acro)}(?![\w-])", view.text):
            toks = view.tokens_for(hit.start(), hit.end())
            if toks is None:
                continue
            owner = view.owner[toks[0]]
            if (
                owner >= 0
                and view.mentions[owner].guessed_person(weak=True)
                and view.mentions[target].type is NodeType.GROUP
            ):
                view.drop(owner)  # 'CorCom' after 'Coordination Committee (CorCom)': no person
                owner = -1
            if owner >= 0:
                same_type = view.mentions[owner].type is view.mentions[target].type
                longer = view.mentions[owner].end > hit.end()  # 'NDFB (Songbijit)': a faction of NDFB
                if same_type and owner != target and not longer:
                    links[owner] = target
                continue
            new = view.add(view.mentions[target].type, *toks, source="acronym", acronym=True)
            if new is not None:
                links[new] = target
    return links


def _retype_person_places(mentions: list[Mention]) -> None:
    """'Swedan' tagged as a place after 'Sheikh Ahmed Salim Swedan' was named: it is the person again; so
    is a full name the pipeline took for a person more often than for a place ('Shamin Mahfuz')."""
    full = [person_key(m.text) for m in mentions if m.type is NodeType.LEADER and m.source != "weak"]
    full = [k for k in full if len(k) >= 2]
    votes = _guess_votes(mentions)
    for m in mentions:
        framed = m.source in {"pattern", "field"}
        if m.type is not NodeType.PLACE or m.place is not None or m.nested or framed:
            continue  # a place word's frame ('the village of X', 'r/o X') outweighs a namesake
        key = name_key(m.text)
        one_word = len(key) == 1 and any(
            similar_words(key[0], k[-1]) or similar_words(key[0], k[0]) for k in full
        )
        persons, places = votes.get(key, (0, 0))
        if one_word or (len(key) >= 2 and persons > places):
            m.type = NodeType.LEADER
            m.source = "ner"


def _guess_votes(mentions: list[Mention]) -> dict[tuple[str, ...], tuple[int, int]]:
    """How often the pipeline took each name for a person and for a place it alone guessed."""
    votes: dict[tuple[str, ...], tuple[int, int]] = {}
    for m in mentions:
        person = m.type is NodeType.LEADER and m.source != "weak"
        place = m.type is NodeType.PLACE and m.place is None and m.source == "ner" and not m.nested
        if person or place:
            persons, places = votes.get(name_key(m.text), (0, 0))
            votes[name_key(m.text)] = (persons + person, places + place)
    return votes


def _retype_place_persons(mentions: list[Mention]) -> None:
    """'Charasiab, a district south of the capital' ... 'Charasiab fell to the Taliban': a name the text
    uses for a place or camp is that place or camp again where the pipeline guessed a person."""
    sites = {
        name_key(m.text): m.type
        for m in mentions
        if m.type in {NodeType.PLACE, NodeType.CAMP} and not m.nested and m.entity != -2
    }
    for m in mentions:
        kind = sites.get(name_key(m.text)) if m.guessed_person(weak=True) else None
        if kind is not None:
            m.type = kind


def resolve(view: DocView, acronym_links: dict[int, int]) -> list[Entity]:
    mentions = view.mentions
    _retype_person_places(mentions)
    _retype_place_persons(mentions)
    _one_listed_group_per_spelling(mentions)
    uf = UnionFind(len(mentions))
    by_key: dict[tuple[NodeType, tuple[str, ...]], int] = {}
    for idx, m in enumerate(mentions):
        if m.type is NodeType.LEADER or m.entity == -2:
            continue  # dropped mentions join nothing: 'NDFB(RD' gave way to the faction 'NDFB(RD)'
        key = (m.type, _mention_key(m))
        if key in by_key:
            uf.union(by_key[key], idx)
        else:
            by_key[key] = idx
    _join_unlisted(mentions, uf)
    _join_first_word_forms(mentions, uf)
    for a, b in acronym_links.items():
        uf.union(a, b)
    for idx, m in enumerate(mentions):
        if m.type is not NodeType.LEADER and m.alias_of is not None:
            uf.union(idx, m.alias_of)  # 'ULFA (Independent)' = 'ULFA(I)'
    resolve_people(mentions, uf)
    clusters: dict[int, list[int]] = {}
    for idx, m in enumerate(mentions):
        if m.entity == -2:  # ambiguous short form: not an entity
            continue
        clusters.setdefault(uf.find(idx), []).append(idx)
    for root, members in list(clusters.items()):
        if (
            mentions[members[0]].type is NodeType.LEADER
            and all(mentions[i].source == "weak" for i in members)
            and max(len(person_key(mentions[i].text)) for i in members) < 2
        ):
            del clusters[root]  # a lone word spaCy called an organisation: not enough to be a person
    entities: list[Entity] = []
    for members in clusters.values():
        ent = _build_entity(mentions, members)
        for idx in members:
            mentions[idx].entity = len(entities)
        entities.append(ent)
    return entities


def _join_unlisted(mentions: list[Mention], uf: UnionFind) -> None:
    """'Puntland' (or 'Lashkar-e-Jhangvi') the gazetteer matched and the same name it could not see (glued
    to an infobox label) are one place (one group)."""
    listed: dict[tuple[NodeType, tuple[str, ...]], int] = {}
    for idx, m in enumerate(mentions):
        if m.entity == -2:
            continue
        if (m.type is NodeType.PLACE and m.place is not None) or (m.type is NodeType.GROUP and m.group):
            listed.setdefault((m.type, _loose_key(m)), idx)
    for idx, m in enumerate(mentions):
        unlisted_group = m.type is NodeType.GROUP and m.group is None and m.source != "faction"
        if (m.type is NodeType.PLACE and m.place is None) or unlisted_group:
            same = listed.get((m.type, _loose_key(m)))
            if same is not None:
                uf.union(same, idx)


def _one_listed_group_per_spelling(mentions: list[Mention]) -> None:
    """'Ansarul Islam' and 'Ansar ul Islam' in one text: two listed groups differ only by a glued particle
    (the Iraqi Ansar al-Islam shares the second's key); the one the text names more is meant by both."""
    by_spelling: dict[tuple[str, ...], list[Mention]] = {}
    for m in mentions:
        if m.type is NodeType.GROUP and m.group is not None and not m.acronym:
            by_spelling.setdefault(fused_particle_key(m.text), []).append(m)
    for same in by_spelling.values():
        if len({m.group.name for m in same if m.group is not None}) < 2:
            continue
        top = _most_named_listing(same)
        for m in same:
            m.group = top


def _loose_key(m: Mention) -> tuple[str, ...]:
    return fused_particle_key(m.text) if m.type is NodeType.GROUP else name_key(m.text)


def _join_first_word_forms(mentions: list[Mention], uf: UnionFind) -> None:
    """'Hizbul cadres' after 'Hizbul Mujahideen': a group name's first word alone, unlisted, is that group
    when exactly one group of the text begins with it."""
    firsts: dict[str, set[tuple[str, ...]]] = {}
    index: dict[tuple[str, ...], int] = {}
    for idx, m in enumerate(mentions):
        key = name_key(m.text)
        if m.type is NodeType.GROUP and m.entity != -2 and not m.acronym and len(key) > 1:
            firsts.setdefault(key[0], set()).add(key)
            index.setdefault(key, idx)
    for idx, m in enumerate(mentions):
        key = name_key(m.text)
        if m.type is not NodeType.GROUP or m.group is not None or m.acronym or len(key) != 1:
            continue
        fulls = firsts.get(key[0], set())
        if len(fulls) == 1:
            uf.union(index[next(iter(fulls))], idx)


def _pick(surfaces: list[str], *, prefer_long: bool) -> str:
    counts = Counter(surfaces)
    order = {s: n for n, s in reversed(list(enumerate(surfaces)))}

    def rank(s: str) -> tuple[int, int, int, int]:
        caps = 1 if s.isupper() and len(s) > 5 else 0
        length = len(s.split()) if prefer_long else 0
        return (-caps, length, counts[s], -order[s])

    return max(counts, key=rank)


def _main_listing(cluster: list[Mention]) -> GroupFact | None:
    """The listing most of a group's named mentions point to, not a namesake's; one reached only through an
    acronym the text spells out for an unlisted name is a namesake's ('Ahlu Sunnah wal Jamaa (ASWJ)' is not
    Pakistan's ASWJ)."""
    return _most_named_listing([m for m in cluster if not m.acronym] or cluster)


def _most_named_listing(mentions: list[Mention]) -> GroupFact | None:
    """The listed group most of the mentions point to; ties go to the one the text names first."""
    facts = {m.group.name: m.group for m in mentions if m.group is not None}  # in the order of the text
    if not facts:
        return None
    counts = Counter(m.group.name for m in mentions if m.group is not None)
    return facts[max(facts, key=lambda name: counts[name])]


def _build_entity(mentions: list[Mention], members: list[int]) -> Entity:
    first = mentions[members[0]]
    ent = Entity(type=first.type, mentions=members)
    ent.group = _main_listing([mentions[i] for i in members])
    for idx in members:
        m = mentions[idx]
        ent.place = ent.place or m.place
        ent.person = ent.person or m.person
    members = sorted(members, key=lambda i: mentions[i].start)  # ties go to the form the text uses first
    surfaces = [clean_surface(mentions[i].text) for i in members]
    surfaces = [s for s in surfaces if s]
    if ent.type is NodeType.LEADER:
        primary = [clean_surface(mentions[i].text) for i in members if mentions[i].source != "alias"]
        name = _pick(primary or surfaces, prefer_long=True)
    elif ent.type is NodeType.GROUP:
        # a listed namesake's name is no name for it ('al-Shabaab', what residents call ISIS-Mozambique)
        own = [i for i in members if mentions[i].group is None or mentions[i].group is ent.group] or members
        full = [clean_surface(mentions[i].text) for i in own if not mentions[i].acronym]
        # 'Hizbul' repeated after 'Hizbul Mujahideen' is the short form, not the name
        keys = {s: name_key(s) for s in full}
        opening = {k[0] for k in keys.values() if len(k) > 1}
        full = [s for s in full if len(keys[s]) != 1 or keys[s][0] not in opening] or full
        name = _pick(full, prefer_long=False) if full else _pick(surfaces, prefer_long=False)
        listed = ent.group.name if ent.group is not None else ""
        if listed.lower().startswith("the ") and name_key(listed) == name_key(name):
            name = listed  # 'The Resistance Front': the article is part of the listed name
    elif ent.type is NodeType.CAMP:
        named = [s for s in surfaces if not _AT_PLACE.match(s)]
        name = _pick(named or surfaces, prefer_long=True)  # 'the Kutul camp' over 'a camp at Kutul'
    else:
        name = _pick(surfaces, prefer_long=False)
    if name.isupper() and len(name) > 5 and ent.type is not NodeType.GROUP:
        name = name.title()
    ent.name = name
    aliases = dict.fromkeys(s for s in surfaces if s != name)
    if ent.group is not None:
        aliases.update(dict.fromkeys([ent.group.name, *ent.group.acronyms]))
    if ent.type is NodeType.LEADER:
        bare = " ".join(w for w in name.split() if w.lower() not in lx.NAME_HONORIFICS)
        aliases[bare] = None
    aliases.pop(name, None)
    ent.aliases = [a for a in aliases if a and a != name]
    return ent
