"""Readings of the path between a person and a group that decide whether, and how, they are tied: a
clause the subject is raised out of, a participle aside that tells of another name, a role the group owns,
service done for the group, a group reached only through an adjunct."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.ontology import NodeType
from ingest.extract import lexicon as lx
from ingest.extract.context import Ref
from ingest.extract.normalize import lemma
from ingest.extract.paths import name_head

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ingest.extract.relations import RelationFinder


def adjunct_after(path: list[Token], n: int, group: Token) -> bool:
    """'founded ETIM ... under the protection of the Taliban': the group hangs on the verb by a
    preposition, so it is not what the verb founded or led."""
    step = path[n + 1] if n + 1 < len(path) else group
    return step.dep_ == "prep" and step.lower_ not in {"of", "as"}


COPULAS = frozenset({"is", "was", "were", "are", "been", "be"})


def groups_own_role(path: list[Token], group: Token) -> bool:
    """'one of Al-Mourabitoun's commanders': the role word the path ends on belongs to the group itself,
    so the tie holds however near another group of the sentence is."""
    role = path[-1]
    identity = any(
        t.dep_ in {"attr", "appos"} or t.lower_ == "as" or lemma(t.text) in {"become", "serve"}
        for t in path[:-1]
    )  # the person is that role ('became one of X's commanders'), not merely near it
    return (
        identity
        and group.head.i == role.i
        and group.dep_ in {"poss", "compound"}
        and role.lower_ in lx.LEAD_NOUNS | lx.MEMBER_NOUNS
    )


def participle_aside(finder: RelationFinder, path: list[Token], n: int, g: Ref) -> bool:
    """'Hurras al-Din joined X, set up by Y': a participle after a comma tells of the name before the
    comma; the parser hangs it on the main verb, and the path climbing there reaches the wrong group."""
    verb = path[n]
    if verb.dep_ != "advcl" or verb.tag_ != "VBN" or verb.i < verb.head.i or verb.i < 2:
        return False  # 'Led by X, the faction ...': a fronted participle tells of the subject
    if n + 1 >= len(path) or path[n + 1].i != verb.head.i:
        return False
    doc = finder.view.doc
    before = verb.i - 1
    while before > 0 and (doc[before].is_punct or doc[before].lower_ in {"then", "later", "since"}):
        before -= 1
    owner = finder.view.mention_at(before)
    return owner is not None and owner.type is NodeType.GROUP and owner.entity != g.entity


_RAISING = frozenset(
    {
        "think",
        "thought",
        "believe",
        "believed",
        "say",
        "said",
        "report",
        "reported",
        "know",
        "known",
        "understand",
        "understood",
        "allege",
        "alleged",
        "suspect",
        "suspected",
        "seem",
        "appear",
        "go",
        "went",
    }
)


_BECOME = frozenset({"become", "becomes", "became"})


def raised(clause: Token) -> bool:
    """'X is thought to have led Y', 'X went on to found Y': the clause is the subject's own act; 'X
    founded what became Y': the clause names what X founded."""
    if (
        clause.dep_ == "ccomp"
        and clause.lower_ in _BECOME
        and any(c.lower_ == "what" for c in clause.children)
    ):
        return True
    return clause.dep_ == "xcomp" and (clause.head.lower_ in _RAISING or lemma(clause.head.text) in _RAISING)


def fought_for(path: list[Token]) -> bool:
    """The person fought with or for the group ('fought with the IMU'), or works for it: 'raises funds for',
    'recruited for', 'spied for' (the verb, its object perhaps, then 'for')."""
    if len(path) == 2 and path[0].pos_ == "VERB" and lemma(path[0].text) == "fight":
        return path[1].lower_ in {"with", "for"} and path[1].head.i == path[0].i
    if not 2 <= len(path) <= 3 or path[-1].lower_ != "for" or path[0].pos_ != "VERB":
        return False
    served = lemma(path[0].text) in _SERVING_VERBS
    return served and path[-1].head.i in {t.i for t in path[:-1]}


_SERVING_VERBS = frozenset({"fight", "raise", "recruit", "spy", "work", "collect", "procure", "smuggle"})


def under_command_of(person: Token) -> bool:
    person = name_head(person)
    of = person.head
    noun = of.head
    return (
        person.dep_ == "pobj"
        and of.lower_ == "of"
        and noun.lower_ in {"command", "control"}
        and noun.head.lower_ == "under"
    )
