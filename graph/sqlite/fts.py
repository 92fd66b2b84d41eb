"""User text to a safe FTS5 query: words only, each quoted, each a prefix; never raw FTS syntax."""

from __future__ import annotations

import re
import unicodedata

from graph.ids import fold

_WORD = re.compile(r"[^\W_]+")
MAX_TERMS = 12


def _terms(words: list[str]) -> str:
    # Words hold letters and digits only, so wrapping them in quotes cannot break out of the string.
    # A one-letter word must match whole ("e" in "Jaish-e-Mohammed"): as a prefix it would match
    # a large part of the index.
    return " ".join(f'"{word}"*' if len(word) > 1 else f'"{word}"' for word in words[:MAX_TERMS])


def match_query(q: str) -> str | None:
    """`Jaish-e-Moh` -> `"Jaish"* "e" "Moh"*`; None when the text holds no word at all.

    The folded spelling is tried too, so "Da'esh" also finds "Daesh".
    """
    words = _WORD.findall(unicodedata.normalize("NFC", q))
    if not words:
        return None
    raw = _terms(words)
    folded_words = fold(q).split()
    folded = _terms(folded_words)
    if not folded_words or [w.lower() for w in words] == folded_words:
        return raw
    return f"({raw}) OR ({folded})"
