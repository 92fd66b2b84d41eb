"""Groups the gazetteer does not list: names built like militant groups ('... Brigade', 'Harakat ...'),
and names the text itself calls a group ('Ajnad Misr, a small cell network')."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.ontology import NodeType
from ingest.extract import lexicon as lx
from ingest.extract.doc_view import DocView, clean_ent_bounds
from ingest.extract.names import is_name_token
from ingest.extract.normalize import name_key

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def add_cue_groups(view: DocView) -> None:
    """Organisations that are not in the gazetteer but are named like militant groups."""
    doc = view.doc
    sent_has_group = {m.sent for m in view.mentions if m.type is NodeType.GROUP}
    for ent in doc.ents:
        if ent.label_ not in {"ORG", "PERSON", "NORP", "GPE", "FAC"}:
            continue
        start, end = clean_ent_bounds(ent)
        if start >= end or not _free_but_places(view, start, end):
            continue
        toks = doc[start:end]
        words = [t.lower_ for t in toks if not t.is_punct]
        if not words or not toks[0].text[:1].isupper():
            continue
        if _is_group_name(words, ent.label_, view.tok_sent[start] in sent_has_group):
            _release_mentions(view, start, end)
            view.add(NodeType.GROUP, start, end, source="pattern")


def _free_but_places(view: DocView, start: int, end: int) -> bool:
    """Free tokens, or places strictly inside the span ('Kashmir' in 'Kashmir Liberation Brigade')."""
    owners = {view.owner[i] for i in range(start, end)} - {-1}
    if not owners:
        return True
    return all(
        view.mentions[o].type is NodeType.PLACE
        and (view.mentions[o].tok_start, view.mentions[o].tok_end) != (start, end)
        for o in owners
    )


def _release_mentions(view: DocView, start: int, end: int) -> None:
    """Mentions inside a longer group name give their tokens back and stop being entities."""
    for i in range(start, end):
        owner = view.owner[i]
        if owner >= 0:
            view.mentions[owner].nested = True
            view.mentions[owner].entity = -2
            view.owner[i] = -1


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
_GROUP_NOUNS = frozenset(
    {"group", "network", "militia", "organisation", "organization", "outfit", "faction", "splinter",
     "offshoot", "movement", "coalition", "alliance", "insurgency", "brigade", "battalion", "affiliate",
     "franchise"}
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
        kind = NodeType.GROUP if nouns & _GROUP_NOUNS else NodeType.CAMP if nouns & _CAMP_NOUNS else None
        if kind is not None:
            m.type = kind
            m.source = "pattern"
            m.role = None


# Nouns for a part or offshoot of a group, whose name often follows in apposition: 'a naval arm, the Sea
# Tigers'; 'an AMB unit calling itself Al-Muwaqqi'un Bil-Dima'.
_UNIT_NOUNS = _GROUP_NOUNS | {"wing", "arm", "unit", "branch", "cell", "squad", "front", "division", "module"}
_LOWER_NAME_HEADS = frozenset({"group", "network", "faction"})
_NAMING_VERBS = frozenset({"calling", "called", "named", "known", "styling", "styled"})


def add_named_units(view: DocView) -> None:
    """A capitalised name in apposition to a unit noun ('its naval arm, the Sea Tigers'), or the name a
    unit gives itself ('a unit calling itself X', 'a faction known as X'), is a group; so is a group's
    named unit ("AQIM's Sahara Emirate")."""
    _add_possessed_units(view)
    _add_formed_groups(view)
    for noun in view.tokens_among(_UNIT_NOUNS):
        if noun.pos_ != "NOUN" or not noun.is_lower:
            continue
        for child in noun.children:
            if child.dep_ == "appos" and child.i > noun.i:
                _add_name_at(view, child)
        if noun.dep_ == "appos" and noun.head.i < noun.i and _indefinite(noun):
            _add_name_at(view, noun.head)  # 'the Asif Reza Commando Force, a group formed by ...'
        for clause in noun.children:
            if clause.dep_ not in {"acl", "relcl"}:
                continue
            naming = [t for t in clause.subtree if t.lower_ in _NAMING_VERBS and t.pos_ in {"VERB", "AUX"}]
            for verb in naming[:1]:  # 'known as X', 'that came to be called X'
                _add_named_object(view, verb)


def _indefinite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children)


def _add_named_object(view: DocView, verb: Token) -> None:
    for obj in verb.subtree:
        if obj.i <= verb.i or obj.dep_ not in {"oprd", "dobj", "pobj", "attr", "appos"}:
            continue
        if obj.pos_ == "PROPN":
            _add_name_at(view, obj)
            return
        if obj.lower_ in _LOWER_NAME_HEADS:  # 'known as the Karuna group'
            named = [c for c in obj.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
            if named:
                _add_name_at(view, named[-1])
            return


_UNIT_HEADS = frozenset(
    {"emirate", "brigade", "brigades", "battalion", "wing", "front", "division", "unit", "branch", "command",
     "shura", "katiba", "sector"}
)  # fmt: skip


def _add_possessed_units(view: DocView) -> None:
    doc = view.doc
    for m in list(view.mentions):
        k = m.tok_end
        if m.type is not NodeType.GROUP or k + 1 >= len(doc) or doc[k].lower_ not in {"'s", "\u2019s"}:
            continue
        end = k + 1
        while end < len(doc) and end - k <= 4 and view.owner[end] < 0 and is_name_token(doc[end]):
            end += 1
        if end > k + 2 and doc[end - 1].lower_ in _UNIT_HEADS:
            view.add(NodeType.GROUP, k + 1, end, source="pattern")


_FORMING = frozenset(
    {"form", "formed", "forming", "found", "founded", "launch", "launched", "create", "created"}
)


def _add_formed_groups(view: DocView) -> None:
    """'split off after a dispute to form the National Council for Renewal and Democracy': what a faction
    or splinter forms is a group (only where the sentence speaks of one splitting or breaking away)."""
    for verb in view.tokens_among(_FORMING):
        if verb.pos_ != "VERB" or not _split_context(view.sents[view.tok_sent[verb.i]]):
            continue
        for obj in verb.children:
            if obj.dep_ == "dobj" and obj.pos_ == "PROPN":
                _add_name_at(view, obj)


_SPLIT_CUES = frozenset(
    {"split", "splinter", "faction", "breakaway", "broke", "break", "dispute", "quarrel", "defected", "left",
     "merged", "merger", "militants", "fighters", "cadres", "commanders"}
)  # fmt: skip


def _split_context(sent: Span) -> bool:
    return any(t.lower_ in _SPLIT_CUES for t in sent)


def _add_name_at(view: DocView, root: Token) -> None:
    """The capitalised run that `root` heads ('the Sea Tigers', "Al-Muwaqqi'un Bil-Dima"), as a group."""
    doc = view.doc
    if root.pos_ != "PROPN":
        return
    _release_pattern_pieces(view, root)
    if view.owner[root.i] >= 0:
        return
    inside = {t.i for t in root.subtree}
    start = root.i
    while start - 1 in inside and root.i - start < _MAX_RUN and _left_piece(view, start - 1):
        start -= 1  # "Mouvement islamique de l'Azawad": lower-case words inside a French name
    end = root.i + 1
    org_head = doc[root.i].lower_ in _ORG_HEADS
    while end < len(doc) and end - start < _MAX_NAME and end in inside:
        if org_head and _absorb_listed(view, end):
            continue  # 'the High Council of the Islamic Emirate of Afghanistan'
        if not _inner_piece(view, end):
            break
        end += 1  # 'the Rally for Unity and Democracy': small words inside the name's own phrase
    while end > root.i + 1 and not _name_piece_text(doc[end - 1]):
        end -= 1
    while start < end and not is_name_token(doc[start]):
        start += 1
    if end < len(doc) and doc[end].lower_ in _LOWER_NAME_HEADS and view.owner[end] < 0:
        end += 1  # 'known as the Karuna group'
    if end - start >= 1 and not doc[start].is_upper:
        view.add(NodeType.GROUP, start, end, source="pattern")


def _name_piece_text(tok: Token) -> bool:
    return is_name_token(tok) or (tok.text[:2].lower() in {"l'", "d'"} and tok.text[2:3].isupper())


def _release_pattern_pieces(view: DocView, root: Token) -> None:
    """Shorter guesses inside the name ('Rally' of 'the Rally for Unity and Democracy') give way."""
    for tok in root.subtree:
        owner = view.owner[tok.i]
        if owner < 0:
            continue
        held = view.mentions[owner]
        if held.source in {"pattern", "ner", "weak"} and held.type in {NodeType.GROUP, NodeType.LEADER}:
            _release_mentions(view, held.tok_start, held.tok_end)


_MAX_NAME = 10
_ORG_HEADS = frozenset(
    {"council", "committee", "front", "movement", "brigade", "brigades", "army", "party", "union", "league",
     "wing", "shura", "command", "organisation", "organization", "group", "battalion", "assembly"}
)  # fmt: skip


def _absorb_listed(view: DocView, i: int) -> bool:
    """A listed group or place after 'of (the)' inside an organisation's name becomes part of the name."""
    owner = view.owner[i]
    doc = view.doc
    if owner < 0 or view.mentions[owner].type not in {NodeType.GROUP, NodeType.PLACE}:
        return False
    m = view.mentions[owner]
    before = doc[m.tok_start - 1].lower_ if m.tok_start > 0 else ""
    before2 = doc[m.tok_start - 2].lower_ if m.tok_start > 1 else ""
    if m.tok_start != i or not (before == "of" or (before == "the" and before2 == "of")):
        return False
    _release_mentions(view, m.tok_start, m.tok_end)
    return True


def _left_piece(view: DocView, i: int) -> bool:
    tok = view.doc[i]
    if view.owner[i] >= 0 or "\n" in tok.text:
        return False
    return _name_piece(view, i) or (tok.is_lower and tok.is_alpha) or tok.lower_ in {"de", "du", "des", "la"}


def _inner_piece(view: DocView, i: int) -> bool:
    tok = view.doc[i]
    if _name_piece(view, i) or (view.owner[i] < 0 and tok.lower_ in {"for", "and", "of", "the", "in"}):
        return True
    # "Mouvement pour l'unicite et le jihad en Afrique de l'Ouest": lower-case words of a French name
    return view.owner[i] < 0 and tok.is_lower and tok.pos_ in {"NOUN", "ADJ", "X", "ADP", "DET", "CCONJ"}


def _name_piece(view: DocView, i: int) -> bool:
    tok = view.doc[i]
    if view.owner[i] >= 0 or "\n" in tok.text:
        return False
    if tok.lower_ in {"'s", "\u2019s"} and 0 < i < len(view.doc) - 1:
        return is_name_token(view.doc[i - 1]) and is_name_token(view.doc[i + 1])  # "People's Liberation"
    if tok.text[:2].lower() in {"l'", "d'"} and tok.text[2:3].isupper():
        return True  # "de l'Azawad", "d'Afrique"
    return tok.lower_ in _INNER or (is_name_token(tok) and tok.pos_ == "PROPN")


# Connectors that may sit inside a group name made of proper nouns ('Okba Ibn Nafaa Brigade').
_INNER = frozenset({"ibn", "bin", "al", "el", "wal", "wa", "of", "de", "du", "la", "-", "e", "i", "ul"})
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
        if view.tok_sent[end_tok.i] not in near or end_tok.ent_type_:
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
    if tok.lower_ in _INNER:
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
        _release_mentions(view, tok.i, end)  # 'Bilad al-Hind' taken for a person, 'Jund' for a name alone
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
    _release_mentions(view, i + 1, end)
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
        if start >= end or not view.is_free(start, end):
            continue
        root = doc[start:end].root
        if not (_claims(root) or _has_fighters(root)):
            continue
        words = {t.lower_ for t in doc[start:end]}
        non_state = root.head.lower_ in _NON_STATE_NOUNS and root.head.i == end
        if (words & lx.NON_GROUP_WORDS and not non_state) or not doc[start].text[:1].isupper():
            continue
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
