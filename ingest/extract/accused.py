"""People a police, court or prosecutor text lists as arrested, accused or convicted in a case about a
group: 'The chargesheeted accused are Dipak Roy (38), ...; his younger brother Bishnu Roy (31); ...'.
With nothing else tying them, they are the group's members."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.ontology import NodeType, RelType
from ingest.extract.context import Ref, Salience, refs_by_sentence
from ingest.extract.doc_view import DocView
from ingest.extract.normalize import lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ingest.extract.relations import RelationFinder

# Named attackers are listed like the accused ('the five attackers, A, B and C, were killed').
_ATTACKER_NOUNS = frozenset(
    {"attacker", "attackers", "assailant", "assailants", "perpetrator", "perpetrators"}
)
_CASE_WORDS = _ATTACKER_NOUNS | frozenset(
    {"accused", "defendant", "defendants", "suspect", "suspects", "arrest", "arrested", "detain", "detained",
     "convict", "convicted", "chargesheeted", "charge-sheeted", "sentence", "sentenced", "apprehend",
     "apprehended", "nab", "nabbed", "indict", "indicted"}
)  # fmt: skip
# Roles that put a person on the other side of the case.
_OFFICIAL_ROLES = frozenset(
    {"inspector", "superintendent", "judge", "justice", "minister", "officer", "prosecutor", "police",
     "sp", "ssp", "dsp", "dig", "igp", "brigadier", "spokesman", "spokesperson", "magistrate", "governor",
     "judicial", "commissioner", "constable", "sub-inspector", "colonel", "major", "general", "lieutenant"}
)  # fmt: skip


def accused_lists(finder: RelationFinder, view: DocView, refs: list[Ref], salience: Salience) -> None:
    tied = {f.source for f in finder.found if f.type in {RelType.LEADS, RelType.MEMBER_OF}}
    for sent, srefs in refs_by_sentence(refs).items():
        if not _case_sentence(view, sent) and not (sent > 0 and _list_runs_on(view, sent)):
            continue
        people = [
            r
            for r in srefs
            if finder.types[r.entity] is NodeType.LEADER and not r.anaphor and r.entity not in tied
        ]
        if not people:
            continue
        named = {r.entity for r in srefs if finder.types[r.entity] is NodeType.GROUP and not r.anaphor}
        first = min(r.root for r in people)
        group = next(iter(named)) if len(named) == 1 else salience.recent(NodeType.GROUP, first)
        group = group if group is not None else salience.main(NodeType.GROUP)
        if group is None:
            continue
        for ref in people:
            if _official(view, ref.root) or _victim(view.doc[ref.root]) or not _full_name(view, ref.root):
                continue
            finder.emit(RelType.MEMBER_OF, ref.entity, group, sent, 0.35, "accused-list")
            tied.add(ref.entity)


def _case_sentence(view: DocView, sent: int) -> bool:
    return any(t.lower_ in _CASE_WORDS or lemma(t.text) in _CASE_WORDS for t in view.sents[sent])


def _list_runs_on(view: DocView, sent: int) -> bool:
    """The pipeline cut a list of the accused in two: the case sentence before ends without a full stop."""
    previous = view.sents[sent - 1]
    return _case_sentence(view, sent - 1) and previous[-1].text not in {".", "!", "?"}


_HARMED = frozenset(
    {"kill", "murder", "kidnap", "abduct", "behead", "assassinate", "shoot", "hack", "target", "attack",
     "killing", "kidnapping", "abduction", "assassination", "beheading"}
)  # fmt: skip


def _victim(tok: Token) -> bool:
    """'the murder of Daniel Pearl', 'gunmen who killed X': the person the case is about was harmed."""
    while tok.dep_ in {"compound", "flat", "appos", "conj"} and tok.head.i != tok.i:
        tok = tok.head
        if tok.lower_ in _ATTACKER_NOUNS:
            return False  # 'the five attackers, A, B and C, were killed': killed, but no victims
    governor = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok.head
    role_ok = tok.dep_ in {"dobj", "nsubjpass", "pobj"}
    return role_ok and (lemma(governor.text) in _HARMED or governor.lower_ in _HARMED)


def _full_name(view: DocView, root: int) -> bool:
    """Two name words at least ('Bishnu Roy'), not a lone word or an abbreviated rank ('CI')."""
    owner = view.mention_at(root)
    if owner is None:
        return False
    words = owner.text.split()
    return len(words) >= 2 and not any(w.isupper() for w in words)


def _official(view: DocView, root: int) -> bool:
    """A police officer, judge or minister in the case, by the title before the name or in apposition."""
    owner = view.mention_at(root)
    if owner is not None and {w.lower() for w in owner.text.split()} & _OFFICIAL_ROLES:
        return True  # 'Judicial Magistrate' taken for a name
    role = (owner.role or "").lower() if owner is not None else ""
    if set(role.split()) & _OFFICIAL_ROLES:
        return True
    tok = view.doc[root]
    linked = [c for c in tok.children if c.dep_ == "appos"] + ([tok.head] if tok.dep_ == "appos" else [])
    if owner is not None:
        linked += list(view.doc[max(0, owner.tok_start - 2) : owner.tok_start])  # 'Inspector X'
    return any(t.lower_ in _OFFICIAL_ROLES for t in linked)
