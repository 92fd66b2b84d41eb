"""Names listed after a plural noun for armed groups are groups: 'militant outfits such as the Kuki
National Organisation and the Zomi Revolutionary Army', 'two umbrella organisations, the KNO and the UPF'.
The noun says what the names are, however official or place-like they sound."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.ontology import NodeType
from ingest.extract.doc_view import DocView
from ingest.extract.group_names import release_mentions
from ingest.extract.names import is_name_token

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Plural nouns that name armed groups by themselves, and those that need a modifier to ('militant groups').
_ARMED_PLURALS = frozenset({"outfits", "militias", "factions", "insurgencies", "splinters", "offshoots"})
_GROUP_PLURALS = frozenset({"groups", "organisations", "organizations", "movements", "fronts", "networks"})
_ARMED_WORDS = frozenset(
    {"militant", "armed", "jihadist", "jihadi", "insurgent", "terrorist", "rebel", "separatist",
     "extremist", "guerrilla", "umbrella", "banned", "proscribed", "underground", "splinter", "breakaway"}
)  # fmt: skip
_INTRODUCERS = ("such as", "including", "like", "namely", ",", ":")
_NAME_INNER = frozenset({"of", "for", "al", "el", "ul", "-", "'s"})
_MAX_NAME = 8
_MAX_ITEMS = 8


def add_groups_listed_after_group_nouns(view: DocView) -> None:
    doc = view.doc
    for tok in view.tokens_among(_ARMED_PLURALS | _GROUP_PLURALS):
        if not tok.is_lower or not _armed(tok):
            continue
        k = _after_introducer(doc, tok.i + 1) or _example_introducer(doc, tok)
        if k is None:
            continue
        for start, end in _listed_names(view, k):
            if _replaceable(view, start, end):
                release_mentions(view, start, end)
                view.add(NodeType.GROUP, start, end, source="pattern")


def _armed(tok: Token) -> bool:
    if tok.lower_ in _ARMED_PLURALS:
        return True
    return any(c.lower_ in _ARMED_WORDS for c in tok.children if c.dep_ in {"amod", "compound"})


def _after_introducer(doc: Doc, i: int) -> int | None:
    """The index after 'such as' / 'including' / a comma or colon that opens the list."""
    for intro in _INTRODUCERS:
        words = intro.split()
        if [t.lower_ for t in doc[i : i + len(words)]] == words:
            return i + len(words)
    return None


def _example_introducer(doc: Doc, tok: Token) -> int | None:
    """'the militant outfits of the hills, such as ...': examples may follow a phrase on the noun."""
    for k in range(tok.i + 2, min(tok.i + 9, len(doc) - 2)):
        if doc[k].lower_ == "including" or (doc[k].lower_ == "such" and doc[k + 1].lower_ == "as"):
            return k + (1 if doc[k].lower_ == "including" else 2)
        if doc[k].pos_ in {"VERB", "AUX"} or doc[k].text in {";", ".", ":"}:
            return None
    return None


def _listed_names(view: DocView, k: int) -> list[tuple[int, int]]:
    """Capitalised names joined by commas and 'and'/'or', each with an optional 'the' and '(ACRONYM)'."""
    doc = view.doc
    out: list[tuple[int, int]] = []
    while k < len(doc) and len(out) < _MAX_ITEMS:
        if doc[k].lower_ == "the":
            k += 1
        start = k
        while k < len(doc) and k - start < _MAX_NAME and _name_piece(doc, k, start):
            k += 1
        while k > start and not is_name_token(doc[k - 1]):
            k -= 1
        if k == start:
            break
        out.append((start, k))
        if k < len(doc) and doc[k].text == "(":
            close = next((t.i for t in doc[k : k + 5] if t.text == ")"), None)
            if close is None:
                break
            k = close + 1
        if k < len(doc) and doc[k].text == ",":
            k += 1
        if k < len(doc) and doc[k].lower_ in {"and", "or"}:
            k += 1
        elif k >= len(doc) or doc[k - 1].text != ",":
            break
    return out if len(out) > 1 or _single_ok(doc, out) else []


def _single_ok(doc: Doc, out: list[tuple[int, int]]) -> bool:
    """One name is a list only when it ends the clause ('two outfits, the KNO.')."""
    if len(out) != 1:
        return False
    end = out[0][1]
    return end >= len(doc) or doc[end].text in {".", ";", "(", ","}


def _name_piece(doc: Doc, k: int, start: int) -> bool:
    tok = doc[k]
    if is_name_token(tok) and not tok.is_sent_start:
        return True
    if k == start:
        return is_name_token(tok)
    if k + 1 >= len(doc) or not is_name_token(doc[k + 1]):
        return False
    return tok.lower_ in _NAME_INNER or (tok.lower_ == "the" and doc[k - 1].lower_ == "of")


def _replaceable(view: DocView, start: int, end: int) -> bool:
    """Free tokens, places, or names only the pipeline guessed at ('United People's Front' as a place)."""
    owners = {view.owner[i] for i in range(start, end)} - {-1}
    for owner in owners:
        m = view.mentions[owner]
        if m.type is NodeType.GROUP or m.tok_start < start or m.tok_end > end:
            return False
        if m.type is NodeType.LEADER and (m.source not in {"ner", "weak"} or m.person is not None):
            return False
        if m.type is NodeType.CAMP:
            return False
    return True
