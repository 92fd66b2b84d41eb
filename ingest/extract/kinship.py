"""Kinship between two people of a sentence ('his brother X', "Kony's cousin"), and whose kin a kin word
tells of when the sentence names more people."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.ontology import RelType
from ingest.extract import lexicon as lx
from ingest.extract.context import Ref, cue_words
from ingest.extract.normalize import lemma
from ingest.extract.paths import kin_coordination, kin_object
from ingest.extract.role_paths import COPULAS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ingest.extract.relations import RelationFinder

# Verbs that say who someone is: 'described as', 'reported to be', 'believed to be X's brother'.
_NAMING = COPULAS | frozenset(
    {"describe", "call", "name", "believe", "report", "say", "become", "identify", "consider", "know",
     "think", "list", "reveal", "confirm"}
)  # fmt: skip


def kin(finder: RelationFinder, a: Ref, b: Ref, path: list[Token]) -> None:
    doc = finder.view.doc
    if kin_object(doc[a.root]) and kin_object(doc[b.root]):
        return  # 'a son of A and a brother of B': both are kin of the subject, not of each other
    if _kin_of_another(finder, path, a, b):
        return  # 'His brother Mohibullah ... a plot to kill Sheikh Hasina': the brother is his
    if cue_words(path) & lx.KIN_WORDS or kin_coordination(doc[a.root], doc[b.root]):
        conf = 0.85 if not (a.anaphor or b.anaphor) else 0.65
        finder.emit(RelType.RELATED_TO, a.entity, b.entity, a.sent, conf, "kinship-path")


def _kin_of_another(finder: RelationFinder, path: list[Token], a: Ref, b: Ref) -> bool:
    """No kin word on the path ties these two: each has an owner ('his', "Hannan's") that is neither end,
    or is one end while the other is reached only across a verb ('his brother X was convicted over a plot
    to kill Y'), unless the verb only names the kinship ('who is often described as X's cousin')."""
    kin_at = [n for n, t in enumerate(path) if t.lower_ in lx.KIN_WORDS]
    if not kin_at:
        return False
    for n in kin_at:
        owners = [c for c in path[n].children if c.dep_ == "poss"]
        if not owners:
            return False
        for end in (a, b):
            if not any(_same_mention(finder, c.i, end) for c in owners):
                continue
            other = path[n + 1 :] if end is a else path[:n]
            if not any(
                t.pos_ in {"VERB", "AUX"} and t.lower_ not in _NAMING and lemma(t.text) not in _NAMING
                for t in other
            ):
                return False
    return True


def _same_mention(finder: RelationFinder, i: int, ref: Ref) -> bool:
    owner = finder.view.owner[i]
    return i == ref.root or (owner >= 0 and owner == finder.view.owner[ref.root])
