"""Relations between entities of one sentence, read off the dependency path that joins them."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

from graph.ontology import NodeType, RelType
from ingest.extract import lexicon as lx
from ingest.extract.context import Ref, cue_words, path_tokens
from ingest.extract.descriptions import described_spans
from ingest.extract.doc_view import DocView
from ingest.extract.group_ties import group_group
from ingest.extract.kinship import kin
from ingest.extract.leader_ties import described_group, leader_group
from ingest.extract.paths import (
    listed_appositives,
    locative_governor,
    name_head,
    not_the_groups_place,
    reattach_clause,
    sentence_trains,
    someone_elses_event,
    tells_origin,
)
from ingest.extract.place_ties import IN_PREPS as _IN_PREPS
from ingest.extract.place_ties import located

if TYPE_CHECKING:
    from spacy.tokens import Token

_MAX_PATH = 8
# Nouns whose object is the group something is tied to, not the one acting: 'loyalty to al-Qaeda'.
_TIE_NOUNS = frozenset({"loyalty", "allegiance", "support", "ties", "links", "affiliation", "bay'ah", "oath"})
_MAX_OPERATE_PATH = 7
# What a group itself has in a place: 'IMU positions in Zabul', "the group's hideouts near X".
_HOLDINGS = lx.MEMBER_NOUNS | frozenset(
    {"position", "positions", "base", "bases", "camp", "camps", "stronghold", "strongholds", "hideout",
     "hideouts", "office", "offices", "cell", "cells", "unit", "units", "presence", "men", "forces"}
)  # fmt: skip


@dataclass(frozen=True)
class Found:
    type: RelType
    source: int
    target: int
    sent: int
    confidence: float
    method: str
    role: str | None = None
    dist: int = 0


class RelationFinder:
    def __init__(self, view: DocView, types: list[NodeType], places: list[object] | None = None) -> None:
        self.view = view
        self.types = types
        self.places = places or [None] * len(types)
        self._current: list[Ref] = []
        self.found: list[Found] = []

    def emit(
        self,
        rel: RelType,
        source: int,
        target: int,
        sent: int,
        confidence: float,
        method: str,
        role: str | None = None,
        dist: int = 0,
    ) -> None:
        if source != target:
            self.found.append(Found(rel, source, target, sent, round(confidence, 2), method, role, dist))

    # ---- one sentence ----------------------------------------------------------------------------
    def sentence(self, refs: list[Ref]) -> None:
        first = len(self.found)
        self._pairs(refs)
        self._described_group_only(first, refs)
        self._nearest_group_only(first)
        self._subject_groups_only(first)

    def _described_group_only(self, first: int, refs: list[Ref]) -> None:
        """'JeM, the group led by Masood Azhar, ... the TRF': the person leads the described group only."""
        doc = self.view.doc
        owned: dict[int, int] = {}
        for ref in refs:
            if self.types[ref.entity] is NodeType.LEADER and not ref.anaphor:
                group = described_group(self, doc[ref.root])
                if group is not None:
                    owned[ref.entity] = group
        if owned:
            self.found[first:] = [
                f
                for f in self.found[first:]
                if f.type is not RelType.LEADS or f.source not in owned or f.target == owned[f.source]
            ]

    def _nearest_group_only(self, first: int) -> None:
        """A person's role attaches to the nearest group of the sentence ('the group split from MILF under
        the leadership of X': X leads the group, not MILF)."""
        ties = {RelType.LEADS, RelType.MEMBER_OF}
        best: dict[tuple[int, RelType], int] = {}
        for f in self.found[first:]:
            if f.type in ties:  # direct ties (dist -1) always hold; others only if nothing is nearer
                key = (f.source, f.type)  # leading one group and belonging to another can both hold
                best[key] = min(best.get(key, 99), max(f.dist, 0))
        self.found[first:] = [
            f
            for f in self.found[first:]
            if f.type not in ties or f.dist < 0 or f.dist <= best[(f.source, f.type)]
        ]

    def _subject_groups_only(self, first: int) -> None:
        """Where several groups reach one place, the group the clause is about (its subject) keeps it."""
        doc = self.view.doc
        by_place: dict[int, list[int]] = {}
        for n in range(first, len(self.found)):
            f = self.found[n]
            if f.type is RelType.OPERATES_IN:
                by_place.setdefault(f.target, []).append(n)
        drop: set[int] = set()
        place_at: dict[int, int] | None = None
        for indices in by_place.values():
            if len({self.found[n].source for n in indices}) < 2:
                continue
            subjects = [n for n in indices if self._is_subject(self.found[n].source, doc)]
            if not subjects:
                continue
            if place_at is None:
                place_at = self.view.entities_by_token(NodeType.PLACE)
            for n in indices:
                f = self.found[n]
                kept = n in subjects or self._holds_place(f.source, f.target, place_at)
                if not kept and not self._companion(f.source):
                    drop.add(n)
        if drop:
            self.found[first:] = [f for n, f in enumerate(self.found[first:], start=first) if n not in drop]

    def _holds_place(self, group: int, place: int, place_at: dict[int, int]) -> bool:
        """'besieged IMU positions in Zabul': the group owns the thing the place is given for."""
        for ref in self._current:
            tok = self.view.doc[ref.root]
            if (
                ref.entity != group
                or tok.dep_ not in {"compound", "poss"}
                or tok.head.lower_ not in _HOLDINGS
            ):
                continue
            for prep in (c for c in tok.head.children if c.dep_ == "prep" and c.lower_ in _IN_PREPS):
                if any(place_at.get(g.i) == place for g in prep.children if g.dep_ == "pobj"):
                    return True
        return False

    def _companion(self, entity: int, path: list[Token] | None = None) -> bool:
        """'NSCN(K) cadres, along with cadres of KYKL, ambushed a convoy in X': a group acting together
        with the subject shares its place (when the place is given in that same clause)."""
        if path is not None and sum(t.pos_ == "VERB" for t in path) > 1:
            return False
        for ref in self._current:
            if ref.entity != entity:
                continue
            tok = _clause_role(self.view.doc[ref.root])
            if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in _HOLDINGS:
                tok = tok.head.head  # 'cadres of KYKL'
            prep = tok.head
            if tok.dep_ == "pobj" and (
                prep.lower_ == "alongside"
                or (prep.lower_ == "with" and prep.head.lower_ in {"along", "together"})
            ):
                return True
        return False

    def _is_subject(self, entity: int, doc: object) -> bool:
        for ref in self._current:
            if ref.entity != entity:
                continue
            tok = _clause_role(self.view.doc[ref.root])
            if tok.dep_ in {"nsubj", "nsubjpass"} or (
                tok.dep_ == "pobj" and tok.head.lower_ == "by" and not _in_modifier(tok.head.head)
            ):
                return True
        return False

    def _pairs(self, refs: list[Ref]) -> None:
        self._current = refs
        for a, b in combinations(refs, 2):
            if a.entity == b.entity or a.root == b.root:
                continue
            ta, tb = self.types[a.entity], self.types[b.entity]
            if "affiliation" in (a.kind, b.kind) and not ta is tb is NodeType.GROUP:
                continue  # 'IS-linked fighters overran X': the tie word's group does not act
            if "owner" in (a.kind, b.kind) and NodeType.PLACE in (ta, tb):
                continue  # "al-Qa'ida's branch in the Sahel": the branch is there, not its parent
            if (ta, tb) in _SWAP:
                a, b, ta, tb = b, a, tb, ta
            handler = _HANDLERS.get((ta, tb))
            if handler is None:
                continue
            doc = self.view.doc
            path = path_tokens(doc[a.root], doc[b.root])
            if path is not None:
                path = reattach_clause(path)
            if path is None or len(path) > _MAX_PATH:
                continue
            if self._blocked(path, a, b):
                continue
            handler(self, a, b, path)
            if ta is tb is NodeType.PLACE:
                handler(self, b, a, list(reversed(path)))

    def _blocked(self, path: list[Token], a: Ref, b: Ref) -> bool:
        """A path through a third actor (group or person) belongs to that actor, unless coordinated."""
        doc = self.view.doc
        actors = {self.types[a.entity], self.types[b.entity]} & {NodeType.GROUP, NodeType.LEADER}
        if not actors:
            actors = {self.types[a.entity]}
        for tok in path:
            owner = self.view.owner[tok.i]
            if owner < 0:
                continue
            m = self.view.mentions[owner]
            if m.entity in (a.entity, b.entity) or m.type not in actors:
                continue
            conj = {t.i for t in tok.conjuncts}
            # 'by A, a preacher from X, and B': the parser joins B to A's description, not to A
            conj |= {t.i for c in tok.children if c.dep_ == "appos" for t in c.conjuncts}
            if actors == {NodeType.GROUP}:
                conj |= listed_appositives(tok)
            if doc[a.root].i not in conj and doc[b.root].i not in conj:
                return True
        if NodeType.LEADER in actors and NodeType.GROUP in actors:
            # 'joined a front-line Al-Qaida unit ... with the Taliban': the unit belongs to Al-Qaida.
            for n, tok in enumerate(path[:-1]):
                if n == 0 and tok.dep_ == "appos" and tok.lower_ in lx.LEAD_NOUNS | lx.MEMBER_NOUNS:
                    continue  # 'X, a former MUJAO spokesman who became ...': his earlier role, not a unit
                for child in tok.children:
                    owner = self.view.owner[child.i]
                    if child.dep_ in {"compound", "poss"} and owner >= 0:
                        m = self.view.mentions[owner]
                        if m.type is NodeType.GROUP and m.entity not in (a.entity, b.entity):
                            return True
        return False

    # ---- handlers ---------------------------------------------------------------------------------
    def trains(self, a: Ref, c: Ref, path: list[Token]) -> None:
        words = cue_words(path)
        if words & {"strike", "strikes", "attack", "attacked", "raid", "bomb", "bombed"}:
            return
        doc = self.view.doc
        if _owns_a_named_part(self.view, doc[a.root]):
            return  # "ULFA's anti-talks wing, ULFA (Independent)": the named part trains, not its parent
        conf = 0.8
        if not path and doc[a.root].dep_ in {"poss", "compound"}:
            method = "camp-owner"
        elif words & lx.TRAIN_WORDS:
            method = "training-path"
            conf = 0.75
        elif self.types[a.entity] is NodeType.GROUP and sentence_trains(doc, a.root):
            method, conf = "training-sentence", 0.55
        else:
            return
        if a.anaphor:
            conf -= 0.2
        self.emit(RelType.TRAINS_AT, a.entity, c.entity, a.sent, conf, method)

    def operates(self, g: Ref, p: Ref, path: list[Token]) -> None:
        # 'the port of', 'the town of' add words, not distance
        steps = [t for t in path if t.lower_ != "of" and t.lower_ not in lx.PLACE_HEADS]
        if g.kind in {"members", "there"} or p.anaphor or len(steps) > _MAX_OPERATE_PATH:
            return
        if self.view.in_dateline(p.root):
            return
        if self._described_for_another(g, p):
            return  # 'funds to MIT, a group operating in X': the description places MIT, not the giver
        based = bool(cue_words(path) & lx.OPERATE_WORDS)
        if not (based or locative_governor(path)):
            return
        if someone_elses_event(path, self.view.doc[g.root]) and not self._companion(g.entity, path):
            return
        if self._persons_role(self.view.doc[g.root], path):
            return
        if "against" in {t.lower_ for t in path} and not based:
            return
        if tells_origin(path) or not_the_groups_place(path):
            return  # 'a founder of the group, killed in X', 'a member of the group, arrested in Y'
        owner_noun = self.view.doc[g.root].head.head
        if self.view.doc[g.root].dep_ == "pobj" and owner_noun.lower_ in _TIE_NOUNS:
            return  # 'declared its loyalty to al-Qaeda and operated from Derna': al-Qaeda did not
        conf = 0.75 if based or len(path) <= 3 else 0.6
        if g.anaphor:
            conf -= 0.15
        self.emit(RelType.OPERATES_IN, g.entity, p.entity, g.sent, conf, "locative-path")

    def _described_for_another(self, g: Ref, p: Ref) -> bool:
        char = self.view.doc[p.root].idx
        return any(
            start <= char < end and self.view.mentions[idx].entity != g.entity
            for start, end, idx in described_spans(self.view)
        )

    def _persons_role(self, group: Token, path: list[Token]) -> bool:
        """'X, a senior Al-Qaida commander who was indicted in Y': the group names a person's role; the
        relative clause on that role tells the person's story, not the group's."""
        noun = group.head
        if (
            group.dep_ not in {"compound", "poss", "nmod"}
            or noun.lower_ not in lx.LEAD_NOUNS | lx.MEMBER_NOUNS
        ):
            return False
        if not any(t.dep_ == "relcl" and t.head.i == noun.i for t in path):
            return False
        linked = [noun.head] if noun.dep_ == "appos" else []
        linked += [c for c in noun.children if c.dep_ == "appos"]
        return any(self.view.type_at(t.i) is NodeType.LEADER for t in linked)


def _clause_role(tok: Token) -> Token:
    """The token whose dependency says what a name does in its clause: 'SSP militants' -> 'militants',
    'a front calling itself Al-Faran' -> 'front'."""
    while tok.head.i != tok.i:
        if tok.dep_ in {"compound", "poss", "conj", "appos"}:
            tok = tok.head
        elif tok.dep_ == "oprd" and tok.head.dep_ == "acl":
            tok = tok.head.head
        else:
            break
    return tok


def _in_modifier(verb: Token) -> bool:
    """'a front, widely believed to be controlled by X, kidnapped ...': X acts only inside the modifier."""
    while verb.dep_ in {"xcomp", "conj", "ccomp"} and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ in {"acl", "relcl", "amod"}


_SWAP = {
    (NodeType.GROUP, NodeType.LEADER),
    (NodeType.CAMP, NodeType.GROUP),
    (NodeType.CAMP, NodeType.LEADER),
    (NodeType.PLACE, NodeType.CAMP),
    (NodeType.PLACE, NodeType.GROUP),
}
_PART_NOUNS = frozenset({"wing", "faction", "branch", "unit", "arm", "cell", "affiliate", "splinter"})


def _owns_a_named_part(view: DocView, group: Token) -> bool:
    """The group owns a part the text names in apposition: "ULFA's wing, ULFA (I)", 'the Khaplang faction of
    the NSCN, NSCN(K)'."""
    tok = name_head(group)
    if tok.dep_ == "poss":
        part = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ == "of":
        part = tok.head.head
    else:
        return False
    if part.lower_ not in _PART_NOUNS:
        return False
    own = view.owner[group.i]
    named = {view.owner[t.i] for t in part.subtree} - {-1, own}
    return any(view.mentions[o].type is NodeType.GROUP for o in named)


_HANDLERS = {
    (NodeType.LEADER, NodeType.GROUP): leader_group,
    (NodeType.GROUP, NodeType.GROUP): group_group,
    (NodeType.GROUP, NodeType.CAMP): RelationFinder.trains,
    (NodeType.LEADER, NodeType.CAMP): RelationFinder.trains,
    (NodeType.CAMP, NodeType.PLACE): located,
    (NodeType.PLACE, NodeType.PLACE): located,
    (NodeType.GROUP, NodeType.PLACE): RelationFinder.operates,
    (NodeType.LEADER, NodeType.LEADER): kin,
}
