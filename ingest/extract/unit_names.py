"""Groups named by their place in another's structure: a wing or unit in apposition ('a naval arm, the
Sea Tigers'), the name a faction calls itself or is known by, what a splinter forms, and a group's named
unit ("AQIM's Sahara Emirate"). Such names may hold small words, French articles and possessives."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.ontology import NodeType
from ingest.extract import lexicon as lx
from ingest.extract.doc_view import DocView, clean_ent_bounds
from ingest.extract.group_names import GROUP_NOUNS, NAME_INNER, release_mentions
from ingest.extract.names import is_name_token

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_MAX_RUN = 7


# Nouns for a part or offshoot of a group, whose name often follows in apposition: 'a naval arm, the Sea
# Tigers'; 'an AMB unit calling itself Al-Muwaqqi'un Bil-Dima'.
_UNIT_NOUNS = GROUP_NOUNS | {"wing", "arm", "unit", "branch", "cell", "squad", "front", "division", "module"}
_LOWER_NAME_HEADS = frozenset({"group", "network", "faction"})
_NAMING_VERBS = frozenset({"calling", "called", "named", "known", "styling", "styled"})
# Finite forms name only as the clause's own verb: 'a unit it calls the Fateh Squad'.
_FINITE_NAMING = frozenset({"calls", "call", "names"})


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
            if child.dep_ == "appos" and child.i > noun.i and not _after_alias_word(child):
                _add_name_at(view, child)
        person = any(  # 'Sufi Muhammad, the founder of TNSM, a banned movement': the movement is TNSM
            c.dep_ == "appos" and c.lower_ in lx.LEAD_NOUNS | lx.MEMBER_NOUNS for c in noun.head.children
        )
        if noun.dep_ == "appos" and noun.head.i < noun.i and _indefinite(noun) and not person:
            _add_name_at(view, noun.head)  # 'the Asif Reza Commando Force, a group formed by ...'
        for clause in noun.children:
            if clause.dep_ not in {"acl", "relcl"}:
                continue
            naming = [t for t in clause.subtree if t.lower_ in _NAMING_VERBS and t.pos_ in {"VERB", "AUX"}]
            if clause.lower_ in _FINITE_NAMING:
                naming = [clause]
            for verb in naming[:1]:  # 'known as X', 'that came to be called X'
                if not _persons_other_name(verb):
                    _add_named_object(view, verb)


def _persons_other_name(verb: Token) -> bool:
    """'a group of JuA commanders led by Mukarram Khan, also known as Mukarram Khurasani', 'founded by Mullah
    Najibullah (also known as Omar Khitab)': the name the verb gives belongs to the person right before it,
    wherever the parser hung the clause."""
    k = verb.i - 1
    while k > 0 and verb.doc[k].lower_ in {"also", "better", "commonly", "widely", "locally", "popularly"}:
        k -= 1
    return k > 0 and verb.doc[k].text in {",", "("} and verb.doc[k - 1].ent_type_ == "PERSON"


def _after_alias_word(name: Token) -> bool:
    """'the Karialan faction is led by X, alias Y': the parser may hang a person's alias on the unit noun."""
    first = name.left_edge
    before = name.doc[first.i - 1] if first.i > 0 else None
    return first.lower_ in _ALIAS_WORDS or (before is not None and before.lower_ in _ALIAS_WORDS)


_ALIAS_WORDS = frozenset({"alias", "aka", "a.k.a", "a.k.a."})


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


_OUTLET_HEADS = frozenset({"arm", "wing", "outlet", "agency", "foundation"})
_OUTLET_KINDS = frozenset({"media", "news", "propaganda"})
_ARTICLE_NAME = re.compile(r"^(?:al|as|ad|an|ar|ash)-[A-Z]\w+$")


def _add_named_outlets(view: DocView) -> None:
    """'its al-Malahem media arm', "the group's Amaq news agency": the name before an owned outlet noun."""
    doc = view.doc
    for head in view.tokens_among(_OUTLET_HEADS):
        k = head.i - 1
        if k < 1 or doc[k].lower_ not in _OUTLET_KINDS:
            continue
        start = k
        while start > 0 and k - start < 3 and view.owner[start - 1] < 0:
            word = doc[start - 1]
            if not (is_name_token(word) or _ARTICLE_NAME.match(word.text)) or word.lower_ in _OUTLET_KINDS:
                break
            start -= 1
        owner = doc[start - 1] if start > 0 else None
        owned = owner is not None and owner.lower_ in {"its", "their", "'s", "\u2019s"}
        if start < k and owned:
            view.add(NodeType.GROUP, start, k, source="pattern")


def _add_possessed_units(view: DocView) -> None:
    _add_named_outlets(view)
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
    if root.pos_ != "PROPN" or root.ent_type_ in {"DATE", "TIME"}:
        return  # 'In July 1995 a front calling itself X': the parser may hang the front on the month
    _release_pattern_pieces(view, root)
    if view.owner[root.i] >= 0:
        return
    inside = {t.i for t in root.subtree}
    start = root.i
    while start - 1 in inside and root.i - start < _MAX_RUN and _left_piece(view, start - 1):
        start -= 1  # "Mouvement islamique de l'Azawad": lower-case words inside a French name
    end = root.i + 1
    org_head = doc[root.i].lower_ in _ORG_HEADS
    while end < len(doc) and end - start < _MAX_NAME:
        split = _split_off(root, doc[end])
        if end not in inside and not split:
            break
        if org_head and _absorb_listed(view, end):
            continue  # 'the High Council of the Islamic Emirate of Afghanistan'
        if not (split or _inner_piece(view, end)):
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


def _split_off(root: Token, tok: Token) -> bool:
    """'called the Shura Ittehad-ul-Mujahideen': the parser may hang a name's next word anywhere but under
    it, most often a transliterated word it has never seen."""
    if tok.i != root.i + 1 or not is_name_token(tok):
        return False
    return (tok.head.i == root.head.i and tok.dep_ == root.dep_) or ("-" in tok.text and tok.pos_ == "PROPN")


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
            release_mentions(view, held.tok_start, held.tok_end)


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
    release_mentions(view, m.tok_start, m.tok_end)
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
    return tok.lower_ in NAME_INNER or (is_name_token(tok) and tok.pos_ == "PROPN")


_ALLIANCE_NOUNS = frozenset({"alliance", "coalition", "front", "conglomerate", "umbrella", "platform"})


def add_apposed_alliances(view: DocView) -> None:
    """'the Coordination Committee (CorCom), an alliance that several outfits formed': an organisation
    name in apposition to an alliance noun is a group, whatever its words."""
    doc = view.doc
    for ent in doc.ents:
        if ent.label_ not in {"ORG", "PERSON"}:
            continue
        start, end = clean_ent_bounds(ent)
        if start >= end or not view.is_free(start, end) or not doc[start].text[:1].isupper():
            continue
        if ent.label_ == "PERSON":
            # The tagger reads an unfamiliar name as a person too: 'an umbrella alliance, the Baloch Raaji
            # Aajoi Sangar'. Only the name right after the alliance noun is taken; a parse link is too loose.
            if _alliance_noun_before(doc, ent.start):
                view.add(NodeType.GROUP, start, end, source="pattern")
            continue
        root = doc[start:end].root
        linked = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            linked.append(root.head)
        parsed = any(t.lower_ in _ALLIANCE_NOUNS and t.is_lower and t.pos_ == "NOUN" for t in linked)
        if parsed or _alliance_aside_follows(doc, end) or _alliance_noun_before(doc, ent.start):
            view.add(NodeType.GROUP, start, end, source="pattern")
    _add_alliance_joiners(view)


def _alliance_noun_before(doc: Doc, k: int) -> bool:
    """'in an umbrella alliance, the Baloch Raji Aajoi Sangar': the name right after the alliance noun."""
    if k > 0 and doc[k - 1].lower_ == "the":
        k -= 1
    return k >= 2 and doc[k - 1].text == "," and doc[k - 2].lower_ in _ALLIANCE_NOUNS and doc[k - 2].is_lower


_JOIN_VERBS = frozenset({"joined", "join", "joins", "joining"})
_JOINED_LIST_STOPS = frozenset({"in", "into", "to", "under"})


def _add_alliance_joiners(view: DocView) -> None:
    """'the BLA joined the BLF and the Baloch Republican Guards in an umbrella alliance': organisations
    listed as joining an alliance are groups."""
    doc = view.doc
    for verb in view.tokens_among(_JOIN_VERBS):
        sent_end = doc[verb.i].sent.end
        stop = next((t.i for t in doc[verb.i + 1 : sent_end] if t.lower_ in _JOINED_LIST_STOPS), None)
        if stop is None or not any(t.lower_ in _ALLIANCE_NOUNS for t in doc[stop : min(sent_end, stop + 5)]):
            continue
        for ent in doc.ents:
            if ent.label_ != "ORG" or not verb.i < ent.start < stop:
                continue
            start, end = clean_ent_bounds(ent)
            if start < end and view.is_free(start, end) and doc[start].text[:1].isupper():
                view.add(NodeType.GROUP, start, end, source="pattern")


def _alliance_aside_follows(doc: Doc, k: int) -> bool:
    """', an alliance ...' right after the name (and its bracketed acronym), read off the surface."""
    if k < len(doc) and doc[k].text == "(":
        while k < len(doc) and doc[k].text != ")" and k < len(doc) - 1:
            k += 1
        k += 1
    if (
        k + 2 < len(doc)
        and doc[k].text == ","
        and doc[k + 1].lower_ == "or"
        and doc[k + 2].text[:1].isupper()
    ):
        k += 3  # ', or CorCom, an alliance'
    words = [t.lower_ for t in doc[k : k + 5]]
    if len(words) < 3 or words[0] != "," or words[1] not in {"a", "an", "the"}:
        return False
    return any(w in _ALLIANCE_NOUNS for w in words[2:5])
