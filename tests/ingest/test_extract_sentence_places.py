"""The loosest place rule: the one group a sentence names (or the one that is a subject in it) acts in
the places it names, unless the place acts, only modifies another noun, or is where a person comes
from. Sentences written for these tests."""

from __future__ import annotations

from graph.ontology import RelType
from ingest.extract import extract
from tests.ingest.readers import rels


def test_the_one_group_of_a_sentence_acts_in_the_places_it_names() -> None:
    ex = extract(
        "The Zomi Revolutionary Army's hideouts are a string of hamlets on the banks of the rivers "
        "between Churachandpur and Tamenglong."
    )
    assert {
        ("Zomi Revolutionary Army", "Churachandpur"),
        ("Zomi Revolutionary Army", "Tamenglong"),
    } <= rels(ex, RelType.OPERATES_IN)


def test_a_place_that_acts_is_a_government_not_where_the_group_operates() -> None:
    ex = extract("Kinshasa has repeatedly promised to disarm the Allied Democratic Forces.")
    assert rels(ex, RelType.OPERATES_IN) == set()


def test_a_place_naming_another_body_is_not_where_the_group_operates() -> None:
    ex = extract("The Rwanda Defence Force has pushed the Ansar al-Sunna fighters back.")
    assert rels(ex, RelType.OPERATES_IN) == set()


def test_where_a_member_comes_from_is_not_where_the_group_operates() -> None:
    ex = extract("Abu Hamza, an Ansar al-Sharia commander from Marib, was arrested last year.")
    assert ("Abu Hamza", "Ansar al-Sharia") in rels(ex, RelType.LEADS)
    assert rels(ex, RelType.OPERATES_IN) == set()


def test_of_two_groups_the_one_that_is_the_subject_acts_in_the_places() -> None:
    ex = extract(
        "The Zomi Revolutionary Army, an ally of the National Socialist Council of Nagaland, holds a "
        "string of hamlets on the rivers between Churachandpur and Tamenglong."
    )
    operates = rels(ex, RelType.OPERATES_IN)
    assert ("Zomi Revolutionary Army", "Tamenglong") in operates
    assert ("National Socialist Council of Nagaland", "Tamenglong") not in operates


def test_a_state_acting_in_a_passive_clause_is_not_where_the_group_operates() -> None:
    ex = extract("The Zomi Revolutionary Army is regarded by Washington as a minor threat.")
    assert rels(ex, RelType.OPERATES_IN) == set()


def test_two_groups_each_the_subject_of_a_clause_leave_the_places_unassigned() -> None:
    ex = extract(
        "The Zomi Revolutionary Army's hideouts, which the National Socialist Council of Nagaland once "
        "shared, are a string of hamlets between Churachandpur and Tamenglong."
    )
    assert not any(target == "Tamenglong" for _, target in rels(ex, RelType.OPERATES_IN))


def test_a_sentence_naming_no_group_continues_the_one_before() -> None:
    ex = extract(
        "The Zomi Revolutionary Army was formed in 1993. Later small bands moved into the hills, "
        "operating around Churachandpur and Tamenglong."
    )
    assert {
        ("Zomi Revolutionary Army", "Churachandpur"),
        ("Zomi Revolutionary Army", "Tamenglong"),
    } <= rels(ex, RelType.OPERATES_IN)


def test_a_sentence_about_a_persons_death_does_not_carry_the_group_there() -> None:
    ex = extract(
        "The Zomi Revolutionary Army was formed in 1993. Two years later a retired teacher "
        "died in a hospital in Tamenglong."
    )
    assert rels(ex, RelType.OPERATES_IN) == set()


def test_a_heading_naming_a_place_is_not_carried_to_the_group_before() -> None:
    ex = extract(
        "The Zomi Revolutionary Army was formed in 1993.\n\nElections in Tamenglong\n\nThe vote was calm."
    )
    assert rels(ex, RelType.OPERATES_IN) == set()


def test_a_loose_rule_gives_the_group_the_nearer_place_not_its_container() -> None:
    ex = extract(
        "The Zomi Revolutionary Army was formed in 1993. Later small bands moved into the hills, "
        "operating around Tamenglong, Manipur."
    )
    operates = rels(ex, RelType.OPERATES_IN)
    assert ("Zomi Revolutionary Army", "Tamenglong") in operates
    assert ("Zomi Revolutionary Army", "Manipur") not in operates
    assert ("Tamenglong", "Manipur") in rels(ex, RelType.LOCATED_IN)


def test_where_a_member_was_arrested_or_killed_is_not_where_the_group_operates() -> None:
    arrested = extract("Abu Hamza, an Ansar al-Sharia commander, was arrested in Aden last year.")
    assert ("Abu Hamza", "Ansar al-Sharia") in rels(arrested, RelType.LEADS)
    assert rels(arrested, RelType.OPERATES_IN) == set()
    killed = extract("Abu Hamza, an Ansar al-Sharia commander, was killed in a drone strike in Marib.")
    assert rels(killed, RelType.OPERATES_IN) == set()


def test_fighters_reported_somewhere_are_there_but_a_speaker_there_is_not() -> None:
    reported = extract("Ansarul Islam fighters have been reported in the border areas of Benin and Togo.")
    assert {("Ansarul Islam", "Benin"), ("Ansarul Islam", "Togo")} <= rels(reported, RelType.OPERATES_IN)
    spoken = extract("Ansarul Islam is weakening, an analyst told reporters in Ouagadougou.")
    assert rels(spoken, RelType.OPERATES_IN) == set()


def test_a_group_named_only_as_the_actors_tie_does_not_act_there() -> None:
    ex = extract(
        "Katiba Macina has fought in central Mali for years. On Tuesday al-Qaeda-linked gunmen stormed "
        "the market in Douentza, killing four traders."
    )
    operates = rels(ex, RelType.OPERATES_IN)
    assert ("al-Qaeda", "Douentza") not in operates
    assert ("Katiba Macina", "Douentza") in operates


def test_where_a_leader_lives_or_was_shot_is_not_where_the_group_operates() -> None:
    ex = extract(
        "The Khalistan Commando Force is now headed by Paramjit Singh Panjwar, who has lived in Lahore "
        "for years. Its former chief was shot dead outside a temple in Leicester in 2019."
    )
    operates = rels(ex, RelType.OPERATES_IN)
    assert ("Khalistan Commando Force", "Lahore") not in operates
    assert ("Khalistan Commando Force", "Leicester") not in operates


def test_a_shooting_by_the_group_places_it() -> None:
    ex = extract("Two policemen were shot dead by Hizbul Mujahideen militants in Sopore on Monday.")
    assert ("Hizbul Mujahideen", "Sopore") in rels(ex, RelType.OPERATES_IN)


def test_a_description_beside_a_group_places_that_group_even_without_a_participle() -> None:
    ex = extract(
        "The militia traded fire with Jama'at Nusrat al-Islam wal-Muslimin (JNIM), the al-Qaida affiliate "
        "in the Sahel, near Boni."
    )
    operates = rels(ex, RelType.OPERATES_IN)
    assert ("Jama'at Nusrat al-Islam wal-Muslimin", "Sahel") in operates
    assert ("al-Qaida", "Sahel") not in operates


def test_a_plural_noun_in_the_description_still_describes_the_group() -> None:
    ex = extract(
        "Hizbul Mujahideen belongs to the United Jihad Council (UJC), an alliance of armed outfits based in "
        "Muzaffarabad."
    )
    operates = rels(ex, RelType.OPERATES_IN)
    assert ("United Jihad Council", "Muzaffarabad") in operates
    assert ("Hizbul Mujahideen", "Muzaffarabad") not in operates


def test_a_place_before_the_noun_of_a_description_is_where_the_described_group_is() -> None:
    ex = extract(
        "The faction joined Lashkar-e-Islam, the Khyber district group once headed by Mangal Bagh, in a "
        "new alliance."
    )
    assert ("Lashkar-e-Islam", "Khyber") in rels(ex, RelType.OPERATES_IN)


def test_a_place_that_backs_the_described_group_is_not_its_place() -> None:
    ex = extract("Police blamed Jaish-e-Mohammed, a Pakistan-backed outfit, for the blast.")
    assert ("Jaish-e-Mohammed", "Pakistan") not in rels(ex, RelType.OPERATES_IN)
