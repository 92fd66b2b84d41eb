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
_PRONOUNS = frozenset({"he", "him", "she", "her", "his"})
# Either way round: leadership passes between the two people ("his predecessor, Y" as "his successor, Y").
_SUCCESSOR_NOUNS = frozenset({"successor", "successors", "predecessor", "predecessors"})
# Forms of the words a succession can turn on, to scan strings before looking at tokens.
_CANDIDATES = _SUCCESSOR_NOUNS | frozenset(
    {"succeed", "succeeded", "succeeds", "succeeding", "replace", "replaced", "replaces", "replacing",
     "take", "took", "taken", "takes", "taking"}
)  # fmt: skip


def successions(finder: RelationFinder, view: DocView, salience: Salience) -> None:
    pairs: list[tuple[int, int, int]] = []  # successor, predecessor, sentence
    for tok in view.tokens_among(_CANDIDATES):
        found = _successor_noun(tok) if tok.lower_ in _SUCCESSOR_NOUNS else []
        if tok.pos_ == "VERB":
            pair = _succession(tok)
            found = [pair] if pair is not None else []
        for new_tok, old_tok in found:
            new, old = _person(view, salience, new_tok), _person(view, salience, old_tok)
            if new is not None and old is not None and new != old:
                pairs.append((new, old, view.tok_sent[tok.i]))
    led: dict[int, set[int]] = {}
    for f in finder.found:
        if f.type is RelType.LEADS:
            led.setdefault(f.source, set()).add(f.target)
    for _ in range(3):  # a chain of successions hands the group down: A -> B -> C
        handed = False
        for new, old, sent in pairs:
            for giver, taker in ((old, new), (new, old)):
                if taker in led or giver not in led:
                    continue
                led[taker] = set(led[giver])
                handed = True
                for group in sorted(led[giver]):
                    finder.emit(RelType.LEADS, taker, group, sent, 0.6, "succession")
        if not handed:
            break


def _successor_noun(noun: Token) -> list[tuple[Token, Token]]:
    """'his successors A and B', 'X, the successor of Y', 'X became his successor'."""
    kids = list(noun.children)
    old = next((c for c in kids if c.dep_ == "poss"), None)
    if old is None:
        old = next(
            (
                g
                for c in kids
                if c.dep_ == "prep" and c.lower_ in {"of", "to"}
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
    if old is None:
        return []
    new = [c for c in kids if c.dep_ == "appos"]
    new += [t for c in new for t in c.conjuncts]
    if noun.dep_ == "appos":
        new.append(noun.head)
    if noun.dep_ == "attr":
        new += [c for c in noun.head.children if c.dep_ == "nsubj"]
    return [(n, old) for n in new]


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
        start = view.sents[view.tok_sent[tok.i]].start
        if tok.dep_ == "poss":  # 'X, who took over after his predecessor ...': the person named before
            before = [
                m.entity for m in view.mentions if m.type is NodeType.LEADER and start <= m.tok_start < tok.i
            ]
            if before and before[-1] >= 0:
                return before[-1]
        # An object pronoun never means the clause's own subject: look before the sentence.
        return salience.recent(NodeType.LEADER, start) if start > 0 else None
    owner = view.owner[tok.i]
    if owner < 0:
        return None
    mention = view.mentions[owner]
    return mention.entity if mention.type is NodeType.LEADER and mention.entity >= 0 else None


_HANDED = frozenset({"pass", "fall", "go", "transfer", "shift"})


def leadership_handed_on(finder: RelationFinder, view: DocView, salience: Salience) -> None:
    """'Leadership passed to Musa Baluku': the group whose leadership it is (named in 'the leadership of
    X', else the one a leader of the last sentences led, else the text's group) is led by him."""
    group_at = view.entities_by_token(NodeType.GROUP)
    for noun in view.tokens_among(frozenset({"leadership", "command"})):
        verb = noun.head
        if noun.dep_ != "nsubj" or lemma(verb.text) not in _HANDED:
            continue
        to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        person = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
        if person is None:
            continue
        leader = _person(view, salience, person)
        owner = next(
            (group_at[g.i] for c in noun.children if c.lower_ == "of" for g in c.children if g.i in group_at),
            None,
        )
        sent = view.tok_sent[noun.i]
        # Whose leadership: the group a leader of the last sentences led, else the text's group.
        recently_led = {f.target for f in finder.found if f.type is RelType.LEADS and 0 <= sent - f.sent <= 2}
        group = owner if owner is not None else (recently_led.pop() if len(recently_led) == 1 else None)
        group = group if group is not None else salience.main(NodeType.GROUP)
        if leader is not None and group is not None:
            finder.emit(RelType.LEADS, leader, group, sent, 0.6, "leadership-handed-on")
