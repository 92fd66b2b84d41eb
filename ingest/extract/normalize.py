"""Spelling-insensitive keys for names written in many transliterations.

'Jaish-e-Mohammed', 'Jaish-i-Muhammad' and 'JAISH E MOHAMMAD' all get the key
('jaish', 'muhamad'): accents, case, apostrophes and hyphens go, Urdu/Arabic
connectors (e, i, ul, ud, al ...) are dropped, doubled letters collapse and common
variant spellings of frequent name parts are mapped to one form.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Words inside transliterated names that carry no identity ("of the", "the").
CONNECTORS: frozenset[str] = frozenset(
    {
        "e",
        "i",
        "ul",
        "ud",
        "ur",
        "us",
        "ut",
        "un",
        "al",
        "el",
        "ad",
        "ash",
        "as",
        "an",
        "az",
        "at",
        "wal",
        "wa",
    }
)
_DROP_IN_KEYS: frozenset[str] = CONNECTORS | {"the", "and"}

# Spelling variants of frequent name parts -> one form (after doubled letters collapse).
_VARIANTS: dict[str, str] = {
    "mohammed": "muhamad",
    "mohammad": "muhamad",
    "muhammed": "muhamad",
    "muhammad": "muhamad",
    "mohamad": "muhamad",
    "mohd": "muhamad",
    "mohamed": "muhamad",
    "tayiba": "taiba",
    "tayyiba": "taiba",
    "tayyaba": "taiba",
    "toiba": "taiba",
    "taibah": "taiba",
    "harkat": "harakat",
    "harakatul": "harakat",
    "mujahideen": "mujahidin",
    "mujahedin": "mujahidin",
    "mujahedeen": "mujahidin",
    "mujahiddin": "mujahidin",
    "tehreek": "tehrik",
    "tahrik": "tehrik",
    "tahreek": "tehrik",
    "qaeda": "qaida",
    "qaidah": "qaida",
    "hezbollah": "hizbalah",
    "hizbollah": "hizbalah",
    "hizbullah": "hizbalah",
    "hizballah": "hizbalah",
    "islamiyya": "islamiya",
    "islamiyah": "islamiya",
    "islamiah": "islamiya",
    "usama": "osama",
    "jhangavi": "jhangvi",
    "daawa": "dawa",
    "dawah": "dawa",
    "daawah": "dawa",
    "dawat": "dawa",
    "jemaah": "jamaah",
    "jemaa": "jamaah",
    "jamaa": "jamaah",
    "yousuf": "yusuf",
    "yousef": "yusuf",
    "abdel": "abdul",
    "abd": "abdul",
    "illyas": "ilyas",
    "ilyaas": "ilyas",
    "asghar": "ashgar",
    "masud": "masood",
    "masoud": "masood",
    "massoud": "masood",
    "hussain": "husain",
    "hussein": "husain",
    "husayn": "husain",
    "osman": "usman",
    "uthman": "usman",
    "farouq": "faruq",
    "farooq": "faruq",
    "farouk": "faruq",
    "faruk": "faruq",
}

_APOSTROPHES = re.compile(r"['\u2019\u2018\u02bc\u02bb`\u00b4]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_DOUBLE = re.compile(r"([a-z])\1+")
# A word as the scanner sees it: letters/digits, with inner apostrophes kept (Qa'ida).
WORD_RE = re.compile(r"[^\W_]+(?:['\u2019\u02bc][^\W_]+)*")


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def norm_word(word: str) -> str:
    """One word -> its spelling-insensitive form ('Mohammed' -> 'muhamad')."""
    w = _APOSTROPHES.sub("", ascii_fold(word).lower())
    w = _NON_ALNUM.sub("", w)
    if not w:
        return ""
    if word.isupper() and len(w) <= 4:
        return w  # letters of an acronym: 'KK' (Khole-Kitovi) is not 'K' (Khaplang)
    w = _VARIANTS.get(w, w)
    collapsed = _DOUBLE.sub(r"\1", w)
    if len(collapsed) > 3 and collapsed.endswith("h") and collapsed[-2] in "aeiou":
        collapsed = collapsed[:-1]
    return _VARIANTS.get(collapsed, collapsed)


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def name_key(text: str) -> tuple[str, ...]:
    """Key of a whole name; connectors and 'the' are dropped unless nothing else is left."""
    normed = [norm_word(w) for w in words(text)]
    normed = [w for w in normed if w]
    kept = tuple(w for w in normed if w not in _DROP_IN_KEYS)
    return kept or tuple(normed)


def fused_particle_key(text: str) -> tuple[str, ...]:
    """name_key with a particle glued to the word before it split off: 'Ansarul Islam' and 'Ansar ul Islam',
    'Hizbul Mujahideen' and 'Hizb-ul-Mujahideen' are one name ('ul' is dropped from keys either way)."""
    key = name_key(text)
    return tuple(
        w[:-2] if w.endswith("ul") and len(w) >= 6 and n < len(key) - 1 else w for n, w in enumerate(key)
    )


def key_of_words(normed: list[str]) -> tuple[str, ...]:
    kept = tuple(w for w in normed if w and w not in _DROP_IN_KEYS)
    return kept or tuple(w for w in normed if w)


def is_connector(normed_word: str) -> bool:
    return normed_word in _DROP_IN_KEYS


def similar_words(a: str, b: str) -> bool:
    """Transliteration-level equality of two normalised words (swapped letters: asghar/ashgar)."""
    if a == b:
        return True
    if len(a) < 5 or len(a) != len(b) or a[0] != b[0]:
        return False
    if sorted(a) != sorted(b):
        return False
    return sum(1 for x, y in zip(a, b, strict=True) if x != y) <= 2


_IRREGULAR = {
    "used": "use",
    "led": "lead", "ran": "run", "fought": "fight", "held": "hold", "left": "leave", "took": "take",
    "began": "begin", "begun": "begin", "made": "make", "set": "set", "shot": "shoot", "sought": "seek",
    "underwent": "undergo", "undergone": "undergo", "known": "know", "knew": "know", "gave": "give",
    "given": "give", "went": "go", "came": "come", "split": "split", "trained": "train", "forces": "force",
    "taken": "take", "created": "create", "creating": "create",
    "sent": "send", "drove": "drive", "driven": "drive", "expelled": "expel", "fled": "flee",
    "seized": "seize", "overran": "overrun",
    "travelled": "travel", "traveled": "travel", "controlled": "control", "retook": "retake",
    "ties": "tie", "allies": "ally", "allied": "ally", "based": "base", "funds": "fund", "uses": "use",
    "broke": "break", "broken": "break", "intervened": "intervene", "convened": "convene",
    "adhered": "adhere", "interfered": "interfere", "completed": "complete", "competed": "compete",
    "competing": "compete", "deleted": "delete",
}  # fmt: skip
# Unstressed endings that take no silent 'e': splinter(ed), threaten(ed), abandon(ed), target(ed), ransom(ed).
_NO_SILENT_E = ("er", "en", "on", "om", "et")
# Stems that keep a silent 'e' after a consonant pair: merg(e), pledg(e), serv(e), announc(e), involv(e).
_SOFT_ENDINGS = frozenset({"rg", "dg", "rv", "nc", "lv", "rc", "bl", "pl", "tl", "dl", "gl", "kl"})
_SUFFIXES = (("ying", "y"), ("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


_ES_PLURALS = ("sh", "ch", "x", "ss", "zz", "o")


def _vowels_then_s(stem: str) -> bool:
    return len(stem) > 3 and stem[-1] in "sz" and stem[-2] in "aeiou" and stem[-3] in "aeiou"


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """A cheap English lemma for cue-word look-ups (spaCy's lemmatizer is not loaded, for speed)."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) <= 4:
        return w
    for suffix, repl in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stem = w[: -len(suffix)] + repl
            if suffix in {"ing", "ed"} and len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                stem = stem[:-1]  # planned -> plan
            elif (
                suffix in {"ing", "ed"}
                and not stem.endswith(_NO_SILENT_E)
                and stem[-1:] not in "aeiouy"
                and stem[-2:-1] in "aeiou"
                and (stem[-3:-2] not in "aeiou")
            ):
                stem += "e"  # located -> locate, supervised -> supervise
            elif suffix in {"ing", "ed"} and _vowels_then_s(stem):
                stem += "e"  # raised -> raise, caused -> cause, released -> release
            elif suffix == "es" and not stem.endswith(_ES_PLURALS):
                stem += "e"  # raises -> raise, pledges -> pledge (but clashes -> clash, boxes -> box)
            elif suffix in {"ing", "ed"} and stem[-2:] in _SOFT_ENDINGS:
                stem += (
                    "e"  # merged -> merge, pledged -> pledge, announced -> announce, assembled -> assemble
                )
            return stem
    return w


def initials_fit(acro: str, name: str) -> bool:
    """The acronym's letters appear, in order, among the name's word initials or letters."""
    letters = [c.lower() for c in acro if c.isalpha()]
    words = [w for w in re.findall(r"[^\W\d_]+", name)]
    initials = "".join(w[0].lower() for w in words)
    if not letters or not words:
        return False
    if letters[0] != initials[0] and letters[0] != name.lower().lstrip("the ")[:1]:
        return False
    pos = 0
    flat = name.lower()
    for c in letters:
        pos = flat.find(c, pos)
        if pos < 0:
            return False
        pos += 1
    return True
