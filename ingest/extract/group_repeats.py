"""'Lakurawa first appeared around 2017 ... Lakurawa began collecting zakat': a group name the text has
given is that group wherever it appears again, even where no cue around it named it a group and the
tagger took it for a person."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.ontology import NodeType
from ingest.extract import lexicon as lx
from ingest.extract.doc_view import DocView
from ingest.extract.names import is_name_token

if TYPE_CHECKING:
    from spacy.tokens import Doc

_INNER = frozenset({"of", "the", "and", "for", "in", "al", "ul", "e", "i", "-"})


def add_repeated_group_names(view: DocView) -> None:
    doc = view.doc
    for words in _found_names(view):
        n = len(words)
        for tok in view.tokens_among({words[0].lower()}):
            i = tok.i
            if tuple(t.text for t in doc[i : i + n]) != words:
                continue
            _release_tagger_person(view, i, i + n)
            if not view.is_free(i, i + n):
                continue
            if n == 1 and tok.pos_ != "PROPN":
                continue  # a one-word name is a name again only where the tagger reads it as one
            if _name_word(doc, i - 1) or _name_word(doc, i + n):
                continue  # part of a longer name here
            view.add(NodeType.GROUP, i, i + n, source="repeat")


def _release_tagger_person(view: DocView, start: int, end: int) -> None:
    """The tagger's person over exactly the group's name ('Lakurawa' PERSON) gives way to the group."""
    owner = view.owner[start]
    m = view.mentions[owner] if owner >= 0 else None
    tagger_person = m is not None and m.type is NodeType.LEADER and m.source in {"ner", "weak"}
    if m is not None and tagger_person and (m.tok_start, m.tok_end) == (start, end):
        view.drop(owner)


def _found_names(view: DocView) -> set[tuple[str, ...]]:
    """The word sequences of the groups found so far that the gazetteer does not know (it finds every
    occurrence of those it knows itself)."""
    doc = view.doc
    names: set[tuple[str, ...]] = set()
    for m in view.mentions:
        if m.type is not NodeType.GROUP or m.nested or m.acronym or m.group is not None:
            continue
        toks = doc[m.tok_start : m.tok_end]
        if not all(is_name_token(t) or t.lower_ in _INNER for t in toks):
            continue
        if len(toks) == 1 and (toks[0].lower_ in lx.GROUP_HEADS or toks[0].is_upper):
            continue  # 'Shura', 'Front': a word that is also just a word; acronyms are read elsewhere
        names.add(tuple(t.text for t in toks))
    return names


def _name_word(doc: Doc, i: int) -> bool:
    return 0 <= i < len(doc) and doc[i].pos_ == "PROPN" and is_name_token(doc[i])
