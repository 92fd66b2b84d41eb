"""Containment told by a nationality word: 'the northern Afghan provinces of Kunduz and Takhar',
'Tashkent, the Uzbek capital', 'Gao, a Malian town'. The places lie in the country the word names,
when the text names that country too (a nationality word alone names no place of the story)."""

from __future__ import annotations

from graph.ontology import NodeType, RelType
from ingest.extract import lexicon as lx
from ingest.extract.doc_view import DocView, Mention
from ingest.extract.normalize import name_key
from ingest.extract.relations import RelationFinder

# What a nationality word can say a place is: 'the Uzbek capital', 'a Malian town', 'Afghan provinces'.
_KINDS = (lx.PLACE_HEADS | lx.PLURAL_PLACE_HEADS | {"capital", "port", "hamlet", "suburb"}) - {
    "border", "coast", "sea", "strait", "gulf", "bay", "pass", "square", "sector",
}  # fmt: skip
_LEAD_WORDS = frozenset({"the", "a", "an", "far"}) | lx.DEMONYM_SKIP | lx.COMPASS_POINTS


def demonym_places(finder: RelationFinder, view: DocView) -> None:
    countries = _countries(view)
    if not countries:
        return
    doc = view.doc
    for i, tok in enumerate(doc):
        country = countries.get(lx.DEMONYMS.get(tok.lower_, ""))
        if country is None or not tok.text[:1].isupper() or i + 1 >= len(doc):
            continue
        if doc[i + 1].lower_ not in _KINDS or not doc[i + 1].is_lower:
            continue
        for place in _places_named(view, i, i + 2):
            if place.entity != country and place.entity >= 0:
                finder.emit(RelType.LOCATED_IN, place.entity, country, place.sent, 0.7, "demonym-kind")


def _countries(view: DocView) -> dict[str, int]:
    """Country name -> entity, for the countries the document names as places."""
    found: dict[str, int] = {}
    names = {name_key(c): c for c in lx.DEMONYMS.values()}
    for m in view.mentions:
        if m.type is not NodeType.PLACE or m.entity < 0 or m.nested:
            continue
        for key in {name_key(m.text), name_key(m.place.name) if m.place else ""}:
            if key in names:
                found.setdefault(names[key], m.entity)
    return found


def _places_named(view: DocView, word: int, after: int) -> list[Mention]:
    """The places the phrase around the nationality word names: the list after 'provinces of', or the
    place the phrase stands in apposition to ('Tashkent, the Uzbek capital')."""
    doc = view.doc
    if after < len(doc) and doc[after].lower_ == "of":
        return _listed_from(view, after + 1)
    start = word
    while start > 0 and doc[start - 1].lower_ in _LEAD_WORDS:
        start -= 1
    if start == word or start < 2 or doc[start - 1].text != ",":
        return []
    before = view.mention_at(start - 2)
    if before is None or before.type is not NodeType.PLACE:
        return []
    return [before]


def _listed_from(view: DocView, k: int) -> list[Mention]:
    """The places listed from token k on: 'Kunduz, Takhar, and Badakhshan'."""
    doc = view.doc
    out: list[Mention] = []
    while k < len(doc):
        m = view.mention_at(k)
        if m is None or m.type is not NodeType.PLACE or m.nested:
            break
        out.append(m)
        k = m.tok_end
        while k < len(doc) and doc[k].lower_ in {",", "and", "or"}:
            k += 1
    return out


def country_frames(finder: RelationFinder, view: DocView) -> None:
    """'In Mali, ISIS-GS has attacked ... in the Menaka and Gao regions': a clause opened by 'In
    <country>,' places the smaller places it names in that country (unless they are known to lie
    elsewhere)."""
    doc = view.doc
    for tok in view.tokens_among(frozenset({"in"})):
        k = tok.i + 1
        country = view.mention_at(k)
        if (
            country is None
            or country.type is not NodeType.PLACE
            or country.entity < 0
            or country.place is None
        ):
            continue
        if country.place.kind != "country" or country.tok_end >= len(doc):
            continue
        opens_clause = tok.is_sent_start or doc[tok.i - 1].lower_ in {"and", ";", ",", "but", "while"}
        after = doc[country.tok_end]
        # 'In Mali, ...'; '... and in Burkina Faso it has targeted ...'
        framed = after.text == "," or (not tok.is_sent_start and after.lower_ in {"it", "they", "the"})
        if not (opens_clause and framed):
            continue
        k = country.tok_end + 1
        sent_end = view.sents[view.tok_sent[tok.i]].end
        while k < sent_end and doc[k].text != ";" and not _next_frame(view, k):
            m = view.mention_at(k)
            if m is not None and m.type is NodeType.PLACE and m.entity >= 0 and m.entity != country.entity:
                fact_country = m.place.country if m.place is not None else None
                if fact_country in (None, country.place.name) and (
                    m.place is None or m.place.kind != "country"
                ):
                    finder.emit(RelType.LOCATED_IN, m.entity, country.entity, m.sent, 0.5, "country-frame")
                k = m.tok_end
                continue
            k += 1


def _next_frame(view: DocView, k: int) -> bool:
    """Another 'in <country>,' starts at k ('..., and in Burkina Faso it has targeted ...')."""
    doc = view.doc
    if doc[k].lower_ != "in" or k + 1 >= len(doc):
        return False
    m = view.mention_at(k + 1)
    return m is not None and m.place is not None and m.place.kind == "country"
