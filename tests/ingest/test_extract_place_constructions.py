"""Places the gazetteer does not know, found by the frame around them, and containment told by the
words around places. Sentences written for these tests."""

from __future__ import annotations

from graph.ontology import NodeType, RelType
from ingest.extract import extract
from tests.ingest.readers import names, rels


def test_an_unknown_name_between_a_preposition_and_a_known_place_is_a_place() -> None:
    ex = extract("Gunmen ambushed a police convoy at Gorakhpara, in Mymensingh district, on Sunday.")
    assert "Gorakhpara" in names(ex, NodeType.PLACE)
    assert ("Gorakhpara", "Mymensingh") in rels(ex, RelType.LOCATED_IN)


def test_every_item_of_a_comma_chain_ending_in_a_known_place_is_a_place() -> None:
    ex = extract("Two bombs went off at Kothapet, Secunderabad, Telangana on Tuesday evening.")
    assert {"Kothapet", "Secunderabad"} <= names(ex, NodeType.PLACE)
    located = rels(ex, RelType.LOCATED_IN)
    assert ("Kothapet", "Secunderabad") in located
    assert ("Secunderabad", "Telangana") in located


def test_an_aside_calling_a_name_a_village_makes_it_a_place() -> None:
    ex = extract("Troops cordoned off Hardu Panzoo, a village in Kulgam, before dawn.")
    assert "Hardu Panzoo" in names(ex, NodeType.PLACE)
    assert ("Hardu Panzoo", "Kulgam") in rels(ex, RelType.LOCATED_IN)


def test_a_name_the_text_gives_a_person_is_not_taken_for_a_place() -> None:
    ex = extract(
        "Abdul Sayed joined the Libyan Islamic Fighting Group in 1990. "
        "An operative later sent the detonators to Abdul Sayed in Sudan."
    )
    assert "Abdul Sayed" not in names(ex, NodeType.PLACE)


def test_a_list_of_places_is_not_read_as_one_inside_the_next() -> None:
    ex = extract("Remnants of the IMU are active in Faryab, Jowzjan, and Balkh.")
    located = rels(ex, RelType.LOCATED_IN)
    assert ("Faryab", "Jowzjan") not in located


def test_a_nationality_word_before_provinces_of_places_them_in_that_country() -> None:
    ex = extract(
        "The IMU fought alongside the Taliban in the northern Afghan provinces of Kunduz and Takhar. "
        "Its leaders later fled Afghanistan."
    )
    located = rels(ex, RelType.LOCATED_IN)
    assert {("Kunduz", "Afghanistan"), ("Takhar", "Afghanistan")} <= located


def test_a_nationality_capital_in_apposition_places_the_city_in_that_country() -> None:
    ex = extract(
        "The group bombed a market in Bamako, the Malian capital, in 2015. "
        "Mali declared a state of emergency."
    )
    assert ("Bamako", "Mali") in rels(ex, RelType.LOCATED_IN)


def test_a_nationality_word_names_no_place_of_its_own() -> None:
    ex = extract("The IMU fought in the northern Afghan provinces of Kunduz and Takhar.")
    assert "Afghanistan" not in names(ex, NodeType.PLACE)


def test_where_a_member_comes_from_is_not_where_the_group_operates() -> None:
    ex = extract("Police named the deputy as Bilal Ahmad, a Jaish cadre from Surankote in Poonch.")
    operates = rels(ex, RelType.OPERATES_IN)
    assert not {target for _, target in operates} & {"Surankote", "Poonch"}


def test_a_group_that_takes_or_holds_a_place_operates_there() -> None:
    ex = extract("In 2012 Ansar Dine seized Kidal and attacked the town of Konna.")
    operates = rels(ex, RelType.OPERATES_IN)
    assert {("Ansar Dine", "Kidal"), ("Ansar Dine", "Konna")} <= operates


def test_each_name_after_a_plural_place_word_of_is_a_place() -> None:
    ex = extract("The Katiba Khalid Ibn Walid attacked the towns of Misseni and Fakola in 2015.")
    assert {"Misseni", "Fakola"} <= names(ex, NodeType.PLACE)


def test_an_unknown_name_listed_after_a_known_place_is_a_place() -> None:
    ex = extract("The group fired rockets at UN camps in Kidal and Tessalit, Mali, in 2016.")
    assert "Tessalit" in names(ex, NodeType.PLACE)


def test_a_listed_town_the_pipeline_took_for_a_person_is_a_place() -> None:
    ex = extract("AQIM fighters helped drive the MNLA out of Gao and Timbuktu in 2012.")
    assert {"Gao", "Timbuktu"} <= names(ex, NodeType.PLACE)
    assert "Gao" not in names(ex, NodeType.LEADER)


def test_persian_compound_place_names_are_kept_whole() -> None:
    ex = extract(
        "Taliban units overran the front's strongholds in the Khak-e Afghan district of Zabul. "
        "IMU remnants are active in Faryab, Jowzjan, and Sar-e Pul provinces."
    )
    places = names(ex, NodeType.PLACE)
    assert {"Khak-e Afghan", "Sar-e Pul"} <= places
    assert not {"Afghan", "Sar"} & places


def test_a_bracketed_country_after_listed_places_holds_each_of_them() -> None:
    ex = extract("Area of operations: Kandahar, Helmand, Uruzgan (Afghanistan); Quetta (Pakistan)")
    located = rels(ex, RelType.LOCATED_IN)
    assert {("Kandahar", "Afghanistan"), ("Uruzgan", "Afghanistan"), ("Quetta", "Pakistan")} <= located
    assert ("Quetta", "Kandahar") not in located


def test_names_listed_before_all_in_a_place_are_places_within_it() -> None:
    ex = extract(
        "The group concentrated its fighters between Arish, Sheikh Zuweid and Rafah, all in North Sinai."
    )
    located = rels(ex, RelType.LOCATED_IN)
    for town in ("Arish", "Sheikh Zuweid", "Rafah"):
        assert (town, "North Sinai") in located
    assert "Sheikh Zuweid" not in names(ex, NodeType.LEADER)


def test_a_clause_opened_by_in_a_country_places_its_smaller_places_there() -> None:
    ex = extract(
        "In Mali, ISIS-GS has attacked civilians in the Menaka and Gao regions, and in Burkina Faso it has "
        "targeted villages in Oudalan and Seno provinces."
    )
    located = rels(ex, RelType.LOCATED_IN)
    assert {("Menaka", "Mali"), ("Gao", "Mali"), ("Oudalan", "Burkina Faso")} <= located
    assert ("Oudalan", "Mali") not in located


def test_reference_numbers_peoples_languages_and_compass_points_are_not_places() -> None:
    ex = extract(
        "ISIL, listed as Al-Qaida in Iraq (QDe.115), recruited Uighur and Malian fighters in the West. "
        "Its statements appear in Urdu and Swahili. Mozambican troops attacked its positions in Palma."
    )
    places = names(ex, NodeType.PLACE)
    assert not places & {"QDe.115", "Uighur", "Malian", "West", "Urdu", "Swahili", "Mozambican"}


def test_a_place_name_shared_by_two_countries_takes_the_one_the_text_is_about() -> None:
    def hyderabad(text: str) -> str | None:
        ex = extract(text)
        place = next(e for e in ex.entities if e.name == "Hyderabad")
        return place.attributes.get("country")

    assert hyderabad("Police in India said the cell planned attacks in Hyderabad.") == "India"
    assert hyderabad("Police in Pakistan said the cell planned attacks in Hyderabad.") == "Pakistan"


def test_a_listed_place_inside_a_longer_listed_region_name_gives_way() -> None:
    ex = extract(
        "Since 2020 ISIS-GS and JNIM have fought each other in the Gourma and Inner Niger Delta regions of "
        "central Mali."
    )
    places = names(ex, NodeType.PLACE)
    assert {"Gourma", "Inner Niger Delta"} <= places
    assert "Niger" not in places
    assert ("Inner Niger Delta", "Mali") in rels(ex, RelType.LOCATED_IN)


def test_a_listed_province_the_pipeline_took_for_an_organisation_is_a_place() -> None:
    ex = extract(
        "Cadres moved into Andhra Pradesh and Uttar Pradesh. The Andhra Pradesh Police arrested two."
    )
    places = names(ex, NodeType.PLACE)
    assert {"Andhra Pradesh", "Uttar Pradesh"} <= places
    assert "Andhra Pradesh Police" not in places


def test_a_country_name_with_an_elided_article_is_found() -> None:
    ex = extract("The group sent fighters to Cote d'Ivoire in 2016.")
    assert "Cote d'Ivoire" in names(ex, NodeType.PLACE)


def test_a_listed_word_inside_a_longer_place_name_gives_way_to_the_whole_name() -> None:
    ex = extract("The militia operates in South Kivu and raided villages in the Nile Delta.")
    places = names(ex, NodeType.PLACE)
    assert {"South Kivu", "Nile Delta"} <= places
    assert not places & {"South", "Delta"}


def test_a_place_a_group_moves_to_is_a_place_even_when_tagged_otherwise() -> None:
    ex = extract("After the crackdown the fighters moved to Osh and the Jalal-Abad Region.")
    assert {"Osh", "Jalal-Abad Region"} <= names(ex, NodeType.PLACE)


def test_the_city_of_a_dateline_is_a_place_inside_what_follows_it() -> None:
    ex = extract("BARAKA, Democratic Republic of Congo, June 18 - Soldiers fought off an attack on the town.")
    assert "Baraka" in {n.title() for n in names(ex, NodeType.PLACE)}
    located = {(a.title(), b) for a, b in rels(ex, RelType.LOCATED_IN)}
    assert ("Baraka", "Democratic Republic of Congo") in located


def test_a_district_named_after_its_town_with_a_compass_word_is_one_place() -> None:
    ex = extract("The men were picked up from a house at Singjamei in Imphal West district.")
    assert "Imphal West" in names(ex, NodeType.PLACE)
    assert ("Singjamei", "Imphal West") in rels(ex, RelType.LOCATED_IN)


def test_a_common_word_some_town_is_named_after_is_no_place() -> None:
    ex = extract("Police in Manipur arrested three cadres on Friday.")
    assert names(ex, NodeType.PLACE) == {"Manipur"}


def test_a_list_of_districts_of_a_state_lies_in_the_state_not_in_each_other() -> None:
    ex = extract("The outfit fought for control of Chatra and Latehar districts of Jharkhand.")
    located = rels(ex, RelType.LOCATED_IN)
    assert {("Chatra", "Jharkhand"), ("Latehar", "Jharkhand")} <= located
    assert ("Jharkhand", "Latehar") not in located


def test_the_valley_city_of_a_town_puts_the_town_in_the_valley() -> None:
    ex = extract("The movement formed in the Fergana Valley city of Andijan during the 1990s.")
    assert {"Fergana Valley", "Andijan"} <= names(ex, NodeType.PLACE)
    located = rels(ex, RelType.LOCATED_IN)
    assert ("Andijan", "Fergana Valley") in located
    assert ("Fergana Valley", "Andijan") not in located


def test_a_place_word_is_no_town_of_that_name() -> None:
    ex = extract("Fighters crossed the Valley of the Kings and rested.")
    assert "Valley" not in names(ex, NodeType.PLACE)


def test_a_name_the_text_uses_for_a_place_is_that_place_where_spacy_guessed_a_person() -> None:
    ex = extract(
        "Hekmatyar set up his headquarters at Charasiab, a district south of the capital. "
        "Charasiab fell to the Taliban in February 1995."
    )
    assert "Charasiab" in names(ex, NodeType.PLACE)
    assert "Charasiab" not in names(ex, NodeType.LEADER)


def test_a_listed_province_of_several_words_spacy_took_for_a_person_in_a_list_is_a_place() -> None:
    ex = extract("Faryab, Jowzjan and Sar-e Pul provinces of northern Afghanistan were hit.")
    assert {"Faryab", "Jowzjan", "Sar-e Pul"} <= names(ex, NodeType.PLACE)
    assert "Sar-e Pul" not in names(ex, NodeType.LEADER)


def test_places_listed_before_in_lie_in_the_place_after_it() -> None:
    ex = extract("Raiders burned granaries around Dikwa and Bama in Borno State last week.")
    located = rels(ex, RelType.LOCATED_IN)
    assert ("Dikwa", "Borno State") in located
    assert ("Bama", "Borno State") in located


def test_a_list_of_place_in_place_pairs_nests_each_pair_only() -> None:
    ex = extract("Couriers moved cash between Herat in Afghanistan and Quetta in Pakistan.")
    located = rels(ex, RelType.LOCATED_IN)
    assert ("Herat", "Afghanistan") in located
    assert ("Quetta", "Pakistan") in located
    assert ("Afghanistan", "Pakistan") not in located
    assert ("Herat", "Pakistan") not in located


def test_names_on_an_area_of_operation_line_are_places() -> None:
    ex = extract(
        "Location/Area of Operation: Indonesia, mainly Central Java and South Sulawesi; Kano and Zamfara "
        "States. Remnants of the cell moved on."
    )
    places = names(ex, NodeType.PLACE)
    assert {"Central Java", "South Sulawesi", "Zamfara"} <= places
    assert not names(ex, NodeType.LEADER)
    assert "Remnants" not in places


def test_a_compass_word_alone_is_no_region() -> None:
    ex = extract("The rebels clashed with troops in the forests of West Khasi Hills and North Tripura.")
    places = names(ex, NodeType.PLACE)
    assert {"West Khasi Hills", "North Tripura"} <= places
    assert not places & {"West", "North"}


def test_a_wadi_named_after_its_town_is_one_place() -> None:
    ex = extract("Militants of AQAP stormed an army post in the Wadi Omran area of Mudiyah district.")
    places = names(ex, NodeType.PLACE)
    assert "Wadi Omran" in places
    assert "Wadi" not in places


def test_a_lower_case_describing_word_is_no_part_of_the_places_name() -> None:
    ex = extract("The gunmen operate in central Mindanao, far from Central Java.")
    places = names(ex, NodeType.PLACE)
    assert {"Mindanao", "Central Java"} <= places
    assert "central Mindanao" not in places


def test_indonesian_and_south_asian_unit_words_head_place_names() -> None:
    ex = extract("Two camps in Tojo Subdistrict were raided.")
    assert names(ex, NodeType.PLACE) & {"Tojo", "Tojo Subdistrict"}


def test_a_militia_kind_and_a_factions_name_word_are_no_places() -> None:
    ex = extract(
        "Sheka, once an officer in a Mai-Mai unit, later trained with the Khaplang faction of the National "
        "Socialist Council of Nagaland in Sagaing."
    )
    places = names(ex, NodeType.PLACE)
    assert not places & {"Mai", "Mai-Mai", "Khaplang"}


def test_a_title_word_opening_a_village_name_stays_in_it() -> None:
    ex = extract("He preached from a seminary in Imam Dheri, a village in Swat district.")
    assert "Imam Dheri" in names(ex, NodeType.PLACE)


def test_only_the_nearest_container_of_a_chain_is_kept() -> None:
    ex = extract(
        "The ADF attacked Mamove, a village in Beni territory of North Kivu province, killing eleven people."
    )
    located = rels(ex, RelType.LOCATED_IN)
    assert {("Mamove", "Beni"), ("Beni", "North Kivu")} <= located
    assert ("Mamove", "North Kivu") not in located


def test_congo_in_a_story_about_the_drc_is_the_drc() -> None:
    ex = extract(
        "The ADF moved to North Kivu in eastern Congo. The Democratic Republic of the Congo (DRC) army "
        "has fought it there since 2014."
    )
    congo = next(e for e in ex.entities if e.type is NodeType.PLACE and e.name == "Congo")
    assert congo.attributes["country"] == "Democratic Republic of the Congo"


def test_a_heading_line_is_not_a_place() -> None:
    ex = extract(
        "Overview\n\nThe IMU was founded in Namangan in 1998 and later moved to North Waziristan.\n\n"
        "Background\n\nThe IMU fought alongside the Taliban in Kunduz."
    )
    assert not {"Overview", "Background"} & names(ex, NodeType.PLACE)


def test_a_state_that_designates_or_strikes_is_not_a_place_of_the_story() -> None:
    ex = extract(
        "Hizbul Mujahideen operates in Kupwara. It was designated a terrorist organisation by India and the "
        "United States, and several of its commanders died in United States drone strikes near Kunar."
    )
    places = names(ex, NodeType.PLACE)
    assert "United States" not in places
    assert {"Kupwara", "Kunar"} <= places


def test_states_listed_as_opponents_in_an_infobox_are_not_places() -> None:
    ex = extract(
        "Hurras al-Din\n\nAllies: Ansar al-Tawhid\nOpponents: Hay'at Tahrir al-Sham; Russia; United States\n"
        "Area of operations: Idlib\n\nHurras al-Din is a jihadist group active in Idlib."
    )
    places = names(ex, NodeType.PLACE)
    assert not {"Russia", "United States"} & places
    assert "Idlib" in places


def test_the_forests_of_a_place_are_in_it() -> None:
    ex = extract("The ADF relocated to North Kivu, where it set up camps in the forests of Beni territory.")
    assert ("ADF", "Beni") in rels(ex, RelType.OPERATES_IN)


def test_unknown_names_after_an_attack_word_and_in_are_places() -> None:
    ex = extract(
        "In 2023 the Baloch Liberation Front carried out coordinated attacks across the province, including "
        "in Musakhel and Bela."
    )
    assert {"Musakhel", "Bela"} <= names(ex, NodeType.PLACE)
    assert not {"Musakhel", "Bela"} & names(ex, NodeType.LEADER)
    operates = rels(ex, RelType.OPERATES_IN)
    assert ("Baloch Liberation Front", "Musakhel") in operates


def test_a_listed_name_opening_a_longer_arabic_place_name_is_not_the_place() -> None:
    ex = extract("The group fought in the 2015 offensives on Saraqib and Abu al-Duhur.")
    places = names(ex, NodeType.PLACE)
    assert "Abu" not in places
    assert "Abu al-Duhur" in places


def test_places_a_narrowing_word_lists_after_a_place_lie_in_it() -> None:
    ex = extract("Area of operations: Sindh, Pakistan, particularly Dadu, Larkana and Sukkur.")
    located = rels(ex, RelType.LOCATED_IN)
    assert {("Dadu", "Sindh"), ("Larkana", "Sindh"), ("Sukkur", "Sindh")} <= located


def test_a_range_from_one_place_to_another_gives_both_ends_to_the_group() -> None:
    ex = extract(
        "Boko Haram has carried out raids across Borno State this year, from Konduga in the south to Monguno "
        "in the north."
    )
    operates = rels(ex, RelType.OPERATES_IN)
    assert {("Boko Haram", "Konduga"), ("Boko Haram", "Monguno")} <= operates


def test_every_state_in_a_list_of_designating_states_is_an_actor_not_a_place() -> None:
    ex = extract(
        "Jaish-e-Mohammed is based in Bahawalpur and has been declared a terrorist organisation by India, "
        "the United Kingdom and the United States."
    )
    places = names(ex, NodeType.PLACE)
    assert "Bahawalpur" in places
    assert not {"India", "United Kingdom", "United States"} & places
