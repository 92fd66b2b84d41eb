"""A place's own head word is part of its name: 'Kebbi State', 'Apac District', 'Sambisa Forest',
'Garamba National Park', 'the Kamuku forest'. Finders that matched the bare name ('Kebbi' from the
gazetteer) leave the head word outside; this pass takes it in."""

from __future__ import annotations

from graph.ontology import NodeType
from ingest.extract.doc_view import DocView

# Capitalised, these words continue a name: 'Borno State', 'Achin District', 'Far North Region'.
_TITLED_HEADS = frozenset(
    {"state", "district", "province", "region", "governorate", "county", "division", "agency",
     "territory", "forest", "valley", "mountains", "mountain", "hills", "island", "islands", "peninsula",
     "desert", "plateau", "river", "lake", "basin", "sub-region", "subregion", "prefecture", "department"}
)  # fmt: skip
# Lower-case, only a natural feature's word belongs to the name ('the Tirah valley'); 'Swat district' is
# the district of Swat, named 'Swat'.
_FEATURE_HEADS = frozenset(
    {"forest", "valley", "mountains", "hills", "peninsula", "desert", "plateau", "river"}
)
_TWO_WORD_HEADS = (("national", "park"), ("game", "reserve"), ("sub", "-", "region"))


def extend_place_heads(view: DocView) -> None:
    doc = view.doc
    for idx, m in enumerate(view.mentions):
        if m.type is not NodeType.PLACE or m.nested or m.tok_end >= len(doc):
            continue
        end = m.tok_end
        words = [t.lower_ for t in doc[end : end + 3]]
        size = next((len(h) for h in _TWO_WORD_HEADS if tuple(words[: len(h)]) == h), 0)
        if not size:
            nxt = doc[end]
            titled = nxt.text[:1].isupper() and nxt.lower_ in _TITLED_HEADS
            feature = nxt.is_lower and nxt.lower_ in _FEATURE_HEADS
            size = 1 if titled or feature else 0
        if not size or not view.is_free(end, end + size) or doc[end - 1].whitespace_ == "":
            continue
        after = doc[end + size] if end + size < len(doc) else None
        if after is not None and after.text[:1].isupper() and not after.is_punct:
            continue  # 'Borno State Government', 'Kebbi State Police': an institution, not the place
        view.extend(idx, end + size)


# 'the village of Tongo Tongo', 'the port town of Mocimboa da Praia': what follows is a place's name.
_KIND_NOUNS = frozenset(
    {"village", "town", "city", "port", "hamlet", "district", "province", "region", "governorate",
     "county", "prefecture", "municipality", "island", "islands", "oasis", "settlement", "suburb"}
)  # fmt: skip
_NAME_LINKS = frozenset({"da", "de", "del", "do", "dos", "al", "el", "-", "la", "le"})
_MAX_PLACE_WORDS = 4


def add_places_after_kind_nouns(view: DocView) -> None:
    doc = view.doc
    for tok in doc[:-2]:
        if tok.lower_ == "r/o":  # 'r/o Bhatkal': resident of, in South Asian police usage
            start = end = tok.i + 1
        elif tok.lower_ in _KIND_NOUNS and tok.is_lower and doc[tok.i + 1].lower_ == "of":
            start = end = tok.i + 2
        else:
            continue
        while end < len(doc) and end - start < _MAX_PLACE_WORDS and view.owner[end] < 0:
            word = doc[end]
            if (word.text[:1].isupper() and word.is_alpha) or (word.lower_ in _NAME_LINKS and end > start):
                end += 1
                continue
            break
        while end > start and doc[end - 1].lower_ in _NAME_LINKS:
            end -= 1
        if end > start and view.is_free(start, end) and not doc[start].is_upper:
            view.add(NodeType.PLACE, start, end, source="pattern")
