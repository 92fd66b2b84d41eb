"""A place's own head word is part of its name: 'Kebbi State', 'Apac District', 'Sambisa Forest',
'Garamba National Park', 'the Kamuku forest'. Finders that matched the bare name ('Kebbi' from the
gazetteer) leave the head word outside; this pass takes it in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.ontology import NodeType
from ingest.extract import lexicon as lx
from ingest.extract.doc_view import DocView
from ingest.extract.names import is_name_token
from ingest.extract.place_frames import frame_word

if TYPE_CHECKING:
    from spacy.tokens import Doc

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


_PLURAL_KIND_NOUNS = frozenset(
    {"villages", "towns", "cities", "districts", "provinces", "regions", "governorates", "counties",
     "municipalities", "islands", "settlements", "suburbs"}
)  # fmt: skip


def add_places_after_kind_nouns(view: DocView) -> None:
    _add_listed_after_plural_kinds(view)
    doc = view.doc
    for tok in view.tokens_among(_KIND_NOUNS | {"r/o"}):
        if tok.i + 2 >= len(doc):
            continue
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


_APPOSED_KINDS = _KIND_NOUNS | {"desert", "valley", "plateau", "forest", "mountains", "hills", "plain"}
_APPOSITION_ENDS = frozenset({",", ".", ";", "and", ")"})


def add_places_apposed_to_kind_nouns(view: DocView) -> None:
    """'the central Syrian desert, the Badiyah,': a name set beside a kind of place is that place."""
    doc = view.doc
    for tok in view.tokens_among(_APPOSED_KINDS):
        k = tok.i + 3
        if not tok.is_lower or k >= len(doc) or [t.lower_ for t in doc[tok.i + 1 : k]] != [",", "the"]:
            continue
        end = k
        while end < len(doc) and end - k < _MAX_PLACE_WORDS and view.owner[end] < 0 and frame_word(doc[end]):
            end += 1
        closed = end < len(doc) and doc[end].lower_ in _APPOSITION_ENDS
        if end > k and closed and view.is_free(k, end) and not doc[k].is_upper:
            view.add(NodeType.PLACE, k, end, source="pattern")


def _add_listed_after_plural_kinds(view: DocView) -> None:
    """'the towns of Misseni and Fakola', 'the provinces of Paktia, Paktika and Khost': each listed name."""
    doc = view.doc
    for tok in view.tokens_among(_PLURAL_KIND_NOUNS):
        k = tok.i + 1
        if not tok.is_lower or k + 1 >= len(doc) or doc[k].lower_ != "of":
            continue
        k += 1
        while k < len(doc):
            end = k
            while end < len(doc) and end - k < _MAX_PLACE_WORDS and frame_word(doc[end]):
                end += 1
            if end == k:
                break
            if view.is_free(k, end):
                view.add(NodeType.PLACE, k, end, source="pattern")
            elif view.owner[k] >= 0 and view.mentions[view.owner[k]].type is not NodeType.PLACE:
                break
            end = max(end, view.mentions[view.owner[k]].tok_end) if view.owner[k] >= 0 else end
            while end < len(doc) and doc[end].lower_ in {",", "and", "or"}:
                end += 1
            if end == k or doc[end - 1].lower_ not in {",", "and", "or"}:
                break
            k = end


# 'the Rwenzori mountains', 'the Nafusa hills': ranges are often written with a lower-case head word.
_LOWER_RANGE_HEADS = frozenset({"mountains", "hills", "forest", "valley", "peninsula"})


def add_place_head_runs(view: DocView) -> None:
    """'Sambisa Forest', 'Jabba Hill', 'Mount Cararao': proper names built on a place word."""
    doc = view.doc
    for i, tok in enumerate(doc):
        low = tok.lower_
        if view.owner[i] >= 0:
            continue
        if tok.is_lower and low in lx.LOWER_ADMIN_HEADS and i > 0:
            j = i
            while j > 0 and view.owner[j - 1] < 0 and i - j < 4 and _name_word_before(doc, j):
                j -= 1
            fragment = (
                j > 0 and view.owner[j - 1] >= 0 and view.mentions[view.owner[j - 1]].type is NodeType.PLACE
            )
            if j < i and not fragment and doc[j].lower_ not in lx.ROLE_TITLES and _not_org(view, j, i):
                view.add(NodeType.PLACE, j, i, source="pattern")  # not 'Valley' of 'the Fergana Valley city'
            continue
        if not (tok.text[:1].isupper() or low in _LOWER_RANGE_HEADS):
            continue
        if low in lx.PLACE_HEADS and low not in lx.PLACE_PREFIX_HEADS and i > 0:
            j = i
            while j > 0 and view.owner[j - 1] < 0 and i - j < 4 and _name_word_before(doc, j):
                j -= 1  # 'Sambisa Forest', 'Jalal-Abad Region'
            while j < i and not is_name_token(doc[j]):
                j += 1
            plain = doc[j].lower_ not in lx.ROLE_TITLES and not tok.is_upper
            if j < i and plain and _not_org(view, j, i + 1):
                view.add(NodeType.PLACE, j, i + 1, source="pattern")
        elif low in lx.PLACE_PREFIX_HEADS:
            k = i + 1
            while k < len(doc) and is_name_token(doc[k]) and view.owner[k] < 0 and k - i < 4:
                k += 1
            if k > i + 1:
                view.add(NodeType.PLACE, i, k, source="pattern")


def _name_word_before(doc: Doc, j: int) -> bool:
    """Token j-1 continues a place name leftwards: a name word, or 'da'/'de' between name words, or the
    '-e-' of a Persian or Urdu compound ('Khak-e Afghan', 'Sar-e Pul')."""
    prev = doc[j - 1]
    if is_name_token(prev):
        return True
    if prev.lower_ in {"-", "e", "i", "ul", "ud"} and j >= 2:
        return doc[j - 2].lower_ in {"-", "e", "i", "ul", "ud"} or is_name_token(doc[j - 2])
    return prev.lower_ in {"da", "de", "do", "al", "el"} and j >= 2 and is_name_token(doc[j - 2])


def add_coordinated_places(view: DocView) -> None:
    """'the Kech and Awaran districts', 'Nangarhar and Kunar provinces': each name is a place."""
    doc = view.doc
    for i, tok in enumerate(doc):
        if tok.lower_ not in lx.PLURAL_PLACE_HEADS or i < 3 or not tok.is_lower:
            continue  # 'Member States' is no list of places
        end = i
        while end > 0:
            start = end
            while (
                start > 0
                and is_name_token(doc[start - 1])
                and doc[start - 1].pos_ == "PROPN"
                and doc[start - 1].ent_type_ != "NORP"  # 'the Pashtun areas': a people, not a place
                and end - start < 3
            ):
                start -= 1
            if start == end or not _not_org(view, start, end):
                break
            if not view.is_free(start, end) and not _absorb_inner_place(view, start, end):
                break
            view.add(NodeType.PLACE, start, end, source="pattern")
            if start < 2 or doc[start - 1].lower_ not in {"and", ","}:
                break
            end = start - 1


def _absorb_inner_place(view: DocView, start: int, end: int) -> bool:
    """'the Inner Niger Delta region': a listed place inside a longer name gives its tokens to the name."""
    owners = {view.owner[i] for i in range(start, end) if view.owner[i] >= 0}
    inner = [view.mentions[o] for o in owners]
    if not inner or any(
        m.type is not NodeType.PLACE or m.tok_start < start or m.tok_end > end for m in inner
    ):
        return False
    if any(m.tok_start == start and m.tok_end == end for m in inner):
        return False  # the name itself is already a place
    for owner in owners:
        view.drop(owner)
    return True


def _not_org(view: DocView, start: int, end: int) -> bool:
    words = {t.lower_ for t in view.doc[start:end]}
    return (
        not words & (lx.NON_GROUP_WORDS - {"state", "national"})
        and not words & lx.GROUP_HEADS - lx.PLACE_HEADS
    )
