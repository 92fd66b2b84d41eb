"""Groups the gazetteer does not list: names built like militant groups ('... Brigade', 'Harakat ...'),
and names the text itself calls a group ('Ajnad Misr, a small cell network')."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.ontology import NodeType
from ingest.extract import lexicon as lx
from ingest.extract.doc_view import DocView, clean_ent_bounds
from ingest.extract.names import is_name_token
from ingest.extract.normalize import name_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def add_cue_groups(view: DocView) -> None:
    """Organisations that are not in the gazetteer but are named like militant groups."""
    doc = view.doc
    sent_has_group = {m.sent for m in view.mentions if m.type is NodeType.GROUP}
    for ent in doc.ents:
        if ent.label_ not in {"ORG", "PERSON", "NORP", "GPE", "FAC"}:
            continue
        start, end = clean_ent_bounds(ent)
        if start >= end or not free_but_places(view, start, end):
            continue
        toks = doc[start:end]
        words = [t.lower_ for t in toks if not t.is_punct]
        if not words or not toks[0].text[:1].isupper():
            continue
        near_group = view.tok_sent[start] in sent_has_group
        if _is_group_name(words, ent.label_, near_group) or _apposed_armed_group(doc, end):
            release_mentions(view, start, end)
            view.add(NodeType.GROUP, start, end, source="pattern")


# Nouns, and modifiers of 'group'-like nouns, that describe an armed group whatever its name sounds like.
_ARMED_GROUP_NOUNS = frozenset(
    {"splinter", "offshoot", "faction", "militia", "outfit", "affiliate", "franchise"}
)
_ARMED_MODIFIERS = frozenset(
    {"splinter", "breakaway", "militant", "armed", "jihadist", "jihadi", "insurgent", "terrorist", "rebel",
     "separatist", "extremist", "dissident", "guerrilla"}
)  # fmt: skip
_WINGS = frozenset({"wing", "arm"})


def _apposed_armed_group(doc: Doc, end: int) -> bool:
    """'the High Council of the Islamic Emirate, a splinter group headed by X': an organisation set beside
    a noun for an armed group is one, though its name sounds official. Read off the words, since the
    parser often hangs such an apposition on an earlier noun."""
    if end < len(doc) and doc[end].text == "(":  # 'the Kuki-Chin National Front (KNF), a separatist ...'
        close = next((t.i for t in doc[end : end + 6] if t.text == ")"), None)
        end = close + 1 if close is not None else end
    words = [t.lower_ for t in doc[end : end + 6]]
    if len(words) < 3 or words[0] not in {",", "is", "was"} or words[1] not in {"a", "an", "the"}:
        return False
    # 'X, the armed wing of Y', 'X is the armed wing of Y': with 'the', only a modifier says 'armed'
    definite = words[1] == "the" or words[0] != ","
    for n, word in enumerate(words[2:6], start=2):
        if word in _ARMED_GROUP_NOUNS and not definite:
            return True
        if word in GROUP_NOUNS | _WINGS:
            return bool(set(words[2:n]) & _ARMED_MODIFIERS)
        if not doc[end + n].is_alpha or doc[end + n].pos_ not in {"ADJ", "NOUN", "ADV"}:
            return False
    return False


def free_but_places(view: DocView, start: int, end: int, held: object = None) -> bool:
    """Free tokens, or places strictly inside the span ('Kashmir' in 'Kashmir Liberation Brigade'), or
    tokens of a shorter guess `held` the span replaces."""
    owners = {view.owner[i] for i in range(start, end)} - {-1}
    owners = {o for o in owners if view.mentions[o] is not held}
    if not owners:
        return True
    return all(
        view.mentions[o].type is NodeType.PLACE
        and (view.mentions[o].tok_start, view.mentions[o].tok_end) != (start, end)
        for o in owners
    )


def release_mentions(view: DocView, start: int, end: int) -> None:
    """Mentions inside a longer group name give their tokens back and stop being entities."""
    for owner in {view.owner[i] for i in range(start, end) if view.owner[i] >= 0}:
        view.drop(owner, start, end)


_SHARED_HEADS = frozenset({"council", "coalition", "national", "international"})
_JIHAD_WORDS = frozenset({"jihad", "jihadi", "mujahideen", "mujahidin", "mujahedeen"})


def _is_group_name(words: list[str], label: str, near_group: bool) -> bool:
    wordset = set(words)
    official = wordset & lx.NON_GROUP_WORDS
    if official and not (official <= _SHARED_HEADS and wordset & _JIHAD_WORDS):
        return False  # 'United Jihad Council' is militant; 'Security Council' is not
    strong = wordset & (lx.GROUP_HEADS - lx.WEAK_GROUP_HEADS)
    if strong:
        return True
    weak = wordset & lx.WEAK_GROUP_HEADS
    if not weak or len(words) < 2:
        return False
    if wordset & lx.MILITANT_CUES:
        return True
    return label == "ORG" and near_group and words[-1] in {"trust", "foundation", "group", "front"}


# Nouns that, in apposition to a name, say the name is a group: 'X, a small cell network'.
GROUP_NOUNS = frozenset(
    {"group", "network", "militia", "organisation", "organization", "outfit", "faction", "splinter",
     "offshoot", "movement", "coalition", "alliance", "insurgency", "brigade", "battalion", "affiliate",
     "franchise", "umbrella"}
)  # fmt: skip
_RETYPABLE = frozenset({"ner", "weak"})


_CAMP_NOUNS = frozenset({"camp", "base", "markaz", "launchpad"})
_COPULAS = frozenset({"is", "was", "are", "were", "remains", "remained", "became", "becomes"})


def add_appositive_groups(view: DocView) -> None:
    """'Ajnad Misr, a small cell network led by X', 'Tumbun Rago, a camp on one of the islands': a name in
    apposition to a group or camp noun is a group or camp, whatever the pipeline called it."""
    doc = view.doc
    for m in view.mentions:
        if m.type is not NodeType.LEADER or m.source not in _RETYPABLE or m.person is not None:
            continue
        root = doc[m.tok_end - 1]
        linked = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            linked.append(root.head)
        if root.dep_ == "nsubj" and root.head.lower_ in _COPULAS:  # 'Rawti Shax is a network of ...'
            linked += [c for c in root.head.children if c.dep_ == "attr"]
        nouns = {t.lower_ for t in linked if t.pos_ == "NOUN" and t.is_lower}
        if nouns & (lx.LEAD_NOUNS | lx.MEMBER_NOUNS | lx.KIN_WORDS):
            continue  # 'Sufi Muhammad, the founder of TNSM, a banned movement': a person, his group's noun
        kind = NodeType.GROUP if nouns & GROUP_NOUNS else NodeType.CAMP if nouns & _CAMP_NOUNS else None
        if kind is None and _FOUNDED_BY.match(view.text, m.end):
            kind = NodeType.GROUP  # 'Tansiqiyat al-Jihad, set up by X': people are not set up by anyone
        if kind is not None:
            m.type = kind
            m.source = "pattern"
            m.role = None


_FOUNDED_BY = re.compile(
    r"\s*,\s*(?:(?:which|that)\s+was\s+)?(?:set\s+up|founded|formed|established|created|launched)\s+"
    r"(?:(?:in|on)\s+[\w ]{1,20}?\s+)?by\b"
)


# Connectors that may sit inside a group name made of proper nouns ('Okba Ibn Nafaa Brigade').
NAME_INNER = frozenset({"ibn", "bin", "al", "el", "wal", "wa", "of", "de", "du", "la", "-", "e", "i", "ul"})
_HEADS = frozenset({"brigade", "brigades", "battalion", "front", "movement", "militia", "army", "network"})
_MAX_RUN = 7


def add_unlabelled_group_names(view: DocView) -> None:
    """Capitalised runs ending in a group head word that the pipeline left unlabelled, in a sentence that
    already names a group: 'The Okba Ibn Nafaa Brigade operates on Mount Chambi'."""
    doc = view.doc
    near = {m.sent for m in view.mentions if m.type is NodeType.GROUP}
    near |= {s + 1 for s in near} | {s - 1 for s in near}
    for end_tok in view.tokens_among(_HEADS):
        if not end_tok.is_title or view.owner[end_tok.i] >= 0:
            continue
        if end_tok.ent_type_:
            continue
        if view.tok_sent[end_tok.i] not in near and not _apposed_armed_group(doc, end_tok.i + 1):
            continue
        start = end_tok.i
        while start > 0 and end_tok.i - start < _MAX_RUN and _run_piece(view, start - 1):
            start -= 1
        while start < end_tok.i and not is_name_token(doc[start]):
            start += 1  # a run opens on a name, not a connector
        words = [t.lower_ for t in doc[start : end_tok.i + 1] if not t.is_punct]
        if end_tok.i - start < 1 or set(words) & lx.NON_GROUP_WORDS:
            continue
        if any(doc[k].ent_type_ in {"GPE", "NORP"} for k in range(start, end_tok.i)):
            continue  # 'the Nigerian Army', 'Mali Army': a state's force
        view.add(NodeType.GROUP, start, end_tok.i + 1, source="pattern")


def _run_piece(view: DocView, i: int) -> bool:
    tok = view.doc[i]
    if view.owner[i] >= 0 or "\n" in tok.text or tok.is_sent_end:
        return False
    if tok.lower_ in NAME_INNER:
        return True
    return is_name_token(tok) and tok.pos_ == "PROPN" and tok.lower_ not in {"the"}


_OPENERS = lx.GROUP_HEADS - lx.WEAK_GROUP_HEADS - {"taliban", "mujahideen", "mujahidin", "fidayeen", "tigers"}
_NAME_LINKS = frozenset({"fi", "wal", "wa", "al", "el", "ul", "ut", "ud", "e", "i", "-", "lil", "li", "bil"})


def add_group_names_by_opener(view: DocView) -> None:
    """'Ansar-ut-Tawhid fi Bilad al-Hind', 'Jund al-Khilafah fi Ard al-Jazair': a name opened by an
    Arabic or Urdu organisation word runs on over its name words, even where the pipeline took its tail
    for a person."""
    doc = view.doc
    for i in [k for k, w in enumerate(view.lower) if w.split("-")[0] in _OPENERS]:
        tok = doc[i]
        first = tok.lower_.split("-")[0]
        if first not in _OPENERS or not tok.text[:1].isupper() or not _opener_free(view, i):
            continue
        if _opens_listed_alias(view, i):
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i < _MAX_RUN and _opener_piece(view, end):
            end += 1
        while end > tok.i + 1 and not is_name_token(doc[end - 1]):
            end -= 1
        pieces = [p for t in doc[tok.i : end] for p in t.text.split("-") if p]
        if len(pieces) < 3 or "-".join(pieces).lower() in lx.POLITICAL_PARTIES:
            continue  # 'Ansar' is a word; 'Jamaat-e-Islami' a political party
        release_mentions(view, tok.i, end)  # 'Bilad al-Hind' taken for a person, 'Jund' for a name alone
        view.add(NodeType.GROUP, tok.i, end, source="pattern")


def _opens_listed_alias(view: DocView, i: int) -> bool:
    """'Jamaat Ansarullah': an organisation word before a listed group's alias (the Houthis' 'Ansarullah')
    names another group; the two words become one unlisted name."""
    nxt = view.mention_at(i + 1)
    if nxt is None or nxt.type is not NodeType.GROUP or nxt.group is None or nxt.tok_start != i + 1:
        return False
    if name_key(nxt.text) == name_key(nxt.group.name) or nxt.acronym:
        return False
    end = nxt.tok_end
    release_mentions(view, i + 1, end)
    view.add(NodeType.GROUP, i, end, source="pattern")
    return True


def _opener_free(view: DocView, i: int) -> bool:
    """The opening word is free, or only a pattern's guess at a shorter name ('Jund' of 'Jund al-Haqq')."""
    owner = view.owner[i]
    if owner < 0:
        return True
    held = view.mentions[owner]
    return held.type is NodeType.GROUP and held.source == "pattern" and held.tok_start == i


def _opener_piece(view: DocView, i: int) -> bool:
    tok = view.doc[i]
    if "\n" in tok.text or (tok.is_punct and tok.text != "-"):
        return False
    owner = view.owner[i]
    if owner >= 0:
        held = view.mentions[owner]
        taken_for_person = held.type is NodeType.LEADER and held.source != "gazetteer"
        if not taken_for_person and not (held.type is NodeType.GROUP and held.source == "pattern"):
            return False
    return tok.lower_ in _NAME_LINKS or is_name_token(tok) or tok.lower_.split("-")[0] in _NAME_LINKS


_CLAIM_OBJECTS = frozenset(
    {"responsibility", "credit", "attack", "attacks", "bombing", "killing", "killings"}
)


# 'Kashmir Tigers militants', 'a JKIF commander': an organisation whose fighters or commanders these are.
_FIGHTING_NOUNS = frozenset(
    {"fighters", "militants", "cadres", "operatives", "insurgents", "gunmen", "commander", "commanders",
     "spokesman", "militant", "fighter", "cadre", "operative", "insurgent", "militias", "rebels", "rebel",
     "separatists", "guerrillas", "jihadists"}
)  # fmt: skip
# Nouns no state's forces are called: before them even 'Ambazonia Defence Forces' is an armed group.
_NON_STATE_NOUNS = frozenset(
    {
        "militants",
        "insurgents",
        "militias",
        "rebels",
        "rebel",
        "separatists",
        "guerrillas",
        "jihadists",
        "cadres",
        "militant",
        "insurgent",
    }
)


def add_claiming_groups(view: DocView) -> None:
    """'Hasm claimed responsibility for the attack', 'Kashmir Tigers militants': an organisation that
    claims an attack, or has fighters and commanders, is a group, whatever its name looks like."""
    doc = view.doc
    for ent in doc.ents:
        if ent.label_ != "ORG":  # a person who claims an attack speaks for a group; 'Afghan fighters'
            continue
        start, end = clean_ent_bounds(ent)
        if start >= end or not free_but_places(view, start, end):
            continue  # a place inside ('Ambazonia' in 'Ambazonia Defence Forces') gives way to the name
        root = doc[start:end].root
        if not (_claims(root) or _has_fighters(root)):
            continue
        words = {t.lower_ for t in doc[start:end]}
        non_state = root.head.lower_ in _NON_STATE_NOUNS and root.head.i == end
        if (words & lx.NON_GROUP_WORDS and not non_state) or not doc[start].text[:1].isupper():
            continue
        release_mentions(view, start, end)
        view.add(NodeType.GROUP, start, end, source="pattern")
    _add_unlabelled_fighting_names(view)


def _add_unlabelled_fighting_names(view: DocView) -> None:
    """'Wazalendo militias', 'CODECO rebels': a one-word name the pipeline took for a person, or left
    unlabelled, before a noun only armed groups have."""
    doc = view.doc
    for noun in view.tokens_among(_NON_STATE_NOUNS):
        i = noun.i - 1
        if i < 0 or not noun.is_lower or view.owner[i] >= 0:
            continue
        tok = doc[i]
        if tok.pos_ != "PROPN" or not tok.is_alpha or tok.ent_type_ in {"NORP", "GPE", "LOC", "DATE"}:
            continue
        if i > 0 and is_name_token(doc[i - 1]) and doc[i - 1].pos_ == "PROPN":
            continue  # a longer name; other finders take it
        low = tok.lower_
        if low in lx.NON_GROUP_WORDS or low in lx.ROLE_TITLES:
            continue
        if tok.is_sent_start and not doc.vocab[low].is_oov:
            continue  # 'Fugitive militant leader ...': an English word opening a headline
        if low.endswith(("i", "ese", "ian", "an")):
            continue  # 'Kashmiri militants', 'Somali rebels': a people, not a group
        view.add(NodeType.GROUP, i, i + 1, source="pattern")


def _claims(root: Token) -> bool:
    verb = root.head
    if root.dep_ != "nsubj" or verb.lower_ not in {"claimed", "claims", "claim"}:
        return False
    return any(c.dep_ == "dobj" and c.lower_ in _CLAIM_OBJECTS for c in verb.children)


def _has_fighters(root: Token) -> bool:
    """'Kashmir Tigers militants' yes; 'the Operational Commander X' no (a title before a name)."""
    noun = root.head
    return (
        root.dep_ in {"compound", "nmod"}
        and noun.i == root.i + 1
        and noun.is_lower
        and noun.lower_ in _FIGHTING_NOUNS
        and root.lower_ not in lx.ROLE_TITLES
    )
