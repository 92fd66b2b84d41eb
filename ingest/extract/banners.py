"""'KH and several other groups began claiming attacks under the banner of the "Islamic Resistance in
Iraq"': the name a set of groups act under is a group of its own, allied with each group that uses it."""

from __future__ import annotations

import re

from graph.ontology import NodeType, RelType
from ingest.extract.doc_view import DocView
from ingest.extract.relations import RelationFinder

_SMALL = ("of", "in", "the", "for", "and", "al", "ul")  # small words inside a name, never its last
_WORD = rf"(?:[A-Z][\w'\u2019-]*|{'|'.join(_SMALL)})"
_BANNER = re.compile(
    rf"\bunder the (?:banner|umbrella|flag) of (?:the |its |their )?[\"\u201c']?({_WORD}(?: {_WORD}){{0,7}})"
)


def add_banner_names(view: DocView) -> None:
    for match in _BANNER.finditer(view.text):
        words = match.group(1).split(" ")
        while words and words[-1] in _SMALL:
            words.pop()
        if not words or not words[0][:1].isupper():
            continue
        start = match.start(1)
        toks = view.tokens_for(start, start + len(" ".join(words)))
        if toks is None:
            continue
        held = {view.owner[i] for i in range(*toks) if view.owner[i] >= 0}
        if all(view.mentions[h].type is NodeType.PLACE for h in held):
            for h in held:  # 'Iraq' inside 'Islamic Resistance in Iraq'
                view.drop(h)
            view.add(NodeType.GROUP, *toks, source="pattern")


def banner_alliances(finder: RelationFinder, view: DocView) -> None:
    """Each group named before 'under the banner of X' in X's sentence is allied with X."""
    group_at = view.entities_by_token(NodeType.GROUP)
    for match in _BANNER.finditer(view.text):
        toks = view.tokens_for(match.start(1), match.end(1))
        if toks is None or toks[0] not in group_at:
            continue
        banner = group_at[toks[0]]
        sent = view.tok_sent[toks[0]]
        users = {
            group_at[i]
            for i in range(view.sents[sent].start, toks[0])
            if i in group_at and group_at[i] != banner
        }
        for user in users:
            finder.emit(RelType.ALLIED_WITH, user, banner, sent, 0.6, "under-banner")
