"""RelationFilter to SQL conditions on the `relations` table (every value a parameter)."""

from __future__ import annotations

from typing import Any

from graph.grading import END_OF_PERIOD, check_date, period_end
from graph.models import RelationFilter
from graph.ontology import SYMMETRIC

SYMMETRIC_VALUES = tuple(sorted(t.value for t in SYMMETRIC))


def filter_sql(filt: RelationFilter | None, alias: str = "r") -> tuple[str, list[Any]]:
    """` AND ...` conditions and their parameters; relations without dates fail any date condition."""
    if filt is None:
        return "", []
    clauses: list[str] = []
    params: list[Any] = []
    if filt.types is not None:
        if not filt.types:
            return " AND 0", []
        clauses.append(f"{alias}.type IN ({', '.join('?' * len(filt.types))})")
        params.extend(t.value for t in filt.types)
    for bound, what in ((filt.as_of, "as_of"), (filt.until, "until")):
        if check_date(bound, what) is not None:
            assert bound is not None
            clauses.append(f"{alias}.first_seen <= ?")
            params.append(period_end(bound))
    if check_date(filt.since, "since") is not None:
        clauses.append(f"({alias}.last_seen || ?) >= ?")
        params.extend([END_OF_PERIOD, filt.since])
    if filt.min_reliability is not None:
        clauses.append(f"{alias}.reliability <= ?")
        params.append(filt.min_reliability.value)
    if filt.max_credibility is not None:
        clauses.append(f"{alias}.credibility <= ?")
        params.append(filt.max_credibility)
    return "".join(f" AND {c}" for c in clauses), params
