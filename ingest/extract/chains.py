"""Relations across sentences: role-holders whose group is in a nearby sentence, camps where training
happens with the group just spoken of."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.ontology import NodeType, RelType
from ingest.extract import lexicon as lx
from ingest.extract.context import Ref, Salience, refs_by_sentence
from ingest.extract.doc_view import DocView
from ingest.extract.normalize import lemma
from ingest.extract.paths import name_head, taken_over
from ingest.extract.relations import RelationFinder

if TYPE_CHECKING:
    from spacy.tokens import Token

_LEAD_TITLES = frozenset(
    {
        "commander",
        "amir",
        "emir",
        "ameer",
        "chief",
        "leader",
        "founder",
        "head",
        "deputy",
        "spokesman",
        "spokesperson",
    }
)


def cross_sentence(finder: RelationFinder, view: DocView, refs: list[Ref], salience: Salience) -> None:
    """A titled person with no group in the sentence leads the group just spoken of; a camp where
    training happens, with nobody named, trains the group just spoken of."""
    tied = {(f.source, f.sent) for f in finder.found if f.type in {RelType.LEADS, RelType.MEMBER_OF}}
    trained = {(f.target, f.sent) for f in finder.found if f.type is RelType.TRAINS_AT}
    by_sent = refs_by_sentence(refs)
    aliased = _alias_bearers(view)
    for sent, srefs in by_sent.items():
        has_group = any(finder.types[r.entity] is NodeType.GROUP and not r.anaphor for r in srefs)
        for ref in srefs:
            kind = finder.types[ref.entity]
            if (
                kind is NodeType.LEADER
                and not has_group
                and (ref.entity, sent) not in tied
                and not ref.anaphor
            ):
                cue = _lead_cue(view, ref)
                if cue == "title":
                    group = salience.recent(NodeType.GROUP, ref.root)
                elif cue == "steers":  # what the person steers is unnamed: the group the text is about
                    group = salience.recent_subject(NodeType.GROUP, ref.root) or salience.main(NodeType.GROUP)
                else:
                    group = None
                if group is not None:
                    finder.emit(RelType.LEADS, ref.entity, group, sent, 0.45, "title-previous-sentence")
                elif cue is None and _described_as_member(view.doc[ref.root]):
                    group = salience.recent(NodeType.GROUP, ref.root)  # 'Fahim Bhat, a 19-year-old recruit'
                    if group is not None:
                        finder.emit(
                            RelType.MEMBER_OF, ref.entity, group, sent, 0.4, "member-previous-sentence"
                        )
                elif cue is None and ref.entity in aliased:
                    # 'The accused are Gurpreet Singh alias Gopi, ...': a nom de guerre marks a militant of
                    # the group the text is about.
                    group = salience.recent(NodeType.GROUP, ref.root) or salience.main(NodeType.GROUP)
                    if group is not None:
                        finder.emit(RelType.MEMBER_OF, ref.entity, group, sent, 0.35, "alias-bearer")
            if kind is NodeType.CAMP and not ref.anaphor and (ref.entity, sent) not in trained:
                actors = [r for r in srefs if finder.types[r.entity] in {NodeType.GROUP, NodeType.LEADER}]
                if actors or not _trains_here(view, sent):
                    continue
                group = salience.recent(NodeType.GROUP, ref.root)
                if group is not None:
                    finder.emit(
                        RelType.TRAINS_AT, group, ref.entity, sent, 0.45, "training-previous-sentence"
                    )


def _alias_bearers(view: DocView) -> set[int]:
    """People the text gives another name after a cue ('alias', '@', 'known as')."""
    bearers = set()
    for m in view.mentions:
        if m.type is NodeType.LEADER and m.source == "alias" and m.alias_of is not None:
            bearers.add(view.mentions[m.alias_of].entity)
    return bearers


_STEER_VERBS = frozenset({"lead", "command", "head", "run", "direct"})
# What a person can lead without naming a new group: 'took over command', 'led the movement'.
_STEERED = frozenset(
    {"command", "group", "movement", "organisation", "organization", "fighters", "militants", "insurgency",
     "network", "outfit", "it", "them", "operations", "leadership"}
)  # fmt: skip


def _lead_cue(view: DocView, ref: Ref) -> str | None:
    """A role title before the name ('Commander X'), a role in apposition ('X, the army commander'), or
    the person steering something unnamed ('X took over command', 'X's sons A and B ... led the movement')."""
    owner = view.owner[ref.root]
    role = view.mentions[owner].role if owner >= 0 else None
    if role and role.split()[-1].lower() in _LEAD_TITLES:
        return "title"
    tok = view.doc[ref.root]
    linked = [tok.head] if tok.dep_ == "appos" else []
    linked += [c for c in tok.children if c.dep_ == "appos"]
    if any(t.lower_ in _LEAD_TITLES for t in linked):
        return "title"
    while tok.dep_ in {"compound", "conj", "appos", "flat"} and tok.head.i != tok.i:
        tok = tok.head
    if _handed_the_lead(tok):
        return "steers"  # 'leadership passed to his brother, Jafar Dicko'
    if tok.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    verbs = [tok.head]
    while verbs[-1].dep_ in {"ROOT", "relcl", "ccomp", "xcomp", "conj"} or len(verbs) == 1:
        nxt = [c for c in verbs[-1].children if c.dep_ == "xcomp"]
        if not nxt:
            break
        verbs.append(nxt[0])
    steers = any(_steers(v) for v in verbs if tok.dep_ == "nsubj" or v is not verbs[0])
    return "steers" if steers else None


# Member nouns that say whose side a person is on even with no group named ('rights activists' do not).
_MEMBER_APPOSITIVES = frozenset(
    {"recruit", "recruits", "cadre", "cadres", "operative", "operatives", "militant", "militants", "fighter",
     "fighters", "member", "members"}
)  # fmt: skip


def _described_as_member(person: Token) -> bool:
    """The person stands in apposition to a member noun ('X, a 19-year-old recruit from Shopian')."""
    tok = name_head(person)
    linked = [c for c in tok.children if c.dep_ == "appos"]
    if tok.dep_ == "appos":
        linked.append(tok.head)
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # 'A and B were active members'
    if tok.dep_ == "nsubj" and tok.head.lower_ in {"is", "was", "are", "were", "remains", "remained"}:
        linked += [c for c in tok.head.children if c.dep_ == "attr"]  # 'X was an active member
    return any(t.lower_ in _MEMBER_APPOSITIVES and t.pos_ == "NOUN" for t in linked)


def _handed_the_lead(person: Token) -> bool:
    """The person is who the leadership or command passed, fell or was handed to."""
    to = person.head
    verb = to.head
    if (
        person.dep_ != "pobj"
        or to.lower_ != "to"
        or lemma(verb.text) not in {"pass", "fall", "go", "hand", "transfer"}
    ):
        return False
    held = {c.lower_ for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}}
    return bool(held & {"leadership", "command", "control", "mantle", "reins"})


def _steers(verb: Token) -> bool:
    if not (lemma(verb.text) in _STEER_VERBS or taken_over(verb)):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return all(o.lower_ in _STEERED or lemma(o.text) in _STEERED for o in objects)


def _trains_here(view: DocView, sent: int) -> bool:
    span = view.sents[sent]
    return any(
        lemma(t.text) in {"train", "training"} or t.lower_ in lx.TRAIN_WORDS - {"camp", "camps"}
        for t in span
        if t.pos_ in {"VERB", "NOUN"} and t.lower_ not in {"camp", "camps"}
    )
