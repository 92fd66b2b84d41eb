"""Aliases of people: 'Ahmed Diriye aka Ahmed Umar aka Abu Ubaidah', 'Riduan Isamuddin, known as Hambali',
'Mohammed Riyaz @ Riyaz Bhatkal'. The names after the cue are the person named before it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.ontology import NodeType
from ingest.extract.doc_view import DocView, Mention
from ingest.extract.names import MAX_NAME_TOKENS, add_person, name_piece

if TYPE_CHECKING:
    from spacy.tokens import Doc

_ALIAS_CUES = (
    ("a.k.a", "."),
    ("a.k.a.",),
    ("aka",),
    ("alias",),
    ("known", "as"),
    ("spelt",),  # 'Mufti Abdul Hannan (also spelt Hannan Munshi)'
    ("spelled",),
    ("written",),
    ("listed", "as"),
    ("whose", "real", "name", "is"),
    ("whose", "given", "name", "is"),
    ("whose", "birth", "name", "is"),
    ("born", "as"),
    ("nom", "de", "guerre"),  # 'who goes by the nom de guerre "Arnab Asom"'
    ("nom", "-", "de", "-", "guerre"),
    ("@",),  # Indian police and court documents: 'Mohammed Riyaz @ Riyaz Bhatkal @ Roshan Khan'
)
# Adverbs between a name and its alias cue: 'X, also known as Y', 'X, better known as Y'.
_CUE_ADVERBS = frozenset({"also", "formerly", "better", "commonly", "locally", "popularly", "widely"})


def link_person_aliases(view: DocView) -> None:
    """'Ahmed Diriye aka Ahmed Umar aka Abu Ubaidah', 'Riduan Isamuddin, known as Hambali'."""
    doc = view.doc
    for i in range(len(doc) - 1):
        cue_len = _alias_cue_at(doc, i)
        if not cue_len:
            continue
        k = i + cue_len
        while k < len(doc) and (doc[k].text in _QUOTES or (doc[k].text == "," and doc[i].lower_ == "nom")):
            k += 1  # 'also known as "Madobe"', 'his nom de guerre, Salahuddin Farooqui'
        name_start = k
        while k < len(doc) and k - name_start < MAX_NAME_TOKENS and name_piece(doc, k) and view.owner[k] < 0:
            k += 1
        if k == name_start:
            owner = view.owner[name_start] if name_start < len(doc) else -1
            if owner < 0 or view.mentions[owner].type is not NodeType.LEADER:
                continue
            alias_idx: int | None = owner
        else:
            alias_idx = None
        previous = _previous_person(view, i)
        if previous is None and doc[i].lower_ == "nom":
            previous = _nearest_person_before(view, i)
        spelling = doc[i].lower_ in _SPELLING_CUES
        if previous is None and not spelling:  # a spelling is a person's only beside a person found already
            previous = _name_run_before(view, i)
        if previous is None or (spelling and _one_word(view.mentions[previous])):
            continue  # 'Akromiylar; also spelled Akromiya': a lone word may be a movement's name
        if alias_idx is None:
            alias_idx = add_person(view, name_start, k, source="alias")
        if alias_idx is not None and alias_idx != previous:
            view.mentions[alias_idx].alias_of = previous
            view.mentions[alias_idx].source = "alias"  # the name before the cue stays the entity's name


def _one_word(m: Mention) -> bool:
    return m.tok_end - m.tok_start == 1


_SPELLING_CUES = frozenset({"spelt", "spelled", "written"})
_CUE_STARTS = frozenset(cue[0] for cue in _ALIAS_CUES)
_QUOTES = frozenset({'"', "'", "\u201c", "\u2018", "``"})


def _alias_cue_at(doc: Doc, i: int) -> int:
    if doc[i].lower_ not in _CUE_STARTS:
        return 0
    for cue in _ALIAS_CUES:
        if all(i + n < len(doc) and doc[i + n].lower_ == word for n, word in enumerate(cue)):
            return len(cue)
    return 0


_DESCRIPTION_MAX = 5


def _before_described(view: DocView, j: int) -> int:
    """The comma before a short lower-case description that ends at token j ('a militant'), or -1."""
    doc = view.doc
    k = j
    while k >= 0 and j - k < _DESCRIPTION_MAX and view.owner[k] < 0 and doc[k].is_lower and doc[k].is_alpha:
        k -= 1
    if k < 1 or k == j or doc[k].text != "," or doc[k + 1].lower_ not in {"a", "an", "the"}:
        return -1
    return k


def _previous_person(view: DocView, i: int) -> int | None:
    """The person mention right before an alias cue, skipping punctuation and bracketed asides."""
    doc = view.doc
    j = i - 1
    closers = {"]": "[", ")": "("}
    while j >= 0 and view.owner[j] < 0:
        tok = doc[j].text
        if doc[j].lower_ in _CUE_ADVERBS and j == i - 1:
            j -= 1
            continue
        if tok in closers:
            opener = closers[tok]
            while j >= 0 and doc[j].text != opener and i - j < 24:
                j -= 1
        elif not doc[j].is_punct:
            j = _before_described(view, j)  # 'Amriddin Tabarov, a militant known as Mullo Amriddin'
            if j < 0:
                return None
        j -= 1
    if j < 0 or view.tok_sent[j] != view.tok_sent[i]:
        return None
    owner = view.owner[j]
    return owner if view.mentions[owner].type is NodeType.LEADER else None


def _name_run_before(view: DocView, i: int) -> int | None:
    """'identified as Harjit Singh alias Bittu': the capitalised words right before an alias cue name a
    person even where the pipeline tagged them a place or an organisation, or split them."""
    doc = view.doc
    j = i
    while j > 0 and i - j < MAX_NAME_TOKENS and doc[j - 1].is_title and doc[j - 1].is_alpha:
        owner = view.mentions[view.owner[j - 1]] if view.owner[j - 1] >= 0 else None
        if owner is not None and (owner.type is not NodeType.PLACE or owner.source != "ner"):
            break
        j -= 1
    if i - j < 2 or doc[j].is_sent_start or view.tok_sent[j] != view.tok_sent[i]:
        return None
    for k in range(j, i):
        if view.owner[k] >= 0:
            view.drop(view.owner[k])
    return add_person(view, j, i, source="alias")


def _nearest_person_before(view: DocView, i: int) -> int | None:
    """'Bikash Moran, 34, who goes by the nom de guerre ...', 'X, a cleric and former Jundallah member who
    is better known by his nom de guerre ...': the person the clause hangs on, else the nearest one back
    in the sentence."""
    for tok in view.doc[i].ancestors:
        owner = view.owner[tok.i] if tok.i < i else -1  # the alias itself may head the cue
        if owner >= 0 and view.mentions[owner].type is NodeType.LEADER:
            return owner
    for j in range(i - 1, max(-1, i - 30), -1):
        if view.tok_sent[j] != view.tok_sent[i]:
            return None
        owner = view.owner[j]
        if owner >= 0 and view.mentions[owner].type is NodeType.LEADER:
            return owner
    return None
