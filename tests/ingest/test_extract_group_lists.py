"""Ties between groups: mergers and coalitions whose members are listed, and the cue words that tell a
rivalry from an alliance. Sentences written for these tests."""

from __future__ import annotations

from graph.ontology import RelType
from ingest.extract import extract
from tests.ingest.readers import pairs


def test_a_colon_may_open_the_list_of_merged_groups() -> None:
    ex = extract(
        "The Sahel alliance was formed in 2019 as a merger of three groups: the Katiba Macina, "
        "Al-Mourabitoun and Ansar Eddine."
    )
    allied = pairs(ex, RelType.ALLIED_WITH)
    assert frozenset({"Katiba Macina", "Ansar Eddine"}) in allied
    assert frozenset({"Katiba Macina", "Al-Mourabitoun"}) in allied


def test_a_pronoun_subject_is_the_group_the_merger_formed() -> None:
    ex = extract(
        "JNIM is the largest coalition in Mali. It was announced in 2017 as a merger of three groups: "
        "Ansar Eddine, the Katiba Macina and Al-Mourabitoun."
    )
    allied = pairs(ex, RelType.ALLIED_WITH)
    for member in ("Ansar Eddine", "Katiba Macina", "Al-Mourabitoun"):
        assert frozenset({"JNIM", member}) in allied


def test_fighting_a_conflict_with_a_group_is_rivalry_not_alliance() -> None:
    ex = extract("JNIM has fought a sustained conflict with Ansarul Islam since early 2020.")
    assert frozenset({"JNIM", "Ansarul Islam"}) in pairs(ex, RelType.RIVAL_OF)
    assert pairs(ex, RelType.ALLIED_WITH) == set()
