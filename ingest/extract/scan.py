"""Gazetteer look-up over the raw text: longest spelling-insensitive match of group and place names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extract import lexicon as lx
from ingest.extract.gazetteer import Gazetteer, GroupFact, PlaceFact
from ingest.extract.normalize import CONNECTORS, is_connector, norm_word

# A word; "'s" after a word is left out so possessives do not glue onto names (JUD's -> JUD).
_WORD = re.compile(r"[^\W_]+(?:['\u2019\u02bc](?![sS]\b)[^\W_]+)*")
# What may separate two words of one name: spaces (no blank line) and dashes.
_GAP = re.compile(
    r"[ \t\u00a0\-\u2010\u2011\u2012\u2013\u2014&]*\n?[ \t\u00a0\-\u2010\u2011\u2012\u2013\u2014&]*"
)
# Bracketed words of a listed name: 'Communist Party of India (Maoist)', 'CPI (M-L) People's War'.
_BRACKET_GAP = re.compile(r"[ \t\u00a0]*[()][ \t\u00a0]*")


# Lower-case head words a listed name may end in ('the Maute group', 'the al-Karrar office'), as keyed.
_LOWER_HEADS = frozenset(
    norm_word(w) for w in ("group", "network", "movement", "faction", "brigade", "front", "office")
)


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    raw: str
    norm: str


@dataclass(frozen=True)
class GazHit:
    start: int
    end: int
    group: GroupFact | None
    place: PlaceFact | None
    acronym: bool


def scan_words(text: str) -> list[Word]:
    return [Word(m.start(), m.end(), m.group(), norm_word(m.group())) for m in _WORD.finditer(text)]


def _capitalised(word: str) -> bool:
    elided = len(word) > 2 and word[1] in "'\u2019" and word[2].isupper()  # "d'Ivoire", "l'Azawad"
    return word[:1].isupper() or word[:1].isdigit() or elided


def _joined(text: str, left: Word, right: Word) -> bool:
    return _GAP.fullmatch(text, left.end, right.start) is not None


def _acronym_hit(gaz: Gazetteer, w: Word) -> GazHit | None:
    if len(w.raw) < 2 or (not any(c.isupper() for c in w.raw[1:]) and not w.raw.isupper()):
        return None
    fact = gaz.group_by_acronym(w.raw)
    if fact is None:
        return None
    return GazHit(w.start, w.end, fact, None, True)


def _possessive_s(text: str, left: Word, right: Word) -> bool:
    return right.raw in {"s", "S"} and right.start == left.end + 1 and text[left.end] in "'\u2019\u02bc"


# Lower-case words that describe a part of a place; capitalised they open its name ('Central Mindanao').
# ('southeast Asia' is the region's name however it is written.)
_DESCRIBING = lx.COMPASS_ADJECTIVES | {
    "central", "upper", "lower", "greater", "northeastern", "northwestern", "southeastern", "southwestern"
}  # fmt: skip


def _longest_at(text: str, words: list[Word], i: int, gaz: Gazetteer) -> GazHit | None:
    key: list[str] = []
    best: GazHit | None = None
    any_capital = False
    described = words[i].raw in _DESCRIBING  # 'central Mindanao': a part of Mindanao, not the region
    if _plain_word_keyed_as_connector(words[i]):
        return None  # 'above all Katibat Imam al-Bukhari': 'all' is keyed like the article 'al'
    limit = min(len(words), i + gaz.max_words + 6)
    for j in range(i, limit):
        w = words[j]
        if j > i and _possessive_s(text, words[j - 1], w):
            key[-1] += "s"  # "Lord's Resistance Army": the name's own possessive, keyed as 'lords'
            continue
        bracket = j > i and _BRACKET_GAP.fullmatch(text, words[j - 1].end, w.start) is not None
        if j > i and not (bracket or _joined(text, words[j - 1], w)):
            break
        norm = w.norm
        if norm.startswith("al") and len(norm) > 5 and j == i and norm[2:] in gaz.first_words:
            norm = norm[2:]  # alQaida
        if not is_connector(norm):
            key.append(norm)
            any_capital = any_capital or _capitalised(w.raw)
        if not key or not any_capital:
            continue
        if len(key) > gaz.max_words:
            break
        k = tuple(key)
        group = gaz.group_by_key(k)
        place = None if group or described else gaz.place_by_key(k)
        # 'the Maute group', 'the Haqqani network': a listed name may end in a lower-case head word.
        closes = _capitalised(w.raw) or (group is not None and len(key) > 1 and norm in _LOWER_HEADS)
        if (group or place) and closes and not is_connector(norm):  # never end on "and the Al"
            span = text[words[i].start : w.end]
            open_brackets = span.count("(") - span.count(")")
            end = w.end + 1 if open_brackets == 1 and text.startswith(")", w.end) else w.end
            if open_brackets == 0 or end > w.end:
                best = GazHit(words[i].start, end, group, place, False)
    return best


def _plain_word_keyed_as_connector(w: Word) -> bool:
    return is_connector(w.norm) and w.raw.islower() and w.raw not in CONNECTORS


def _article(text: str, words: list[Word], i: int) -> bool:
    """An Arabic article opening a name: 'al Harakat', 'al-Qaida', 'as-Sahab'."""
    w = words[i]
    if not is_connector(w.norm) or w.raw.lower() in {"e", "i", "the"}:
        return False
    if w.raw.lower() in {"al", "el"}:
        return True
    return w.end < len(text) and text[w.end] in "-\u2010\u2011"


def gazetteer_hits(text: str, words: list[Word], gaz: Gazetteer) -> list[GazHit]:
    """Non-overlapping hits, longest first at each position, scanning left to right."""
    hits: list[GazHit] = []
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        hit = _acronym_hit(gaz, w)
        owns = i + 1 < n and _possessive_s(text, w, words[i + 1]) and w.norm + "s" in gaz.first_words
        if w.norm in gaz.first_words or owns or w.norm.startswith("al") or _article(text, words, i):
            longer = _longest_at(text, words, i, gaz)
            if longer is not None and (hit is None or longer.end > hit.end):
                hit = longer
        if hit is None:
            i += 1
            continue
        hits.append(hit)
        while i < n and words[i].start < hit.end:
            i += 1
    return hits
