"""Titled organisation names: an organisation word, 'for'/'of' and a capitalised run ('the Movement for
Democracy and Justice in Chad', 'the Alliance for the Re-liberation of Somalia'), French ones included
('Mouvement pour le Salut de l'Azawad', 'Forces nationales de libération')."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.ontology import NodeType
from ingest.extract import lexicon as lx
from ingest.extract.doc_view import DocView
from ingest.extract.group_names import free_but_places, release_mentions
from ingest.extract.names import is_name_token

if TYPE_CHECKING:
    from spacy.tokens import Token


# Organisation words that open a titled name with 'for' or 'of': 'the Movement for Democracy and Justice
# in Chad', 'the Alliance for the Re-liberation of Somalia', 'Mouvement pour le Salut de l'Azawad'.
_TITLED_HEADS = frozenset(
    {"movement", "front", "alliance", "coalition", "rally", "army", "brigade", "brigades", "forces",
     "mouvement", "rassemblement", "coordination", "armée", "union"}
)  # fmt: skip
_TITLE_PREPS = frozenset({"for", "of", "pour", "de", "du", "des"})
_FRENCH_PREPS = frozenset({"pour", "de", "du", "des"})
_FRENCH_ADJECTIVE = (
    "al",
    "ale",
    "ales",
    "aux",
    "ique",
    "iques",
    "aire",
    "aires",
    "é",
    "ée",
    "ées",
    "ien",
    "ienne",
)
_ENGLISH_LINKS = frozenset({"the", "of", "and", "in", "for", "-"})
_FRENCH_LINKS = frozenset({"de", "du", "des", "la", "le", "les", "et", "pour", "-"})
_NOT_IN_TITLED = lx.NON_GROUP_WORDS - {
    "national",
    "coalition",
    "democratic",
    "republic",
    "african",
    "council",
}
_MAX_TITLED = 12


def add_titled_org_names(view: DocView) -> None:
    """A capitalised organisation word, 'for'/'of' and a capitalised run is one group's name, with the
    capitalised words before it ('Patriotic Front for ...') and a place that closes it ('... in Chad')."""
    doc = view.doc
    for head in view.tokens_among(_TITLED_HEADS):
        i = head.i
        p = i + 1
        while p < len(doc) and p - i <= 2 and doc[p].is_lower and doc[p].lower_.endswith(_FRENCH_ADJECTIVE):
            p += 1  # 'Coalition nationale du peuple ...', 'Forces nationales de libération'
        if not head.is_title or p + 1 >= len(doc) or doc[p].lower_ not in _TITLE_PREPS:
            continue
        french = doc[p].lower_ in _FRENCH_PREPS
        if p > i + 1 and not french:
            continue
        held = view.mention_at(i)
        if held is not None and (held.source != "pattern" or held.tok_start != i):
            continue
        end = p + 1
        while end < len(doc) and end - i < _MAX_TITLED and _titled_piece(view, end, french, held):
            end += 1
        while end > p + 1 and not (_name_end(doc[end - 1]) or (french and doc[end - 1].is_alpha)):
            end -= 1
        start = i
        while start > 0 and _titled_adjective(view, start - 1):
            start -= 1
        tail = [
            t
            for t in doc[p + 1 : end]
            if (is_name_token(t) or (french and t.is_alpha and t.lower_ not in _FRENCH_LINKS))
            and view.mention_at(t.i) in (None, held)
        ]
        words = {t.lower_ for t in doc[start:end]}
        if not tail or words & _NOT_IN_TITLED or not free_but_places(view, start, end, held):
            continue
        release_mentions(view, start, end)
        view.add(NodeType.GROUP, start, end, source="pattern")


def _titled_piece(view: DocView, k: int, french: bool, held: object) -> bool:
    doc = view.doc
    tok = doc[k]
    if "\n" in tok.text or tok.is_sent_start:
        return False
    owner = view.mention_at(k)
    if owner is not None and owner is not held and owner.type is not NodeType.PLACE:
        return False
    if tok.lower_ == "and" and k + 2 < len(doc):
        nxt = doc[k + 2] if doc[k + 1].lower_ == "the" else doc[k + 1]
        if nxt.lower_ in _TITLED_HEADS:
            return False  # 'the Army of X and the Forces of Y': two names
    if tok.lower_ in (_FRENCH_LINKS if french else _ENGLISH_LINKS) or tok.text[:2].lower() in {"l'", "d'"}:
        return True
    if french and tok.is_lower and tok.is_alpha:
        return tok.pos_ not in {"VERB", "AUX", "DET", "ADP", "PRON"}  # 'libération', not 'fought'
    if tok.is_lower and doc[k - 1].text == "-" and not doc[k - 1].whitespace_:
        return True  # 'Re-liberation'
    return is_name_token(tok)


def _name_end(tok: Token) -> bool:
    return is_name_token(tok) or (tok.text[:2].lower() in {"l'", "d'"} and tok.text[2:3].isupper())


def _titled_adjective(view: DocView, k: int) -> bool:
    tok = view.doc[k]
    return (
        tok.is_title
        and tok.pos_ in {"PROPN", "ADJ"}
        and tok.lower_ not in {"the", "a", "an"}
        and view.owner[k] < 0
        and not tok.is_sent_start
    )
