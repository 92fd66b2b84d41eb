"""Camps named the ways reports name them: after the word 'camp', as a launch pad, a madrasa used for
training. Sentences written for these tests."""

from __future__ import annotations

from graph.ontology import NodeType, RelType
from ingest.extract import extract
from tests.ingest.readers import names, rels


def test_a_camp_name_after_the_word_camp() -> None:
    ex = extract(
        "He was trained in explosives at the Lashkar-e-Taiba camp Bait-ul-Mujahideen in Muzaffarabad."
    )
    assert "Bait-ul-Mujahideen" in names(ex, NodeType.CAMP)
    assert ("Lashkar-e-Taiba", "Bait-ul-Mujahideen") in rels(ex, RelType.TRAINS_AT)


def test_a_date_after_the_word_camp_is_not_a_camp_name() -> None:
    ex = extract("Jaish-e-Mohammed fighters left the camp Monday for the border.")
    assert not names(ex, NodeType.CAMP)


def test_a_launch_pad_is_a_camp() -> None:
    ex = extract("Lashkar-e-Taiba later moved him to the group's Kel launch pad in the Neelum Valley.")
    assert "Kel launch pad" in names(ex, NodeType.CAMP)


def test_a_madrasa_is_a_camp_only_where_training_happens_there() -> None:
    trained = extract(
        "Haji Mali Khan of the Haqqani Network supervised training at the Manba-ul-Uloom madrasa."
    )
    assert "Manba-ul-Uloom madrasa" in names(trained, NodeType.CAMP)
    taught = extract("Haji Mali Khan of the Haqqani Network studied at the Manba-ul-Uloom madrasa as a boy.")
    assert not names(taught, NodeType.CAMP)


def test_a_listed_group_name_keeps_its_article() -> None:
    ex = extract("Three militants were members of the Resistance Front (TRF), a proxy of Lashkar-e-Taiba.")
    assert "The Resistance Front" in {e.name for e in ex.entities if e.type is NodeType.GROUP}


def test_camps_named_only_by_their_place_are_not_a_camp() -> None:
    ex = extract("The group's fighters moved between the Kunar camps and the Pakistani border in 2010.")
    assert not names(ex, NodeType.CAMP)
    listed = extract("Recruits trained at the Al-Faruq and Salman al-Farsi camps in 1991.")
    assert {"Al-Faruq", "Salman al-Farsi"} <= names(listed, NodeType.CAMP)


def test_a_groups_camp_at_a_named_site_is_a_camp_in_that_place() -> None:
    ex = extract(
        "Six recruits were taken across the border to the KLO's camp at Hoyat, where they were trained."
    )
    assert "camp at Hoyat" in names(ex, NodeType.CAMP)
    assert "Hoyat" in names(ex, NodeType.PLACE)
    assert ("camp at Hoyat", "Hoyat") in rels(ex, RelType.LOCATED_IN)


def test_a_camp_at_a_site_and_the_site_camp_are_one_camp() -> None:
    ex = extract(
        "A camp at Kutul served for a decade as the main training ground of the PLGA. "
        "Security forces set up a base next to the Kutul camp in 2024."
    )
    camps = [e for e in ex.entities if e.type is NodeType.CAMP]
    assert [c.name for c in camps] == ["Kutul camp"]


def test_a_camp_known_by_a_name_is_that_camp() -> None:
    ex = extract(
        "There the faction runs a camp known to local fishermen as Markas Kaiga, where boys are trained."
    )
    assert "Markas Kaiga" in names(ex, NodeType.CAMP)


def test_a_camp_in_a_country_is_no_named_camp() -> None:
    ex = extract("They attacked a camp in Afghanistan where recruits were trained.")
    assert not names(ex, NodeType.CAMP)


def test_the_named_part_of_a_group_trains_not_the_group_owning_it() -> None:
    ex = extract(
        "The NDFB (Songbijit) was based in Myanmar. "
        "Its fighters trained at the Taga camp alongside ULFA's anti-talks wing, ULFA (Independent), and "
        "the Khaplang faction of the National Socialist Council of Nagaland, NSCN(K)."
    )
    trains = {group for group, _ in rels(ex, RelType.TRAINS_AT)}
    assert "NSCN(K)" in trains
    assert not trains & {"ULFA", "United Liberation Front of Asom", "National Socialist Council of Nagaland"}


def test_a_named_training_camp_complex_or_centre_is_a_camp() -> None:
    ex = extract(
        "Recruits were trained at the Zhawar Kili training complex near Khost and at the Al-Aqsa training "
        "camp. The group also ran a training centre called Bait-ul-Rizwan in Manshera."
    )
    camps = names(ex, NodeType.CAMP)
    assert {"Zhawar Kili training complex", "Al-Aqsa training camp", "Bait-ul-Rizwan"} <= camps


def test_an_army_base_is_no_camp() -> None:
    ex = extract("They attacked an army base in Kunar.")
    assert not names(ex, NodeType.CAMP)


def test_a_camp_at_a_place_and_the_place_camp_are_one_camp() -> None:
    ex = extract(
        "The front ran a training camp at Dobakkol, in North Garo Hills. Recruits at the Dobakkol camp "
        "learned to build bombs."
    )
    camps = names(ex, NodeType.CAMP)
    assert len(camps) == 1
    located = rels(ex, RelType.LOCATED_IN)
    assert ("Dobakkol", "North Garo Hills") in located
    assert not {pair for pair in located if pair[1] == "North Garo Hills" and "camp" in pair[0]}


def test_a_camp_complex_keeps_its_whole_name() -> None:
    ex = extract("ULFA-I cadres are trained at the Hoyat camp complex in the Sagaing Region of Myanmar.")
    assert "Hoyat camp complex" in names(ex, NodeType.CAMP)


def test_groups_that_share_a_camp_train_there() -> None:
    ex = extract(
        "In 2001 cruise missiles struck the Zhawar Kili camp in Khost, which Harkat-ul-Mujahideen shared "
        "with al-Qaeda."
    )
    trains = rels(ex, RelType.TRAINS_AT)
    assert ("Harkat-ul-Mujahideen", "Zhawar Kili camp") in trains


def test_a_camp_described_by_its_place_and_then_named_is_one_camp_by_its_name() -> None:
    ex = extract(
        "The brigade runs a training camp in Latakia Governorate, known as the Abu Dujana camp, where "
        "recruits learn to use explosives."
    )
    camps = names(ex, NodeType.CAMP)
    assert "Abu Dujana camp" in camps
    assert not any(c.startswith("training camp in") for c in camps)
