"""How a relation is graded from the documents behind it, and how partial dates compare.

Every store computes the same numbers from the same per-document contributions, so these are pure
functions. One document contributes to a relation:

- its best evidence confidence for that relation,
- the earliest and latest date of that evidence (an evidence item without a date takes the document's),
- its source (compared case- and accent-insensitively; an unnamed source is unknown) and reliability.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from graph.errors import InvalidInput
from graph.ids import fold
from graph.ontology import Reliability

MAX_CONFIDENCE = 0.99
EXPLICIT_CONFIDENCE = 0.7
LIKELY_CONFIDENCE = 0.5
_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
# Sorts after every character of a YYYY-MM-DD date: "2014" + END_OF_PERIOD is the last instant of 2014.
END_OF_PERIOD = "~"


@dataclass(frozen=True)
class Contribution:
    """What one document says about one relation."""

    confidence: float
    first_seen: str | None
    last_seen: str | None
    source_key: str | None
    reliability: Reliability


@dataclass(frozen=True)
class Grade:
    """A relation's aggregate over all the documents behind it."""

    confidence: float
    first_seen: str | None
    last_seen: str | None
    reliability: Reliability | None
    credibility: int
    n_documents: int
    n_sources: int


def credibility(n_documents: int, n_sources: int, best: Reliability | None, confidence: float) -> int:
    """Credibility 1 (confirmed) .. 6 (cannot be judged), Admiralty style.

    - 1: at least two documents from at least two different sources, one of them graded A or B;
    - 2: at least two documents from at least two different sources;
    - 3: at least two documents not known to come from different sources, or one document from an
      A/B source whose evidence is explicit (confidence >= 0.7);
    - 4: one document with confidence >= 0.5;
    - 5: one document with lower confidence;
    - 6: nothing to judge it by (no document, or no confidence at all).

    `n_sources` counts distinct *named* sources; documents without a source never count as different.
    """
    strong_source = best in (Reliability.A, Reliability.B)
    if n_documents >= 2:
        if n_sources >= 2:
            return 1 if strong_source else 2
        return 3
    if n_documents == 1 and confidence > 0:
        if strong_source and confidence >= EXPLICIT_CONFIDENCE:
            return 3
        return 4 if confidence >= LIKELY_CONFIDENCE else 5
    return 6


def combine_confidence(confidences: Iterable[float]) -> float:
    """Independent documents reinforce each other: 1 - prod(1 - c), capped below certainty."""
    missing = 1.0
    for value in confidences:
        missing *= 1.0 - value
    return min(MAX_CONFIDENCE, 1.0 - missing)


def best_reliability(grades: Iterable[Reliability | None]) -> Reliability | None:
    known = [grade for grade in grades if grade is not None]
    return min(known) if known else None


def source_key(source: str | None) -> str | None:
    """Two documents share a source when their source names fold to the same key."""
    if source is None:
        return None
    return fold(source) or None


def grade(contributions: list[Contribution]) -> Grade:
    firsts = [c.first_seen for c in contributions if c.first_seen]
    lasts = [c.last_seen for c in contributions if c.last_seen]
    best = best_reliability(c.reliability for c in contributions)
    confidence = combine_confidence(c.confidence for c in contributions)
    n_sources = len({c.source_key for c in contributions if c.source_key})
    return Grade(
        confidence=confidence,
        first_seen=min(firsts) if firsts else None,
        last_seen=max(lasts) if lasts else None,
        reliability=best,
        credibility=credibility(len(contributions), n_sources, best, confidence),
        n_documents=len(contributions),
        n_sources=n_sources,
    )


def is_date(value: str) -> bool:
    return _DATE.fullmatch(value) is not None


def check_date(value: str | None, what: str) -> str | None:
    """Dates are YYYY, YYYY-MM or YYYY-MM-DD; anything else is refused, never guessed."""
    if value is None:
        return None
    if not is_date(value):
        raise InvalidInput(f"{what} must be a date written YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def period_end(value: str) -> str:
    """A key that sorts after every date inside the period `value` names ("2014" -> all of 2014)."""
    return value + END_OF_PERIOD


def seen_on_or_before(first_seen: str | None, bound: str) -> bool:
    """True when something first seen at `first_seen` could be true on or before the period `bound`."""
    return first_seen is not None and first_seen <= period_end(bound)


def seen_on_or_after(last_seen: str | None, bound: str) -> bool:
    """True when something last seen at `last_seen` could be true on or after the period `bound` starts."""
    return last_seen is not None and period_end(last_seen) >= bound
