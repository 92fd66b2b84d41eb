"""Person and group in one sentence: does the person lead the group, belong to it, or neither?"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.ontology import NodeType, RelType
from ingest.extract import lexicon as lx
from ingest.extract.context import Ref, apposed_group, cue_words
from ingest.extract.doc_view import Mention
from ingest.extract.normalize import lemma
from ingest.extract.paths import agent_of, direct_tie, name_head, taken_over
from ingest.extract.role_paths import (
    COPULAS,
    adjunct_after,
    fought_for,
    groups_own_role,
    participle_aside,
    raised,
    under_command_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ingest.extract.relations import RelationFinder

HOSTILE_ACTS = frozenset(
    {"kidnap", "kidnapped", "kill", "killed", "murder", "murdered", "abduct", "abducted", "behead",
     "beheaded", "assassinate", "assassinated", "assassination", "target", "targeted", "hostage", "hostages",
     "victim", "rescue", "rescued", "capture", "captured", "hold", "held", "guard", "guarded", "shoot",
     "shot", "arrest", "arrested", "detain", "detained", "wanted", "condemn", "condemned", "blame", "blamed",
     "accuse", "accused", "ban", "banned", "designate", "designated", "journalist", "against", "strike",
     "strikes", "raid", "bomb", "bombed", "attack", "attacked"}
)  # fmt: skip
BREAK_WORDS = frozenset(
    {"defect", "defected", "leave", "left", "quit", "abandon", "abandoned", "expel", "expelled", "oust",
     "ousted"}
)  # fmt: skip
_HYPOTHETICAL = frozenset(
    {"future", "possible", "potential", "would-be", "aspiring", "prospective", "likely"}
)


def leader_group(finder: RelationFinder, p: Ref, g: Ref, path: list[Token]) -> None:
    titled = _titled_by_group(finder, p, g)
    if titled is not None:  # 'Lashkar-e-Tayyiba operative David Headley', 'TTP commander X'
        rel = RelType.LEADS if titled in lx.LEAD_NOUNS else RelType.MEMBER_OF
        finder.emit(rel, p.entity, g.entity, p.sent, 0.85, "group-title", titled, -1)
        return
    if not path:
        person = finder.view.doc[p.root]
        if person.dep_ == "poss" and person.head.i == g.root:
            # "Gulbuddin Hekmatyar's Hezb-e-Islami", "Mangal Bagh's Lashkar-e-Islam": the group is his
            finder.emit(RelType.LEADS, p.entity, g.entity, p.sent, 0.6, "person-s-group", None, -1)
            return
        _role_of_appositive_group(finder, p, g)
        return
    if _another_groups_noun(finder, p, finder.view.doc[g.root], path):
        return  # "Al-Shabaab's rival is ISS, a faction founded by X": X founded the rival
    whose = _whose_role(finder, p, g)
    if whose is not None:  # 'Jaish-e-Mohammed, whose founder Masood Azhar ...'
        rel = RelType.LEADS if whose in lx.LEAD_NOUNS else RelType.MEMBER_OF
        finder.emit(rel, p.entity, g.entity, p.sent, 0.8, "whose-role", whose, -1)
        return
    if [t.lower_ for t in path[-2:]] == ["behalf", "of"] and agent_of(path[0], finder.view.doc[p.root]):
        finder.emit(RelType.MEMBER_OF, p.entity, g.entity, p.sent, 0.7, "on-behalf-of", None, -1)
        return
    if fought_for(path):  # 'a militant who had earlier fought with the IMU'
        finder.emit(RelType.MEMBER_OF, p.entity, g.entity, p.sent, 0.6, "fought-with", None, len(path))
        return
    words = cue_words(path)
    bare = cue_words(path, modifiers=False)
    # 'broke away and founded what became X': the conjoined founding verb, not the break, reaches X
    founded_after = any(t.dep_ == "conj" and lemma(t.text) in lx.LEAD_VERBS for t in path)
    if bare & BREAK_WORDS and not bare & HOSTILE_ACTS and not founded_after:
        _left_for(finder, p, g, path)
        return
    if bare & HOSTILE_ACTS:
        return
    if any(t.dep_ in {"ccomp", "xcomp"} and t.head in path and not raised(t) for t in path):
        return  # "the chairman stated that ... Mullah Omar": the path crosses into a reported clause
    group = finder.view.doc[g.root]
    acts = any(
        t.pos_ in {"VERB", "AUX"}
        and (lemma(t.text) in lx.LEAD_VERBS or taken_over(t))
        and agent_of(t, finder.view.doc[p.root])
        and not adjunct_after(path, n, group)
        and not participle_aside(finder, path, n, g)
        for n, t in enumerate(path)
    )  # the person founded / leads / took over the group
    lead = bool(words & lx.LEAD_NOUNS) or acts
    member = bool(words & lx.MEMBER_NOUNS) or any(lemma(t.text) in lx.MEMBER_VERBS for t in path)
    own_role = groups_own_role(path, group)
    is_role = any(t.lower_ in COPULAS or lemma(t.text) in {"become", "remain"} for t in path)
    if own_role and is_role and not acts:  # 'its founders ... were SSP activists': the group's own word
        lead = path[-1].lower_ in lx.LEAD_NOUNS
        member = not lead
    governing = member and bool(words & _GOVERNING_BODIES)
    if governing:
        lead = True  # 'a member of Al-Qaida's Shura Council', "ASG's central committee": its leadership
    person = finder.view.doc[p.root]
    if person.dep_ == "pobj" and person.head.lower_ == "under" and person.head in path:
        lead = True  # 'the group regrouped under X'
    if under_command_of(person):
        lead = True  # 'the group came under the command of X'
    if len(path) == 1 and path[0].lower_ == "of" and path[0].head.i == g.root and person.head.i == path[0].i:
        lead = True  # 'the Holy Spirit Movement of Alice Lakwena'
    if lead and words & _HYPOTHETICAL and not words & lx.LEAD_VERBS:
        lead, member = False, True  # 'groomed as a possible future leader': a member, not yet a leader
    role = _role_of(finder, p)
    if role and (member or len(path) <= 1) and not lead:
        lead = role in lx.LEAD_NOUNS or role in {
            "commander",
            "amir",
            "emir",
            "chief",
            "leader",
            "founder",
        }
    if member and not lead and len(path) > 4:
        return
    conf = 0.85 if len(path) <= 3 else 0.7
    if p.anaphor or g.anaphor:
        conf -= 0.2
    dist = -1 if acts or governing or direct_tie(path) or own_role else len(path)
    if lead and _leads_a_part(path, group):
        finder.emit(RelType.MEMBER_OF, p.entity, g.entity, p.sent, 0.6, "leads-a-faction", None, dist)
        return  # 'a JMB faction led by X', 'a group of IM cadres led by X': X leads the part, not JMB
    if lead:
        cue = next((t.lower_ for t in path if t.lower_ in lx.LEAD_NOUNS), None)
        role_text = _full_role(finder, p) or cue
        finder.emit(RelType.LEADS, p.entity, g.entity, p.sent, conf, "role-path", role_text, dist)
    elif member:
        finder.emit(RelType.MEMBER_OF, p.entity, g.entity, p.sent, conf, "member-path", None, dist)


# Nouns a group's possessive turns into another group: its rival, its ally, its offshoot.
_OTHER_GROUP_NOUNS = frozenset(
    {"rival", "rivals", "competitor", "competitors", "enemy", "enemies", "foe", "foes", "adversary",
     "adversaries", "ally", "allies", "partner", "partners", "splinter", "successor", "predecessor"}
)  # fmt: skip


def _another_groups_noun(finder: RelationFinder, p: Ref, group: Token, path: list[Token]) -> bool:
    """The path reaches the group only through a noun for another group: its rival, or its affiliate
    named beside it. A tie the path states belongs to that named affiliate."""
    noun = group.head
    if group.dep_ not in {"poss", "compound"} or not any(t.i == noun.i for t in path):
        return False
    if noun.lower_ in _OTHER_GROUP_NOUNS:
        return group.dep_ == "poss"
    unit = _named_by_apposition(finder, noun) if noun.lower_ in lx.GROUP_PART_NOUNS else None
    if unit is None:
        return False
    words = cue_words(path)
    led = words & lx.LEAD_NOUNS or any(lemma(t.text) in lx.LEAD_VERBS for t in path)
    if led or words & lx.MEMBER_NOUNS:
        rel = RelType.LEADS if led else RelType.MEMBER_OF
        finder.emit(rel, p.entity, unit.entity, p.sent, 0.7, "unit-named-beside", None, len(path))
    return True


def _named_by_apposition(finder: RelationFinder, noun: Token) -> Mention | None:
    """The noun is set beside a group's name ('JNIM, the al-Qaida affiliate'), either way round."""
    view = finder.view
    named = apposed_group(view, noun)
    if named is not None:
        return named
    modifiers = [c.left_edge.i for c in noun.lefts if c.dep_ in {"det", "amod", "compound", "poss", "nmod"}]
    # read off the surface too: the parser often drops the apposition
    owner = view.mention_before_comma(min([noun.i, *modifiers]))
    m = view.mentions[owner] if owner >= 0 else None
    return m if m is not None and m.type is NodeType.GROUP and m.entity >= 0 else None


_FOUNDING = frozenset({"found", "form", "create", "establish", "launch", "set", "start", "co-found"})


_PART_NOUNS = frozenset(
    {"faction", "section", "splinter", "breakaway", "cell", "cells", "band", "remnant", "remnants"}
)


_SPLITTING = BREAK_WORDS | {"break", "broke", "split", "splinter", "fell", "form", "formed"}


def _leads_a_part(path: list[Token], group: Token) -> bool:
    """The leading verb governs a part of the group that breaks away: 'a JMB faction led by X broke with the
    old leadership', 'a group of IM cadres led by X ... broke away'."""
    led = next((t for t in path if t.dep_ == "acl" and lemma(t.text) in lx.LEAD_VERBS), None)
    if led is None:
        return False
    noun = led.head
    tied = {c.i for c in noun.subtree}
    if group.i not in tied or group.i == noun.i:
        return False
    breaking = any(lemma(t.text) in _SPLITTING or t.lower_ in _SPLITTING for t in led.sent)
    if not breaking:
        return False  # 'the Abu Sayyaf faction led by Hapilon' seized Marawi: he leads in Abu Sayyaf
    if noun.lower_ in _PART_NOUNS:
        return True
    members = [c for c in noun.children if c.lower_ == "of"]
    return noun.lower_ == "group" and any(t.lower_ in lx.MEMBER_NOUNS for m in members for t in m.subtree)


def _left_for(finder: RelationFinder, p: Ref, g: Ref, path: list[Token]) -> None:
    """'X left A to found B', 'X quit A and formed B', 'X defected to B': a member of the group left (or
    joined), the leader of the one founded."""
    person = finder.view.doc[p.root]
    group = finder.view.doc[g.root]
    broke = next((t for t in path if lemma(t.text) in BREAK_WORDS or t.lower_ in BREAK_WORDS), None)
    if broke is None:
        return
    misparsed = broke.dep_ == "acl" and broke.head.i == name_head(person).i
    if not (agent_of(broke, person) or misparsed):  # 'X, a former ideologue, defected ...' parsed as acl
        return
    anchor = group
    while anchor.dep_ in {"compound", "conj", "appos"} and anchor.head.i != anchor.i:
        anchor = anchor.head
    if anchor.head.i == broke.i and anchor.dep_ == "dobj":
        finder.emit(RelType.MEMBER_OF, p.entity, g.entity, p.sent, 0.6, "left-group")  # 'left A'
        return
    prep = anchor.head if anchor.dep_ == "pobj" else None
    if prep is not None and prep.head.i == broke.i and prep.lower_ in {"from", "to", "for"}:
        finder.emit(RelType.MEMBER_OF, p.entity, g.entity, p.sent, 0.6, "left-group")  # 'from A', 'to B'
        return
    founded = anchor.head if anchor.dep_ == "dobj" else None
    if (
        founded is not None
        and lemma(founded.text) in _FOUNDING
        and (founded.head.i == broke.i or agent_of(founded, person))
    ):
        finder.emit(RelType.LEADS, p.entity, g.entity, p.sent, 0.7, "left-to-found")


_GOVERNING_BODIES = frozenset({"shura", "politburo", "majlis", "council", "committee"})


def _whose_role(finder: RelationFinder, p: Ref, g: Ref) -> str | None:
    """', whose founder X': the role belongs to the nearest group before the relative clause (read off
    the surface, because the parser often hangs such clauses on the wrong noun)."""
    view = finder.view
    owner = view.owner[p.root]
    if owner < 0 or p.anaphor:
        return None
    k = view.mentions[owner].tok_start - 1
    doc = view.doc
    if k < 2 or doc[k].lower_ not in lx.LEAD_NOUNS | lx.MEMBER_NOUNS:
        return None
    j = k - 1
    while j > 0 and doc[j].pos_ == "ADJ" and k - j <= 2:
        j -= 1  # 'whose long-time leader'
    if doc[j].lower_ != "whose" or doc[j - 1].text != ",":
        return None
    sent = view.tok_sent[j]
    for i in range(j - 2, -1, -1):
        if view.tok_sent[i] != sent:
            return None
        before = view.owner[i]
        if before >= 0 and view.mentions[before].type is NodeType.GROUP:
            return doc[k].lower_ if view.mentions[before].entity == g.entity else None
    return None


def _role_of_appositive_group(finder: RelationFinder, p: Ref, g: Ref) -> None:
    """'the emir of AQIM, Abdelmalek Droukdel': the parser hangs the name on the group, not the role."""
    doc = finder.view.doc
    person, group = doc[p.root], doc[g.root]
    if person.dep_ not in {"appos", "conj"} or person.head.i != group.i or group.dep_ != "pobj":
        return
    if any(c.dep_ == "cc" and group.i < c.i < person.i for c in group.children):
        return  # 'leaders of AQIM and X': a real coordination
    prep = group.head
    noun = prep.head
    if prep.lower_ != "of" or noun.lower_ not in lx.LEAD_NOUNS | lx.MEMBER_NOUNS:
        return
    rel = RelType.LEADS if noun.lower_ in lx.LEAD_NOUNS else RelType.MEMBER_OF
    finder.emit(rel, p.entity, g.entity, p.sent, 0.8, "role-of-group-apposition", noun.lower_, -1)


def _titled_by_group(finder: RelationFinder, p: Ref, g: Ref) -> str | None:
    """The words right before the name are '<group> <role noun>': the group gives the person a title."""
    if p.anaphor or g.anaphor:
        return None
    owner = finder.view.owner[p.root]
    if owner < 0:
        return None
    k = finder.view.mentions[owner].tok_start - 1
    doc = finder.view.doc
    if k < 1 or doc[k].lower_ not in lx.LEAD_NOUNS | lx.MEMBER_NOUNS:
        return None
    j = k - 1
    while j > 0 and doc[j].lower_ in lx.TITLE_ADJECTIVES:
        j -= 1
    before = finder.view.owner[j]
    if before < 0 or finder.view.mentions[before].entity != g.entity:
        return None
    return doc[k].lower_


def _full_role(finder: RelationFinder, p: Ref) -> str | None:
    owner = finder.view.owner[p.root]
    return finder.view.mentions[owner].role if owner >= 0 else None


def _role_of(finder: RelationFinder, p: Ref) -> str | None:
    owner = finder.view.owner[p.root]
    if owner < 0:
        return None
    role = finder.view.mentions[owner].role
    if not role:
        return None
    return role.split()[-1].lower()


_LED_VERBS = frozenset(
    {"lead", "led", "found", "founded", "head", "headed", "create", "created", "run", "command"}
)
_NP_NOUNS = frozenset(
    {"group", "organisation", "organization", "network", "faction", "outfit", "movement", "militia", "front",
     "splinter", "offshoot", "coalition", "alliance", "wing", "brigade"}
)  # fmt: skip


def described_group(finder: RelationFinder, person: Token) -> int | None:
    """'Al-Mourabitoun, the Sahel-based group led by Mokhtar Belmokhtar': the group whose description
    names the person as its leader (read off the surface: the group named right before that noun phrase)."""
    while person.dep_ in {"compound", "flat"} and person.head.pos_ == "PROPN" and person.head.i > person.i:
        person = person.head  # 'Ranjeet Singh alias Neeta': the name's last word carries the role
    agent = person.head
    if person.dep_ != "pobj" or agent.lower_ != "by":
        return None
    verb = agent.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "acl" or (lemma(verb.text) not in _LED_VERBS and verb.lower_ not in _LED_VERBS):
        return None
    noun = verb.head
    if noun.lower_ not in _NP_NOUNS:
        return None
    view = finder.view
    doc = view.doc
    j = noun.left_edge.i - 1
    while j >= 0 and doc[j].is_punct:
        if doc[j].text == ")":  # 'Al-Mourabitoun (QDe.141), the group led by ...'
            while j > 0 and doc[j].text != "(":
                j -= 1
        j -= 1
    owner = view.owner[j] if j >= 0 else -1
    if owner < 0 or view.mentions[owner].type is not NodeType.GROUP:
        return None
    entity = view.mentions[owner].entity
    return entity if entity >= 0 else None


def share_with_listed_people(finder: RelationFinder) -> None:
    """'three IJU operatives - Fritz Gelowicz, Daniel Schneider, and Adem Yilmaz': a plural role noun
    names every person of the list after it, whatever the parser made of the list's middle."""
    view = finder.view
    doc = view.doc
    people = sorted(
        (m for m in view.mentions if m.type is NodeType.LEADER and m.entity >= 0 and not m.nested),
        key=lambda m: m.tok_start,
    )
    runs: list[list[Mention]] = []
    for m in people:
        prev = runs[-1][-1] if runs else None
        gap = doc[prev.tok_end : m.tok_start] if prev is not None else None
        listed = gap is not None and 0 < len(gap) <= 2 and all(t.lower_ in {",", "and", "or"} for t in gap)
        if prev is not None and listed and prev.sent == m.sent:
            runs[-1].append(m)
            continue
        runs.append([m])
    for run in runs:
        if len(run) < 2 or not _plural_role_before(doc, run[0]):
            continue
        members = {m.entity for m in run}
        ties = {
            (f.type, f.target)
            for f in finder.found
            if f.type in {RelType.LEADS, RelType.MEMBER_OF} and f.source in members and f.sent == run[0].sent
        }
        for rel, group in sorted(ties, key=lambda t: (t[0].value, t[1])):
            for m in run:
                finder.emit(rel, m.entity, group, m.sent, 0.6, "listed-people")


def _plural_role_before(doc: Doc, first: Mention) -> bool:
    """The list opens right after a plural role noun: 'operatives - A, B', 'commanders A and B'."""
    k = first.tok_start - 1
    while k >= 0 and doc[k].text in {"-", "\u2013", "\u2014", ",", ":", "("}:
        k -= 1
    return k >= 0 and doc[k].tag_ == "NNS" and doc[k].lower_ in lx.LEAD_NOUNS | lx.MEMBER_NOUNS
