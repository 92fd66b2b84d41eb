"""Within-document resolution: spellings, acronyms, short forms, aliases — and people kept apart."""

from __future__ import annotations

import pytest

from graph.ontology import NodeType
from ingest.extract import extract
from ingest.extract.normalize import fused_particle_key, name_key, similar_words
from ingest.models import Extraction


def entities(ex: Extraction, kind: NodeType) -> list[tuple[str, list[str]]]:
    return [(e.name, e.aliases) for e in ex.entities if e.type is kind]


def test_transliteration_keys() -> None:
    assert name_key("Jaish-e-Mohammed") == name_key("Jaish-i-Muhammad") == name_key("JAISH E MOHAMMAD")
    assert name_key("Lashkar-e-Tayyiba") == name_key("Lashkar-i-Taiba") == name_key("Lashkar e-Toiba")
    assert name_key("al-Qa'ida") == name_key("Al Qaeda") == name_key("al-Qaida")
    assert name_key("Harkat-ul-Mujahideen") == name_key("Harakat ul-Mujahidin")
    assert name_key("Hizballah") == name_key("Hezbollah")
    assert similar_words("asghar", "ashgar") and not similar_words("azhar", "akbar")


def test_spelling_variants_are_one_group_with_the_document_name() -> None:
    ex = extract(
        "Jaish-e-Mohammed claimed the attack. Officials said Jaish-i-Muhammad had planned it for months. "
        "JeM cadres were arrested in Srinagar."
    )
    groups = entities(ex, NodeType.GROUP)
    assert len(groups) == 1
    name, aliases = groups[0]
    assert name in {"Jaish-e-Mohammed", "Jaish-i-Muhammad"}
    assert "JeM" in aliases


def test_acronym_only_keeps_the_acronym_and_adds_the_full_name() -> None:
    ex = extract("LeT militants attacked a police post in Kupwara.")
    ((name, aliases),) = entities(ex, NodeType.GROUP)
    assert name == "LeT" and "Lashkar-e-Taiba" in aliases


def test_case_of_the_article_does_not_split_a_group() -> None:
    ex = extract("The Haqqani Network sheltered the fighters. Later the Haqqani network moved them to Khost.")
    assert len(entities(ex, NodeType.GROUP)) == 1


def test_swapped_letters_in_a_name_are_the_same_person() -> None:
    ex = extract(
        "Abdul Rauf Asghar, the deputy chief of Jaish-e-Mohammed, was seen in Bahawalpur. "
        "Abdul Rauf Ashgar later addressed a rally of the group."
    )
    people = entities(ex, NodeType.LEADER)
    assert len(people) == 1
    assert {people[0][0], *people[0][1]} >= {"Abdul Rauf Asghar", "Abdul Rauf Ashgar"}


def test_aka_names_are_aliases_of_one_person() -> None:
    ex = extract("The group's leader is Ahmed Diriye aka Ahmed Umar aka Abu Ubaidah, who heads al-Shabaab.")
    people = entities(ex, NodeType.LEADER)
    assert len(people) == 1
    name, aliases = people[0]
    assert name == "Ahmed Diriye" and {"Ahmed Umar", "Abu Ubaidah"} <= set(aliases)


def test_two_people_with_one_surname_stay_two_and_the_bare_surname_is_dropped() -> None:
    ex = extract(
        "Hafiz Saeed leads Jamaat-ud-Dawa. His son Talha Saeed is a senior member of Jamaat-ud-Dawa. "
        "Saeed denied the charges."
    )
    people = {name for name, _ in entities(ex, NodeType.LEADER)}
    assert {"Hafiz Saeed", "Talha Saeed"} <= people
    assert "Saeed" not in people


def test_first_name_short_form_joins_its_person() -> None:
    ex = extract(
        "Hakimullah Mehsud was the leader of Tehrik-e-Taliban Pakistan. "
        "Hakimullah was killed in a drone strike."
    )
    people = entities(ex, NodeType.LEADER)
    assert len(people) == 1 and "Hakimullah" in people[0][1]


def test_first_word_of_a_group_name_alone_is_that_group() -> None:
    ex = extract(
        "Hizbul Mujahideen recruits in Shopian. Hizbul cadres later ambushed a patrol near Tral, and "
        "Hizbul commanders denied any split."
    )
    groups = {e.name: e for e in ex.entities if e.type is NodeType.GROUP}
    assert set(groups) == {"Hizbul Mujahideen"}
    assert "Hizbul" in groups["Hizbul Mujahideen"].aliases


def test_first_word_shared_by_two_groups_joins_neither() -> None:
    ex = extract(
        "Lashkar-e-Taiba and Lashkar-e-Jhangvi both recruit in Punjab. "
        "Lashkar cadres were arrested in Multan."
    )
    groups = {e.name for e in ex.entities if e.type is NodeType.GROUP}
    assert {"Lashkar-e-Taiba", "Lashkar-e-Jhangvi"} <= groups
    aliases = [a for e in ex.entities if e.type is NodeType.GROUP for a in e.aliases]
    assert "Lashkar" not in aliases


def test_literal_translation_in_brackets_is_an_alias() -> None:
    ex = extract(
        "Hizbul Mujahideen (Urdu: حزب المجاہدین, lit. 'Party of Holy Warriors') is a separatist militant "
        "organisation active in Kupwara."
    )
    groups = {e.name: e for e in ex.entities if e.type is NodeType.GROUP}
    assert set(groups) == {"Hizbul Mujahideen"}
    assert "Party of Holy Warriors" in groups["Hizbul Mujahideen"].aliases


def test_acronym_letters_are_not_collapsed_like_transliterations() -> None:
    ex = extract(
        "In 2011 Khole Konyak formed the NSCN (Khole-Kitovi), or NSCN(KK), after a dispute with "
        "S.S. Khaplang, chairman of NSCN(K). The NSCN(KK) later clashed with NSCN(K) cadres in Mon."
    )
    groups = {e.name for e in ex.entities if e.type is NodeType.GROUP}
    assert len([g for g in groups if "Khole" in g or g.endswith("(KK)")]) == 1
    assert any(g in {"NSCN(K)", "NSCN (Khaplang)"} for g in groups)
    assert name_key("NSCN(KK)") != name_key("NSCN(K)")


def test_a_listed_all_capitals_alias_does_not_name_the_group() -> None:
    ex = extract(
        "Ansar al-Shari'a in Tunisia (AAS-T) was founded in 2011. AAS-T members attacked the embassy, "
        "and an AAS-T cell was dismantled in Sousse. AAS-T's leaders fled to Libya."
    )
    groups = [e for e in ex.entities if e.type is NodeType.GROUP]
    assert [g.name for g in groups] == ["Ansar al-Shari'a in Tunisia"]
    assert "AAS-T" in groups[0].aliases


def test_an_armed_wing_and_its_political_movement_stay_two_groups() -> None:
    ex = extract(
        "The Bangsamoro Islamic Freedom Fighters (BIFF) emerged in 2010 as the armed wing of the Bangsamoro "
        "Islamic Freedom Movement (BIFM)."
    )
    groups = {e.name for e in ex.entities if e.type is NodeType.GROUP}
    assert len(groups) == 2


@pytest.mark.parametrize(
    ("text", "wing", "parent"),
    [
        (
            "The United National Liberation Front (UNLF) raised its armed wing, the Manipur People's Army, "
            "in 1990.",
            "Manipur People's Army",
            "United National Liberation Front",
        ),
        (
            "The Communist Party of the Philippines directs the New People's Army, which has waged an "
            "insurgency since 1969.",
            "Communist Party of the Philippines",
            "New People's Army",
        ),
    ],
)
def test_a_listed_groups_wing_or_party_stays_its_own_group(text: str, wing: str, parent: str) -> None:
    groups = {e.name: e.aliases for e in extract(text).entities if e.type is NodeType.GROUP}
    assert {wing, parent} <= set(groups)
    assert wing not in groups[parent]


@pytest.mark.parametrize(
    ("text", "front", "parent"),
    [
        (
            "Police in Mombasa said the recruiter worked for the Muslim Youth Centre (MYC), a Nairobi "
            "network that sends young Kenyans to al-Shabaab in Somalia.",
            "Muslim Youth Centre",
            "al-Shabaab",
        ),
        (
            "Al-Muhammadia Students, the campus wing of Lashkar-e-Taiba, held a rally in Lahore.",
            "Al-Muhammadia Students",
            "Lashkar-e-Taiba",
        ),
        (
            "Khalil also set up Ansar ul-Ummah, which raised money for Harkat-ul-Mujahideen.",
            "Ansar ul-Ummah",
            "Harkat-ul-Mujahideen",
        ),
    ],
)
def test_a_front_folded_into_a_designation_listing_stays_its_own_group(
    text: str, front: str, parent: str
) -> None:
    groups = {e.name for e in extract(text).entities if e.type is NodeType.GROUP}
    assert {front, parent} <= groups


def test_a_full_name_the_pipeline_takes_for_a_person_more_often_than_for_a_place_is_the_person() -> None:
    name = "Shamsul Mahfuz"
    ex = extract(
        f"Police arrested {name} (41), the amir of the outfit, on Friday. {name}, a former schoolteacher, "
        f"had joined Jamaat-ul-Mujahideen Bangladesh in 2010. In 2021 {name} reached an agreement with a "
        "separatist group."
    )
    assert name in {e.name for e in ex.entities if e.type is NodeType.LEADER}
    assert name not in {e.name for e in ex.entities if e.type is NodeType.PLACE}


def test_a_title_that_is_also_a_given_name_keeps_two_brothers_apart() -> None:
    ex = extract(
        "Amir Reza Khan, a co-founder of the Indian Mujahideen (IM), set up a cell in Kolkata and named it "
        "after his brother Asif Reza Khan, an IM member who was killed in 2001."
    )
    people = dict(entities(ex, NodeType.LEADER))
    assert {"Amir Reza Khan", "Asif Reza Khan"} <= set(people)
    assert "Asif Reza Khan" not in people["Amir Reza Khan"]


def test_a_name_that_is_only_part_of_an_alias_list_entry_is_no_alias() -> None:
    ex = extract(
        "ISIS-MOZAMBIQUE\n\naka Ansar al-Sunna; Islamic State Central Africa Province - Mozambique; "
        "al-Shabaab (Mozambique)\n\nDescription: ISIS-Mozambique attacked Palma in 2021. ISIS Central "
        "Africa Province also claimed attacks in the Democratic Republic of the Congo."
    )
    groups = dict(entities(ex, NodeType.GROUP))
    mozambique = next(name for name, aliases in groups.items() if "Ansar al-Sunna" in [name, *aliases])
    assert not {"al-Shabaab", "Islamic State Central Africa Province"} & {mozambique, *groups[mozambique]}
    assert "ISIS Central Africa Province" in groups


def test_a_group_calling_itself_a_name_after_a_section_break_is_not_the_last_group_named() -> None:
    ex = extract(
        "Key points\n- Its links to the Allied Democratic Forces in Congo are often overstated.\n\n"
        "Origins\n\n"
        "The group, which calls itself Ahlu Sunnah Wa-Jama'a (ASWJ), attacked Mocimboa da Praia in 2017."
    )
    groups = dict(entities(ex, NodeType.GROUP))
    assert "Ahlu Sunnah Wa-Jama'a" not in groups.get("Allied Democratic Forces", [])


def test_the_name_a_group_is_known_to_residents_by_is_its_alias() -> None:
    ex = extract(
        "The group, which calls itself Ahlu Sunnah Wa-Jama'a (ASWJ), is known to residents simply as "
        '"al-Shabaab", though it has no tie to the Somali movement of that name.'
    )
    groups = dict(entities(ex, NodeType.GROUP))
    assert "al-Shabaab" not in groups
    assert "al-Shabaab" in groups["Ahlu Sunnah Wa-Jama'a"]


def test_a_glued_particle_spelling_is_the_listed_group_the_text_names_not_a_namesake() -> None:
    ex = extract(
        "Ansarul Islam is a Burkinabe jihadist group founded in 2016 by Ibrahim Malam Dicko. Ansarul Islam "
        "fighters attacked an army post in 2017, and Ansar ul Islam claimed a second raid in Soum province."
    )
    groups = dict(entities(ex, NodeType.GROUP))
    assert list(groups) == ["Ansarul Islam"]
    assert "Ansar ul Islam" in groups["Ansarul Islam"]
    assert "Ansar al-Islam" not in groups["Ansarul Islam"]


def test_fused_particle_keys() -> None:
    assert fused_particle_key("Ansarul Islam") == fused_particle_key("Ansar ul Islam")
    assert fused_particle_key("Hizbul Mujahideen") == fused_particle_key("Hizb-ul-Mujahideen")
    assert fused_particle_key("Kabul Province") == ("kabul", "province")


@pytest.mark.parametrize(
    "text",
    [
        "They joined a movement that called itself Ahlu Sunnah wal Jamaa (ASWJ) but which residents simply "
        'call "al-Shabaab", though it has no link to the Somali group. ASWJ raided Palma.',
        "Ahlu Sunnah wal Jamaa (ASWJ), also known as Ansar al-Sunna and referred to locally as al-Shabaab, "
        "is an insurgent group in Cabo Delgado.",
    ],
)
def test_what_residents_call_a_group_is_its_alias_and_never_its_name(text: str) -> None:
    groups = dict(entities(extract(text), NodeType.GROUP))
    assert list(groups) == ["Ahlu Sunnah wal Jamaa"]
    assert "al-Shabaab" in groups["Ahlu Sunnah wal Jamaa"]


def test_a_short_form_given_after_or_is_a_defined_acronym() -> None:
    ex = extract(
        "Lashkar-e-Islam, or LI, was set up in 2004 in Bara. Army offensives pushed LI out of Bara. Its "
        "commanders regrouped in Nangarhar province."
    )
    groups = dict(entities(ex, NodeType.GROUP))
    assert list(groups) == ["Lashkar-e-Islam"]
    assert "LI" in groups["Lashkar-e-Islam"]
