"""Places that are not places of the story, or not the place the story means: a country acting as a
state ('the United States designated X'), words taken for places that never are ('QDe.115', 'Uighur',
'Urdu', 'West'), and a name shared by places in several countries ('Hyderabad')."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.ontology import NodeType
from ingest.extract import lexicon as lx
from ingest.extract.doc_view import DocView, Mention
from ingest.extract.gazetteer import Gazetteer, PlaceFact
from ingest.extract.normalize import lemma, name_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# A country named as a nationality or an institution's owner ('United States citizens', 'the United
# States embassy') or as the state acting ('the United States designated X') is not a place of the story.
_STATE_NOUNS = frozenset(
    {"citizen", "citizens", "national", "nationals", "embassy", "embassies", "consulate", "government",
     "officials", "official", "forces", "troops", "military", "army", "soldiers", "personnel", "department",
     "president", "authorities", "court", "courts", "treasury", "navy", "diplomats", "envoy", "aid",
     "ambassador", "prosecutors", "prosecutor", "strike", "strikes", "airstrike", "airstrikes", "missile",
     "missiles", "drone", "drones", "mission", "judge", "intelligence", "agencies", "administration",
     "reward", "sanctions", "designation", "raid", "raids", "air"}
)  # fmt: skip
_STATE_ACTS = frozenset(
    {"designate", "designated", "list", "listed", "sanction", "sanctioned", "proscribe", "ban"}
)
# A capital or a country as the one who speaks or decides: 'Islamabad has denied ...', 'Washington has
# described X as ...', 'New Delhi stripped the region of ...'.
_GOVERNMENT_ACTS = frozenset(
    {"deny", "say", "said", "says", "accuse", "describe", "strip", "reject", "press", "regard", "consider",
     "insist", "demand", "warn", "blame", "condemn", "urge", "urg", "announc", "announce", "welcome",
     "protest", "offer", "name", "extend", "designate", "list", "sanction", "ban", "proscribe"}
)  # fmt: skip
# What a state does to a group by law: 'declared a terrorist organisation by India'.
_LISTING_ACTS = _GOVERNMENT_ACTS | {"declare", "outlaw"}


def drop_countries_as_actors(view: DocView) -> None:
    for idx, m in enumerate(view.mentions):
        if m.type is not NodeType.PLACE or m.place is None or m.nested:
            continue
        root = view.doc[m.tok_start : m.tok_end].root
        head = root.head
        speaks = root.dep_ == "nsubj" and lemma(head.text) in _GOVERNMENT_ACTS
        if m.place.kind != "country" and not (speaks and m.place.kind in {"city", "subdivision"}):
            continue
        as_modifier = root.dep_ in {"compound", "nmod", "amod"} and head.lower_ in _STATE_NOUNS
        as_actor = (root.dep_ == "nsubj" and head.lower_ in _STATE_ACTS) or speaks or _state_agent(root)
        as_actor = as_actor or _listed_state_agent(view.doc, m.tok_start)
        as_actor = as_actor or (m.place.kind == "country" and _in_state_field(view, m.start))
        if as_modifier or as_actor:
            view.drop(idx)


# Infobox fields that list states, not places: 'Opponents: ...; Russia; United States',
# 'Designated as a terrorist group by<TAB>United States'.
_STATE_FIELD = re.compile(
    r"[ \t]*(?:Opponents?|Enemies|(?:Designated|Listed|Proscribed)(?: as an? [a-z ]{1,30})? by)\b[^\n]*"
)


def _in_state_field(view: DocView, start: int) -> bool:
    field = _STATE_FIELD.match(view.text, view.line_start(start))
    return field is not None and field.end() >= start


def _state_agent(root: Token) -> bool:
    """'designated by India, the EU and the United States', 'regarded by Washington as ...'."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    by = root.head
    if root.dep_ != "pobj" or by.lower_ != "by":
        return False
    act = by.head
    if act.pos_ == "NOUN" and act.dep_ in {"oprd", "dobj", "attr"}:
        act = act.head  # 'designated a terrorist organisation by India': the parser hangs 'by' on the noun
    return lemma(act.text) in _LISTING_ACTS or act.lower_ in {"designation", "ban", "listing"}


_LIST_WORDS = frozenset({",", "and", "the", "as", "well"})


def _listed_state_agent(doc: Doc, start: int) -> bool:
    """'designated ... by India, the European Union and the United States': a later item of the list of
    designating states, read off the surface (the parser often joins it to another noun)."""
    k = start - 1
    while k >= 0 and start - k <= 12 and (doc[k].lower_ in _LIST_WORDS or doc[k].pos_ == "PROPN"):
        k -= 1
    if k < 1 or doc[k].lower_ != "by" or k == start - 1:
        return False
    return any(lemma(t.text) in _LISTING_ACTS for t in doc[max(0, k - 5) : k])


# Words a pipeline or a list takes for places that never are: reference numbers ('QDe.115'), peoples and
# languages ('Mozambican', 'Uighur', 'Urdu'), bare compass points ('Northern', 'West').
_REFERENCE_NUMBER = re.compile(r"^Q[DI][ei]\.\d+")
_LANGUAGES = frozenset(
    {"urdu", "swahili", "pashto", "arabic", "dari", "persian", "farsi", "hindi", "bengali"}
)
_COMPASS = (
    lx.COMPASS_POINTS
    | lx.COMPASS_ADJECTIVES
    | {"central", "northeast", "northwest", "southeast", "southwest"}
)


def prefer_the_documents_countries(view: DocView, gaz: Gazetteer) -> None:
    """'Palma' in a story about Mozambique is the Mozambican town, not Palma de Mallorca: a place whose
    listed namesake lies outside every country the document names takes a namesake inside one."""
    places = [m for m in view.mentions if m.type is NodeType.PLACE and m.place is not None and m.entity != -2]
    countries = {m.place.name for m in places if m.place is not None and m.place.kind == "country"}
    countries |= {
        m.place.country for m in places if m.place is not None and m.place.curated and m.place.country
    }
    _short_country_names(view, gaz, places, countries)
    replaced: dict[str, PlaceFact] = {}
    for m in places:
        if m.place is None or m.place.kind == "country" or m.place.country in countries:
            continue
        name = m.place.name
        if name not in replaced:
            better = gaz.place_in_country(name_key(name), countries)
            replaced[name] = better if better is not None else m.place
        m.place = replaced[name]


# Short country names conflict reporting uses for the larger namesake ('eastern Congo' is the DRC), unless
# the text names the other one in full.
_SHORT_COUNTRY_NAMES = {"Congo": ("Democratic Republic of the Congo", "Republic of the Congo")}


def _short_country_names(view: DocView, gaz: Gazetteer, places: list[Mention], countries: set[str]) -> None:
    for short, (meant, other) in _SHORT_COUNTRY_NAMES.items():
        if other in {m.text for m in places} or "Brazzaville" in view.text:
            continue
        fact = gaz.place_by_key(name_key(meant))
        for m in places:
            if m.text == short and m.place is not None and m.place.name == other and fact is not None:
                m.place = fact
                countries.discard(other)
                countries.add(meant)


# Common English words that some small town somewhere is also called.
# Kinds of militia spaCy takes for places ('a Mai-Mai unit').
_MILITIA_KINDS = frozenset({"mai-mai", "mayi-mayi", "mai mai"})
_WORDS_NAMING_TOWNS = frozenset(
    {"police", "mission", "union", "army", "security", "justice", "independence", "commerce", "liberty",
     "progress", "victory", "unity", "peace", "hope", "reading", "mobile", "split", "sale", "enterprise",
     "industry", "media", "service", "friendship", "opportunity", "eden", "paradise", "truth"}
)  # fmt: skip


def drop_words_that_name_no_place(view: DocView) -> None:
    for idx, m in enumerate(view.mentions):
        if m.type is not NodeType.PLACE or m.nested or m.entity == -2:
            continue
        words = [t.lower_ for t in view.doc[m.tok_start : m.tok_end] if not t.is_punct]
        no_place = (
            m.text.lower() in _MILITIA_KINDS
            or _REFERENCE_NUMBER.match(m.text) is not None
            or (
                len(words) == 1
                and (words[0] in lx.DEMONYMS or words[0] in lx.PEOPLES or words[0] in _LANGUAGES | _COMPASS)
            )
        )
        if (
            len(words) == 1
            and words[0] in _WORDS_NAMING_TOWNS
            and (m.place is None or m.place.kind == "city")
        ):
            no_place = True  # 'Police in Manipur said': a town in Poland is called Police
        if no_place:
            view.drop(idx)
