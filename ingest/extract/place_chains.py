"""Where places lie, read off the surface rather than the parse: 'Karachi, Pakistan' chains, listed
places, asides ('Qandala, in the Bari region'), bracketed containers and camps named after their place."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from graph.ontology import NodeType, RelType
from ingest.extract import lexicon as lx
from ingest.extract.doc_view import DocView, Mention
from ingest.extract.paths import place_fits
from ingest.extract.relations import RelationFinder

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_SEPARATORS = frozenset({",", "the"})
_LIST_WORDS = frozenset({"and", "or"})


def comma_chains(finder: RelationFinder, view: DocView) -> None:
    """'Patikul, Sulu'; 'Camp X, Mount Y, Maguindanao'; 'Varanasi, Faizabad and Lucknow, India'."""
    doc = view.doc
    located = [
        m
        for m in view.mentions
        if m.type in {NodeType.PLACE, NodeType.CAMP} and m.entity >= 0 and not m.nested
    ]
    located.sort(key=lambda m: m.tok_start)
    runs: list[list[tuple[Mention, str]]] = []
    current: list[tuple[Mention, str]] = []
    for m in located:
        if current:
            prev = current[-1][0]
            gap = [t for t in doc[prev.tok_end : m.tok_start]]
            gap_words = {t.lower_ for t in gap}
            heads = {t.lower_ for t in gap if t.lower_ in lx.PLACE_HEADS and t.is_lower}
            joined = (
                prev.sent == m.sent
                and bool(gap)
                and len(gap) <= 4
                and gap_words - heads <= _SEPARATORS | _LIST_WORDS
                and bool(gap_words & ({","} | _LIST_WORDS))
            )
            if joined:
                current.append((m, "list" if gap_words & _LIST_WORDS else "comma"))
                continue
            runs.append(current)
        current = [(m, "start")]
    if current:
        runs.append(current)
    for run in runs:
        _chain_relations(finder, run)


def _chain_relations(finder: RelationFinder, run: list[tuple[Mention, str]]) -> None:
    """A plain comma chain nests left in right; 'A, B and C, D' puts every listed item in D."""
    items = [m for m, _ in run]
    hows = [h for _, h in run]
    last_list = max((k for k in range(1, len(run)) if hows[k] == "list"), default=0)
    pairs: list[tuple[Mention, Mention]] = []
    if last_list == 0:
        pairs = [(items[k - 1], items[k]) for k in range(1, len(items))]
    elif last_list + 1 < len(items):
        outer = items[last_list + 1]
        pairs = [(x, outer) for x in items[: last_list + 1]]
        pairs += [(items[k - 1], items[k]) for k in range(last_list + 2, len(items))]
    # One pair known to run the wrong way (a region before its town) shows the run is a list.
    placed = [(i, o) for i, o in pairs if i.type is NodeType.PLACE and o.type is NodeType.PLACE]
    if any(not place_fits(i.place, o.place) for i, o in placed):
        if last_list:
            # 'Nairobi, Kenya, and Dar es Salaam, Tanzania': a list of comma chains, not one chain.
            cuts = [k for k in range(1, len(run)) if hows[k] == "list"]
            bounds = [0, *cuts, len(run)]
            for lo, hi in pairwise(bounds):
                if hi - lo > 1:
                    part = [(m, "comma" if n else "start") for n, (m, _) in enumerate(run[lo:hi])]
                    _chain_relations(finder, part)
        return
    for inner, outer in pairs:
        if outer.type is not NodeType.PLACE or inner.entity == outer.entity:
            continue
        finder.emit(RelType.LOCATED_IN, inner.entity, outer.entity, inner.sent, 0.75, "comma-chain")


# 'south-eastern Afghanistan, particularly in the provinces of Paktia, Paktika and Khost'
_FOCUS = frozenset({"particularly", "especially", "notably", "mainly", "primarily", "mostly"})
_LIST_GAP = frozenset({",", "and", "or", "the", "in", "around", "near", "at", "of", "provinces", "districts"})


def _places_in_order(view: DocView) -> list[Mention]:
    """The document's place mentions that name an entity, in text order (nested ones left out)."""
    return sorted(
        (m for m in view.mentions if m.type is NodeType.PLACE and m.entity >= 0 and not m.nested),
        key=lambda m: m.tok_start,
    )


def places_like(finder: RelationFinder, view: DocView) -> None:
    """'parts of Kashmir like Muzaffarabad, Poonch and Kotli': the listed places lie in the first one."""
    doc = view.doc
    places = _places_in_order(view)
    for n, outer in enumerate(places):
        k = outer.tok_end
        if k < len(doc) and doc[k].text == ",":
            k += 1  # 'northern Mali, including around Timbuktu'
        cue = doc[k : k + 2].text.lower() if k + 1 < len(doc) else ""
        if not (cue.startswith(("like ", "such as", "including ")) or cue.split(" ")[0] in _FOCUS):
            continue
        end_cue = k + (2 if cue.startswith("such as") else 1)
        expected = end_cue
        for inner in places[n + 1 :]:
            gap = doc[expected : inner.tok_start]
            if inner.sent != outer.sent or any(t.lower_ not in _LIST_GAP for t in gap):
                break
            if place_fits(inner.place, outer.place):
                finder.emit(RelType.LOCATED_IN, inner.entity, outer.entity, inner.sent, 0.6, "places-like")
            expected = inner.tok_end


def nested_camp_places(finder: RelationFinder, view: DocView) -> None:
    """'Balakot camp' lies in Balakot."""
    for camp in view.mentions:
        if camp.type is not NodeType.CAMP or camp.entity < 0:
            continue
        for m in view.mentions:
            if m.type is NodeType.PLACE and m.nested and camp.start <= m.start and m.end <= camp.end:
                finder.emit(
                    RelType.LOCATED_IN, camp.entity, m.entity, camp.sent, 0.7, "camp-named-after-place"
                )


_DIRECTION = lx.COMPASS_POINTS | lx.COMPASS_ADJECTIVES | frozenset(
    {"central", "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern",
     "north-western", "south-eastern", "south-western", "the", "neighbouring", "neighboring"}
)  # fmt: skip


def listed_places_within(finder: RelationFinder, view: DocView) -> None:
    """'Faryab, Jowzjan and Sar-e Pul provinces of northern Afghanistan', "Nangarhar's Nazyan and Achin
    districts": every listed place lies in the one that owns the list (read off the surface, because the
    parser rarely gets such lists right)."""
    doc = view.doc
    places = _places_in_order(view)
    runs = _place_runs(view, places)
    at = {m.tok_start: m for m in places}
    for run in runs:
        first, last = run[0], run[-1]
        k = last.tok_end
        plural = k < len(doc) and doc[k].lower_ in lx.PLURAL_PLACE_HEADS
        if plural and len(run) == 1:
            pass  # 'the Benghazi districts of Sabri': the districts are Benghazi's, read below
        elif k < len(doc) and doc[k].lower_ in lx.PLURAL_PLACE_HEADS | lx.PLACE_HEADS:
            settlement = doc[k].lower_ in lx.SETTLEMENT_NOUNS and len(run) == 1
            k += 1
            if k < len(doc) and doc[k].lower_ in {"of", "in"}:
                settlement = settlement and doc[k].lower_ == "of"
                k += 1
                while k < len(doc) and doc[k].lower_ in _DIRECTION and k not in at:
                    k += 1  # 'districts of northern Afghanistan', but 'territory of North Kivu'
                named = at.get(k)
                if settlement and named is not None:
                    _all_within(finder, [named], first)  # 'the Fergana Valley city of Andijan'
                else:
                    _all_within(finder, run, named)
        j = first.tok_start - 1
        if j >= 0 and doc[j].lower_ in {"'s", "\u2019s"}:
            owner = view.mention_at(j - 1) if j >= 1 else None
            if k > last.tok_end and owner is not None and owner.type is NodeType.PLACE:
                _all_within(finder, run, owner)
        # 'the Benghazi districts of Sabri, Laithi and Qawarsha': the list after the owner's plural word
        if j >= 1 and doc[j].lower_ == "of" and doc[j - 1].lower_ in lx.PLURAL_PLACE_HEADS:
            owner = view.mention_at(j - 2) if j >= 2 else None
            listed = (
                owner is not None and owner.tok_start > 0 and doc[owner.tok_start - 1].lower_ in {"and", ","}
            )
            if not listed:  # 'Chatra and Latehar districts of Jharkhand': the list lies in what follows
                _all_within(finder, run, owner)


def _place_runs(view: DocView, places: list[Mention]) -> list[list[Mention]]:
    """Places in text order, grouped into the lists they form ('Kech, Panjgur and Awaran')."""
    runs: list[list[Mention]] = []
    for m in places:
        if runs and runs[-1][-1].sent == m.sent and _list_gap(view.doc[runs[-1][-1].tok_end : m.tok_start]):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def _list_gap(gap: Span) -> bool:
    words = [t.lower_ for t in gap]
    return bool(words) and len(words) <= 2 and set(words) <= {",", "and", "or"}


def _all_within(finder: RelationFinder, run: list[Mention], outer: Mention | None) -> None:
    if outer is None or outer.type is not NodeType.PLACE:
        return
    for inner in run:
        if inner.entity != outer.entity and place_fits(inner.place, outer.place):
            finder.emit(RelType.LOCATED_IN, inner.entity, outer.entity, inner.sent, 0.7, "listed-places-of")


_ASIDE_ADVERBS = frozenset({"also", "both", "then", "now", "all", "likewise"})
_CAMP_WORDS = frozenset({"camp", "base", "markaz", "facility", "complex", "compound", "site"})


def comma_in_places(finder: RelationFinder, view: DocView) -> None:
    """'Qandala, in the Bari region', 'Inates, also in the Tillaberi region', 'Camp Zero, the base in the
    Sambisa Forest': an aside right after a place or camp says where it lies (read off the surface, as the
    parser hangs such asides on the verb)."""
    doc = view.doc
    for m in view.mentions:
        if m.type not in {NodeType.PLACE, NodeType.CAMP} or m.entity < 0 or m.nested:
            continue
        k = m.tok_end
        if k >= len(doc) or doc[k].text != ",":
            continue
        k += 1
        if m.type is NodeType.CAMP:
            k = _past_camp_noun(doc, k)  # 'Camp Zero, the base in ...'
        collective = k < len(doc) and doc[k].lower_ in {"all", "both"}
        while k < len(doc) and doc[k].lower_ in _ASIDE_ADVERBS:
            k += 1
        if k >= len(doc) or doc[k].lower_ not in {"in", "inside", "within"}:
            continue
        k += 1
        while k < len(doc) and doc[k].lower_ in {"the"} | _DIRECTION:
            k += 1
        outer = view.mention_at(k) if k < len(doc) else None
        if outer is None or outer.type is not NodeType.PLACE or outer.entity < 0 or outer.entity == m.entity:
            continue
        inner = _place_named_last(view, m) if m.type is NodeType.CAMP else m
        if inner.type is NodeType.PLACE and not place_fits(inner.place, outer.place):
            continue
        finder.emit(RelType.LOCATED_IN, inner.entity, outer.entity, m.sent, 0.75, "comma-in-place")
        for listed in _listed_before(view, m) if collective else []:  # 'A, B and C, all in X'
            if listed.entity != outer.entity and place_fits(listed.place, outer.place):
                finder.emit(RelType.LOCATED_IN, listed.entity, outer.entity, m.sent, 0.7, "comma-in-place")


def _place_named_last(view: DocView, camp: Mention) -> Mention:
    """'a training camp at Nengkhra, in East Garo Hills': the aside places Nengkhra, where the camp is."""
    words = camp.text.lower().split()
    if len(words) < 2 or words[-2] not in {"at", "in", "near"}:
        return camp
    for m in view.mentions:
        named_last = m.end == camp.end and m.start > camp.start
        if m.type is NodeType.PLACE and m.entity >= 0 and named_last:
            return m
    return camp


def _listed_before(view: DocView, last: Mention) -> list[Mention]:
    """The places listed before `last` ('Arish, Sheikh Zuweid and' before 'Rafah')."""
    doc = view.doc
    out: list[Mention] = []
    k = last.tok_start
    while k > 0 and doc[k - 1].lower_ in {",", "and"}:
        j = k - 1
        while j > 0 and doc[j - 1].lower_ in {",", "and"}:
            j -= 1
        prev = view.mention_at(j - 1)
        if prev is None or prev.type is not NodeType.PLACE or prev.entity < 0 or prev.sent != last.sent:
            break
        out.append(prev)
        k = prev.tok_start
    return out


def _past_camp_noun(doc: Doc, k: int) -> int:
    """After 'the base' / 'a training camp' at k, or k itself."""
    if k + 1 >= len(doc) or doc[k].lower_ not in {"the", "a", "its"}:
        return k
    if doc[k + 1].lower_ in _CAMP_WORDS:
        return k + 2
    if k + 2 < len(doc) and doc[k + 2].lower_ in _CAMP_WORDS:
        return k + 3
    return k


def bracketed_containers(finder: RelationFinder, view: DocView) -> None:
    """'Kandahar, Helmand, Uruzgan (Afghanistan); Quetta (Pakistan)': the place in brackets after a list
    of places holds each of them."""
    doc = view.doc
    places = _places_in_order(view)
    at = {m.tok_start: m for m in places}
    for outer in places:
        k = outer.tok_start - 1
        if k < 1 or doc[k].text != "(" or outer.tok_end >= len(doc) or doc[outer.tok_end].text != ")":
            continue
        before = k - 1
        if before > 0 and doc[before].lower_ in lx.PLURAL_PLACE_HEADS:
            before -= 1  # 'Kokrajhar, Chirang and Udalguri districts (Bodoland Territorial Region)'
        inner = view.mention_at(before)
        while inner is not None and inner.type is NodeType.PLACE and inner.entity >= 0:
            if inner.entity != outer.entity and place_fits(inner.place, outer.place):
                finder.emit(
                    RelType.LOCATED_IN, inner.entity, outer.entity, inner.sent, 0.7, "bracketed-place"
                )
            j = inner.tok_start - 1
            if j < 1 or doc[j].lower_ not in {",", "and"}:
                break
            prev = view.mention_at(j - 1)
            inner = prev if prev is not None and prev.tok_start in at else None


def listed_in_place(finder: RelationFinder, view: DocView) -> None:
    """'around Kukawa and Monguno in Borno State': places listed right before 'in X' lie in X (read off the
    surface, as the parser often hangs 'in X' on the verb). In a run that cannot all lie in X ('Kabul in
    Afghanistan and Peshawar in Pakistan'), only the place next to 'in'."""
    doc = view.doc
    places = _places_in_order(view)
    runs = _place_runs(view, places)
    for run in runs:
        k = run[-1].tok_end
        if k >= len(doc) or doc[k].lower_ not in {"in", "inside", "within"}:
            continue
        k += 1
        while k < len(doc) and doc[k].lower_ in _DIRECTION:
            k += 1
        outer = view.mention_at(k) if k < len(doc) else None
        if outer is None or outer.type is not NodeType.PLACE or outer.entity < 0:
            continue
        fits = [m for m in run if m.entity != outer.entity and place_fits(m.place, outer.place)]
        for inner in fits if len(fits) == len(run) else [run[-1]] if run[-1] in fits else []:
            finder.emit(RelType.LOCATED_IN, inner.entity, outer.entity, inner.sent, 0.7, "listed-in-place")


_NARROWING = frozenset({"particularly", "especially", "notably", "mainly", "mostly", "chiefly", "including"})


def narrowed_places(finder: RelationFinder, view: DocView) -> None:
    """'Balochistan, Pakistan, particularly Kech, Panjgur and Kohlu': the places a narrowing word lists
    after a place lie in it (the nearest place before the word)."""
    doc = view.doc
    runs = _place_runs(view, _places_in_order(view))
    for run in runs:
        k = run[0].tok_start - 1
        if k < 2 or doc[k].lower_ not in _NARROWING or doc[k - 1].text != ",":
            continue
        outer = view.mention_at(k - 2)
        if outer is None or outer.type is not NodeType.PLACE or outer.entity < 0:
            continue
        while outer.tok_start >= 2 and doc[outer.tok_start - 1].text == ",":  # 'Balochistan, Pakistan, ...'
            inner = view.mention_at(outer.tok_start - 2)
            if inner is None or inner.type is not NodeType.PLACE or not place_fits(inner.place, outer.place):
                break
            outer = inner
        _all_within(finder, run, outer)


def drop_implied_containers(finder: RelationFinder) -> None:
    """'Kamango, a village in Beni territory of North Kivu': Kamango lies in Beni, Beni in North Kivu; that
    Kamango lies in North Kivu follows from the same phrase, and the graph keeps the nearest container."""
    located = {(f.source, f.target, f.sent) for f in finder.found if f.type is RelType.LOCATED_IN}
    inside: dict[tuple[int, int], set[int]] = {}  # (place, sentence) -> its containers there
    for inner, outer, sent in located:
        inside.setdefault((inner, sent), set()).add(outer)
    implied = {
        (inner, outer, sent)
        for (inner, sent), outers in inside.items()
        for middle in outers
        for outer in inside.get((middle, sent), set())
        if outer in outers and len({inner, middle, outer}) == 3
    }
    if implied:
        finder.found = [
            f
            for f in finder.found
            if f.type is not RelType.LOCATED_IN or (f.source, f.target, f.sent) not in implied
        ]
