"""Dates written in English prose, normalised to YYYY, YYYY-MM or YYYY-MM-DD."""

from __future__ import annotations

import re

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

_PATTERNS = [
    re.compile(rf"\b{_YEAR}-(?P<m2>[01]\d)-(?P<d2>[0-3]\d)\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"(?<![\w.,/-]){_YEAR}(?![\w/-]|\.\d|,\d)"),
]
_DATELINE = re.compile(
    r"^[^\n]{0,80}?[,(]\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\s+\d{4})\s*\)?"
)
_PUBLISHED = re.compile(
    r"(?:posted on|published(?: on)?|publication date|dated?|updated(?: on)?|as of)\s*[:|]?\s*", re.IGNORECASE
)


def _valid(year: int, month: int | None, day: int | None) -> bool:
    if month is not None and not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= 31


def _format(year: int, month: int | None, day: int | None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Every date in `text` as (start, end, 'YYYY[-MM[-DD]]'), the most specific reading of each stretch."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, str]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span()
            if any(s < end and start < e for s, e in taken):
                continue
            groups = m.groupdict()
            year = int(groups["year"])
            month_text = groups.get("month")
            month: int | None = _MONTHS[month_text.lower()] if month_text else None
            if groups.get("m2"):
                month = int(groups["m2"])
            day_text = groups.get("day") or groups.get("d2")
            day = int(day_text) if day_text else None
            if (
                month_text
                and month_text.lower() == "may"
                and day is None
                and not text[start:end][:1].isupper()
            ):
                continue  # the verb "may"
            if not _valid(year, month, day):
                continue
            taken.append((start, end))
            found.append((start, end, _format(year, month, day)))
    found.sort()
    return found


def first_date(text: str) -> str | None:
    dates = find_dates(text)
    if not dates:
        return None
    return dates[0][2]


def document_date(text: str) -> str | None:
    """The publication date: a 'Posted on:' / 'Publication Date' line, a dateline, or '(April 2014)'
    near the top; None when the opening lines state no date."""
    head = text[:3000]
    for m in _PUBLISHED.finditer(head):
        dates = find_dates(head[m.end() : m.end() + 40])
        if dates and dates[0][0] <= 2:
            return dates[0][2]
    for line in head.splitlines()[:15]:
        dateline = _DATELINE.match(line.strip())
        if dateline:
            dates = find_dates(dateline.group("date"))
            if dates:
                return dates[0][2]
    for line in head.splitlines()[:5]:
        paren = re.search(r"\(([^()]{3,30})\)", line)
        if paren:
            dates = find_dates(paren.group(1))
            if dates and "-" in dates[0][2]:
                return dates[0][2]
    return None
