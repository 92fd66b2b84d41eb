"""Finding typed mentions in one parsed document, strongest evidence first.

Order matters: each finder only takes tokens no earlier finder claimed.
listed people -> gazetteer groups -> camps -> gazetteer places -> persons -> cue-word groups -> other places.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.ontology import NodeType
from ingest.extract import lexicon as lx
from ingest.extract.banners import add_banner_names
from ingest.extract.camps import find_camps, find_camps_called
from ingest.extract.doc_view import DocView, clean_ent_bounds
from ingest.extract.factions import add_factions, add_named_factions, add_prefixed_factions
from ingest.extract.gazetteer import Gazetteer
from ingest.extract.group_names import (
    add_appositive_groups,
    add_claiming_groups,
    add_cue_groups,
    add_group_names_by_opener,
    add_unlabelled_group_names,
)
from ingest.extract.group_repeats import add_repeated_group_names
from ingest.extract.listed_groups import add_groups_listed_after_group_nouns
from ingest.extract.listed_people import add_listed_persons
from ingest.extract.name_extents import (
    extend_left_by_acronym,
    extend_listed_by_acronym,
    extend_right_by_place,
)
from ingest.extract.names import find_persons
from ingest.extract.names_in_context import (
    drop_building_namesakes,
    drop_credited_people,
    drop_names_modifying_nouns,
    find_repeated_surnames,
    find_role_appositive_persons,
    find_weak_persons,
    named_in_role,
    retype_group_name_starts,
)
from ingest.extract.normalize import name_key
from ingest.extract.person_aliases import link_person_aliases
from ingest.extract.place_checks import (
    drop_countries_as_actors,
    drop_words_that_name_no_place,
    prefer_the_documents_countries,
)
from ingest.extract.place_context import (
    in_place_list,
    inside_longer_named_place,
    is_place_token,
    place_context,
    strong_place_context,
    whole_listed_region,
)
from ingest.extract.place_frames import (
    add_dateline_places,
    add_place_field_names,
    add_places_after_event_words,
    add_places_in_frames,
    add_places_listed_with_known,
    in_place_field,
)
from ingest.extract.place_names import (
    add_coordinated_places,
    add_place_head_runs,
    add_places_after_kind_nouns,
    add_places_apposed_to_kind_nouns,
    extend_place_heads,
)
from ingest.extract.scan import GazHit, gazetteer_hits, scan_words
from ingest.extract.titled_names import add_titled_org_names
from ingest.extract.unit_names import add_apposed_alliances, add_named_units

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Offline-package kinds that need context; curated places.json entries and countries do not.
_CONTEXT_KINDS = frozenset({"city", "subdivision"})
_BUILDINGS = frozenset(
    {
        "consulate",
        "embassy",
        "office",
        "headquarters",
        "ministry",
        "department",
        "court",
        "parliament",
        "assembly",
        "university",
        "hospital",
        "hotel",
        "resort",
        "school",
        "mosque",
        "church",
        "airport",
        "prison",
        "jail",
        "building",
        "academy",
    }
)
# NER labels a place name is often mistaken for (never DATE: 'in March').
_NAME_LABELS = frozenset({None, "PERSON", "ORG", "PRODUCT", "WORK_OF_ART"})
_NAME_OR_PEOPLE = _NAME_LABELS | {"NORP"}
_ABBREVIATED_COUNTRIES = frozenset({"us", "u.s.", "u.s", "uk", "u.k.", "usa", "u.s.a."})


def find_mentions(view: DocView, gaz: Gazetteer) -> None:
    words = scan_words(view.text)
    hits = gazetteer_hits(view.text, words, gaz)
    add_listed_persons(view, gaz, words, [hit for hit in hits if hit.group is not None])
    _add_gazetteer_groups(view, hits)
    add_factions(view, gaz)
    add_prefixed_factions(view)
    find_camps(view)
    find_camps_called(view)
    weak_places = _add_gazetteer_places(view, hits)
    add_place_field_names(view, gaz, weak_places)
    add_coordinated_places(view)
    add_places_after_kind_nouns(view)
    add_places_apposed_to_kind_nouns(view)
    add_places_in_frames(view)
    add_dateline_places(view)
    add_claiming_groups(view)
    add_banner_names(view)
    add_named_units(view)
    extend_listed_by_acronym(view)
    add_apposed_alliances(view)
    find_persons(view)
    link_person_aliases(view)
    find_role_appositive_persons(view)
    add_cue_groups(view)
    add_groups_listed_after_group_nouns(view)
    add_unlabelled_group_names(view)
    add_group_names_by_opener(view)
    add_titled_org_names(view)
    _add_weak_places(view, weak_places)
    _add_ner_places(view)
    add_place_head_runs(view)
    _add_places_by_context(view)
    add_places_after_event_words(view)
    add_places_listed_with_known(view)
    find_weak_persons(view)
    find_repeated_surnames(view)
    add_named_factions(view)
    link_person_aliases(view)  # again: people found since ('Gurpreet Singh alias Gopi', tagged a place)
    drop_names_modifying_nouns(view)
    retype_group_name_starts(view)
    add_appositive_groups(view)
    drop_countries_as_actors(view)
    drop_credited_people(view)
    drop_building_namesakes(view)
    drop_words_that_name_no_place(view)
    prefer_the_documents_countries(view, gaz)
    extend_place_heads(view)
    extend_left_by_acronym(view)
    extend_right_by_place(view)
    add_repeated_group_names(view)


def _add_gazetteer_groups(view: DocView, hits: list[GazHit]) -> None:
    for hit in hits:
        if hit.group is None:
            continue
        toks = view.tokens_for(hit.start, hit.end)
        if toks is None or _NAME_GOES_ON.match(view.text, hit.end):
            continue  # 'Jaish al-Zolm': a longer name that begins with a listed short form
        # 'an AAS-T member': the hit may open on an article and end on a possessive
        text = re.sub(r"^(?:[a-z]+\s+)+|['\u2019]s$", "", view.text[hit.start : hit.end])
        acronym = hit.acronym or (
            len(text) <= 8 and not any(c.islower() for c in text)
        )  # 'AAS-T' listed as alias
        view.add(NodeType.GROUP, *toks, source="gazetteer", group=hit.group, acronym=acronym)


# An Arabic-style name that continues past a listed word: 'Jaish al-Zolm', 'Lashkar e-Islam'.
_NAME_GOES_ON = re.compile(r"[ -](?:al|ul|el|ud|ur|un|e|i)-[A-Z]")


def _add_gazetteer_places(view: DocView, hits: list[GazHit]) -> list[GazHit]:
    weak: list[GazHit] = []
    for hit in hits:
        if hit.place is None:
            continue
        if hit.place.kind in _CONTEXT_KINDS and not hit.place.curated:
            weak.append(hit)
            continue
        toks = view.tokens_for(hit.start, hit.end)
        if toks is None or _adjectival_abbreviation(view, *toks) or _inside_compound(view, hit, toks):
            continue
        if inside_longer_named_place(view, *toks):
            continue
        if hit.place.kind != "country" and _inside_longer_person(view, *toks):
            weak.append(hit)  # 'Mangal Bagh': a place word inside a person's name waits for the people
            continue
        view.add(NodeType.PLACE, *toks, source="gazetteer", place=hit.place)
    return weak


# Family and second names that follow a given name; a place word before one of them is that given name.
_NAME_TAILS = frozenset(
    {"khan", "shah", "ali", "ahmad", "ahmed", "hussain", "husain", "ullah", "uddin", "rahman", "baig",
     "beg", "gul", "jan", "zaman", "akbar", "hassan", "hasan", "mohammad", "muhammad", "mohammed", "singh",
     "kaur"}
)  # fmt: skip


def _before_name_tail(view: DocView, end: int) -> bool:
    """'Kashmir Khan', 'Swat Ali': a given name that happens to be a place."""
    doc = view.doc
    return (
        end < len(doc)
        and doc[end].lower_ in _NAME_TAILS
        and bool(doc[end - 1].whitespace_)
        and doc[end].is_title
    )


def _inside_longer_person(view: DocView, start: int, end: int) -> bool:
    """'Mangal Bagh' yes; 'Amir Azad Kashmir' no: the rest of the name must hold a given name, not a title."""
    if _before_name_tail(view, end):
        return True
    ent = view.ent_covering(start, end)
    if ent is None or ent.label_ != "PERSON":
        return False
    rest = [t for t in ent if not start <= t.i < end]
    return any(t.lower_ not in lx.ROLE_TITLES | lx.NAME_HONORIFICS for t in rest)


def _adjectival_abbreviation(view: DocView, start: int, end: int) -> bool:
    """'U.S. citizens': an abbreviated country used as a modifier is not a place mention."""
    text = view.doc[start:end].text.lower()
    if text not in _ABBREVIATED_COUNTRIES:
        return False
    last = view.doc[end - 1]
    return last.dep_ in {"compound", "amod", "nmod"} and last.head.i > last.i


def _ner_label_at(view: DocView, start: int, end: int) -> str | None:
    ent = view.ent_covering(start, end)
    return None if ent is None else str(ent.label_)


def _add_weak_places(view: DocView, hits: list[GazHit]) -> None:
    for hit in hits:
        toks = view.tokens_for(hit.start, hit.end)
        guessed = toks is not None and view.guessed_person_over(*toks)
        if toks is not None and guessed and strong_place_context(view, *toks):
            view.drop(view.owner[toks[0]])  # 'out of Gao and Timbuktu', 'Jowzjan and Sar-e Pul provinces'
            view.add(NodeType.PLACE, *toks, source="gazetteer", place=hit.place)
            continue
        if (
            toks is None
            or _inside_compound(view, hit, toks)
            or inside_longer_named_place(view, *toks)
            or not view.is_free(*toks)
            or _common_word(view, *toks)
            or _before_name_tail(view, toks[1])
        ):
            continue
        label = _ner_label_at(view, *toks)
        placed = label in {"GPE", "LOC", "FAC"} or (label is None and place_context(view, *toks))
        if (
            placed
            or in_place_field(view, hit.start)
            or (label in _NAME_LABELS and whole_listed_region(view, hit, toks))
        ):
            view.add(NodeType.PLACE, *toks, source="gazetteer", place=hit.place)
        elif label in _NAME_OR_PEOPLE and toks[1] - toks[0] == 1 and strong_place_context(view, *toks):
            # A listed place name spaCy took for a person, an organisation or a people, in a frame only
            # places fill.
            start, end = toks
            nxt = view.doc[end] if end < len(view.doc) else None
            head_word = nxt is not None and nxt.text.istitle() and nxt.lower_ in lx.PLACE_HEADS
            if nxt is not None and head_word and view.owner[end] < 0:
                end += 1  # 'Beni Territory'
            view.add(NodeType.PLACE, start, end, source="gazetteer", place=hit.place)


def _alone_on_its_line(view: DocView, start: int, end: int) -> bool:
    line_end = view.text.find("\n", end)
    line = view.text[view.line_start(start) : len(view.text) if line_end < 0 else line_end]
    return line.strip() == view.text[start:end].strip() or line.strip().isupper()


def _common_word(view: DocView, start: int, end: int) -> bool:
    """'Western', 'Most', 'Central': a single ordinary word that happens to name some place."""
    if end - start != 1:
        return False
    tok = view.doc[start]
    common_noun = tok.pos_ == "NOUN" and not tok.ent_type_  # 'Police' (a town in Poland) opening a sentence
    return (
        common_noun
        or tok.is_stop
        or tok.pos_ in {"ADJ", "ADV", "DET", "VERB"}
        or tok.lower_ in lx.PLACE_HEADS
    )


def _add_ner_places(view: DocView) -> None:
    for ent in view.doc.ents:
        if ent.label_ not in {"GPE", "LOC", "FAC"}:
            continue
        start, end = clean_ent_bounds(ent)
        if (
            end - start > 1
            and view.doc[end - 1].is_lower
            and view.doc[end - 1].lower_ in lx.LOWER_ADMIN_HEADS
        ):
            end -= 1  # 'Thanchi upazila' is the upazila of Thanchi, named 'Thanchi'
        if start >= end or not view.is_free(start, end):
            continue
        toks = view.doc[start:end]
        words = [t.lower_ for t in toks]
        if ent.label_ == "FAC" and words[-1] not in lx.PLACE_HEADS:
            continue
        if any(t.text.isupper() and len(t.text) > 3 for t in toks):
            continue  # headings in capitals ("TACTICS AND TARGETS")
        if _demonym_modifier(toks):
            continue
        if not toks[0].text[:1].isupper() or words[0] in lx.ROLE_TITLES | lx.NAME_HONORIFICS:
            continue
        if _common_word(view, start, end) or set(words) & _BUILDINGS:
            continue
        if _adjectival_abbreviation(view, start, end):
            continue
        if _alone_on_its_line(view, toks.start_char, toks.end_char):
            continue  # 'Background', 'CHAPTER II': a heading, not a place the gazetteer knows
        if len(toks) > 1 and (
            words[-1] in _NAME_TAILS or _alias_follows(view.doc, end) or named_in_role(toks)
        ):
            # 'Gurpreet Singh alias Gopi', 'Kashmir Khan': a person the pipeline took for a place
            view.add(NodeType.LEADER, start, end, source="ner")
            continue
        view.add(NodeType.PLACE, start, end, source="ner")


def _inside_compound(view: DocView, hit: GazHit, toks: tuple[int, int]) -> bool:
    """'Khorasan' in 'Lashkar-e-Khorasan', 'Mai' in 'Mai-Mai': a listed place inside a hyphenated token or
    a doubled word names something else."""
    first, last = view.doc[toks[0]], view.doc[toks[1] - 1]
    before = view.text[first.idx : hit.start]
    after = view.text[hit.end : last.idx + len(last.text)]
    word = view.text[hit.start : hit.end]
    doubled = view.text.startswith(f"-{word}", hit.end) or view.text.endswith(f"{word}-", 0, hit.start)
    return (
        before.endswith(("-", "\u2010", "\u2011")) or after.startswith(("-", "\u2010", "\u2011")) or doubled
    )


def _alias_follows(doc: Doc, end: int) -> bool:
    return end < len(doc) and doc[end].lower_ in {"alias", "@", "a.k.a.", "aka"}


def _demonym_modifier(toks: Span) -> bool:
    """'Kashmiri militant groups', 'a Burkinabe group': a nationality word in front of a noun."""
    if len(toks) != 1:
        return False
    tok = toks[0]
    head = tok.head
    return (
        tok.dep_ in {"amod", "compound", "nmod"}
        and head.i > tok.i
        and head.pos_ == "NOUN"
        and head.lower_ not in lx.PLACE_HEADS
        and tok.lower_.endswith(("i", "be", "ese", "ian", "an"))
    )


def _add_places_by_context(view: DocView) -> None:
    """Unknown proper names in a locative frame: 'near Patikul, Sulu', 'Chelabandi in Muzaffarabad'."""
    doc = view.doc
    for ent in doc.ents:
        if ent.label_ not in {"PERSON", "ORG", "PRODUCT"} or len(ent) > 3 or ent.text.isupper():
            continue
        start, end = clean_ent_bounds(ent)
        if start >= end or not view.is_free(start, end):
            continue
        if not all(t.text[:1].isupper() for t in doc[start:end]):
            continue
        nxt = doc[end] if end < len(doc) else None
        followed_by_place = nxt is not None and nxt.text in {",", "in"} and is_place_token(view, end + 1)
        prev = doc[start - 1] if start > 0 else None
        after_near = prev is not None and prev.lower_ in {"near", "in"} and ent.label_ != "NORP"
        if (followed_by_place and (after_near or len(ent) == 1 or ent.label_ != "PERSON")) or (
            after_near and ent.label_ in {"PERSON", "PRODUCT"} and len(ent) == 1 and in_place_list(view, end)
        ):
            view.add(NodeType.PLACE, start, end, source="context")


def add_nested_camp_places(view: DocView, gaz: Gazetteer) -> None:
    """'Balakot camp': the name before 'camp' is a place the camp lies in."""
    for camp in list(view.mentions):
        if camp.type is not NodeType.CAMP or camp.nested:
            continue
        last = view.doc[camp.tok_end - 1]
        if last.lower_ not in {"camp", "camps"} or camp.tok_end - camp.tok_start < 2:
            continue
        start, end = camp.tok_start, camp.tok_end - 1
        place = gaz.place_by_key(name_key(view.doc[start:end].text))
        known = place is not None or any(view.doc[i].ent_type_ in {"GPE", "LOC"} for i in range(start, end))
        if known:
            view.add(NodeType.PLACE, start, end, source="nested", claim=False, nested=True, place=place)
