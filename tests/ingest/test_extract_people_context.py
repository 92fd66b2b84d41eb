"""People read in context, one construction per test, in sentences written for these tests: a role held
for a second group, kin words and whose kin they are, spellings given as aliases, and names that belong
to a building rather than a person of the story."""

from __future__ import annotations

from graph.ontology import NodeType, RelType
from ingest.extract import extract
from ingest.extract.doc_view import DocView
from ingest.extract.gazetteer import get_gazetteer
from ingest.extract.mentions import find_mentions
from ingest.nlp import load_pipeline
from tests.ingest.readers import names, pairs, rels


def test_a_second_role_owned_by_another_group_holds_beside_the_first() -> None:
    ex = extract(
        "In 2016, Abu Talha al-Malik, a former Ansar Dine spokesman who had become one of "
        "Al-Mourabitoun's commanders, pledged allegiance to ISIL."
    )
    led = rels(ex, RelType.LEADS)
    assert ("Abu Talha al-Malik", "Ansar Dine") in led
    assert ("Abu Talha al-Malik", "Al-Mourabitoun") in led


def test_a_role_merely_near_a_person_is_not_his() -> None:
    ex = extract(
        "The brigade was commanded by the Libyan Faraj al-Shibli, who coordinated with AQIM leaders in 2013."
    )
    assert ("Faraj al-Shibli", "AQIM") not in rels(ex, RelType.LEADS)


def test_a_person_a_shrine_is_named_after_is_not_in_the_story() -> None:
    text = "HuJI-B commander Mufti Rafiqul Islam bombed the shrine of Shah Paran in Sylhet."
    view = DocView.build(text, load_pipeline()(text))
    find_mentions(view, get_gazetteer())
    people = [m.text for m in view.mentions if m.type is NodeType.LEADER and m.entity != -2]
    assert "Shah Paran" not in people
    assert "Mufti Rafiqul Islam" in people


def test_a_people_named_in_the_plural_is_no_person() -> None:
    for text, people_word in (
        (
            "Since 2019 he has featured in recruitment clips calling on Tanzanian Muslims to take up arms.",
            "Tanzanian",
        ),
        ("His sermons pressed Ugandan Muslims to join the fighters rather than stay in Kampala.", "Ugandan"),
    ):
        view = DocView.build(text, load_pipeline()(text))
        find_mentions(view, get_gazetteer())
        people = [m.text for m in view.mentions if m.type is NodeType.LEADER and m.entity != -2]
        assert f"{people_word} Muslims" not in people


def test_a_kin_word_ties_its_owner_not_a_victim_across_a_verb() -> None:
    ex = extract(
        "Mufti Rafiqul Islam led HuJI-B in Gopalganj. His brother Habibullah, known as Tutul, was convicted "
        "over a plot to kill Prime Minister Khaleda Rahman at a rally."
    )
    kin = pairs(ex, RelType.RELATED_TO)
    assert frozenset({"Mufti Rafiqul Islam", "Habibullah"}) in kin
    assert not any("Khaleda Rahman" in pair for pair in kin)


def test_a_kin_word_behind_a_naming_verb_still_ties() -> None:
    ex = extract(
        "The Holy Spirit Movement of Alice Auma, a prophetess who is often described as Kony's cousin, "
        "marched on Kampala in 1987. Joseph Kony later founded the Lord's Resistance Army."
    )
    assert frozenset({"Joseph Kony", "Alice Auma"}) in pairs(ex, RelType.RELATED_TO)


def test_also_spelt_after_a_person_is_an_alias() -> None:
    ex = extract(
        "The group's commander was Mufti Abdul Rauf (also spelt Rauf Munshi), who trained in Pakistan. "
        "Rauf was hanged in 2017 for the attack on HuJI-B's rivals."
    )
    people = {e.name: e for e in ex.entities if e.type is NodeType.LEADER}
    assert "Rauf Munshi" not in people
    assert "Rauf Munshi" in people["Mufti Abdul Rauf"].aliases


def test_founders_who_were_another_groups_activists_are_its_members() -> None:
    ex = extract(
        "Sipah-e-Sahaba Pakistan (SSP) is a sectarian party. Lashkar-e-Jhangvi was founded in 1996; its "
        "founders, Riaz Basra and Akram Lahori, were SSP activists who left after a dispute."
    )
    assert ("Akram Lahori", "Sipah-e-Sahaba Pakistan") in rels(ex, RelType.MEMBER_OF)
    assert ("Akram Lahori", "Sipah-e-Sahaba Pakistan") not in rels(ex, RelType.LEADS)


def test_raising_funds_for_a_group_makes_a_member() -> None:
    ex = extract("Khalil Haqqani raises funds for the Haqqani Network in the Gulf.")
    assert ("Khalil Haqqani", "Haqqani Network") in rels(ex, RelType.MEMBER_OF)


def test_leadership_passed_to_someone_makes_him_the_groups_leader() -> None:
    ex = extract(
        "The ADF was founded by Jamil Mukulu. Mukulu was arrested in Tanzania in 2015. Leadership passed to "
        "Musa Baluku, a former judge, who moved the group closer to ISIS."
    )
    assert ("Musa Baluku", "ADF") in rels(ex, RelType.LEADS)


def test_an_abbreviated_muhammad_opens_the_name_and_is_no_place() -> None:
    ex = extract(
        "The charge sheet names Md. Rakibul Hasan Regan as a Neo-JMB member who trained in Gaibandha."
    )
    assert "Md." not in names(ex, NodeType.PLACE)
    people = names(ex, NodeType.LEADER)
    assert any(p.endswith("Rakibul Hasan Regan") for p in people)
    assert any(a.endswith("Rakibul Hasan Regan") for a, g in rels(ex, RelType.MEMBER_OF) if g == "Neo-JMB")


def test_a_preacher_or_gunman_of_a_group_is_its_member_not_its_leader() -> None:
    ex = extract(
        "Yusuf Omar, an al-Shabaab preacher from Kismayo, was killed in an air strike. "
        "Two Lashkar-e-Taiba gunmen, Abu Hamza and Abu Talha, were shot dead in Sopore."
    )
    members = rels(ex, RelType.MEMBER_OF)
    assert ("Yusuf Omar", "al-Shabaab") in members
    assert ("Abu Hamza", "Lashkar-e-Taiba") in members
    assert ("Yusuf Omar", "al-Shabaab") not in rels(ex, RelType.LEADS)


def test_the_person_who_started_the_movement_a_group_grew_out_of_leads_it() -> None:
    ex = extract(
        "Jundallah grew out of a student circle started in Zahedan in 2002 by the preacher Maulvi Abdul "
        "Hamid Rigi."
    )
    led = {(source.removeprefix("Maulvi "), target) for source, target in rels(ex, RelType.LEADS)}
    assert ("Abdul Hamid Rigi", "Jundallah") in led


def test_a_group_named_after_a_person_the_text_names_is_led_by_him() -> None:
    ex = extract(
        "A commander loyal to Sadiq Noor said in a statement that the Sadiq Noor group had attacked a "
        "checkpoint in Mir Ali."
    )
    assert ("Sadiq Noor", "Sadiq Noor group") in rels(ex, RelType.LEADS)


def test_a_person_described_by_a_kin_word_is_not_the_camp_an_aside_later_describes() -> None:
    ex = extract(
        "The court found that the third accused, Kassim Omari, a nephew of the first accused, underwent "
        "weapons training at the Kolbio camp inside the Boni Forest, a camp run by Jaysh al-Ayman commanders."
    )
    assert "Kassim Omari" not in names(ex, NodeType.CAMP)
    assert "Kassim Omari" in names(ex, NodeType.LEADER)


def test_a_name_a_copula_equates_with_a_role_is_a_person_not_a_place() -> None:
    ex = extract(
        "The Jama'atul Ansar Fil Hindal Sharqiya was formed in 2017. Its treasurer is Shamin Mahfuz."
    )
    assert "Shamin Mahfuz" in names(ex, NodeType.LEADER)
    assert "Shamin Mahfuz" not in names(ex, NodeType.PLACE)
    assert ("Shamin Mahfuz", "Jama'atul Ansar Fil Hindal Sharqiya") in rels(ex, RelType.LEADS)
