"""How texts tie groups to each other: hostile splits, mutual fighting, pairs spoken of as 'the two
groups', renamings, and names built on an organisation word. Sentences written for these tests."""

from __future__ import annotations

from graph.ontology import NodeType, RelType
from ingest.extract import extract
from ingest.models import Extraction
from tests.ingest.readers import names, pairs, rels


def groups(ex: Extraction) -> dict[str, list[str]]:
    return {e.name: e.aliases for e in ex.entities if e.type is NodeType.GROUP}


def test_a_split_after_a_dispute_is_a_rivalry() -> None:
    ex = extract(
        "The Islamic Jihad Union broke away from the Islamic Movement of Uzbekistan in 2002 after a dispute."
    )
    pair = frozenset({"Islamic Jihad Union", "Islamic Movement of Uzbekistan"})
    assert pair in pairs(ex, RelType.RIVAL_OF)


def test_a_split_in_protest_is_a_rivalry() -> None:
    ex = extract("Ansaru split from Boko Haram in 2012 in protest at the killing of civilians.")
    assert frozenset({"Ansaru", "Boko Haram"}) in pairs(ex, RelType.RIVAL_OF)


def test_a_plain_split_asserts_neither_rivalry_nor_alliance() -> None:
    ex = extract("The Abu Sayyaf Group split from the Moro Islamic Liberation Front in the early 1990s.")
    pair = frozenset({"Abu Sayyaf Group", "Moro Islamic Liberation Front"})
    assert pair not in pairs(ex, RelType.RIVAL_OF) | pairs(ex, RelType.ALLIED_WITH)


def test_coordinated_groups_fighting_each_other_are_rivals_however_the_parser_attaches_them() -> None:
    ex = extract(
        "The truce collapsed in 2019, and since 2020 ISIS-GS and JNIM have fought each other in Mali."
    )
    assert frozenset({"ISIS-GS", "JNIM"}) in pairs(ex, RelType.RIVAL_OF)


def test_the_two_factions_are_the_last_two_groups_named() -> None:
    ex = extract(
        "ISWAP has grown stronger since it broke away from Boko Haram in 2016. "
        "The two factions have fought each other ever since."
    )
    assert frozenset({"ISWAP", "Boko Haram"}) in pairs(ex, RelType.RIVAL_OF)


def test_both_groups_cooperating_is_an_alliance() -> None:
    ex = extract(
        "Lashkar-e-Taiba and Jaish-e-Mohammed train in Pakistan. Both groups cooperated in the attack."
    )
    assert frozenset({"Lashkar-e-Taiba", "Jaish-e-Mohammed"}) in pairs(ex, RelType.ALLIED_WITH)


def test_a_group_that_now_operates_under_another_name_is_one_group() -> None:
    ex = extract("Ansarullah Bangla Team (ABT) now operates as Ansar al-Islam in Bangladesh.")
    found = groups(ex)
    assert "Ansar al-Islam" in found["Ansarullah Bangla Team"]
    assert not pairs(ex, RelType.RIVAL_OF) and not pairs(ex, RelType.ALLIED_WITH)


def test_a_name_opened_by_an_organisation_word_is_one_group_even_if_its_tail_looks_like_a_person() -> None:
    ex = extract(
        "In 2014 a group of cadres fell out with the Indian Mujahideen and broke away to form "
        "Ansar-ut-Tawhid fi Bilad al-Hind."
    )
    assert "Ansar-ut-Tawhid fi Bilad al-Hind" in groups(ex)
    assert not [e for e in ex.entities if e.type is NodeType.LEADER]
    assert frozenset({"Indian Mujahideen", "Ansar-ut-Tawhid fi Bilad al-Hind"}) in pairs(ex, RelType.RIVAL_OF)


def test_a_short_party_name_on_an_organisation_word_is_not_a_group() -> None:
    ex = extract("Jamaat-e-Islami held a rally in Dhaka on Friday.")
    assert "Jamaat-e-Islami" not in groups(ex)


def test_a_hyphenated_acronym_defined_once_names_the_group_again() -> None:
    ex = extract(
        "Ansar al-Shari'a in Tunisia (AAS-T) was founded in 2011. AAS-T also cooperated with "
        "Ansar al-Shari'a in Libya."
    )
    assert frozenset({"Ansar al-Shari'a in Tunisia", "Ansar al-Shari'a in Libya"}) in pairs(
        ex, RelType.ALLIED_WITH
    )


def test_a_merger_of_listed_groups_allies_them_all_with_each_other_and_the_new_group() -> None:
    ex = extract(
        "JNIM was announced in 2017 as a merger of Ansar Eddine, the Katiba Macina, Al-Mourabitoun and the "
        "Saharan branch of AQIM."
    )
    allied = pairs(ex, RelType.ALLIED_WITH)
    members = ["Ansar Eddine", "Katiba Macina", "Al-Mourabitoun", "AQIM"]
    for n, a in enumerate(members):
        assert frozenset({"JNIM", a}) in allied
        for b in members[n + 1 :]:
            assert frozenset({a, b}) in allied


def test_declared_loyalty_and_growing_out_of_another_group_are_ties() -> None:
    loyal = extract("He left to found al-Mourabitoun, which declared its loyalty to al-Qaeda.")
    assert frozenset({"al-Mourabitoun", "al-Qaeda"}) in pairs(loyal, RelType.ALLIED_WITH)
    grew = extract("The Indian Mujahideen grew out of the cadres of the Students Islamic Movement of India.")
    assert frozenset({"Indian Mujahideen", "Students Islamic Movement of India"}) in pairs(
        grew, RelType.ALLIED_WITH
    )


def test_its_in_a_clause_about_an_unnamed_faction_is_not_the_group_before() -> None:
    ex = extract(
        "Hizbul Mujahideen has clashed with Zakir Musa's faction, which broke away from HM in 2017 and "
        "announced its loyalty to al-Qa'ida."
    )
    assert frozenset({"Hizbul Mujahideen", "al-Qa'ida"}) not in pairs(ex, RelType.ALLIED_WITH)


def test_a_group_named_in_a_hyphenated_adjective_ties_only_the_group_it_describes() -> None:
    ex = extract(
        "RSM recruits have received training and assistance from the Al-Qaida-affiliated Abu Sayyaf Group "
        "and Jemaah Islamiyah."
    )
    allied = pairs(ex, RelType.ALLIED_WITH)
    assert frozenset({"Al-Qaida", "Abu Sayyaf Group"}) in allied
    assert frozenset({"RSM", "Abu Sayyaf Group"}) in allied
    assert frozenset({"RSM", "Al-Qaida"}) not in allied


def test_a_listed_name_never_swallows_the_words_after_it() -> None:
    ex = extract("Lashkar-e-Taiba and the Al-Qaida-linked Haqqani Network cooperated in Kunar.")
    assert set(groups(ex)) == {"Lashkar-e-Taiba", "Al-Qaida", "Haqqani Network"}


def test_an_organisation_that_claims_an_attack_is_a_group_a_person_who_claims_one_is_not() -> None:
    ex = extract(
        "Hasm claimed responsibility for the bombing in Giza. "
        "Ahmed Said claimed responsibility, the police said."
    )
    assert "Hasm" in groups(ex)
    assert "Ahmed Said" not in groups(ex)


def test_an_organisation_with_militants_is_a_group_but_a_title_before_a_name_is_not() -> None:
    ex = extract(
        "Police said Kashmir Tigers militants attacked a convoy in Doda. The Operational Commander "
        "Abdul Rauf Ashgar of Jaish-e-Mohammed visited the camp."
    )
    assert "Kashmir Tigers" in groups(ex)
    assert "Operational" not in groups(ex)


def test_a_listed_name_ending_in_a_bracketed_word_is_found_whole() -> None:
    ex = extract(
        "The Communist Party of India (Maoist) was formed in 2004. The CPI (Maoist) is active in Bihar."
    )
    groups = {e.name: e for e in ex.entities if e.type is NodeType.GROUP}
    assert "Communist Party of India (Maoist)" in groups
    assert "CPI (Maoist)" in groups["Communist Party of India (Maoist)"].aliases
    assert "Communist Party of India" not in groups


def test_the_head_word_of_a_group_name_stands_for_that_group() -> None:
    ex = extract(
        "The Communist Party of India (Maoist) was formed in 2004. "
        "Ganapathy became general secretary of the party in 2004."
    )
    assert ("Ganapathy", "Communist Party of India (Maoist)") in rels(ex, RelType.LEADS)


def test_a_name_in_brackets_after_a_language_label_is_the_same_group() -> None:
    ex = extract(
        "The Mullah Dadullah Front (Pashto: د ملا دادالله محاذ, Mahaz-e Mullah Dadullah) broke away from "
        "the Taliban in 2007."
    )
    groups = [e for e in ex.entities if e.type is NodeType.GROUP and "Dadullah" in e.name]
    assert len(groups) == 1
    assert {"Mullah Dadullah Front", "Mahaz-e Mullah Dadullah"} <= {groups[0].name, *groups[0].aliases}


def test_a_person_the_pipeline_takes_for_a_place_is_not_a_place() -> None:
    ex = extract(
        "The accused were identified as Gurpreet Singh alias Gopi (24), a resident of Batala, and "
        "Amandeep Singh alias Aman (27), a resident of Gurdaspur."
    )
    assert not {"Gurpreet Singh", "Amandeep Singh"} & names(ex, NodeType.PLACE)


def test_an_unlisted_name_opened_by_an_organisation_word_is_one_group() -> None:
    ex = extract(
        "The Jund al-Haqq Front claimed the attack. Lashkar-e-Khorasan and Ansar al-Haqq denied any role."
    )
    assert {"Jund al-Haqq Front", "Lashkar-e-Khorasan", "Ansar al-Haqq"} <= names(ex, NodeType.GROUP)
    assert "Khorasan" not in names(ex, NodeType.PLACE)  # a place word inside the hyphenated name


def test_a_political_party_named_like_a_militant_group_is_not_a_group() -> None:
    ex = extract("The Jamaat-e-Islami condemned the bombing in Peshawar.")
    assert "Jamaat-e-Islami" not in names(ex, NodeType.GROUP)


def test_groups_that_merge_to_form_a_new_one_are_allied_with_it_and_each_other() -> None:
    ex = extract(
        "In March 2017, Ansar Dine merged with al-Murabitoun and the Macina Liberation Front to form "
        "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)."
    )
    allied = pairs(ex, RelType.ALLIED_WITH)
    formed = next(e.name for e in ex.entities if "JNIM" in {e.name, *e.aliases})
    for member in ("Ansar Dine", "al-Murabitoun", "Macina Liberation Front"):
        assert frozenset((formed, member)) in allied
    assert frozenset(("Ansar Dine", "al-Murabitoun")) in allied


def test_groups_announcing_their_merger_are_allied() -> None:
    ex = extract("MUJAO and the Signed-in-Blood Battalion announced their merger in August 2013.")
    allied = pairs(ex, RelType.ALLIED_WITH)
    assert len(allied) == 1


def test_a_named_wing_in_apposition_is_a_group() -> None:
    ex = extract("The LTTE built a naval arm, the Sea Tigers, commanded by Thillaiyampalam Sivanesan.")
    assert "Sea Tigers" in names(ex, NodeType.GROUP)
    assert ("Thillaiyampalam Sivanesan", "Sea Tigers") in rels(ex, RelType.LEADS)


def test_a_unit_named_by_what_it_calls_itself_is_a_group() -> None:
    ex = extract("In 2013 a unit calling itself Katibat al-Furqan al-Jadida attacked the gas plant.")
    assert any("Furqan" in name for name in names(ex, NodeType.GROUP))


def test_a_groups_named_unit_is_a_group_allied_with_it() -> None:
    ex = extract("AQIM's Sahara Emirate commanded the fighters who held Timbuktu in 2012.")
    assert frozenset(("AQIM", "Sahara Emirate")) in pairs(ex, RelType.ALLIED_WITH)


def test_a_listed_alias_inside_a_longer_unlisted_name_is_that_group_cut_short() -> None:
    ex = extract(
        "Jamaat Ansarullah, often simply called Ansarullah, was set up around 2010 in Tajikistan. "
        "Ansarullah runs a camp in Badakhshan."
    )
    found = [e for e in ex.entities if e.type is NodeType.GROUP]
    assert len(found) == 1
    assert {"Jamaat Ansarullah", "Ansarullah"} <= {found[0].name, *found[0].aliases}
    assert "gazetteer" not in found[0].attributes  # not the Houthis, whose alias it shares


def test_the_party_said_again_and_again_is_the_party_the_text_is_about() -> None:
    ex = extract(
        "The CPI (Maoist) was formed in 2004 through a merger that included the People's War Group (PWG). "
        "The PWG had long fought in Andhra Pradesh, and PWG cadres formed the core. "
        "The party is active in Bihar. The party also recruits in Jharkhand."
    )
    operates = rels(ex, RelType.OPERATES_IN)
    assert {("CPI (Maoist)", "Bihar"), ("CPI (Maoist)", "Jharkhand")} <= operates
    assert ("People's War Group", "Jharkhand") not in operates


def test_what_a_splinter_forms_is_a_group_whatever_its_name_words() -> None:
    ex = extract(
        "The FDLR was founded in 2000. In 2016 a faction under Colonel Wilson Irategeka split off after a "
        "leadership dispute to form the National Council for Renewal and Democracy (CNRD-Ubwiyunge)."
    )
    assert "National Council for Renewal and Democracy" in names(ex, NodeType.GROUP)


def test_french_and_possessive_names_are_kept_whole() -> None:
    french = extract(
        "In 2013 Alghabass Ag Intalla broke with Ansar Dine in a dispute and formed the Mouvement islamique "
        "de l'Azawad (MIA)."
    )
    assert "Mouvement islamique de l'Azawad" in names(french, NodeType.GROUP)
    possessive = extract(
        "A second outfit, the People's Liberation Front of India (PLFI), led by Dinesh Gope, competes with "
        "the Maoists."
    )
    assert "People's Liberation Front of India" in names(possessive, NodeType.GROUP)


def test_a_listed_name_inside_a_longer_organisation_name_is_part_of_it() -> None:
    ex = extract(
        "In 2015 Mullah Rasul split from the Taliban to form the High Council of the Islamic Emirate of "
        "Afghanistan, a splinter faction."
    )
    assert "High Council of the Islamic Emirate of Afghanistan" in names(ex, NodeType.GROUP)


def test_a_name_before_a_noun_only_armed_groups_have_is_a_group() -> None:
    ex = extract("Wazalendo militias have fought M23 rebels around Goma since 2022.")
    assert "Wazalendo" in names(ex, NodeType.GROUP)
    people = extract("Police said Kashmiri militants attacked a convoy near Sopore.")
    assert not names(people, NodeType.GROUP)


def test_a_state_sounding_name_before_separatists_is_an_armed_group() -> None:
    ex = extract("Ambazonia Defence Forces separatists ambushed soldiers near Bamenda.")
    assert "Ambazonia Defence Forces" in names(ex, NodeType.GROUP)


def test_coordinated_groups_that_clash_or_are_rivals_are_not_allies() -> None:
    clashed = extract("ISWAP and Boko Haram have clashed repeatedly around Lake Chad.")
    assert frozenset(("ISWAP", "Boko Haram")) in pairs(clashed, RelType.RIVAL_OF)
    assert not pairs(clashed, RelType.ALLIED_WITH)
    rivals = extract("The TTP and the Afghan Taliban are rivals in Kunar.")
    assert pairs(rivals, RelType.RIVAL_OF) and not pairs(rivals, RelType.ALLIED_WITH)


def test_a_noun_between_two_groups_says_how_they_stand() -> None:
    clashes = extract("Clashes between JNIM and ISGS killed dozens in 2020.")
    assert frozenset(("JNIM", "ISGS")) in pairs(clashes, RelType.RIVAL_OF)
    alliance = extract("An alliance between JNIM and Ansarul Islam was announced in 2021.")
    assert frozenset(("JNIM", "Ansarul Islam")) in pairs(alliance, RelType.ALLIED_WITH)


def test_a_name_the_text_says_a_faction_is_known_by_is_a_group() -> None:
    ex = extract("His faction, known as the Karuna group, later fought alongside government troops.")
    assert "Karuna group" in names(ex, NodeType.GROUP)
    coalition = extract(
        "In 1985 the LTTE joined the Eelam National Liberation Front (ENLF), a coalition that also included "
        "TELO."
    )
    assert "Eelam National Liberation Front" in names(coalition, NodeType.GROUP)


def test_a_group_acting_against_another_is_its_rival() -> None:
    for text, pair in (
        ("Hamas crushed Jund Ansar Allah in Rafah in 2009.", ("Hamas", "Jund Ansar Allah")),
        ("The Taliban expelled ISKP fighters from Nangarhar in 2016.", ("Taliban", "ISKP")),
        ("JNIM attacked ISGS positions near Menaka in 2020.", ("JNIM", "ISGS")),
    ):
        ex = extract(text)
        assert frozenset(pair) in pairs(ex, RelType.RIVAL_OF), text
        assert not pairs(ex, RelType.ALLIED_WITH), text


def test_an_organisation_word_with_for_or_of_opens_a_titled_name() -> None:
    ex = extract(
        "The Movement for Democracy and Justice in Chad attacked Bardai. "
        "The Alliance for the Re-liberation of Somalia met in Asmara."
    )
    groups = names(ex, NodeType.GROUP)
    assert {
        "Movement for Democracy and Justice in Chad",
        "Alliance for the Re-liberation of Somalia",
    } <= groups


def test_a_french_titled_name_keeps_its_lower_case_words_but_not_the_verb_after_it() -> None:
    ex = extract("In 2012 the Mouvement pour le Salut de l'Azawad fought the Coalition for Change near Gao.")
    assert {"Mouvement pour le Salut de l'Azawad", "Coalition for Change"} <= names(ex, NodeType.GROUP)


def test_a_state_force_named_after_its_country_is_not_a_titled_group() -> None:
    ex = extract("The Army of Pakistan and the Forces of Mali were deployed.")
    assert not names(ex, NodeType.GROUP)


def test_a_front_named_in_arabic_transliteration_is_a_group() -> None:
    ex = extract("In 2009 the Ras Kamboni Brigades joined Jabhatul Islamiya in forming Hizbul Islam.")
    assert "Jabhatul Islamiya" in names(ex, NodeType.GROUP)
    assert "Jabhatul Islamiya" not in names(ex, NodeType.LEADER)


def test_fighting_between_two_groups_makes_them_rivals() -> None:
    ex = extract(
        "In October 2009, fighting between Hizbul Islam and Al-Shabaab split the Ras Kamboni Brigades."
    )
    assert frozenset({"Hizbul Islam", "Al-Shabaab"}) in pairs(ex, RelType.RIVAL_OF)


def test_a_persons_former_group_is_not_allied_with_whom_his_fighters_join() -> None:
    ex = extract(
        "Fighters loyal to Ahmed Madobe, a former Islamic Courts Union governor, "
        "fought alongside Hizbul Islam."
    )
    assert frozenset({"Islamic Courts Union", "Hizbul Islam"}) not in pairs(ex, RelType.ALLIED_WITH)


def test_cadres_who_broke_away_after_a_quarrel_form_a_rival() -> None:
    ex = extract(
        "A group of cadres had already broken away from Lashkar-e-Taiba in 2002, after a quarrel with its "
        "leadership, to form Jaish-e-Mohammed."
    )
    assert frozenset({"Lashkar-e-Taiba", "Jaish-e-Mohammed"}) in pairs(ex, RelType.RIVAL_OF)


def test_fighting_alongside_one_group_against_another_makes_those_two_rivals() -> None:
    ex = extract("In 2009 the militia fought alongside Hizbul Islam against Al-Shabaab near Kismayo.")
    assert frozenset({"Hizbul Islam", "Al-Shabaab"}) in pairs(ex, RelType.RIVAL_OF)
    assert frozenset({"Hizbul Islam", "Al-Shabaab"}) not in pairs(ex, RelType.ALLIED_WITH)


def test_a_listed_name_running_on_into_a_longer_acronym_is_a_new_group() -> None:
    ex = extract(
        "In 2015 the outfits formed an umbrella front, the United National Liberation Front of Western "
        "South East Asia (UNLFW). The UNLFW claimed the ambush."
    )
    groups = names(ex, NodeType.GROUP)
    assert "United National Liberation Front of Western South East Asia" in groups
    assert "United National Liberation Front" not in groups
    assert "South East Asia" not in names(ex, NodeType.PLACE)


def test_an_acronym_defined_in_square_brackets_joins_its_name() -> None:
    ex = extract(
        "Instructors of the United Liberation Front of Asom (Independent) [ULFA(I)] trained them. "
        "The outfit keeps close links with the ULFA(I)."
    )
    factions = [e for e in ex.entities if e.type is NodeType.GROUP]
    assert len(factions) == 1
    assert "ULFA(I)" in factions[0].aliases


def test_a_french_name_with_an_adjective_after_its_head_is_one_group() -> None:
    ex = extract("The militia fought beside the Forces nationales de libération against the army in 2017.")
    assert "Forces nationales de libération" in names(ex, NodeType.GROUP)


def test_a_coalition_a_militia_leads_is_not_the_militia() -> None:
    ex = extract(
        "The Mai-Mai Yakutumba militia formed the Coalition nationale du peuple pour la souveraineté du "
        "Congo (CNPSC) in 2017."
    )
    assert {"Mai-Mai Yakutumba", "Coalition nationale du peuple pour la souveraineté du Congo"} <= names(
        ex, NodeType.GROUP
    )


def test_groups_that_joined_others_in_a_front_are_all_allied() -> None:
    ex = extract(
        "In 2015 the NDFB joined the ULFA, the NSCN(K) and the KLO in an umbrella front, the United "
        "National Liberation Front of Western South East Asia (UNLFW)."
    )
    allied = pairs(ex, RelType.ALLIED_WITH)
    front = "United National Liberation Front of Western South East Asia"
    for member in ("NDFB", "ULFA", "NSCN(K)", "KLO"):
        assert frozenset({member, front}) in allied
    assert frozenset({"NDFB", "NSCN(K)"}) in allied


def test_groups_that_joined_others_in_forming_a_group_are_allied_with_it() -> None:
    ex = extract(
        "In February 2009 the Ras Kamboni Brigades joined Jabhatul Islamiya and two smaller militias in "
        "forming Hizbul Islam. Later the Mujao joined the Al-Mulathamun Battalion to form Al-Mourabitoun."
    )
    allied = pairs(ex, RelType.ALLIED_WITH)
    for member in ("Ras Kamboni Brigades", "Jabhatul Islamiya"):
        assert frozenset({member, "Hizbul Islam"}) in allied
    assert frozenset({"Al-Mulathamun Battalion", "Al-Mourabitoun"}) in allied


def test_a_name_in_apposition_to_an_alliance_is_a_group_and_its_clipped_form_an_alias() -> None:
    ex = extract(
        "The KCP is itself a member of the Coordination Committee, or CorCom, an alliance that several "
        "outfits formed in 2011. CorCom regularly calls general strikes."
    )
    groups = {e.name: e for e in ex.entities if e.type is NodeType.GROUP}
    corcom = groups.get("CorCom") or groups["Coordination Committee"]
    assert {corcom.name, *corcom.aliases} >= {"CorCom", "Coordination Committee"}
    assert frozenset({"KCP", corcom.name}) in pairs(ex, RelType.ALLIED_WITH)


def test_a_group_at_war_with_another_is_its_rival() -> None:
    ex = extract("Since 2020 the Katiba Macina has been at war with the ISGS.")
    assert frozenset({"Katiba Macina", "ISGS"}) in pairs(ex, RelType.RIVAL_OF)


def test_an_acronym_ending_a_sentence_leaves_the_full_stop_out_of_its_name() -> None:
    ex = extract("In 2000 Masood Azhar left the HuM to found the JeM. He was later detained in the U.S.")
    assert "JeM" in names(ex, NodeType.GROUP)
    assert not any(name.endswith(".") for name in names(ex, NodeType.GROUP))


def test_a_listed_short_form_opening_a_longer_arabic_name_is_not_that_group() -> None:
    ex = extract("Its rivals call themselves Jaish al-Muhajireen and fight near Aleppo.")
    assert "Jaish-e-Mohammed" not in names(ex, NodeType.GROUP)


def test_what_officials_call_it_is_another_name_of_the_text_group() -> None:
    ex = extract(
        "Ansar al-Furqan is a Baloch militant group in Iran. It grew out of Jundallah, a larger "
        'outfit. Officials call it Jaish al-Zolm ("Army of Oppression").'
    )
    furqan = next(e for e in ex.entities if e.name == "Ansar al-Furqan")
    assert {"Jaish al-Zolm", "Army of Oppression"} <= set(furqan.aliases)


def test_an_umbrella_called_by_a_name_is_a_group() -> None:
    ex = extract("In 2018 the BLF and the BLA formed an umbrella called Baloch Raaji Aajoi Sangar.")
    assert "Baloch Raaji Aajoi Sangar" in names(ex, NodeType.GROUP)


def test_a_group_is_named_by_the_form_the_text_uses_first() -> None:
    ex = extract('An offshoot, Hizb an-Nusra ("Party of Victory"), was formed in Tashkent in 1999.')
    assert "Hizb an-Nusra" in names(ex, NodeType.GROUP)


def test_a_rename_told_of_a_group_is_not_the_owner_named_in_passing() -> None:
    ex = extract(
        "Jabhat al-Nusra, which was al-Qaeda's official affiliate in Syria until it renamed itself Jabhat "
        "Fatah al-Sham in 2016, later merged into Hay'at Tahrir al-Sham."
    )
    qaeda = next(e for e in ex.entities if e.name.lower().startswith("al-qa"))
    assert "Jabhat Fatah al-Sham" not in qaeda.aliases


def test_an_article_headed_by_a_groups_name_is_about_that_group() -> None:
    ex = extract(
        "Hurras al-Din\n\nHurras al-Din was a jihadist group in Syria. Fighters of HTS, HTS courts and HTS "
        "police pursued its members. In 2019 several commanders were killed in air strikes. The group ran a "
        "training camp near Sarmada."
    )
    trains = rels(ex, RelType.TRAINS_AT)
    assert any(group == "Hurras al-Din" for group, _ in trains)
    assert not any(group == "HTS" for group, _ in trains)


def test_a_place_word_the_acronym_spells_belongs_to_the_group_name() -> None:
    ex = extract(
        "In 2001 the two factions merged to form the Kashmir Islamic Liberation Organisation (KILO), led by "
        "Abdul Ghani."
    )
    assert names(ex, NodeType.GROUP) == {"Kashmir Islamic Liberation Organisation"}
    assert "Kashmir" not in names(ex, NodeType.PLACE)


def test_renamed_it_gives_the_group_its_new_name() -> None:
    ex = extract(
        "In 1998 Abdur Rahman founded the Jama'atul Mujahideen Party, a militant outfit in Rajshahi. In "
        "2001 he renamed it the JMB."
    )
    groups = {e.name: e.aliases for e in ex.entities if e.type is NodeType.GROUP}
    assert len(groups) == 1
    assert "JMB" in {*groups, *next(iter(groups.values()))}


def test_a_group_name_found_once_is_the_group_wherever_it_appears_again() -> None:
    ex = extract(
        "Lakurawa, an armed group of Sahelian origin, is active in Sokoto. By 2024 Lakurawa was collecting "
        "zakat in Kebbi State, and Lakurawa fighters raided Mera."
    )
    assert ("Lakurawa", "Kebbi State") in rels(ex, RelType.OPERATES_IN)
    assert "Lakurawa" not in names(ex, NodeType.LEADER)


def test_another_name_of_a_person_is_no_group_whatever_the_parse() -> None:
    ex = extract(
        "In 2017 a group of JuA commanders led by Mukarram Khan, also known as Mukarram Khurasani, left the "
        "organization and founded Hizb-ul-Ahrar."
    )
    assert "Mukarram Khurasani" not in names(ex, NodeType.GROUP)
    assert ("Mukarram Khan", "JuA") in rels(ex, RelType.LEADS)


def test_a_persons_other_name_in_brackets_is_not_a_group() -> None:
    ex = extract(
        "A similar Taliban splinter, Fidai Mahaz, founded by Mullah Najibullah (also known as Omar Khitab), "
        "also broke with the Taliban in acrimony."
    )
    assert "Omar Khitab" not in names(ex, NodeType.GROUP)
    assert all("Omar Khitab" not in e.aliases for e in ex.entities if e.type is NodeType.GROUP)


def test_a_name_known_as_after_someone_else_is_not_an_alias_of_the_group_named_before() -> None:
    ex = extract(
        "Most attacks were carried out by Tehreek-e-Taliban Pakistan (TTP) and by the faction of local "
        "militants led by Sadiq Wazir, commonly known as the Wazir Group (WG). The WG is based in Shawal."
    )
    ttp = next(e for e in ex.entities if e.name == "Tehreek-e-Taliban Pakistan")
    assert not {"Wazir Group", "WG"} & set(ttp.aliases)
    assert "Wazir Group" in names(ex, NodeType.GROUP)


def test_a_country_name_that_runs_on_from_a_group_name_is_part_of_it() -> None:
    ex = extract(
        "Attacks were also claimed in the name of Tehreek-e-Jihad Pakistan (TJP), an outfit which first "
        "surfaced in 2023. In 2024 a smaller group calling itself Harakat-e-Tawhid Afghanistan announced "
        "an alliance with the TJP."
    )
    groups = names(ex, NodeType.GROUP)
    assert {"Tehreek-e-Jihad Pakistan", "Harakat-e-Tawhid Afghanistan"} <= groups
    assert not {"Tehreek-e-Jihad", "Harakat-e-Tawhid"} & groups


def test_a_listed_office_of_a_group_is_a_group_with_a_lower_case_head_word() -> None:
    ex = extract(
        "Funding from ISIS flows largely through the Somalia-based al-Karrar office, headed until his death "
        "in January 2023 by Bilal al-Sudani."
    )
    assert "al-Karrar office" in names(ex, NodeType.GROUP)
    assert ("Bilal al-Sudani", "al-Karrar office") in rels(ex, RelType.LEADS)
    assert ("Bilal al-Sudani", "ISIS") not in rels(ex, RelType.LEADS)
