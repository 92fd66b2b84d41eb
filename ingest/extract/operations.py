"""Where a group acts, when the sentence does not join group and place in one clause: acts told without
the group's name, by its leader, claimed a sentence later, or on a long path in a sentence about it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.ontology import NodeType, RelType
from ingest.extract.context import Ref, Salience, path_tokens, refs_by_sentence
from ingest.extract.descriptions import described_spans
from ingest.extract.doc_view import DocView
from ingest.extract.normalize import lemma
from ingest.extract.paths import (
    PLACE_KIND_WORDS,
    locative_governor,
    not_the_groups_place,
    someone_elses_event,
    tells_origin,
)
from ingest.extract.relations import Found, RelationFinder

if TYPE_CHECKING:
    from spacy.tokens import Token

_ACTION_CUES = frozenset(
    {
        "direct",
        "kidnapping",
        "kidnappings",
        "attacks",
        "recruit",
        "recruitment",
        "attack",
        "operate",
        "bomb",
        "bombing",
        "kidnap",
        "raid",
        "assault",
        "massacre",
        "recruiting",
        "operation",
        "operations",
        "blast",
        "explosion",
        "ambush",
        "shooting",
        "hijacking",
        "siege",
        "abduction",
    }
)


def groupless_operations(finder: RelationFinder, view: DocView, refs: list[Ref], salience: Salience) -> None:
    """'Recruitment has begun in Swat and Peshawar': a sentence about the document's group's activity
    that does not name it; the places go to the group the document is about."""
    main = salience.main(NodeType.GROUP)
    if main is None:
        return
    by_sent = refs_by_sentence(refs)
    doc = view.doc
    for sent, srefs in by_sent.items():
        if any(finder.types[r.entity] in {NodeType.GROUP, NodeType.LEADER} for r in srefs):
            continue
        places = _story_places(finder, view, srefs)
        if not places:
            continue
        span = view.sents[sent]
        cues = [t for t in span if lemma(t.text) in _ACTION_CUES and _clause_topic(t)]
        for cue in cues[:1]:
            for place in places:
                path = path_tokens(cue, doc[place.root])
                if path is None or len(path) > 6 or someone_elses_event(path, cue):
                    continue
                if locative_governor(path):
                    finder.emit(RelType.OPERATES_IN, main, place.entity, sent, 0.4, "groupless-sentence")


def _story_places(finder: RelationFinder, view: DocView, srefs: list[Ref]) -> list[Ref]:
    """Places named in the sentence (not 'there', not a news dateline): where something could happen."""
    return [
        r
        for r in srefs
        if finder.types[r.entity] is NodeType.PLACE and not r.anaphor and not view.in_dateline(r.root)
    ]


def _clause_topic(tok: Token) -> bool:
    """The act is what the clause is about: its subject or verb, or the noun of its opening phrase
    ('near simultaneous blasts outside courts in X killed ...')."""
    if tok.dep_ in {"nsubj", "nsubjpass", "ROOT"}:
        return True
    opening = tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.dep_ == "ROOT"
    return opening and tok.pos_ == "NOUN"


def leaders_operations(finder: RelationFinder, view: DocView, refs: list[Ref]) -> None:
    """'He directed attacks in Paktia and Khost': where a group's leader or member acts, with no group named
    in the sentence, the group acts (the person's one group in this document)."""
    groups_of: dict[int, set[int]] = {}
    for f in finder.found:
        if f.type in {RelType.LEADS, RelType.MEMBER_OF}:
            groups_of.setdefault(f.source, set()).add(f.target)
    by_sent = refs_by_sentence(refs)
    doc = view.doc
    for sent, srefs in by_sent.items():
        if any(finder.types[r.entity] is NodeType.GROUP for r in srefs):
            continue
        people = [
            r for r in srefs if finder.types[r.entity] is NodeType.LEADER and doc[r.root].dep_ == "nsubj"
        ]
        places = _story_places(finder, view, srefs)
        for person in people[:1]:
            groups = groups_of.get(person.entity, set())
            if len(groups) != 1:
                continue
            group = next(iter(groups))
            for place in places:
                path = path_tokens(doc[person.root], doc[place.root])
                words = {lemma(t.text) for t in path or []}
                if path and len(path) <= 7 and words & _ACTION_CUES and locative_governor(path):
                    finder.emit(RelType.OPERATES_IN, group, place.entity, sent, 0.4, "leader-activity")


_CLAIM_WORDS = frozenset({"claim", "claimed", "claiming", "claims", "responsibility"})
_ATTACK_WORDS = frozenset(
    {"attack", "bomb", "bombing", "bomber", "blast", "explosion", "ambush", "raid", "assault", "massacre",
     "kidnap", "kidnapping", "abduct", "abduction", "storm", "shoot", "shooting", "kill", "hijack",
     "hijacking", "siege", "strike", "ram", "detonate", "behead"}
)  # fmt: skip


def claimed_attacks(finder: RelationFinder, view: DocView, refs: list[Ref]) -> None:
    """'A bomber struck a convoy near Noshki ... The BLA claimed responsibility': the group that claims
    an attack told in the sentence before (naming no other actor) operates where it happened."""
    by_sent = refs_by_sentence(refs)
    doc = view.doc
    for sent, srefs in by_sent.items():
        claimant = _sole_claimant(finder, view, sent, srefs)
        if claimant is None or sent == 0:
            continue
        before = by_sent.get(sent - 1, [])
        if any(finder.types[r.entity] in {NodeType.GROUP, NodeType.LEADER} for r in before):
            continue
        act = [t for t in view.sents[sent - 1] if lemma(t.text) in _ATTACK_WORDS]
        for place in _story_places(finder, view, before):
            for cue in act[:2]:
                path = path_tokens(cue, doc[place.root])
                if path is not None and len(path) <= 5 and locative_governor(path):
                    finder.emit(RelType.OPERATES_IN, claimant, place.entity, sent, 0.45, "claimed-attack")
                    break


def _sole_claimant(finder: RelationFinder, view: DocView, sent: int, srefs: list[Ref]) -> int | None:
    """The one group of a sentence that claims something ('X claimed responsibility for the attack')."""
    groups = {r.entity for r in srefs if finder.types[r.entity] is NodeType.GROUP}
    places = [r for r in srefs if finder.types[r.entity] is NodeType.PLACE]
    if len(groups) != 1 or places:
        return None
    words = {t.lower_ for t in view.sents[sent]}
    if not words & _CLAIM_WORDS or not words & (
        _ATTACK_WORDS | {"attacks", "attacked", "it", "responsibility"}
    ):
        return None
    return next(iter(groups))


_LONG_PATH = 10
_SPEECH = frozenset({"say", "said", "tell", "told", "add", "added", "state", "stated", "report", "reported"})


def main_group_places(finder: RelationFinder, view: DocView, refs: list[Ref], salience: Salience) -> None:
    """A sentence about the document's group that puts its act somewhere ('the group's extortion calls
    continued in Landi Kotal'): on a longer path than a clause rule allows, the group still acts there."""
    main = salience.main(NodeType.GROUP)
    if main is None:
        return
    by_sent = refs_by_sentence(refs)
    doc = view.doc
    described = [
        (start, end) for start, end, idx in described_spans(view) if view.mentions[idx].entity != main
    ]
    for sent, srefs in by_sent.items():
        own = [r for r in srefs if r.entity == main and r.kind != "members"]
        others = [r for r in srefs if finder.types[r.entity] is NodeType.GROUP and r.entity != main]
        if not own or any(doc[r.root].dep_ in {"nsubj", "nsubjpass"} for r in others):
            continue
        for place in _story_places(finder, view, srefs):
            if any(start <= doc[place.root].idx < end for start, end in described):
                continue  # 'to MIT, an ISIS-aligned group operating in X': the description places MIT
            for ref in own:
                path = path_tokens(doc[ref.root], doc[place.root])
                if path is None or len(path) > _LONG_PATH or any(lemma(t.text) in _SPEECH for t in path):
                    continue
                if tells_origin(path) or not_the_groups_place(path):
                    continue
                if locative_governor(path) and not someone_elses_event(path, doc[ref.root]):
                    finder.emit(RelType.OPERATES_IN, main, place.entity, sent, 0.35, "main-group-sentence")
                    break


def spread_over_place_lists(finder: RelationFinder, view: DocView) -> None:
    """'cells in Italy, Norway, Germany and the United Kingdom': a group found acting in one listed place
    acts in every place coordinated with it."""
    place_at = view.entities_by_token(NodeType.PLACE)
    found = [f for f in finder.found if f.type is RelType.OPERATES_IN]
    have = {(f.source, f.target) for f in found}
    for f in found:
        for tok in view.sents[f.sent]:
            if place_at.get(tok.i) != f.target or place_at.get(tok.head.i) == f.target:
                continue  # only the root token of the mention
            for other in [*tok.conjuncts, *_coordinated_phrase_places(tok)]:
                target = place_at.get(other.i)
                if (
                    target is None
                    or target == f.target
                    or (f.source, target) in have
                    or view.in_dateline(other.i)
                ):
                    continue
                have.add((f.source, target))
                finder.emit(
                    RelType.OPERATES_IN, f.source, target, f.sent, f.confidence - 0.05, "listed-place"
                )


def _coordinated_phrase_places(tok: Token) -> list[Token]:
    """'concentrated in Shindand and in parts of Farah and Nimroz provinces': the words of the second
    'in' phrase, coordinated with the one that holds the place (the caller keeps those that are places)."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in {"in", "across", "around", "near"}:
        return []
    return [t for c in prep.conjuncts if c.pos_ == "ADP" for t in c.subtree]


_JOINT = frozenset({"alongside", "jointly", "joint", "together"})


def joint_operations(finder: RelationFinder, view: DocView) -> None:
    """'X fought alongside AQIM and MUJAO in Kidal and Gao': groups acting together in a sentence act
    in the same places."""
    joint_sents = {view.tok_sent[t.i] for t in view.tokens_among(_JOINT)}
    allies: dict[int, set[int]] = {}
    for f in finder.found:
        if f.type is RelType.ALLIED_WITH and f.sent in joint_sents:
            allies.setdefault(f.sent, set()).update({f.source, f.target})
    if not allies:
        return
    acting = [f for f in finder.found if f.type is RelType.OPERATES_IN and f.sent in allies]
    have = {(f.source, f.target) for f in finder.found if f.type is RelType.OPERATES_IN}
    for f in acting:
        if f.source not in allies[f.sent]:
            continue
        for other in sorted(allies[f.sent] - {f.source}):
            if (other, f.target) not in have:
                have.add((other, f.target))
                finder.emit(
                    RelType.OPERATES_IN, other, f.target, f.sent, f.confidence - 0.1, "joint-operation"
                )


def described_as_active(finder: RelationFinder, view: DocView) -> None:
    """'Mujahidin Indonesia Timur (MIT), an ISIS-aligned group operating in the mountains of Central
    Sulawesi': the group acts in each place the description names."""
    places = [m for m in view.mentions if m.type is NodeType.PLACE and m.entity >= 0 and not m.nested]
    for start, end, idx in described_spans(view):
        g = view.mentions[idx]
        for p in places:
            if start <= p.start and p.end <= end:
                finder.emit(RelType.OPERATES_IN, g.entity, p.entity, g.sent, 0.7, "described-active")


def sole_group_places(finder: RelationFinder, view: DocView, refs: list[Ref]) -> None:
    """'The group's territory was a cluster of villages east of Halabja, including Biyara and Tawela': the
    one group a sentence names (or, of several, the one that is a subject) acts in the places no clause
    rule gave to any group. The loosest cue, with the lowest confidence; a place that acts, that only
    modifies another noun, or that is where a person was born, held, tried or died is left out."""
    have, tied = _placings(finder)
    doc = view.doc
    for sent, srefs in refs_by_sentence(refs).items():
        actor = _sentence_group(finder, view, srefs)
        if actor is None:
            continue
        group, method = actor
        own = [doc[r.root] for r in srefs if r.entity == group]
        for place in _story_places(finder, view, srefs):
            if (sent, place.entity) in tied or (group, place.entity) in have:
                continue
            if not _plain_place(doc[place.root]):
                continue
            if any(_group_is_there(tok, doc[place.root]) for tok in own):
                have.add((group, place.entity))
                finder.emit(RelType.OPERATES_IN, group, place.entity, sent, 0.25, method)


def _placings(finder: RelationFinder) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """The (group, place) pairs already found, and the (sentence, place) pairs some rule already placed."""
    found = [f for f in finder.found if f.type is RelType.OPERATES_IN]
    return {(f.source, f.target) for f in found}, {(f.sent, f.target) for f in found}


def _sentence_group(finder: RelationFinder, view: DocView, srefs: list[Ref]) -> tuple[int, str] | None:
    groups = {r.entity for r in srefs if finder.types[r.entity] is NodeType.GROUP}
    if len(groups) == 1:
        return next(iter(groups)), "sole-group"
    subjects = {r.entity for r in srefs if r.entity in groups and _subjectish(view.doc[r.root])}
    if len(subjects) == 1:
        return next(iter(subjects)), "subject-group"
    return None


def _subjectish(tok: Token) -> bool:
    """A subject, or the owner of a subject ('LeT fighters', 'the group's cadres')."""
    if tok.dep_ in {"compound", "poss", "nmod"}:
        tok = tok.head
    return tok.dep_ in {"nsubj", "nsubjpass"}


def _plain_place(tok: Token) -> bool:
    """Not an actor ('Kinshasa has promised to ...') nor a modifier ('the Rwanda Defence Force')."""
    if tok.dep_ in {"nsubj", "nsubjpass"} or (tok.dep_ == "pobj" and tok.head.dep_ == "agent"):
        return False  # 'regarded by Washington as ...'
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ in _BACKING:
        return False  # 'a Pakistan-backed outfit': the place backs the group
    return tok.dep_ not in {"compound", "poss", "amod", "nmod"} or tok.head.lower_ in PLACE_KIND_WORDS


_BACKING = frozenset({"backed", "sponsored", "supported", "funded", "armed", "trained", "aligned", "allied"})


def _group_is_there(group: Token, place: Token) -> bool:
    path = path_tokens(group, place)
    if path is None:
        return False
    return not (not_the_groups_place(path) or tells_origin(path))


def carried_places(finder: RelationFinder, view: DocView, refs: list[Ref]) -> None:
    """'The LRA crossed into Congo. Later groups moved into the Central African Republic, operating around
    Obo': a sentence naming no group, leader or camp continues the one before; its places go to that
    sentence's group (as `sole_group_places` would choose it). Only full sentences with a verb, not
    headings, bullets or 'Label: value' lines."""
    have, tied = _placings(finder)
    by_sent = refs_by_sentence(refs)
    doc = view.doc
    for sent, srefs in by_sent.items():
        if any(finder.types[r.entity] in _STORY_ACTORS for r in srefs) or not _full_sentence(view, sent):
            continue
        actor = _sentence_group(finder, view, by_sent.get(sent - 1, []))
        if actor is None:
            continue
        group = actor[0]
        for place in _story_places(finder, view, srefs):
            ptok = doc[place.root]
            if (sent, place.entity) in tied or (group, place.entity) in have or not _plain_place(ptok):
                continue
            if not_the_groups_place([ptok, *ptok.ancestors]):
                continue
            have.add((group, place.entity))
            finder.emit(RelType.OPERATES_IN, group, place.entity, sent, 0.2, "previous-sentence-group")


_STORY_ACTORS = frozenset({NodeType.GROUP, NodeType.LEADER, NodeType.CAMP})


def _full_sentence(view: DocView, sent: int) -> bool:
    span = view.sents[sent]
    return span.root.pos_ in {"VERB", "AUX"} and len(span) >= 6 and not any(t.text == ":" for t in span)


# Rules that place a group by co-occurrence or by another group's act, not by a clause of its own.
_LOOSE_PLACINGS = frozenset(
    {"sole-group", "subject-group", "previous-sentence-group", "joint-operation", "listed-place",
     "main-group-sentence"}
)  # fmt: skip


def drop_loose_containers(finder: RelationFinder) -> None:
    """'seized the port of Mocimboa da Praia, in Cabo Delgado province': where a loose rule gives a group
    both a place and the place that contains it in one sentence, the group acts in the nearer place; the
    container only names where that is."""
    located = {(f.source, f.target, f.sent) for f in finder.found if f.type is RelType.LOCATED_IN}
    placed: dict[tuple[int, int], set[int]] = {}  # (group, sentence) -> its places there
    for f in finder.found:
        if f.type is RelType.OPERATES_IN:
            placed.setdefault((f.source, f.sent), set()).add(f.target)

    def contains_another(f: Found) -> bool:
        return any((inner, f.target, f.sent) in located for inner in placed[(f.source, f.sent)])

    finder.found = [
        f
        for f in finder.found
        if not (f.type is RelType.OPERATES_IN and f.method in _LOOSE_PLACINGS and contains_another(f))
    ]
