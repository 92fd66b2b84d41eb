"""The credibility rule, confidence combination and partial-date comparisons."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.errors import InvalidInput
from graph.grading import (
    MAX_CONFIDENCE,
    Contribution,
    check_date,
    combine_confidence,
    credibility,
    grade,
    seen_on_or_after,
    seen_on_or_before,
    source_key,
)
from graph.ontology import Reliability

A, B, C, F = Reliability.A, Reliability.B, Reliability.C, Reliability.F


@pytest.mark.parametrize(
    ("n_documents", "n_sources", "best", "confidence", "expected"),
    [
        (2, 2, A, 0.3, 1),
        (3, 2, B, 0.9, 1),
        (2, 2, C, 0.9, 2),
        (5, 3, None, 0.9, 2),
        (2, 1, A, 0.9, 3),  # same source twice
        (2, 0, F, 0.9, 3),  # sources unknown: not shown to differ
        (1, 1, A, 0.7, 3),  # one A/B document, explicit evidence
        (1, 1, B, 0.69, 4),
        (1, 1, C, 0.95, 4),
        (1, 0, F, 0.5, 4),
        (1, 1, A, 0.49, 5),
        (1, 1, F, 0.1, 5),
        (1, 1, A, 0.0, 6),
        (0, 0, None, 0.0, 6),
    ],
)
def test_credibility_rule(n_documents: int, n_sources: int, best, confidence: float, expected: int) -> None:
    assert credibility(n_documents, n_sources, best, confidence) == expected


def test_confidence_grows_with_documents_and_stays_below_certainty() -> None:
    assert combine_confidence([0.5]) == pytest.approx(0.5)
    assert combine_confidence([0.5, 0.6]) == pytest.approx(0.8)
    assert combine_confidence([1.0]) == MAX_CONFIDENCE
    assert combine_confidence([]) == 0.0


@given(st.lists(st.floats(min_value=0.0, max_value=1.0), min_size=1, max_size=8), st.floats(0.0, 1.0))
def test_one_more_document_never_lowers_confidence(values: list[float], extra: float) -> None:
    before = combine_confidence(values)
    after = combine_confidence([*values, extra])
    assert before - 1e-12 <= after <= MAX_CONFIDENCE
    assert combine_confidence(list(reversed(values))) == pytest.approx(before)


def test_grade_of_several_documents() -> None:
    parts = [
        Contribution(0.5, "2014-05", "2014-05", source_key("Dawn"), B),
        Contribution(0.6, "2016", "2017-03", source_key("Reuters"), A),
        Contribution(0.2, None, None, None, F),
    ]
    g = grade(parts)
    assert (g.first_seen, g.last_seen, g.reliability, g.n_documents, g.n_sources) == (
        "2014-05",
        "2017-03",
        A,
        3,
        2,
    )
    assert g.confidence == pytest.approx(1 - 0.5 * 0.4 * 0.8)
    assert g.credibility == 1


def test_sources_compare_folded() -> None:
    assert source_key("Dawn") == source_key(" DAWN ") == "dawn"
    assert source_key(None) is None and source_key("--") is None


@pytest.mark.parametrize("value", ["2014", "2014-05", "2014-05-31", "1999-12-01"])
def test_valid_dates(value: str) -> None:
    assert check_date(value, "x") == value


@pytest.mark.parametrize(
    "value", ["14", "2014-13", "2014-5", "2014-05-32", "May 2014", "2014-05-01T00:00", ""]
)
def test_invalid_dates(value: str) -> None:
    with pytest.raises(InvalidInput):
        check_date(value, "the date")


def test_partial_dates_compare_as_periods() -> None:
    assert seen_on_or_before("2014-06-02", "2014")  # within 2014
    assert seen_on_or_before("2014", "2014-05")  # 2014 may have begun by May
    assert not seen_on_or_before("2015", "2014-12-31")
    assert not seen_on_or_before(None, "2014")
    assert seen_on_or_after("2014", "2014-05")  # 2014 lasts past May
    assert seen_on_or_after("2014-05-31", "2014-05")
    assert not seen_on_or_after("2014-04-30", "2014-05")
    assert not seen_on_or_after(None, "2014")
