"""'The two factions have fought each other ever since': a pair of groups spoken of as 'the two ...' or
'both groups' is the last two groups the text named."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.ontology import NodeType, RelType
from ingest.extract import lexicon as lx
from ingest.extract.context import Ref
from ingest.extract.doc_view import DocView
from ingest.extract.factions import faction_name
from ingest.extract.normalize import lemma
from ingest.extract.relations import RelationFinder

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_PAIR_NOUNS = frozenset(
    {"groups", "factions", "organisations", "organizations", "movements", "outfits", "networks", "wings",
     "rivals", "militias", "affiliates", "branches"}
)  # fmt: skip
_HOSTILE_VERBS = frozenset({"fight", "clash", "battle", "compete", "feud", "war", "skirmish", "vie"})
_FRIENDLY_VERBS = frozenset(
    {"cooperate", "collaborate", "coordinate", "merge", "ally", "unite", "join", "share", "support"}
)
LOOKBACK_SENTS = 2


def the_two_groups(finder: RelationFinder, view: DocView, refs: list[Ref]) -> None:
    named = sorted(
        (r for r in refs if not r.anaphor and finder.types[r.entity] is NodeType.GROUP), key=lambda r: r.root
    )
    for tok in view.tokens_among(_PAIR_NOUNS | {"two"}):
        count = 2 if _bare_two(tok) else _counted(tok)
        if not count:
            continue
        verb = tok.head
        if tok.dep_ not in {"nsubj", "nsubjpass"} or verb.pos_ not in {"VERB", "AUX"}:
            continue
        rel = _relation_of(verb)
        if rel is None:
            continue
        sent = view.tok_sent[tok.i]
        named_here = {r.entity for r in named if r.sent == sent and r.root < tok.i}
        if any(r.sent == sent for r in named) and not (count == 2 and len(named_here) == 2):
            continue  # the sentence names its groups itself, and not as the pair 'the two' speaks of
        if count == 2:
            pair = last_two_named(named, tok.i, sent, view)
            if pair is not None:
                finder.emit(rel, pair[0], pair[1], sent, 0.55, "the-two-groups")
            continue
        factions = _last_factions(view, named, tok.i, count) if tok.lower_ == "factions" else []
        for n, a in enumerate(factions):  # 'the three factions clashed with one another'
            for b in factions[n + 1 :]:
                finder.emit(rel, a, b, sent, 0.5, "the-n-factions")


_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4}


def _bare_two(tok: Token) -> bool:
    """'but the two have carried out joint attacks': 'the two' standing alone for a pair."""
    return tok.lower_ == "two" and tok.pos_ == "NUM" and any(c.lower_ == "the" for c in tok.children)


def _counted(noun: Token) -> int:
    """How many groups 'the two groups', 'both factions', 'the three factions' speak of (0: not said)."""
    words = {c.lower_ for c in noun.children if c.dep_ in {"nummod", "det", "predet", "amod"}}
    return max((_COUNTS[w] for w in words if w in _COUNTS), default=0)


def _last_factions(view: DocView, named: list[Ref], before: int, count: int) -> list[int]:
    """The last `count` factions (groups named as a parent's faction) the text named before a token."""
    seen: list[int] = []
    for ref in reversed([r for r in named if r.root < before]):
        owner = view.owner[ref.root]
        if owner < 0 or not faction_name(view.mentions[owner].text) or ref.entity in seen:
            continue
        seen.append(ref.entity)
        if len(seen) == count:
            return seen
    return []


def _relation_of(verb: Token) -> RelType | None:
    verbs = [verb, *(c for c in verb.children if c.dep_ in {"xcomp", "conj"} and c.pos_ == "VERB")]
    for v in verbs:
        word = lemma(v.text)
        if word in _HOSTILE_VERBS or v.lower_ in lx.RIVAL_WORDS:
            return RelType.RIVAL_OF
        if word in _FRIENDLY_VERBS or v.lower_ in lx.ALLY_WORDS:
            return RelType.ALLIED_WITH
    objects = [c for c in verb.children if c.dep_ in {"dobj", "attr"}]
    if {o.lower_ for o in objects} & lx.RIVAL_WORDS:
        return RelType.RIVAL_OF  # 'the two groups are rivals', 'waged war'
    if any(
        m.lower_ in {"joint", "shared", "common"} for o in objects for m in o.children if m.dep_ == "amod"
    ):
        return RelType.ALLIED_WITH  # 'the two have carried out joint attacks'
    return None


def last_two_named(named: list[Ref], before: int, sent: int, view: DocView) -> tuple[int, int] | None:
    """The last two groups of `named` before token `before`, within a few sentences of `sent`, as
    (older, newer)."""
    seen: list[int] = []
    for ref in reversed([r for r in named if r.root < before]):
        if sent - view.tok_sent[ref.root] > LOOKBACK_SENTS:
            break
        if ref.entity not in seen:
            seen.append(ref.entity)
        if len(seen) == 2:
            return seen[1], seen[0]
    return None


_UNION_NOUNS = frozenset(
    {"merger", "amalgamation", "coalition", "alliance", "umbrella", "union", "grouping", "conglomerate",
     "confederation", "federation", "bloc"}
)  # fmt: skip
_MAX_GAP = 4


def merger_lists(finder: RelationFinder, view: DocView, refs: list[Ref]) -> None:
    """'JNIM was announced as a merger of Ansar Eddine, the Katiba Macina, Al-Mourabitoun and the Saharan
    branch of AQIM', 'an umbrella for several groups, including A and B': every listed group is allied
    with every other and with the group they formed."""
    doc = view.doc
    group_at = view.entities_by_token(NodeType.GROUP)
    for tok in view.tokens_among(_UNION_NOUNS):
        if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ not in {"of", "for"}:
            continue
        members = _listed_groups(doc, tok.i + 2, group_at)
        if len(members) < 2:
            continue
        formed = _formed_group(view, tok, group_at)
        if formed is None:
            formed = _subject_anaphor(finder, refs, tok)
        _ally_merged(finder, members, formed, view.tok_sent[tok.i], "merger-list")


_MAX_LEAD = 8


def _listed_groups(doc: Doc, start: int, group_at: dict[int, int]) -> list[int]:
    members: list[int] = []
    gap = 0
    k = start
    # 'a merger of about a dozen small factions, among them A, B and C': words may describe the list first
    while k < len(doc) and gap <= (_MAX_GAP if members else _MAX_LEAD):
        tok = doc[k]
        if (
            tok.text in {".", ";"}
            or (tok.text == ":" and members)
            or (tok.pos_ in {"VERB", "AUX"} and tok.lower_ != "including")
            or "\n" in tok.text
        ):
            break  # 'a merger of four groups: A, B, C and D': a colon may open the list
        entity = group_at.get(k)
        owner = k + 1 < len(doc) and doc[k + 1].lower_ in {"'s", "\u2019s"}  # "AQIM's Sahara Emirate"
        if entity is not None and not owner:
            if entity not in members:
                members.append(entity)
            gap = 0
        elif tok.lower_ not in {",", "(", ")", "and", "or"}:
            gap += 1
        k += 1
    return members


def _formed_group(view: DocView, noun: Token, group_at: dict[int, int]) -> int | None:
    """The group the union made: a group named in the same sentence before the union noun."""
    sent = view.sents[view.tok_sent[noun.i]]
    before = [group_at[i] for i in range(sent.start, noun.i) if i in group_at]
    return before[0] if before else None


def _subject_anaphor(finder: RelationFinder, refs: list[Ref], noun: Token) -> int | None:
    """'It was announced as a merger of ...': the group a subject pronoun before the union noun stands for."""
    for ref in refs:
        tok = noun.doc[ref.root]
        subject = tok.dep_ in {"nsubj", "nsubjpass"} and tok.sent == noun.sent and tok.i < noun.i
        if ref.anaphor and subject and finder.types[ref.entity] is NodeType.GROUP:
            return ref.entity
    return None


_FORM_VERBS = frozenset({"form", "create", "establish", "found", "launch"})


def merger_verbs(finder: RelationFinder, view: DocView) -> None:
    """'AAD merged with al-Murabitun, the FLM and AQIM's Sahara Emirate to form JNIM'; 'MUJAO and AMB
    announced their merger': the merging groups are allied with each other and with what they formed."""
    doc = view.doc
    group_at = view.entities_by_token(NodeType.GROUP)
    for tok in view.tokens_among(frozenset({"merged", "merge", "merging", "merger"})):
        verb = tok if tok.pos_ == "VERB" else tok.head if _owned_by_subject(tok) else None
        if verb is None:
            continue
        members = _subject_groups(verb, group_at)
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"):
            members += [m for m in _listed_groups(doc, prep.i + 1, group_at) if m not in members]
        if len(members) < 2:
            continue
        formed = _made_group(verb, group_at)
        if formed is None and tok.pos_ == "NOUN":
            formed = _formed_group(view, tok, group_at)
        _ally_merged(finder, members, formed, view.tok_sent[tok.i], "merger-verb")


def _ally_merged(finder: RelationFinder, members: list[int], formed: int | None, sent: int, how: str) -> None:
    """Merging groups are allied with each other and with the group they formed."""
    for n, a in enumerate(members):
        for b in members[n + 1 :]:
            finder.emit(RelType.ALLIED_WITH, a, b, sent, 0.6, how)
    if formed is not None and formed not in members:
        for member in members:
            finder.emit(RelType.ALLIED_WITH, formed, member, sent, 0.6, how)


def _owned_by_subject(noun: Token) -> bool:
    """'announced their merger': the merger belongs to the verb's subject."""
    return noun.dep_ == "dobj" and any(c.dep_ == "poss" and c.lower_ == "their" for c in noun.children)


def _subject_groups(verb: Token, group_at: dict[int, int]) -> list[int]:
    out: list[int] = []
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            for t in child.subtree:
                entity = group_at.get(t.i)
                if entity is not None and entity not in out:
                    out.append(entity)
    return out


def _made_group(verb: Token, group_at: dict[int, int]) -> int | None:
    """'... to form JNIM', '... into the JNIM coalition'."""
    for t in verb.subtree:
        made = (t.dep_ == "dobj" and lemma(t.head.text) in _FORM_VERBS) or (
            t.dep_ == "pobj" and t.head.lower_ == "into" and t.head.head.i == verb.i
        )
        if made:
            for piece in t.subtree:
                if piece.i in group_at:
                    return group_at[piece.i]
    return None


_FRONT_NOUNS = _UNION_NOUNS | {"front", "platform", "council", "coordination", "bloc"}


def joined_fronts(finder: RelationFinder, view: DocView) -> None:
    """'the faction joined ULFA (Independent), the NSCN(K) and the KLO in an umbrella front, the UNLFW',
    'joined Jabhatul Islamiya in forming Hizbul Islam': the joiner and the groups it joined are allied with
    each other and with the front they formed."""
    doc = view.doc
    group_at = view.entities_by_token(NodeType.GROUP)
    for verb in view.tokens_among(frozenset({"joined", "join", "joins", "joining"})):
        if verb.pos_ != "VERB":
            continue
        sent = view.sents[view.tok_sent[verb.i]]
        into = next((t for t in doc[verb.i + 1 : sent.end] if t.lower_ in {"in", "into", "to"}), None)
        if into is None or not (_front_follows(doc, into, sent.end) or _forming_follows(doc, into, sent.end)):
            continue
        members = _subject_groups(verb, group_at)
        members += [g for g in _listed_groups(doc, verb.i + 1, group_at) if g not in members]
        members = [g for g in members if _named_before(group_at, g, into.i)]
        front = next((group_at[i] for i in range(into.i, sent.end) if i in group_at), None)
        if front is not None and len(members) >= 2:
            _ally_merged(finder, members, front, view.tok_sent[verb.i], "joined-front")


def _front_follows(doc: Doc, into: Token, end: int) -> bool:
    return any(t.lower_ in _FRONT_NOUNS for t in doc[into.i : min(end, into.i + 5)])


def _forming_follows(doc: Doc, into: Token, end: int) -> bool:
    """'joined Ansar Eddine and other groups in forming JNIM', '... to form the UNLFW'."""
    nxt = doc[into.i + 1] if into.i + 1 < end else None
    return nxt is not None and nxt.pos_ == "VERB" and lemma(nxt.text) in _FORM_VERBS


def _named_before(group_at: dict[int, int], entity: int, end: int) -> bool:
    return any(i < end and e == entity for i, e in group_at.items())
