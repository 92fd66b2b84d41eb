"""Leadership handed on: 'X succeeded him', 'Y was replaced by X', 'X took over from Y'. Whoever leads a
group in the text passes that group to the other person of the succession."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.ontology import NodeType, RelType
from ingest.extract.context import Salience
from ingest.extract.doc_view import DocView
from ingest.extract.normalize import lemma
from ingest.extract.paths import taken_over
from ingest.extract.relations import RelationFinder

if TYPE_CHECKING:
    from spacy.tokens import Token

_SUCCEED = frozenset({"succeed", "replace"})
_PRONOUNS = frozenset({"he", "him", "she", "her"})


def successions(finder: RelationFinder, view: DocView, salience: Salience) -> None:
    led: dict[int, set[int]] = {}
    for f in finder.found:
        if f.type is RelType.LEADS:
            led.setdefault(f.source, set()).add(f.target)
    for verb in view.doc:
        if verb.pos_ != "VERB":
            continue
        pair = _succession(verb)
        if pair is None:
            continue
        new, old = (_person(view, salience, t) for t in pair)
        if new is None or old is None or new == old:
            continue
        for giver, taker in ((old, new), (new, old)):
            if taker in led or giver not in led:
                continue
            for group in sorted(led[giver]):
                finder.emit(RelType.LEADS, taker, group, view.tok_sent[verb.i], 0.6, "succession")


def _succession(verb: Token) -> tuple[Token, Token] | None:
    """(successor, predecessor) tokens of a succession verb, active or passive."""
    kids = list(verb.children)
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    passive_subj = next((c for c in kids if c.dep_ == "nsubjpass"), None)
    agent = next((g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if lemma(verb.text) in _SUCCEED:
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        if subj is not None and obj is not None:
            return subj, obj
        if passive_subj is not None and agent is not None:
            return agent, passive_subj
        return None
    if taken_over(verb) and subj is not None:
        source = next(
            (
                g
                for c in kids
                if c.dep_ == "prep" and c.lower_ == "from"
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
        return (subj, source) if source is not None else None
    return None


def _person(view: DocView, salience: Salience, tok: Token) -> int | None:
    if tok.lower_ in _PRONOUNS:
        # An object pronoun never means the clause's own subject: look before the sentence.
        start = view.sents[view.tok_sent[tok.i]].start
        return salience.recent(NodeType.LEADER, start) if start > 0 else None
    owner = view.owner[tok.i]
    if owner < 0:
        return None
    mention = view.mentions[owner]
    return mention.entity if mention.type is NodeType.LEADER and mention.entity >= 0 else None
