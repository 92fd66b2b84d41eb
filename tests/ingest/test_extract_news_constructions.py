"""News and fact-sheet constructions where the group and the place meet only across a clause or a
sentence boundary. Sentences written for these tests."""

from __future__ import annotations

from graph.ontology import NodeType, RelType
from ingest.extract import extract
from tests.ingest.readers import names, rels


def test_a_group_claiming_the_attack_told_before_operates_where_it_happened() -> None:
    ex = extract(
        "Gunmen stormed a police post near Tank on Friday, killing four officers. "
        "Tehrik-i-Taliban Pakistan claimed responsibility for the assault."
    )
    assert ("Tehrik-i-Taliban Pakistan", "Tank") in rels(ex, RelType.OPERATES_IN)


def test_a_claim_does_not_reach_back_past_another_actor() -> None:
    ex = extract(
        "Lashkar-e-Jhangvi fighters attacked a shrine near Quetta on Friday. "
        "Tehrik-i-Taliban Pakistan claimed responsibility for the assault."
    )
    assert ("Tehrik-i-Taliban Pakistan", "Quetta") not in rels(ex, RelType.OPERATES_IN)


def test_the_dateline_place_is_where_the_story_was_filed_not_where_the_group_acts() -> None:
    ex = extract(
        "KABUL, Afghanistan (Wire) — Islamic State Khorasan Province fighters attacked a checkpoint "
        "in Jalalabad on Monday, the police said."
    )
    operates = rels(ex, RelType.OPERATES_IN)
    assert any(target == "Jalalabad" for _, target in operates)
    assert not any(target in {"KABUL", "Kabul"} for _, target in operates)


def test_a_which_clause_after_led_by_a_person_describes_the_group() -> None:
    ex = extract(
        "Police blamed the Balochistan Liberation Front, a faction led by Allah Nazar Baloch that "
        "is active in the Panjgur and Turbat districts."
    )
    operates = rels(ex, RelType.OPERATES_IN)
    assert {
        ("Balochistan Liberation Front", "Panjgur"),
        ("Balochistan Liberation Front", "Turbat"),
    } <= operates
    assert ("Allah Nazar Baloch", "Balochistan Liberation Front") in rels(ex, RelType.LEADS)


def test_a_who_clause_after_a_person_stays_the_persons() -> None:
    ex = extract("The Balochistan Liberation Front is led by Allah Nazar Baloch, who was born in Mashkay.")
    assert ("Balochistan Liberation Front", "Mashkay") not in rels(ex, RelType.OPERATES_IN)


def test_a_field_value_on_the_label_line_relates_to_the_page_group() -> None:
    ex = extract(
        "Hizbul Mujahideen\n\n"
        "Description: Hizbul Mujahideen is a Kashmiri militant group formed in 1989.\n"
        "Location/Area of Operation: Jammu and Kashmir, India, and Pakistan-administered Kashmir.\n"
    )
    assert ("Hizbul Mujahideen", "India") in rels(ex, RelType.OPERATES_IN)


def test_an_unclaimed_blast_opening_a_sentence_belongs_to_the_documents_group() -> None:
    ex = extract(
        "Harakat-ul-Jihad-al-Islami is a militant group founded in 1984. "
        "Harakat-ul-Jihad-al-Islami has attacked courts and temples. "
        "In March 2006, twin blasts at a temple in Varanasi killed 28 people."
    )
    assert "Varanasi" in names(ex, NodeType.PLACE)
    assert any(target == "Varanasi" for _, target in rels(ex, RelType.OPERATES_IN))


def test_two_objects_of_one_groups_verbs_are_its_ties_not_each_others() -> None:
    ex = extract("Lashkar-e-Islam has cooperated with the Taliban and maintains links with al-Qaida.")
    allied = rels(ex, RelType.ALLIED_WITH)
    assert {("Lashkar-e-Islam", "Taliban"), ("Lashkar-e-Islam", "al-Qaida")} <= allied
    assert ("Taliban", "al-Qaida") not in allied and ("al-Qaida", "Taliban") not in allied


def test_pledging_allegiance_is_an_alliance() -> None:
    ex = extract("The Islamic Movement of Uzbekistan pledged allegiance to the Islamic State in 2015.")
    assert ("Islamic Movement of Uzbekistan", "Islamic State") in rels(ex, RelType.ALLIED_WITH)


def test_every_group_of_a_merger_list_is_allied_with_the_new_group() -> None:
    ex = extract("JNIM was formed in 2017 through a merger of Ansar Dine, Katiba Macina and Ansarul Islam.")
    allied = {frozenset(pair) for pair in rels(ex, RelType.ALLIED_WITH)}
    for member in ("Ansar Dine", "Katiba Macina", "Ansarul Islam"):
        assert frozenset({"JNIM", member}) in allied


def test_places_listed_before_provinces_of_a_country_lie_in_it() -> None:
    ex = extract("Remnants are active in Faryab, Jowzjan, and Badakhshan provinces of northern Afghanistan.")
    within = rels(ex, RelType.LOCATED_IN)
    assert {("Faryab", "Afghanistan"), ("Jowzjan", "Afghanistan"), ("Badakhshan", "Afghanistan")} <= within


def test_a_possessive_place_owns_the_districts_listed_after_it() -> None:
    ex = extract("The fighters found shelter in Nangarhar's Achin and Shinwar districts.")
    assert ("Achin", "Nangarhar") in rels(ex, RelType.LOCATED_IN)


def test_a_sentence_about_the_documents_group_puts_it_where_its_acts_happen() -> None:
    ex = extract(
        "Lashkar-e-Islam is a militant group in Khyber. Lashkar-e-Islam was banned in 2008. "
        "Traders said the group's extortion calls had continued for months in Jamrud."
    )
    assert ("Lashkar-e-Islam", "Jamrud") in rels(ex, RelType.OPERATES_IN)


def test_a_places_own_head_word_is_part_of_its_name() -> None:
    ex = extract(
        "Gunmen attacked villages in Zamfara State and hid in the Rugu forest. "
        "The army said the attackers came from the Ondo District. Zamfara State Police spokesmen spoke."
    )
    assert {"Zamfara State", "Rugu forest", "Ondo District"} <= names(ex, NodeType.PLACE)


def test_a_lower_case_admin_word_is_not_part_of_the_name() -> None:
    ex = extract("The bomb went off in Nangarhar's Nazyan district on Friday.")
    assert "Nazyan" in names(ex, NodeType.PLACE)
    assert ("Nazyan", "Nangarhar") in rels(ex, RelType.LOCATED_IN)


def test_determiners_and_possessives_stay_out_of_names() -> None:
    ex = extract("He praised al-Qa'ida's leaders in Yemen.")
    assert "al-Qa'ida" in {e.name for e in ex.entities if e.type is NodeType.GROUP}


def test_a_name_others_give_the_group_is_an_alias() -> None:
    ex = extract(
        "The Hizbul Mujahideen, known locally as the Kashmir Liberation Front, grew in Sopore. "
        "The Kashmir Liberation Front attacked Tral."
    )
    groups = [e for e in ex.entities if e.type is NodeType.GROUP]
    assert len(groups) == 1
    assert {groups[0].name, *groups[0].aliases} >= {"Hizbul Mujahideen", "Kashmir Liberation Front"}


def test_a_name_before_a_final_preposition_does_not_crash() -> None:
    ex = extract("Maulana in")  # 'X in' at the very end: the place after 'in' would be past the text
    assert not ex.relations


def test_a_dateline_place_is_not_added_to_a_list_of_places_a_group_acts_in() -> None:
    ex = extract(
        "OUAGADOUGOU, Burkina Faso (Wire) - Ansarul Islam fighters attacked a convoy in Burkina Faso, "
        "officials said."
    )
    assert ("Ansarul Islam", "Ouagadougou") not in rels(ex, RelType.OPERATES_IN)


def test_groups_fighting_alongside_each_other_act_in_the_same_places() -> None:
    ex = extract(
        "During 2015 Ansar al-Charia Benghazi fighters fought alongside the Islamic State in Iraq and the "
        "Levant in Benghazi and Sirte."
    )
    operates = rels(ex, RelType.OPERATES_IN)
    assert ("Islamic State in Iraq and the Levant", "Benghazi") in operates
    assert ("Ansar al-Charia Benghazi", "Benghazi") in operates


def test_an_aside_after_a_place_says_where_it_lies() -> None:
    ex = extract(
        "In 2016 the group seized the port town of Qandala, in the Bari region, and held it for weeks. "
        "In 2019 ISIS-GS overran a post at Inates, also in the Tillaberi region."
    )
    located = rels(ex, RelType.LOCATED_IN)
    assert ("Qandala", "Bari") in located
    assert ("Inates", "Tillaberi") in located


def test_an_aside_naming_a_camp_as_a_base_says_where_the_camp_lies() -> None:
    ex = extract("In 2021 ISWAP fighters stormed Camp Zero, the base in the Sambisa Forest.")
    assert ("Camp Zero", "Sambisa Forest") in rels(ex, RelType.LOCATED_IN)


def test_the_name_after_village_of_or_port_town_of_is_a_place() -> None:
    ex = extract(
        "ISIS-GS fighters ambushed a patrol near the village of Tongo Tongo. Ansar al-Sunna first "
        "attacked police posts in the port town of Mocimboa da Praia."
    )
    assert {"Tongo Tongo", "Mocimboa da Praia"} <= names(ex, NodeType.PLACE)
    assert not {e.name for e in ex.entities if e.type is NodeType.LEADER} & {
        "Tongo Tongo",
        "Mocimboa da Praia",
    }


def test_the_name_before_area_is_a_place() -> None:
    ex = extract("Bakura's men regrouped on islands in the Kirta Wulgo area and fought ISWAP there.")
    assert "Kirta Wulgo" in names(ex, NodeType.PLACE)


def test_a_capital_that_speaks_for_its_government_is_not_a_place_of_the_story() -> None:
    ex = extract(
        "The Resistance Front attacked a bus in Reasi. Islamabad has repeatedly denied backing the group, "
        "and Washington has described it as a proxy of Lashkar-e-Taiba."
    )
    assert not names(ex, NodeType.PLACE) & {"Islamabad", "Washington"}
    assert "Reasi" in names(ex, NodeType.PLACE)


def test_places_listed_after_an_owners_plural_place_word_lie_in_the_owner() -> None:
    ex = extract("ASB fighters held the Benghazi districts of Sabri and Laithi.")
    located = rels(ex, RelType.LOCATED_IN)
    assert ("Sabri", "Benghazi") in located
    assert ("Benghazi", "Sabri") not in located


def test_a_group_driven_from_a_place_operated_there() -> None:
    ex = extract("After the Islamic Courts Union was driven from Mogadishu and Kismayo, it scattered.")
    operates = rels(ex, RelType.OPERATES_IN)
    assert {("Islamic Courts Union", "Mogadishu"), ("Islamic Courts Union", "Kismayo")} <= operates


def test_groups_fighting_for_control_of_a_town_operate_there() -> None:
    ex = extract("Fighting between Hizbul Islam and Al-Shabaab for control of the port of Kismayo went on.")
    operates = rels(ex, RelType.OPERATES_IN)
    assert {("Hizbul Islam", "Kismayo"), ("Al-Shabaab", "Kismayo")} <= operates


def test_a_name_the_parser_splits_into_two_subjects_still_acts() -> None:
    ex = extract("Hizb ut-Tahrir operates in Uzbekistan.")
    assert ("Hizb ut-Tahrir", "Uzbekistan") in rels(ex, RelType.OPERATES_IN)


def test_both_ends_of_a_range_of_places_are_where_the_group_acts() -> None:
    ex = extract("ISKP has killed officials and bombed mosques from Kabul to Kunduz.")
    operates = rels(ex, RelType.OPERATES_IN)
    assert {("ISKP", "Kabul"), ("ISKP", "Kunduz")} <= operates


def test_where_one_described_person_comes_from_is_not_where_the_group_acts() -> None:
    ex = extract("Zakir Musa, an engineering student from Noorpora, joined the Hizbul Mujahideen in 2013.")
    assert ("Hizbul Mujahideen", "Noorpora") not in rels(ex, RelType.OPERATES_IN)


def test_a_commander_for_a_district_puts_his_group_there() -> None:
    ex = extract(
        "Police named Ranjit Barman, an area commander of the KLO for Jalpaiguri district, as the organiser."
    )
    assert ("KLO", "Jalpaiguri") in rels(ex, RelType.OPERATES_IN)


def test_a_killing_outside_the_victims_home_is_still_the_claimants_act() -> None:
    ex = extract("Liwa al-Thawra claimed the murder of a judge outside his house in Sharqia governorate.")
    assert ("Liwa al-Thawra", "Sharqia") in rels(ex, RelType.OPERATES_IN)


def test_a_description_in_apposition_places_the_described_group_not_the_subject() -> None:
    ex = extract(
        "JAD has also passed weapons and cash to Mujahidin Indonesia Timur (MIT), an ISIS-aligned group "
        "operating in the forests of Central Sulawesi."
    )
    operates = rels(ex, RelType.OPERATES_IN)
    assert ("Mujahidin Indonesia Timur", "Central Sulawesi") in operates
    assert ("JAD", "Central Sulawesi") not in operates


def test_the_battalion_is_the_group_whose_name_has_that_head_word() -> None:
    ex = extract(
        "Al-Mourabitoun grew out of a merger. Its core was the Al-Mulathamun Battalion, led by Mokhtar "
        "Belmokhtar. In 2013 the battalion attacked a gas plant at In Amenas, Algeria."
    )
    operates = rels(ex, RelType.OPERATES_IN)
    assert ("Al-Mulathamun Battalion", "In Amenas") in operates
    assert ("Al-Mourabitoun", "In Amenas") not in operates


def test_claiming_responsibility_alone_claims_the_attack_told_before() -> None:
    ex = extract(
        "Gunmen stormed a police post in the Mastung district of Balochistan overnight, killing four "
        "constables. The Balochistan Liberation Army claimed responsibility within hours."
    )
    operates = rels(ex, RelType.OPERATES_IN)
    assert ("Balochistan Liberation Army", "Mastung") in operates


def test_where_a_group_recruits_from_is_where_it_operates() -> None:
    ex = extract("The BLF recruits heavily from Awaran and Kech, officials said.")
    operates = rels(ex, RelType.OPERATES_IN)
    assert {("BLF", "Awaran"), ("BLF", "Kech")} <= operates


def test_the_alliance_is_the_group_introduced_as_an_umbrella() -> None:
    ex = extract(
        "The BLF and the BLA formed an umbrella called Baloch Raaji Aajoi Sangar. The alliance said it "
        "carried out the bombing of a bus in the Ormara area of Gwadar district."
    )
    operates = rels(ex, RelType.OPERATES_IN)
    assert ("Baloch Raaji Aajoi Sangar", "Ormara") in operates
    assert ("BLF", "Ormara") not in operates


def test_a_dateline_in_capitals_after_a_byline_nests_its_city() -> None:
    ex = extract(
        "Separatists claim raid on post in Kech\n\nBy Staff Reporter\n\nQUETTA, Pakistan, March 3 (SAWS) - "
        "Gunmen stormed a checkpoint in the Buleda valley of Kech district overnight, officials said."
    )
    assert ("Quetta", "Pakistan") in rels(ex, RelType.LOCATED_IN)


def test_the_byline_and_credits_name_no_people_of_the_story() -> None:
    ex = extract(
        "Amniyat cell broken up in Mogadishu\n\nBy Hodan Ali Nur\n\nMOGADISHU, Nov 2 (SAWS) - Police "
        "arrested four Amniyat operatives in Hodan district, officials said.\n\n(Reporting by Hodan Ali "
        "Nur; editing by Mark Tennant)"
    )
    people = names(ex, NodeType.LEADER)
    assert not people & {"Hodan Ali Nur", "Mark Tennant"}


def test_a_group_named_by_a_calling_verb_is_the_one_acting_not_the_group_said_to_direct_it() -> None:
    ex = extract(
        "In 2019 a group calling itself the Kashmir Tigers, widely thought to be run by Jaish-e-Mohammed, "
        "ambushed a patrol in Shopian."
    )
    operates = rels(ex, RelType.OPERATES_IN)
    assert ("Kashmir Tigers", "Shopian") in operates
    assert ("Jaish-e-Mohammed", "Shopian") not in operates


def test_an_acronym_defined_in_brackets_does_not_make_a_group_the_story_is_about() -> None:
    ex = extract(
        "Hizb-ut-Tahrir Bangladesh was banned in 2009. "
        "Police say Hizb-ut-Tahrir Bangladesh still recruits on campuses. "
        "Officers also raided offices of the Ansarullah Bangla Team (ABT) in Dhaka "
        "and blamed ABT for the killings of bloggers. "
        "On Monday police arrested the group's chief coordinator, Mohiuddin Ahmed."
    )
    led = rels(ex, RelType.LEADS)
    assert ("Mohiuddin Ahmed", "Hizb-ut-Tahrir Bangladesh") in led
    assert ("Mohiuddin Ahmed", "Ansarullah Bangla Team") not in led


def test_the_agency_in_brackets_in_a_dateline_is_not_a_place() -> None:
    for agency, place in (("Sahel Wire", "Sahel"), ("Gulf Newswire", "Gulf Newswire")):
        ex = extract(
            f"MAIDUGURI, Nigeria, June 9 ({agency}) - Gunmen loyal to Boko Haram attacked a market "
            "in Dambatta."
        )
        places = names(ex, NodeType.PLACE)
        assert place not in places
        assert {"Maiduguri", "Dambatta"} <= places
