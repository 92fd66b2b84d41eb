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
