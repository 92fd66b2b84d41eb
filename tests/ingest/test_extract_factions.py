"""Factions written as the parent's acronym with a label: 'KCP (Military Council)', 'ULFA(I)', 'ULFA-I'.
Sentences written for these tests."""

from __future__ import annotations

from graph.ontology import NodeType, RelType
from ingest.extract import extract
from tests.ingest.readers import names, pairs, rels


def test_an_acronym_with_a_bracketed_label_is_a_faction_of_its_own() -> None:
    ex = extract(
        "The Kangleipak Communist Party (KCP) was founded in 1980. "
        "Police arrested two cadres of the KCP (Military Council) in Imphal on Sunday."
    )
    groups = names(ex, NodeType.GROUP)
    assert "KCP (Military Council)" in groups
    assert "Kangleipak Communist Party" in groups


def test_the_forms_of_one_faction_are_one_group() -> None:
    ex = extract(
        "The KCP (Military Council) walked out in 2005. "
        "Officials say the KCP(MC) and the KCP-MC are the same outfit."
    )
    factions = [e for e in ex.entities if e.type is NodeType.GROUP and e.name.startswith("KCP")]
    assert len(factions) == 1
    assert {"KCP(MC)", "KCP-MC"} <= set(factions[0].aliases)


def test_a_bracket_that_spells_out_or_renames_the_group_is_no_faction() -> None:
    ex = extract("The ISIL (Da'esh) and the JeM (Pakistan) were both named in the report.")
    groups = names(ex, NodeType.GROUP)
    assert not any("(" in g for g in groups)


def test_a_faction_named_after_a_person_is_led_by_that_person() -> None:
    ex = extract(
        "The NDFB was founded by Ranjan Daimary in 1986. "
        "After the split, those loyal to Daimary became known as the NDFB (Ranjan Daimary)."
    )
    assert ("Ranjan Daimary", "NDFB (Ranjan Daimary)") in rels(ex, RelType.LEADS)
    assert len(names(ex, NodeType.GROUP)) == 2


def test_a_faction_and_its_parent_stay_apart() -> None:
    ex = extract("The ULFA was founded in 1979. The ULFA-I, led by Paresh Baruah, rejected the talks.")
    assert {"ULFA", "ULFA-I"} <= names(ex, NodeType.GROUP)
    assert rels(ex, RelType.LEADS) == {("Paresh Baruah", "ULFA-I")}


def test_the_faction_named_after_a_commander_is_a_group_he_leads() -> None:
    ex = extract(
        "The Sajna faction is led by Khan Said, alias Khalid Sajna, and holds villages in South Waziristan. "
        "The Hakimi faction of Qari Hakimullah rejected the talks."
    )
    groups = names(ex, NodeType.GROUP)
    assert {"Sajna faction", "Hakimi faction"} <= groups
    assert not groups & {"Khalid Sajna", "Sajna", "Hakimi"}
    leads = rels(ex, RelType.LEADS)
    assert ("Khan Said", "Sajna faction") in leads
    assert ("Qari Hakimullah", "Hakimi faction") in leads


def test_the_faction_of_a_named_group_is_left_to_the_group() -> None:
    ex = extract("Instructors came from the Khaplang faction of the NSCN.")
    assert "Khaplang faction" not in names(ex, NodeType.GROUP)


def test_a_persons_faction_is_one_group_with_the_bracketed_faction() -> None:
    ex = extract(
        "Loyalists formed the NDFB (Ranjan Daimary) in 2008. The Daimary faction kept its camps in Bhutan."
    )
    factions = [e for e in ex.entities if e.type is NodeType.GROUP and "Daimary" in e.name]
    assert len(factions) == 1


def test_the_three_factions_fighting_one_another_are_each_others_rivals() -> None:
    ex = extract(
        "The NSCN split three ways: the NSCN (Isak-Muivah), the NSCN (Khaplang) and the NSCN (Reformation). "
        "In the years that followed, the three factions fought one another across Mon and Tuensang."
    )
    rivals = pairs(ex, RelType.RIVAL_OF)
    factions = [e.name for e in ex.entities if e.type is NodeType.GROUP and "(" in e.name]
    assert len(factions) == 3
    for n, a in enumerate(factions):
        for b in factions[n + 1 :]:
            assert frozenset((a, b)) in rivals


def test_a_neo_prefix_on_an_acronym_names_a_group_of_its_own() -> None:
    ex = extract(
        "Police blamed Neo-JMB, a breakaway of the JMB. Neo-JMB's operations commander, Abdur Rahman Sakib, "
        "was killed in a raid."
    )
    groups = names(ex, NodeType.GROUP)
    assert "Neo-JMB" in groups
    assert ("Abdur Rahman Sakib", "Neo-JMB") in rels(ex, RelType.LEADS)
