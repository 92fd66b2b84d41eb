"""Where a place or camp lies: 'X in Y', 'the Y district of X', "Afghanistan's Nangarhar", 'X, the capital
of Y', 'located in Y' - read off the dependency path between two places (or a camp and a place)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.ontology import NodeType, RelType
from ingest.extract import lexicon as lx
from ingest.extract.context import Ref
from ingest.extract.paths import place_fits

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ingest.extract.relations import RelationFinder

_SETTLEMENTS = lx.SETTLEMENT_NOUNS | {"hamlet", "settlement"}
IN_PREPS = frozenset({"in", "at", "near", "inside", "within", "on"})
_LOCATED = frozenset({"located", "situated", "locate", "situate", "lie", "lies", "boundary", "border"})
_PLACE_RELATIONAL = frozenset(
    {
        "capital",
        "outskirts",
        "suburb",
        "suburbs",
        "part",
        "heart",
        "centre",
        "center",
        "neighbourhood",
        "neighborhood",
        "quarter",
    }
)


def located(finder: RelationFinder, a: Ref, b: Ref, path: list[Token]) -> None:
    if (a.anaphor and a.kind != "pronoun") or b.anaphor:
        return
    doc = finder.view.doc
    lo, hi = sorted((a.root, b.root))
    if any(t.text == ";" for t in doc[lo:hi]):
        return  # 'Uruzgan (Afghanistan); Quetta (Pakistan)': items of a list, not one in the other
    # Other places listed along the way ('Afghanistan's Nangarhar and Kunar provinces') are not cue words.
    words = {t.lower_ for t in path if finder.view.type_at(t.i) is not NodeType.PLACE}
    ta, tb = doc[a.root], doc[b.root]
    described = (
        bool(path)
        and path[0].dep_ == "appos"
        and path[0].head.i == ta.i
        and words & (lx.PLACE_HEADS | _PLACE_RELATIONAL) == {path[0].lower_} | (words & lx.PLACE_HEADS)
        and words <= lx.PLACE_HEADS | _PLACE_RELATIONAL | IN_PREPS | {"of", "northern", "southern"}
        and bool(words & (IN_PREPS | {"of"}))
    )  # 'Muzaffarabad, the capital of X', 'Djibo, a town in the province of Soum'
    # 'X in Y', or 'Trishal in Mymensingh district' with the place's own head word between
    direct_in = (
        0 < len(path) <= 2
        and path[0].lower_ in IN_PREPS
        and path[0].head.i == ta.i
        and all(t.lower_ in lx.PLACE_HEADS for t in path[1:])
    )
    of_place = (
        "of" in words
        and words - {"of"} <= lx.PLACE_HEADS
        and tb.dep_ == "pobj"
        and tb.head.lower_ == "of"
        and (bool(words & lx.PLACE_HEADS) or ta.lower_ in lx.PLACE_HEADS)
    )
    possessor = tb.dep_ == "poss" and (bool(path) or tb.head.i == ta.i) and words <= lx.PLACE_HEADS
    located = bool(path) and path[0].lower_ in _LOCATED and bool(words & (IN_PREPS | {"of"}))
    if not (direct_in or of_place or possessor or located or described):
        return
    kind = tb.head.head if tb.dep_ == "pobj" and tb.head.lower_ == "of" else None
    if of_place and kind is not None and kind.lower_ in _SETTLEMENTS and ta.head.i == kind.i:
        a, b = b, a  # 'the Fergana Valley city of Andijan': the city named after 'of' lies in the valley
    if not _ranked_inside(finder, a.entity, b.entity):
        return
    finder.emit(RelType.LOCATED_IN, a.entity, b.entity, a.sent, 0.8 if direct_in else 0.7, "locative-path")


def _ranked_inside(finder: RelationFinder, inner: int, outer: int) -> bool:
    return place_fits(finder.places[inner], finder.places[outer])
