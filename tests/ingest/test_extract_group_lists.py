"""Ties between groups: mergers and coalitions whose members are listed, and the cue words that tell a
rivalry from an alliance. Sentences written for these tests."""

from __future__ import annotations

from graph.ontology import NodeType, RelType
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


def test_a_branch_styling_itself_anew_is_not_the_group_named_before_it() -> None:
    ex = extract(
        "In May 2022 the Islamic State reorganised its African provinces, and the Mozambican branch has "
        "since styled itself Islamic State Mozambique."
    )
    groups = {e.name: e.aliases for e in ex.entities if e.type is NodeType.GROUP}
    assert {"Islamic State", "Islamic State Mozambique"} <= set(groups)
    assert "Islamic State Mozambique" not in groups["Islamic State"]


def test_a_group_calling_itself_anew_takes_the_new_name_as_an_alias() -> None:
    ex = extract("Since 2015 the Zomi Revolutionary Army has called itself the Zomi Liberation Front.")
    groups = [e for e in ex.entities if e.type is NodeType.GROUP]
    assert len(groups) == 1
    assert {groups[0].name, *groups[0].aliases} >= {"Zomi Revolutionary Army", "Zomi Liberation Front"}


def test_groups_in_an_apposition_to_the_subject_fight_each_other() -> None:
    ex = extract(
        "The two movements, al-Shabaab and the Islamic State in Somalia, have fought repeatedly since 2018."
    )
    assert frozenset({"al-Shabaab", "Islamic State in Somalia"}) in pairs(ex, RelType.RIVAL_OF)


def test_a_groups_competitor_is_its_rival() -> None:
    ex = extract("In Puntland, al-Shabaab's main competitor is the Islamic State in Somalia.")
    assert frozenset({"al-Shabaab", "Islamic State in Somalia"}) in pairs(ex, RelType.RIVAL_OF)


def test_a_relative_clause_on_the_first_group_does_not_hide_the_against() -> None:
    ex = extract(
        "The fighting pits Hayat Tahrir al-Sham, which holds most of Idlib province, against Hurras "
        "al-Din, a smaller group."
    )
    assert frozenset({"Hayat Tahrir al-Sham", "Hurras al-Din"}) in pairs(ex, RelType.RIVAL_OF)


def test_the_members_of_a_conglomerate_are_allied_with_it_and_each_other() -> None:
    ex = extract(
        "The Sahel Coordination Front, a conglomerate of the Katiba Serma, Ansarul Islam and the "
        "Katiba Macina, claimed the ambush."
    )
    allied = pairs(ex, RelType.ALLIED_WITH)
    assert frozenset({"Katiba Serma", "Ansarul Islam"}) in allied
    assert frozenset({"Sahel Coordination Front", "Katiba Macina"}) in allied


def test_an_umbrella_for_listed_groups_allies_them() -> None:
    ex = extract(
        "The United Jihad Council serves as an umbrella for several Kashmiri groups, including Hizbul "
        "Mujahideen and the Harkat-ul-Mujahideen."
    )
    allied = pairs(ex, RelType.ALLIED_WITH)
    assert frozenset({"Hizbul Mujahideen", "Harkat-ul-Mujahideen"}) in allied
    assert frozenset({"United Jihad Council", "Hizbul Mujahideen"}) in allied


def test_a_name_the_tagger_calls_a_person_after_an_alliance_noun_is_a_group() -> None:
    ex = extract(
        "In 2019 the BLF joined the Baloch Republican Guards in an umbrella alliance, the Baloch Raaji "
        "Aajoi Sangar (BRAS), which claims joint attacks."
    )
    types = {e.name: e.type for e in ex.entities}
    assert types.get("Baloch Raaji Aajoi Sangar") is NodeType.GROUP


def test_a_transliterated_word_the_parser_hangs_elsewhere_stays_in_the_name() -> None:
    ex = extract(
        "In 2012 the commanders set up an alliance called the Shura Ittehad-ul-Mujahideen to fight the army."
    )
    assert "Shura Ittehad-ul-Mujahideen" in {e.name for e in ex.entities if e.type is NodeType.GROUP}


def test_the_banner_groups_act_under_is_a_group_allied_with_each_of_them() -> None:
    ex = extract(
        'Since 2019 Ansarul Islam and the Katiba Macina have claimed attacks under the banner of the "Sahel '
        'Defence Front in Burkina".'
    )
    allied = pairs(ex, RelType.ALLIED_WITH)
    assert "Burkina" not in {e.name for e in ex.entities if e.type is NodeType.PLACE}
    for group in ("Ansarul Islam", "Katiba Macina"):
        assert frozenset({group, "Sahel Defence Front in Burkina"}) in allied
