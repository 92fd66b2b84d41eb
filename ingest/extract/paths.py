"""Reading a dependency path: who acts on it, which preposition places the act, how places nest."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ingest.extract import lexicon as lx
from ingest.extract.normalize import lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

MOTION_VERBS = frozenset(
    {"relocate", "move", "travel", "return", "flee", "go", "deploy", "expand", "spread", "shift", "extend",
     "infiltrate", "send", "dispatch", "smuggle", "cross", "enter", "launch", "retreat", "withdraw",
     "escape", "transfer", "come", "migrate"}
)  # fmt: skip
# Nouns before 'of' and a place's name: 'the port of Kismayo', 'the outskirts of Kabul'.
PLACE_KIND_WORDS = lx.PLACE_HEADS | lx.PLURAL_PLACE_HEADS | {"town", "city", "village", "port", "outskirts"}
# Verbs whose 'from X' is where a group finds its fighters: 'draws its fighters from the Makran belt'.
_RECRUIT_FROM = frozenset({"draw", "recruit", "enlist", "raise"})
# Verbs that put a group out of a place it held: 'was driven from Mogadishu', 'expelled from Kismayo'.
_DRIVEN_OUT = frozenset({"drive", "push", "oust", "expel", "evict", "dislodge", "chase", "flush", "rout"})
# Verbs whose object is a place the group takes or holds.
SEIZE_VERBS = frozenset(
    {"seize", "seizing", "capture", "overrun", "control", "controlling", "occupy", "besiege", "storm", "raid",
     "attack", "bomb", "shell", "hold", "take", "retake", "recapture"}
)  # fmt: skip
_OPERATE_CLOSE_PREPS = frozenset(
    {"in", "at", "throughout", "across", "near", "into", "inside", "within", "around", "along", "outside",
     "on"}
)  # fmt: skip
_PLACE_RANK = {
    "country": 5,
    "region": 4,
    "province": 4,
    "state": 4,
    "subdivision": 4,
    "island group": 4,
    "sea": 5,
    "bay": 3,
    "lake": 3,
    "district": 3,
    "division": 3,
    "agency": 3,
    "valley": 2,
    "island": 3,
    "archipelago": 4,
    "city": 2,
    "town": 2,
    "hill": 1,
    "mountain": 1,
    "locality": 1,
    "landmark": 1,
    "forest": 2,
    "border": 4,
    "peninsula": 4,
    "territory": 4,
    "historical region": 4,
}
_ATTACK_NOUNS = frozenset(
    {"attack", "attacks", "bombing", "bombings", "blast", "blasts", "raid", "raids", "assault", "massacre",
     "explosion", "explosions", "kidnapping", "kidnappings", "hijacking", "shooting", "siege", "ambush",
     "stormed", "storm", "attacked", "bombed"}
)  # fmt: skip
_NO_SELF_NESTING = frozenset({"country", "province", "state", "subdivision", "district"})
_TRAIN_CORE = frozenset(
    {"train", "trained", "training", "trainer", "instructor", "instructors", "instruct", "supervise",
     "supervision", "indoctrination", "course", "courses"}
)  # fmt: skip


def kin_coordination(a: Token, b: Token) -> bool:
    """'the brothers Abdullah Maute and Omar Maute': two names coordinated under a kinship noun."""
    if b.i not in {t.i for t in a.conjuncts}:
        return False
    first = a if a.i < b.i else b
    near = [first.head] if first.dep_ in {"appos", "compound", "attr", "npadvmod"} else []
    near += [c for c in first.children if c.dep_ in {"compound", "amod", "nmod"}]
    before = first.doc[first.left_edge.i - 1] if first.left_edge.i > 0 else None
    if before is not None:
        near.append(before)
    return any(t.lower_ in {"brothers", "sons", "sisters", "siblings", "cousins"} for t in near)


def someone_elses_against(path: list[Token], actor: Token) -> bool:
    """'Pakistan's operations against X': the opposition belongs to another actor, not ours."""
    for tok in path:
        if tok.lower_ != "against":
            continue
        gov = tok.head
        for child in gov.children:
            if child.dep_ in {"poss", "nsubj"} and actor.i not in {t.i for t in child.subtree}:
                if _relative_for(child, gov, actor):
                    continue  # 'HTS, which controls Idlib, against X': 'which' is the actor itself
                return True
    return False


def _relative_for(pronoun: Token, verb: Token, actor: Token) -> bool:
    """The subject is a relative pronoun whose antecedent is the actor (by the parse, or right before it
    on the surface: 'HTS, which ...')."""
    if pronoun.lower_ not in {"which", "who", "that"} or verb.dep_ != "relcl":
        return False
    head = name_head(actor).i
    doc = pronoun.doc
    return head == verb.head.i or (
        pronoun.i >= 2 and doc[pronoun.i - 1].text == "," and head == pronoun.i - 2
    )


def name_head(tok: Token) -> Token:
    """The last word of the name `tok` is in, which carries the name's role in the sentence."""
    while tok.dep_ in {"compound", "flat"} and tok.head.i > tok.i:
        tok = tok.head
    return tok


def agent_of(verb: Token, person: Token) -> bool:
    """Is the person the one doing the verb: its subject, the 'by' agent of a passive or participle, or
    the antecedent of a relative clause's 'who' ('X, a Malian Tuareg who founded Y')?"""
    tok = person
    while tok.dep_ in {"compound", "appos", "conj", "flat"} and tok.head.i != tok.i:
        tok = tok.head
    if tok.head.i == verb.i and tok.dep_ in {"nsubj", "nsubjpass"}:
        return tok.dep_ == "nsubj"
    if verb.dep_ == "xcomp" and tok.head.i == verb.head.i and tok.dep_ in {"nsubj", "nsubjpass"}:
        return True  # 'X is thought to have led the JMB', 'X went on to found Y': the raised subject
    if verb.dep_ == "conj" and tok.head.i == verb.head.i and tok.dep_ == "nsubj":
        return not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)  # 'X broke ... and formed Y'
    if tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.head.i == verb.i:
        return True
    if verb.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in {"who", "that"} for c in verb.children):
        antecedent = verb.head
        while antecedent.i not in (person.i, tok.i) and antecedent.dep_ == "appos":
            antecedent = antecedent.head
        return antecedent.i in (person.i, tok.i)
    return False


def direct_tie(path: list[Token]) -> bool:
    """Person and group joined by a role word or a lead verb alone: 'spokesman of JuA', 'a former TTP
    commander', 'established ... by X'. Such a tie holds however many groups the sentence names."""
    if len(path) > 4:
        return False
    ties = lx.LEAD_NOUNS | lx.MEMBER_NOUNS
    role = any(t.lower_ in ties or lemma(t.text) in lx.LEAD_VERBS for t in path)
    return role and all(
        t.lower_ in ties
        or lemma(t.text) in lx.LEAD_VERBS | _COPULAS
        or t.lower_ in _COPULA_FORMS
        or t.lower_ in {"of", "for", "by", "as", "been", "was", "is"}
        for t in path
    )  # 'served as the spokesman of JuA', 'had been the spokesman of the TTP'


_COPULAS = frozenset({"serve", "be", "become", "remain", "appoint", "name", "act", "take"})
_COPULA_FORMS = frozenset(
    {"served", "serves", "serving", "became", "becomes", "remained", "appointed", "named", "acted", "are"}
)


_DWELLINGS = frozenset({"home", "house", "residence", "hometown", "village", "office", "hideout"})


def someone_elses_event(path: list[Token], actor: Token) -> bool:
    """'Pakistan's operations in South Waziristan', 'cadres who were shifted to Afghanistan ... by the
    Taliban': the event on the path has its own subject or owner, and it is not our group."""
    on_path = {t.i for t in path}
    for tok in path:
        for child in tok.children:
            if child.dep_ not in {"poss", "nsubj", "nsubjpass"} or child.i in on_path or child.i == actor.i:
                continue
            if child.lower_ in {"it", "its", "they", "their", "which", "that", "who"}:
                continue
            if child.dep_ == "poss" and tok.lower_ in _DWELLINGS:
                continue  # 'killed a general outside his home in X': a place, not someone's act
            if child.i + 1 < len(child.doc) and child.doc[child.i + 1].text == ":":
                continue  # a field label parsed as subject ('Activities: JNIM has ...')
            if child.ent_type_ in {"GPE", "LOC"} or _is_place_owned(child):
                continue  # "Pakistan's Punjab region": a place, not an actor
            if _same_name(child, actor):
                continue  # 'Hizb ut-Tahrir operates ...': the parser made two subjects of one name
            if actor.i not in {t.i for t in child.subtree}:
                return True
    return False


def _same_name(a: Token, b: Token) -> bool:
    lo, hi = min(a.i, b.i), max(a.i, b.i)
    run = a.doc[lo : hi + 1]
    # 'Liwa al-Thawra': the tagger may take a name word for a verb; its capital letter still marks it
    return hi - lo <= 4 and all(
        t.pos_ == "PROPN" or t.text in {"-", "\u2010", "\u2011"} or _capitalised_part(t.text) for t in run
    )


def _capitalised_part(word: str) -> bool:
    return any(part[:1].isupper() for part in word.split("-"))


def _is_place_owned(tok: Token) -> bool:
    return bool(tok.doc.user_data.get("place_tokens")) and tok.i in tok.doc.user_data["place_tokens"]


def _range_end(to: Token) -> bool:
    """'from Kabul to Kunduz': the 'to' that closes a range opened by 'from' and a name."""
    if to.head.lower_ == "from":
        return True  # 'from Bajaur in the north to Dera Ismail Khan in the south'
    k = to.i - 1
    while k >= 0 and to.i - k <= 4 and to.doc[k].pos_ == "PROPN":
        k -= 1
    return k >= 0 and k < to.i - 1 and to.doc[k].lower_ == "from"


def locative_governor(path: list[Token]) -> bool:
    """The preposition nearest the place (walking up from it, through lists) puts the group there."""
    for n, tok in enumerate(reversed(path)):
        if tok.dep_ in {"conj", "cc", "appos", "compound"} or tok.pos_ in {"PROPN", "PUNCT", "CCONJ"}:
            continue
        if tok.lower_ == "of" and tok.head.lower_ == "control":
            return True  # 'fought for control of Kismayo'
        if n == 0 and tok.dep_ == "relcl" and any(c.lower_ == "where" for c in tok.children):
            return True  # 'Sudan and Afghanistan, where his father ran the organization'
        if tok.lower_ in PLACE_KIND_WORDS or (
            tok.lower_ == "of" and (n > 0 or tok.head.lower_ in PLACE_KIND_WORDS)
        ):
            continue  # 'in the Swat area', 'along the Afghanistan/Pakistan border', 'the city of Karachi'
        if tok.pos_ == "VERB" and (lemma(tok.text) in SEIZE_VERBS or tok.lower_ in SEIZE_VERBS):
            return True  # 'AAD controlled Kidal', 'the group seized the town of Konna'
        if n == 0 and tok.lower_ in _ATTACK_NOUNS:
            return True  # 'the Mumbai attack'
        if tok.lower_ in _ATTACK_NOUNS and tok.dep_ != "prep":
            return True
        low = tok.lower_
        if tok.pos_ != "ADP" and tok.dep_ not in {"prep", "agent"}:
            return False
        if low in _OPERATE_CLOSE_PREPS:
            return True
        if low == "for" and tok.head.lower_ in lx.LEAD_NOUNS | lx.ROLE_TITLES:
            return True  # 'the KLO's area commander for Alipurduar district': the area is the group's
        if low == "to":
            return lemma(tok.head.text) in MOTION_VERBS or _range_end(tok)
        if low == "from":
            if tok.head.lower_ in lx.LEAD_NOUNS | lx.ROLE_TITLES:
                return False  # 'a former TTP commander from Mohmand': where the person comes from
            verb = lemma(tok.head.text)
            opens_range = any(c.lower_ == "to" for c in tok.children)  # 'from Bajaur ... to D. I. Khan'
            return (
                opens_range
                or tok.head.pos_ in {"NOUN", "PROPN"}
                or verb in MOTION_VERBS | _DRIVEN_OUT | _RECRUIT_FROM
            )
        return False
    return False


def place_fits(inner: object, outer: object) -> bool:
    """Can a place of kind `inner` lie within one of kind `outer` (None: unknown, allowed)?"""
    kind_in = getattr(inner, "kind", None)
    kind_out = getattr(outer, "kind", None)
    if kind_in is None or kind_out is None:
        return kind_in != "country"
    if getattr(outer, "parent", None) and getattr(outer, "parent", None) == getattr(inner, "name", None):
        return False
    rank_in = _PLACE_RANK.get(kind_in, 2)
    rank_out = _PLACE_RANK.get(kind_out, 2)
    if kind_in == "country" and kind_out == "country":
        return False
    if kind_in == kind_out and kind_in in _NO_SELF_NESTING:
        return False  # two provinces, two districts: a list, not one inside the other
    inner_country = getattr(inner, "country", None)
    if kind_out == "country" and inner_country not in (None, getattr(outer, "country", None)):
        return False
    return rank_in <= rank_out


# People a place can be the home of: 'a Jaish cadre from Surankote' says where he is from.
_ORIGIN_NOUNS = (
    lx.MEMBER_NOUNS
    | lx.LEAD_NOUNS
    | {"native", "resident", "man", "youth", "boy", "student", "preacher", "cleric"}
) - {"unit"}


def tells_origin(path: list[Token]) -> bool:
    """The path passes through where a person comes from, which is not where the group acts."""
    # Only one person's: 'LeT terrorists from Pakistan' are the group's fighters coming from its base.
    return any(t.lower_ == "from" and _one_persons(t.head) for t in path)


def _one_persons(noun: Token) -> bool:
    """'a cadre from X', 'Musa, an engineering student from X': a single person described by the noun."""
    if noun.tag_ == "NNS" or noun.pos_ not in {"NOUN", "PROPN"}:
        return False  # 'cadres from X' are the group's; 'the BLF recruits from X' is a verb
    described = noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and noun.pos_ == "NOUN"
    return noun.lower_ in _ORIGIN_NOUNS or described


def sentence_trains(doc: object, tok_index: int) -> bool:
    sent = doc[tok_index].sent  # type: ignore[index]
    return any(lemma(t.text) in _TRAIN_CORE or t.lower_ in _TRAIN_CORE for t in sent)


def kin_object(person: Token) -> bool:
    """The person is the 'of' object of a kinship noun ('a son of A')."""
    return person.dep_ == "pobj" and person.head.lower_ == "of" and person.head.head.lower_ in lx.KIN_WORDS


def reattach_clause(path: list[Token]) -> list[Token]:
    """'a group led by X that is active in Y': the parser hangs the 'that'/'which' clause on X, but a
    clause about a person opens with 'who'; it describes the group X leads, so the path skips X."""
    for n, person in enumerate(path):
        if not (person.dep_ == "pobj" and person.head.dep_ == "agent" and person.head.head.dep_ == "acl"):
            continue
        acl = person.head.head
        if n < 2 or path[n - 1].i != person.head.i or path[n - 2].i != acl.i or n + 1 >= len(path):
            continue
        clause = path[n + 1]
        if (
            clause.dep_ == "relcl"
            and clause.head.i == person.i
            and any(
                c.lower_ in {"that", "which"} and c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children
            )
        ):
            return path[: n - 2] + path[n + 1 :]
    return path


def listed_appositives(tok: Token) -> set[int]:
    """'a merger of Ansar Dine, Katiba Macina and al-Mourabitoun': the parser may take the second item
    for an apposition of the first; followed by 'and ...' it is a list."""
    linked = [c for c in tok.children if c.dep_ == "appos"]
    if tok.dep_ == "appos":
        linked.append(tok.head)
    out: set[int] = set()
    for other in linked:
        later = other if other.i > tok.i else tok
        if any(c.dep_ == "cc" for c in later.children) and any(c.dep_ == "conj" for c in later.children):
            out.add(other.i)
            out.update(t.i for t in later.conjuncts)
    return out


def light_verb_objects(path: list[Token]) -> set[str]:
    """'pledged allegiance to', 'declared war on', 'signed a pact with': the noun object of a verb on
    the path carries the meaning."""
    if len(path) > 4:
        return set()
    return {
        c.lower_
        for t in path
        if t.pos_ == "VERB"
        for c in t.children
        if c.dep_ == "dobj" and c.pos_ == "NOUN"
    }


def taken_over(verb: Token) -> bool:
    """'the group was taken over by his brother': 'take over' is a leadership verb."""
    return lemma(verb.text) == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children)


# Words on the path from group to place that make the place a person's or a state's, not the group's:
# where someone was born, arrested, tried or died, where a state bans or hands over, where a speaker talks.
_NOT_THE_GROUPS_PLACE = frozenset(
    {"die", "died", "death", "arrest", "arrested", "detain", "detained", "hang", "hanged", "execute",
     "executed", "bear", "born", "native", "resident", "court", "jail", "prison", "trial", "arraign",
     "arraigned", "sentence", "convict", "convicted", "hand", "extradite", "flee", "fled", "travel",
     "travelling", "departure", "ban", "banned", "designate", "designated", "proscribe", "proscribed",
     "origin", "live", "lived", "reside", "resided", "residence", "study", "studied", "educate", "educated"}
)  # fmt: skip
# ... and, as verbs only ('Borno and Yobe States', 'reports of attacks in X' are no speech), a speaker's.
_SPEECH_VERBS = frozenset({"say", "said", "tell", "told", "state", "stated", "report", "reported"})


def not_the_groups_place(path: list[Token]) -> bool:
    """The path from group to place runs through a person's or a state's act, not the group's."""
    words = {lemma(t.text) for t in path} | {t.lower_ for t in path}
    return bool(words & _NOT_THE_GROUPS_PLACE) or any(_speaks(t) for t in path) or _killed_there(path)


def _speaks(tok: Token) -> bool:
    """'said an analyst in Nairobi'; not 'its fighters were reported in X', which places them."""
    spoken = tok.lower_ in _SPEECH_VERBS or lemma(tok.text) in _SPEECH_VERBS
    return spoken and tok.pos_ == "VERB" and not any(c.dep_ == "auxpass" for c in tok.children)


def _killed_there(path: list[Token]) -> bool:
    """'was killed in a drone strike in X': someone died there; the group killing there is its act."""
    return any(
        lemma(t.text) in _KILLING
        and any(c.dep_ in {"auxpass", "nsubjpass"} for c in t.children)
        and not _reached_from_agent(path, n)  # 'shot dead by LeT men in X': the group's act
        for n, t in enumerate(path)
    )


def _reached_from_agent(path: list[Token], n: int) -> bool:
    """The path climbs to verb `n` from its 'by' phrase: the group is the one doing it."""
    return any(t.dep_ == "agent" and t.head.i == path[n].i for t in path[:n])


_KILLING = frozenset({"kill", "shoot", "assassinate", "murder", "gun"})
