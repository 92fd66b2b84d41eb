"""Two groups in one sentence: allies, rivals, or neither? Splits, mergers of the surface, 'each other'."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.ontology import NodeType, RelType
from ingest.extract import lexicon as lx
from ingest.extract.context import Ref, cue_words
from ingest.extract.doc_view import past_hyphens
from ingest.extract.leader_ties import BREAK_WORDS, HOSTILE_ACTS
from ingest.extract.normalize import lemma
from ingest.extract.paths import light_verb_objects, someone_elses_against

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ingest.extract.relations import RelationFinder

_FIGHT = frozenset({"fight", "fought", "fighting"})
_SPLIT = frozenset({"split", "splinter", "breakaway", "break"})
# What makes a split hostile: 'after a dispute', 'in protest at', 'fell out with'.
_DISPUTE = frozenset(
    {"dispute", "disputes", "protest", "quarrel", "disagreement", "disagreements", "rift", "feud", "row",
     "acrimony", "acrimonious", "bitter", "schism", "falling-out", "rivalry", "infighting"}
)  # fmt: skip


def _grew_out_of(path: list[Token]) -> bool:
    """'The IM grew out of the cadres of SIMI', 'emerged from': one group came out of the other."""
    words = [t.lower_ for t in path]
    grew = any(
        w in {"grew", "grown", "grow", "grows", "emerged", "emerge", "emerges", "sprang"} for w in words
    )
    return grew and ("out" in words or "from" in words)


def _mutual_verb(a: Token, b: Token) -> str | None:
    """The verb of 'each other' / 'one another' in a sentence where the two names are coordinated."""
    if b.i not in {t.i for t in a.conjuncts}:
        return None
    for tok in a.sent:
        if tok.lower_ in {"other", "another"} and any(c.lower_ in {"each", "one"} for c in tok.children):
            verb = tok.head if tok.head.pos_ in {"VERB", "AUX"} else tok.head.head
            return lemma(verb.text) if verb.pos_ in {"VERB", "AUX"} else None
    return None


def _in_dispute(sent: Span) -> bool:
    return any(
        t.lower_ in _DISPUTE or (t.lower_ == "fell" and t.nbor(1).lower_ == "out")
        for t in sent
        if t.i + 1 < len(t.doc)
    )


_UNNAMED_UNITS = frozenset({"faction", "splinter", "offshoot", "wing", "cell", "group", "breakaway"})


def group_group(finder: RelationFinder, a: Ref, b: Ref, path: list[Token]) -> None:
    # Modifiers count only close by: 'Al-Qaida and associated entities, specifically LeT'.
    words = cue_words(path, modifiers=len(path) <= 2) | {"joint"} & cue_words(path)
    words |= light_verb_objects(path)
    doc = finder.view.doc
    if not path and doc[a.root].dep_ == "poss" and doc[a.root].head.i == b.root:
        finder.emit(RelType.ALLIED_WITH, a.entity, b.entity, a.sent, 0.7, "wing-of")  # Hizballah's IJO
        return
    if not path and doc[b.root].dep_ == "poss" and doc[b.root].head.i == a.root:
        finder.emit(RelType.ALLIED_WITH, a.entity, b.entity, a.sent, 0.7, "wing-of")
        return
    for ref, other in ((a, b), (b, a)):
        target = _modifier_target(finder, ref)
        if target is not None:
            if target == other.entity:
                finder.emit(RelType.ALLIED_WITH, a.entity, b.entity, a.sent, 0.8, "ally-modifier")
            return  # otherwise the tie word describes a third group
    if _third_party(finder, path, a, b):
        return
    mutual = _mutual_verb(doc[a.root], doc[b.root])
    if mutual is not None:  # 'A and B have fought each other'
        hostile = mutual in _FIGHT | lx.RIVAL_WORDS | {"fight", "clash", "battle", "compete"}
        rel = RelType.RIVAL_OF if hostile else RelType.ALLIED_WITH
        finder.emit(rel, a.entity, b.entity, a.sent, 0.75, "each-other")
        return
    if _acts_against(path, doc[a.root], doc[b.root]):  # 'Hamas crushed Jund Ansar Allah'
        finder.emit(RelType.RIVAL_OF, a.entity, b.entity, a.sent, 0.6, "hostile-act")
        return
    if (words & _DISSIDENTS or _dissidents_of(doc[a.root], doc[b.root])) and _in_dispute(doc[a.root].sent):
        # 'Y was formed by dissident X members after a quarrel', 'X defectors formed Y in a rift'
        finder.emit(RelType.RIVAL_OF, a.entity, b.entity, a.sent, 0.6, "split-in-dispute")
        return
    if words & (BREAK_WORDS | _SPLIT):
        if _in_dispute(doc[a.root].sent):  # 'broke away from the IMU after a dispute'
            finder.emit(RelType.RIVAL_OF, a.entity, b.entity, a.sent, 0.6, "split-in-dispute")
        return
    conf = 0.8 if len(path) <= 4 else 0.65
    if a.anaphor or b.anaphor:
        conf -= 0.2
    fight = words & _FIGHT
    rival = words & lx.RIVAL_WORDS
    if _at_odds(path):
        rival = rival | {"war"}  # 'A has been at war with B', 'at odds with'
    if rival == {"against"} and someone_elses_against(path, finder.view.doc[a.root]):
        rival = set()
    # 'fought alongside A against B', '... alongside A to drive B out': A and B are on opposite sides
    if words >= {"alongside", "against"} or _hostile_object(path, doc[a.root], doc[b.root]):
        rival = {"against"}
    if rival or (fight and not words & {"with", "alongside"}):
        finder.emit(RelType.RIVAL_OF, a.entity, b.entity, a.sent, conf, "rival-cue")
    elif (
        words & lx.ALLY_WORDS
        or words & {"alongside"}
        or _grew_out_of(path)
        or _part_of(path)
        or _acts_with(path)
    ):
        finder.emit(RelType.ALLIED_WITH, a.entity, b.entity, a.sent, conf, "ally-cue")
    elif (joint := _joint_subjects(finder, a, b)) is not None:
        rel = RelType.RIVAL_OF if _hostile_predicate(joint) else RelType.ALLIED_WITH
        finder.emit(rel, a.entity, b.entity, a.sent, 0.55, "joint-subjects")
    elif (between := _between_pair(finder, a, b)) is not None:  # 'clashes between JNIM and ISGS'
        hostile = lemma(between.text) in _HOSTILE_NOUNS or between.lower_ in lx.RIVAL_WORDS
        friendly = between.lower_ in lx.ALLY_WORDS or lemma(between.text) in lx.ALLY_WORDS
        if hostile or friendly:
            rel = RelType.RIVAL_OF if hostile else RelType.ALLIED_WITH
            finder.emit(rel, a.entity, b.entity, a.sent, 0.6, "between-pair")


# Acts one group does to another: 'drove the MNLA out of Gao', 'attacked ISGS positions', 'expelled ISKP'.
_HOSTILE_VERBS = frozenset(
    {"attack", "drive", "expel", "oust", "rout", "crush", "kill", "ambush", "defeat", "overrun", "besiege",
     "purge", "eliminate", "target", "assassinate"}
)  # fmt: skip


def _hostile_verbs(path: list[Token]) -> list[Token]:
    return [
        t
        for t in path
        if t.pos_ == "VERB" and (lemma(t.text) in _HOSTILE_VERBS or t.lower_ in _HOSTILE_VERBS)
    ]


def _acts_against(path: list[Token], ta: Token, tb: Token) -> bool:
    """One group is the subject of a hostile verb on the path, the other its object (or the owner of it:
    'ISGS positions', 'dozens of ISIS-Somalia members')."""
    for verb in _hostile_verbs(path):
        for subj, obj in ((ta, tb), (tb, ta)):
            if _role_under(subj, verb, {"nsubj"}) and _role_under(obj, verb, {"dobj", "pobj"}):
                return True
    return False


def _hostile_object(path: list[Token], ta: Token, tb: Token) -> bool:
    """One group is the object of a hostile verb the other reaches as its side ('AAD fought alongside AQIM
    to drive the MNLA out of Gao': AQIM and the MNLA are enemies)."""
    for verb in _hostile_verbs(path):
        for obj, other in ((ta, tb), (tb, ta)):
            if _role_under(obj, verb, {"dobj"}) and not _role_under(other, verb, {"dobj", "pobj"}):
                return True
    return False


def _dissidents_of(ta: Token, tb: Token) -> bool:
    """One group names the people who left it: 'dissident Hizb ut-Tahrir members', 'GNLA defectors'."""
    for tok in (ta, tb):
        head = tok.head
        words = {head.lower_} | {c.lower_ for c in head.children if c.dep_ in {"amod", "compound"}}
        if tok.dep_ in {"compound", "amod", "poss"} and words & _DISSIDENTS:
            return True
    return False


_DISSIDENTS = frozenset({"dissident", "dissidents", "defector", "defectors", "renegade", "renegades"})


def _role_under(tok: Token, verb: Token, deps: set[str]) -> bool:
    for _ in range(4):
        if tok.head.i == verb.i:
            return tok.dep_ in deps
        if tok.dep_ not in {"compound", "poss", "conj", "appos", "pobj", "prep", "amod", "nmod"}:
            return False
        tok = tok.head
    return False


def _at_odds(path: list[Token]) -> bool:
    """A verb on the path stands 'at war' or 'at odds': the hostile word hangs beside the path."""
    return any(
        child.lower_ == "at" and any(g.lower_ in {"war", "odds", "loggerheads"} for g in child.children)
        for tok in path
        for child in tok.children
    )


# Verbs of doing something together: 'went on to operate with the Haqqani Network', 'worked with LeT'.
_WITH_VERBS = frozenset({"operate", "work", "train", "act", "team", "partner", "side", "plan", "plot"})


def _acts_with(path: list[Token]) -> bool:
    """'operated with the Haqqani Network', 'NSCN(K) cadres, along with cadres of KYKL, ambushed ...'."""
    return any(
        t.lower_ == "with" and (lemma(t.head.text) in _WITH_VERBS or t.head.lower_ in {"along", "together"})
        for t in path
    )


_INSIDE_NOUNS = frozenset({"member", "part", "component", "constituent"})


def _part_of(path: list[Token]) -> bool:
    """'the KCP is itself a member of CorCom', 'a component of JNIM': one group inside another."""
    words = [t.lower_ for t in path]
    return len(words) >= 2 and words[-1] == "of" and words[-2] in _INSIDE_NOUNS


def _modifier_target(finder: RelationFinder, ref: Ref) -> int | None:
    """'the Al-Qaida-affiliated Abu Sayyaf Group', 'MIT, an ISIS-aligned group': the group a tie word
    after this group's name describes (read off the surface, because the parser mangles such hyphenated
    adjectives)."""
    view = finder.view
    doc = view.doc
    owner = view.owner[ref.root]
    if owner < 0:
        return None
    k = past_hyphens(doc, view.mentions[owner].tok_end)
    if k >= len(doc) or doc[k].lower_ not in lx.ALLY_WORDS or doc[k].pos_ == "NOUN":
        return None
    described = view.owner[k + 1] if k + 1 < len(doc) else -1
    if described < 0:  # 'MIT (MIT), an ISIS-aligned group': the description beside a name
        start = view.mentions[owner].tok_start
        article = start > 0 and doc[start - 1].lower_ in {"a", "an", "the"}
        described = view.mention_before_comma(start - 1 if article else start)
    if described < 0 or view.mentions[described].type is not NodeType.GROUP:
        return None
    return view.mentions[described].entity


def _third_party(finder: RelationFinder, path: list[Token], a: Ref, b: Ref) -> bool:
    """The path runs through someone else: an unnamed faction of another ('Zakir Musa's faction,
    which ...'), or a clause whose subject stands for a third group ('..., but it later declared')."""
    on_path = {t.i for t in path}
    refs = {r.root: r.entity for r in finder._current}
    for tok in path:
        if _describes_third_group(finder, tok, on_path, a, b):
            return True  # 'A supplied B, an ISIS-aligned group': the description is B's, not A's
        person = finder.view.mention_at(tok.i)
        if tok.i not in (a.root, b.root) and person is not None and person.type is NodeType.LEADER:
            return (
                True  # 'fighters loyal to X, a former ICU governor, fought alongside Y': X's past, not ICU's
            )
        for child in tok.children:
            if child.i in on_path or child.i in (a.root, b.root):
                continue
            if child.dep_ == "poss" and tok.lower_ in _UNNAMED_UNITS and child.lower_ not in {"its", "their"}:
                return True
            ent = refs.get(child.i)
            if (
                child.dep_ == "nsubj"
                and ent is not None
                and ent not in (a.entity, b.entity)
                and (child.lower_ in {"it", "they"} or finder.types[ent] is NodeType.GROUP)
            ):
                return True  # 'X cooperated with the Taliban and keeps links with al-Qaida': X's ties
    return False


def _describes_third_group(finder: RelationFinder, tok: Token, on_path: set[int], a: Ref, b: Ref) -> bool:
    """The path enters an apposition through a group named between the pair."""
    head = tok.head
    if tok.dep_ != "appos" or head.i not in on_path or finder.view.owner[tok.i] >= 0:
        return False  # a name set beside a name is a list item or an alias, not a description
    if head.i in (a.root, b.root):
        return False
    owner = finder.view.mention_at(head.i)
    return owner is not None and owner.type is NodeType.GROUP and owner.entity not in (a.entity, b.entity)


_HOSTILE_NOUNS = frozenset({"clash", "fighting", "fight", "battle", "war", "rivalry", "feud", "conflict"})


def _hostile_predicate(verb: Token) -> bool:
    """'A and B have clashed', 'A and B are rivals', 'A and B fought over the town'."""
    words = {lemma(verb.text), verb.lower_}
    words |= {c.lower_ for c in verb.children if c.dep_ in {"attr", "acomp", "dobj"}}
    return bool(words & (lx.RIVAL_WORDS | _FIGHT | {"fight", "clash", "battle"}))


def _between_pair(finder: RelationFinder, a: Ref, b: Ref) -> Token | None:
    """The noun whose 'between' joins the pair: 'clashes between A and B', 'an alliance between A and B'."""
    doc = finder.view.doc
    ta, tb = doc[a.root], doc[b.root]
    first = ta if ta.i < tb.i else tb
    second = tb if first is ta else ta
    if second.i not in {t.i for t in first.conjuncts} or first.dep_ != "pobj":
        return None
    prep = first.head
    noun_like = prep.head.pos_ == "NOUN" or prep.head.tag_ == "VBG"  # 'fighting between A and B'
    return prep.head if prep.lower_ == "between" and noun_like else None


def _joint_subjects(finder: RelationFinder, a: Ref, b: Ref) -> Token | None:
    """The verb two coordinated groups do together, unless it is an act against someone."""
    doc = finder.view.doc
    ta, tb = doc[a.root], doc[b.root]
    if tb.i not in {t.i for t in ta.conjuncts}:
        return None
    first = ta if ta.i < tb.i else tb
    head = first
    while head.dep_ in {"compound", "poss", "amod", "nmod"} or (
        head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN"
    ):
        head = head.head if head.dep_ != "pobj" else head.head.head
    if head.dep_ == "appos" and head.head.dep_ in {"nsubj", "nsubjpass"} and head.head.tag_ == "NNS":
        head = head.head  # 'The two movements, A and B, have fought since 2018'
    if head.dep_ not in {"nsubj", "nsubjpass", "agent", "pobj"}:
        return None
    if head.dep_ == "pobj" and head.head.lower_ != "by":
        return None
    verb = head.head if head.dep_ != "pobj" else head.head.head
    return None if lemma(verb.text) in HOSTILE_ACTS else verb
