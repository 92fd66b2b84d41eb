"""A group name glued by a hyphen to a place names a regional branch: 'Dawlah Islamiyah-Lanao',
'Daesh-Somalia', 'ISIS-Philippines'. The branch is its own group, so the mention takes the place in and
stops standing for the listed parent."""

from __future__ import annotations

from graph.ontology import NodeType
from ingest.extract.doc_view import DocView, Mention

_HYPHENS = frozenset({"-", "\u2010", "\u2011"})


def extend_hyphenated_branches(view: DocView) -> None:
    doc = view.doc
    for idx, m in enumerate(view.mentions):
        if m.type is not NodeType.GROUP or m.nested or m.entity == -2 or m.tok_end + 1 >= len(doc):
            continue
        dash, word = doc[m.tok_end], doc[m.tok_end + 1]
        glued = doc[m.tok_end - 1].whitespace_ == "" and dash.whitespace_ == ""
        if dash.text not in _HYPHENS or not glued or not word.is_title or not word.is_alpha:
            continue
        owner = view.owner[word.i]
        if view.owner[dash.i] >= 0 or (owner >= 0 and not _place_or_guess(view.mentions[owner])):
            continue  # 'Hamas-Fatah talks': two groups, not a branch
        if owner >= 0:
            if view.mentions[owner].tok_end > word.i + 1:
                continue
            view.drop(owner)
        view.extend(idx, word.i + 1)
        m.group = None
        m.acronym = False


def _place_or_guess(m: Mention) -> bool:
    """A place, or a name only the pipeline took for a person ('Lanao')."""
    return m.type is NodeType.PLACE or m.guessed_person(weak=True)
