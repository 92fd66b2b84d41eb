"""Group names the first pass cut short: a bracketed acronym after the name spells more words than it
holds ('the Arakan Rohingya National Organisation (ARNO)', 'the United National Liberation Front of Western
South East Asia (UNLFW)'), or a country name runs on from it ('Tehreek-e-Jihad Pakistan (TJP)')."""

from __future__ import annotations

import re

from graph.ontology import NodeType
from ingest.extract.doc_view import DocView, Mention
from ingest.extract.group_names import release_mentions
from ingest.extract.names import is_name_token
from ingest.extract.normalize import initials_fit

_LONGER_LINKS = frozenset({"of", "the", "and", "in", "for", "-"})
_BRACKETED_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z\-]{1,10})\)")


def extend_listed_by_acronym(view: DocView) -> None:
    """'the United National Liberation Front of Western South East Asia (UNLFW)': a listed name running on
    into 'of ...' is a longer, unlisted group when the acronym after it spells the whole, not the listed."""
    doc = view.doc
    for idx in range(len(view.mentions)):
        m = view.mentions[idx]
        if m.type is not NodeType.GROUP or m.group is None or m.acronym or m.nested:
            continue
        k = m.tok_end
        if k >= len(doc) or doc[k].lower_ not in {"of", "in", "for"}:
            continue
        end = k + 1
        while end < len(doc) and end - k < 8 and _longer_piece(view, end):
            end += 1
        while end > k + 1 and not is_name_token(doc[end - 1]):
            end -= 1
        if end == k + 1:
            continue
        acro = _BRACKETED_ACRONYM.match(view.text, doc[end - 1].idx + len(doc[end - 1].text))
        longer = view.text[m.start : doc[end - 1].idx + len(doc[end - 1].text)]
        if acro is None or not initials_fit(acro.group(1), longer) or initials_fit(acro.group(1), m.text):
            continue
        release_mentions(view, m.tok_start, end)
        view.add(NodeType.GROUP, m.tok_start, end, source="pattern")


def extend_left_by_acronym(view: DocView) -> None:
    """'the Arakan Rohingya National Organisation (ARNO)': a group name that lost its first word to a
    place takes it back when the bracketed acronym after the name spells the longer form, not the found."""
    doc = view.doc
    for idx in range(len(view.mentions)):
        m = view.mentions[idx]
        if m.type is not NodeType.GROUP or m.group is not None or m.acronym or m.nested or m.tok_start < 1:
            continue
        acro = _BRACKETED_ACRONYM.match(view.text, m.end)
        prev = doc[m.tok_start - 1]
        if acro is None or not is_name_token(prev) or "\n" in prev.whitespace_:
            continue
        letters = "".join(c for c in acro.group(1) if c.isupper())
        initials = "".join(w[0] for w in view.text[prev.idx : m.end].split()).upper()
        if initials != letters or initials_fit(acro.group(1), m.text):
            continue
        release_mentions(view, m.tok_start - 1, m.tok_end)
        view.add(NodeType.GROUP, m.tok_start - 1, m.tok_end, source="pattern")


def _longer_piece(view: DocView, i: int) -> bool:
    tok = view.doc[i]
    owner = view.mention_at(i)
    if owner is not None and owner.type is not NodeType.PLACE:
        return False
    return tok.lower_ in _LONGER_LINKS or is_name_token(tok)


_MAX_PLACE_TOKENS = 3


def extend_right_by_place(view: DocView) -> None:
    """'Tehreek-e-Jihad Pakistan (TJP)', 'a group calling itself Harakat Inqilab-e-Islami Pakistan': an
    unlisted group name followed at once by a place name takes it in when the bracketed acronym after the
    place spells the whole, or, with no acronym, when the place is a country and nothing name-like follows
    (English sets no bare country after a group's name unless it is part of the name)."""
    for idx in range(len(view.mentions)):
        m = view.mentions[idx]
        if m.type is not NodeType.GROUP or m.group is not None or m.acronym or m.nested:
            continue
        place = _place_right_after(view, m.tok_end)
        if place is None or view.text[m.end : place.start] != " ":
            continue
        acro = _BRACKETED_ACRONYM.match(view.text, place.end)
        longer = view.text[m.start : place.end]
        if acro is not None:
            fits = initials_fit(acro.group(1), longer) and not initials_fit(acro.group(1), m.text)
        else:
            country = place.place is not None and place.place.kind == "country"
            fits = country and _name_ends(view, place.tok_end)
        if fits:
            release_mentions(view, m.tok_start, place.tok_end)
            view.add(NodeType.GROUP, m.tok_start, place.tok_end, source="pattern")


def _place_right_after(view: DocView, tok: int) -> Mention | None:
    """The place name opening at token `tok`, also when read as a country acting ('... Pakistan announced')
    and so set aside; None when another mention holds its tokens."""
    for m in view.mentions:
        if m.type is NodeType.PLACE and m.tok_start == tok and m.tok_end - tok <= _MAX_PLACE_TOKENS:
            held = (view.mention_at(i) for i in range(m.tok_start, m.tok_end))
            free = all(h is None or h is m for h in held)
            return m if free else None
    return None


def _name_ends(view: DocView, i: int) -> bool:
    """Nothing after the place carries the name on: not another name word, not a possessive."""
    if i >= len(view.doc):
        return True
    tok = view.doc[i]
    return not is_name_token(tok) and tok.lower_ not in {"'s", "\u2019s", "-"}
