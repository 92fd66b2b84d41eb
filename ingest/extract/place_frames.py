"""Names neither the gazetteer nor the pipeline knows as places, found by the frame around them: after a
preposition and before a known place ('at Trishal, in Mymensingh district'), listed with known places
('in Kidal and Aguelhok'), called a village or town by an aside ('Redwani Payeen, a village in Kulgam'),
or listed before 'all in' a place."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.ontology import NodeType
from ingest.extract import lexicon as lx
from ingest.extract.doc_view import DocView
from ingest.extract.gazetteer import Gazetteer
from ingest.extract.names import is_name_token
from ingest.extract.normalize import name_key
from ingest.extract.scan import GazHit

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_MAX_LIST_WORDS = 4


# Prepositions after which a name followed by a known place can only be a place: 'at Trishal, in
# Mymensingh district', 'from Surankote in Poonch', 'at Dilsukhnagar, Hyderabad, Telangana'.
_FRAME_PREPS = frozenset({"in", "at", "near", "from", "around", "outside", "inside"})
# 'Redwani Payeen, a village in Kulgam': what the aside calls the name says it is a place.
_APPOSED_KINDS = frozenset(
    {"village", "town", "city", "hamlet", "suburb", "district", "locality", "neighbourhood",
     "neighborhood", "settlement", "township", "area", "hill", "mountain", "valley", "forest", "oasis"}
)  # fmt: skip
_NOT_PLACE_WORDS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
     "the", "his", "her", "their", "its", "this", "that", "a", "an"}
)  # fmt: skip
_MAX_FRAME_ITEMS = 3


def add_places_in_frames(view: DocView) -> None:
    """Unknown names that a locative frame shows to be places: after a preposition and before a known
    place ('at Trishal, in Mymensingh district'; each item of 'at Dilsukhnagar, Hyderabad, Telangana'),
    or with an aside that calls them a village or town ('in Redwani Payeen, a village in Kulgam')."""
    doc = view.doc
    for prep in view.tokens_among(_FRAME_PREPS):
        runs: list[tuple[int, int]] = []
        k = prep.i + 1
        while len(runs) < _MAX_FRAME_ITEMS:
            end = _free_name_run(view, k)
            if end == k:
                break
            runs.append((k, end))
            if _known_place_follows(view, end) or _apposed_kind_follows(doc, end):
                if any(_person_elsewhere(view, start, stop) for start, stop in runs):
                    break
                for start, stop in runs:
                    view.add(NodeType.PLACE, start, stop, source="context")
                break
            if end + 1 >= len(doc) or doc[end].text != ",":
                break
            k = end + 1
    _add_apposed_places(view)
    add_places_listed_with_known(view)
    _add_places_all_in(view)


# Words after which 'in X' gives where something happened or is: 'attacks in Musakhel and Bela',
# 'based in Tank', 'clashes around Arbinda'.
_EVENT_WORDS = lx.OPERATE_WORDS | frozenset(
    {"attack", "attacks", "attacked", "raid", "raids", "raided", "ambush", "ambushed", "clash", "clashes",
     "clashed", "fighting", "fought", "bombing", "bombings", "offensive", "offensives", "operations",
     "killed", "including", "stormed", "struck", "camps", "hideouts", "positions", "bases", "cells"}
)  # fmt: skip
_EVENT_PREPS = frozenset({"in", "at", "near", "around"})


def add_places_after_event_words(view: DocView) -> None:
    """'coordinated attacks ..., including in Musakhel and Bela': unknown names in a locative frame
    governed by an attack or a base are places; each item of a list of such names is one."""
    doc = view.doc
    for prep in view.tokens_among(_EVENT_PREPS):
        if prep.head.lower_ not in _EVENT_WORDS or prep.dep_ != "prep":
            continue
        runs: list[tuple[int, int]] = []
        k = prep.i + 1
        while len(runs) < _MAX_FRAME_ITEMS:
            if view.lone_word_person(k) and _list_boundary(doc, k + 1):
                view.release(k)  # 'attacks in Musakhel and Bela': the pipeline's guess of a person
            end = _free_name_run(view, k)
            if end == k or not _list_boundary(doc, end) or not _unlabelled(doc, k, end):
                break
            runs.append((k, end))
            nxt = end
            while nxt < len(doc) and doc[nxt].lower_ in {",", "and", "or"}:
                nxt += 1
            if nxt == end:
                break
            k = nxt
        for start, stop in runs:
            if not _person_elsewhere(view, start, stop):
                view.add(NodeType.PLACE, start, stop, source="context")


def _unlabelled(doc: Doc, start: int, end: int) -> bool:
    """The pipeline gave the name no organisation's label: in this frame its guess of a person is a place
    it does not know, but a labelled organisation is not one."""
    return all(t.ent_type_ in {"", "GPE", "LOC", "FAC", "PERSON"} for t in doc[start:end])


def _add_places_all_in(view: DocView) -> None:
    """'between Arish, Sheikh Zuweid and Rafah, all in North Sinai': each listed name is a place."""
    doc = view.doc
    for all_tok in view.tokens_among(frozenset({"all", "both"})):
        i = all_tok.i
        if i < 2 or i + 2 >= len(doc) or doc[i - 1].text != "," or doc[i + 1].lower_ != "in":
            continue
        if _known_place_end(view, i + 2) is None and view.type_at(i + 2) is not NodeType.PLACE:
            continue
        end = i - 1
        while end > 0:
            start = end
            while start > 0 and end - start < _MAX_LIST_WORDS and _list_word(view, start - 1):
                start -= 1
            while start < end and doc[start].lower_ in _COMPOUND_LINKS:
                start += 1
            if start == end:
                break
            if view.is_free(start, end) and not _person_elsewhere(view, start, end):
                view.add(NodeType.PLACE, start, end, source="context")
            end = start
            while end > 0 and doc[end - 1].lower_ in {",", "and"}:
                end -= 1
            if end == start:
                break


def _list_word(view: DocView, i: int) -> bool:
    """A word of one item in a list of place names: a capitalised word, a link inside a compound name,
    or part of a place already found."""
    tok = view.doc[i]
    m = view.mention_at(i)
    if m is not None:
        return m.type is NodeType.PLACE
    if tok.lower_ in _COMPOUND_LINKS:
        return i > 0 and is_name_token(view.doc[i - 1])
    return is_name_token(tok) and tok.is_alpha and tok.lower_ not in _NOT_PLACE_WORDS


def add_places_listed_with_known(view: DocView) -> None:
    """'attacks in Kidal and Aguelhok': an unknown name listed after a known place, in a place frame
    (run again once more places are known, taking back one-word names guessed to be persons)."""
    doc = view.doc
    for prep in view.tokens_among(_FRAME_PREPS):
        k = prep.i + 1
        if _known_place_end(view, k) is None:
            continue
        while k < len(doc):
            end = _known_place_end(view, k)
            if end is None:
                if view.lone_word_person(k) and _list_boundary(doc, k + 1):
                    view.release(k)
                end = _free_name_run(view, k)
                if end == k or not _list_boundary(doc, end) or _person_elsewhere(view, k, end):
                    break
                view.add(NodeType.PLACE, k, end, source="context")
            nxt = end
            while nxt < len(doc) and doc[nxt].lower_ in {",", "and", "or"}:
                nxt += 1
            if nxt == end or nxt >= len(doc):
                break
            k = nxt


def _known_place_end(view: DocView, k: int) -> int | None:
    m = view.mention_at(k)
    if m is not None:
        return m.tok_end if m.type is NodeType.PLACE and m.tok_start == k else None
    return _ner_place_end(view.doc, k)


def _ner_place_end(doc: Doc, k: int) -> int | None:
    """End of the place entity the pipeline starts at token k, if it does."""
    if k < len(doc) and doc[k].ent_type_ in {"GPE", "LOC"} and doc[k].ent_iob_ == "B":
        end = k + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return end
    return None


def _list_boundary(doc: Doc, end: int) -> bool:
    """What may follow the last name of a list of places: punctuation, a preposition, a conjunction."""
    if end >= len(doc):
        return True
    nxt = doc[end]
    if nxt.text == "-":
        return False
    return (
        nxt.is_punct
        or nxt.lower_ in {"and", "or", "in", "on", "at", "during", "since", "before", "after"}
        or (
            nxt.is_lower and nxt.lower_ in lx.PLURAL_PLACE_HEADS
        )  # 'in Faryab, Jowzjan, and Sar-e Pul provinces'
    )


def _add_apposed_places(view: DocView) -> None:
    """'Hardu Panzoo, a village in Kulgam': the name before an aside calling it a village is a place."""
    doc = view.doc
    for comma in view.tokens_among(frozenset({","})):
        end = comma.i
        if not _apposed_kind_follows(doc, end):
            continue
        start = end
        while start > 0 and end - start < 3 and view.owner[start - 1] < 0 and frame_word(doc[start - 1]):
            start -= 1
        if start == end or doc[start].is_sent_start or _person_elsewhere(view, start, end):
            continue
        ent = view.ent_covering(start, end)
        placed = ent is not None and ent.label_ in {"GPE", "LOC"} and ent.start < start and ent.end == end
        if ent is not None and placed and all(view.owner[i] < 0 for i in range(ent.start, start)):
            start = ent.start  # 'Imam Dheri, a village in Swat': a title word can open a place's name
        view.add(NodeType.PLACE, start, end, source="context")


def frame_word(tok: Token) -> bool:
    low = tok.lower_
    if not (is_name_token(tok) and tok.is_alpha) or low in _NOT_PLACE_WORDS:
        return False
    return low not in lx.ROLE_TITLES | lx.NAME_HONORIFICS | lx.GROUP_HEADS | lx.NON_GROUP_WORDS


_COMPOUND_LINKS = frozenset({"-", "e", "i", "ul", "ud", "da", "de", "do", "al", "el"})


def _free_name_run(view: DocView, k: int) -> int:
    """End of a run of up to three free, capitalised name words starting at k (k when there is none);
    links inside a compound name ('Sar-e Pul', 'Mocimboa da Praia') do not count as words."""
    doc = view.doc
    end = k
    words = 0
    while end < len(doc) and words < 3 and view.owner[end] < 0:
        if frame_word(doc[end]):
            words += 1
            end += 1
            continue
        link = end
        while (
            link < len(doc)
            and doc[link].lower_ in _COMPOUND_LINKS
            and view.owner[link] < 0
            and link - end < 3
        ):
            link += 1
        if end == k or link == end or link >= len(doc) or not frame_word(doc[link]) or view.owner[link] >= 0:
            break
        end = link
    if end > k and doc[k].is_upper and end - k == 1:
        return k  # 'in ISKP, Kabul': an acronym is an organisation's, not a village's
    return end


def _person_elsewhere(view: DocView, start: int, end: int) -> bool:
    """'sent them to Abdul Sayed in Sudan': a name the text uses for a person elsewhere is that person."""
    words = [t.lower_ for t in view.doc[start:end]]
    for ent in view.doc.ents:
        if ent.label_ == "PERSON" and not ent.start <= start < ent.end:
            ent_words = [t.lower_ for t in ent]
            if any(ent_words[i : i + len(words)] == words for i in range(len(ent_words))):
                return True
    return False


def _known_place_follows(view: DocView, end: int) -> bool:
    """A known place right after the name ('X, Dhaka', 'X in Poonch'), and not as the next item of a list
    ('Faryab, Jowzjan, and Sar-e Pul')."""
    doc = view.doc
    k = end
    if k < len(doc) and doc[k].text == ",":
        k += 1
    after_in = k < len(doc) and doc[k].lower_ == "in"
    k += after_in
    while after_in and k < len(doc) and doc[k].lower_ in lx.DEMONYM_SKIP | lx.COMPASS_POINTS | {"the"}:
        k += 1  # 'from Derna in eastern Libya'
    if k == end or k >= len(doc):
        return False
    m = view.mention_at(k)
    if m is not None:
        if m.type is not NodeType.PLACE or m.place is None:
            return False
        place_end: int | None = m.tok_end
    else:
        place_end = _ner_place_end(doc, k)
    if place_end is None:
        return False
    return after_in or not _list_goes_on(doc, place_end)


def _list_goes_on(doc: Doc, k: int) -> bool:
    words = [t.lower_ for t in doc[k : k + 5]]
    if words[:1] == ["and"]:
        return True
    return words[:1] == [","] and "and" in words and "." not in words[: words.index("and")]


def _apposed_kind_follows(doc: Doc, end: int) -> bool:
    words = [t.lower_ for t in doc[end : end + 4]]
    if len(words) < 4 or words[0] != "," or words[1] not in {"a", "the"}:
        return False
    kind = 2 if words[2] in _APPOSED_KINDS else 3 if words[3] in _APPOSED_KINDS else 0
    if not kind or (kind == 3 and not doc[end + 2].is_alpha):
        return False
    after = doc[end + kind + 1] if end + kind + 1 < len(doc) else None
    return after is None or after.lower_ in _AFTER_KIND


_AFTER_KIND = frozenset(
    {"in", "of", "near", "on", "about", "close", ",", ".", "that", "which", "north", "south", "east", "west",
     "northeast", "northwest", "southeast", "southwest"}
)  # fmt: skip


def add_dateline_places(view: DocView) -> None:
    """'BARAKA, Democratic Republic of Congo, June 18 -': a news dateline opens with the place the story
    was filed from, in capitals, whether or not any list knows it."""
    doc = view.doc
    for start_char, end_char in view.datelines:
        comma = view.text.find(",", start_char, end_char)
        city_end = comma if comma >= 0 else end_char
        toks = view.tokens_for(start_char, city_end)
        if toks is None:
            continue
        start, end = toks
        while end > start and not doc[end - 1].is_alpha:
            end -= 1
        words = doc[start:end]
        if len(words) == 0 or len(words) > 3 or not all(t.is_alpha and t.is_upper for t in words):
            continue
        if view.is_free(start, end):
            view.add(NodeType.PLACE, start, end, source="dateline")


# An infobox line that lists places ('Area of operations<TAB>Mopti, Segou (Mali)', 'Headquarters: Gao').
_PLACE_FIELD = re.compile(
    r"(?:Location/)?(?:Area of operations?|Areas of operation|Active regions|Headquarters|Location|Base|Bases"
    r"|Strongholds?)"
    r"\s*[:\t]",
    re.IGNORECASE,
)
_FIELD_NAME_JOINERS = frozenset({"-", "of", "al", "el", "de", "du"})


def in_place_field(view: DocView, char: int) -> bool:
    return _PLACE_FIELD.match(view.text, view.line_start(char)) is not None


def add_place_field_names(view: DocView, gaz: Gazetteer, hits: list[GazHit]) -> None:
    """'Location/Area of Operation: Indonesia, principally Java (including East Java)': every free name
    on a field line that lists places is a place, whatever the pipeline took it for."""
    doc = view.doc
    for field in _PLACE_FIELD.finditer(view.text):
        if field.start() and view.text[field.start() - 1] != "\n":
            continue
        value = _field_value(view, field.end())
        if value is None:
            continue
        lo, hi = value
        listed = _hits_within(view, hits, lo, hi)
        k = lo
        while k < hi:
            end = k
            while end < hi and (
                is_name_token(doc[end]) or (end > k and doc[end].lower_ in _FIELD_NAME_JOINERS)
            ):
                end += 1
            while end > k and (doc[end - 1].lower_ in _FIELD_NAME_JOINERS | lx.PLURAL_PLACE_HEADS):
                end -= 1  # 'Kano and Zamfara States'
            hit_end, hit = listed.get(k, (0, None))
            if hit is not None and hit_end >= end and view.is_free(k, hit_end):
                view.add(NodeType.PLACE, k, hit_end, source="gazetteer", place=hit.place)  # 'Sar-e Pul'
                end = hit_end
            elif end > k and _field_place_name(view, gaz, k, end):
                known = gaz.place_keys.get(name_key(doc[k:end].text))
                place = gaz.places[known] if known is not None else None
                view.add(NodeType.PLACE, k, end, source="field", place=place)
            k = max(end, k + 1)


def _hits_within(view: DocView, hits: list[GazHit], lo: int, hi: int) -> dict[int, tuple[int, GazHit | None]]:
    """Listed places inside tokens [lo, hi), by first token: (end token, hit)."""
    out: dict[int, tuple[int, GazHit | None]] = {}
    for hit in hits:
        toks = view.tokens_for(hit.start, hit.end)
        if toks is not None and lo <= toks[0] and toks[1] <= hi:
            out[toks[0]] = (toks[1], hit)
    return out


def _field_value(view: DocView, char: int) -> tuple[int, int] | None:
    """The tokens of a field's value: to the end of its line or of its first sentence, whichever is first
    ('Area of Operation: A, B. Remnants of the group ...')."""
    line_end = view.text.find("\n", char)
    span = view.doc.char_span(char, line_end if line_end >= 0 else len(view.text), alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.start, min(span.end, span.sent.end)


def _field_place_name(view: DocView, gaz: Gazetteer, start: int, end: int) -> bool:
    doc = view.doc
    if doc[start].lower_ in _NOT_PLACE_WORDS or not view.is_free(start, end):
        return False
    if name_key(doc[start:end].text) in gaz.place_keys:
        return True
    if doc[end - 1].ent_type_ == "NORP":
        return False  # 'coastal West African states': a people's adjective
    return any(t.pos_ == "PROPN" or t.ent_type_ for t in doc[start:end])
