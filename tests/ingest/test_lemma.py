"""The cheap lemmatiser the cue-word look-ups use: regular, irregular and silent-e forms."""

from __future__ import annotations

import pytest

from ingest.extract.normalize import lemma


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("located", "locate"),
        ("operated", "operate"),
        ("merged", "merge"),
        ("pledged", "pledge"),
        ("planned", "plan"),
        ("splintered", "splinter"),
        ("targeted", "target"),
        ("threatened", "threaten"),
        ("abandoned", "abandon"),
        ("broke", "break"),
        ("broken", "break"),
        ("driven", "drive"),
        ("intervened", "intervene"),
        ("allies", "ally"),
        ("led", "lead"),
        ("raises", "raise"),
        ("raised", "raise"),
        ("supervises", "supervise"),
        ("pledges", "pledge"),
        ("clashes", "clash"),
        ("used", "use"),
    ],
)
def test_lemma(word: str, expected: str) -> None:
    assert lemma(word) == expected


def test_lemma_folds_case_and_leaves_short_words() -> None:
    assert lemma("Merged") == "merge"
    assert lemma("war") == "war"
