"""User text to safe Lucene queries for Neo4j's full-text indexes: words only, each escaped, each a prefix.

(A one-letter word is matched whole, as the embedded store does.)

Entities are searched in a field of tokens we compute ourselves (`search_tokens`), so the index's
analyzer only splits on spaces and both sides agree exactly: a word in the query matches the start
of a word of a name or alias, accents and case ignored, and the folded spelling (graph.ids.fold) is
tried too, so "Da'esh" also finds "Daesh". Documents use the `standard-folding` analyzer (lower case,
accents folded, English stop words dropped), so stop words are left out of document queries.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from graph.ids import fold

_WORD = re.compile(r"[^\W_]+")
_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')
MAX_TERMS = 12
# Lucene's English stop words, which the standard-folding analyzer leaves out of the index.
_STOP_TEXT = (
    "a an and are as at be but by for if in into is it no not of on or such that the their then there"
)
STOP_WORDS = frozenset(f"{_STOP_TEXT} these they this to was will with".split(" "))


def escape(term: str) -> str:
    """Backslash every character Lucene's query parser treats as syntax."""
    return _SPECIAL.sub(r"\\\1", term)


def plain(word: str) -> str:
    """Lower case without accents: 'Mullā' -> 'mulla'."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    return [plain(w) for w in _WORD.findall(unicodedata.normalize("NFC", text))]


def search_tokens(labels: Iterable[str]) -> str:
    """The indexed `search` text of an entity: every word of every label, plain and folded."""
    tokens: set[str] = set()
    for label in labels:
        tokens.update(t for t in words(label) if t)
        tokens.update(fold(label).split())
    return " ".join(sorted(tokens))


def name_keys(keys: Iterable[str]) -> str:
    """The indexed `name_keys` text: one whitespace-free token per folded name."""
    return " ".join(sorted({key.replace(" ", "_") for key in keys if key}))


def key_query(key: str) -> str:
    return escape(key.replace(" ", "_"))


def _term(word: str) -> str:
    # A one-letter word must match whole ("e" in "Jaish-e-Mohammed"): as a prefix it would match
    # a large part of the index.
    return f"+{escape(word)}*" if len(word) > 1 else f"+{escape(word)}"


def _group(terms: list[str]) -> str:
    return " ".join(_term(term) for term in terms[:MAX_TERMS])


def _alternatives(raw: list[str], folded: list[str]) -> str | None:
    groups = [g for g in (raw, folded) if g]
    if not groups:
        return None
    if len(groups) == 1 or groups[0] == groups[1]:
        return _group(groups[0])
    return f"({_group(groups[0])}) OR ({_group(groups[1])})"


def entity_query(q: str) -> str | None:
    """`Jaish-e-Moh` -> `+jaish* +e +moh*`; None when the text holds no word at all."""
    return _alternatives(words(q), fold(q).split())


def document_query(q: str) -> str | None:
    """Like entity_query, without stop words (unless nothing else is left)."""
    raw, folded = words(q), fold(q).split()
    kept_raw = [w for w in raw if w not in STOP_WORDS] or raw
    kept_folded = [w for w in folded if w not in STOP_WORDS] or folded
    return _alternatives(kept_raw, kept_folded)


def snippet(text: str, q: str, width: int = 24) -> str:
    """About `width` words of `text` around the first word that starts like a query word."""
    terms = set(words(q)) | set(fold(q).split())
    spans = [(m.start(), m.end(), plain(m.group())) for m in _WORD.finditer(text)]
    if not spans:
        return text[:200]
    hit = next((i for i, (_s, _e, w) in enumerate(spans) if any(w.startswith(t) for t in terms)), 0)
    first = max(0, min(hit - width // 4, len(spans) - width))
    last = min(len(spans), first + width) - 1
    body = text[spans[first][0] : spans[last][1]]
    return ("…" if first > 0 else "") + body + ("…" if last < len(spans) - 1 else "")
