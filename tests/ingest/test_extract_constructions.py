"""Constructions of report, sanctions, encyclopedia and news prose, one per test, in sentences written
for these tests. Each names the rule of the language or genre the extractor follows."""

from __future__ import annotations

from spacy.tokens import Doc

from graph.ontology import NodeType, RelType
from ingest.extract import extract
from ingest.extract.doc_view import DocView
from ingest.extract.unit_names import add_named_units
from ingest.models import Extraction
from ingest.nlp import load_pipeline


def names(ex: Extraction, kind: NodeType) -> set[str]:
    return {e.name for e in ex.entities if e.type is kind}


def has_rel(ex: Extraction, kind: RelType, a: str, b: str) -> bool:
    found = {(r.source, r.target) for r in ex.relations if r.type is kind}
    symmetric = kind in {RelType.ALLIED_WITH, RelType.RIVAL_OF, RelType.RELATED_TO}
    return (a, b) in found or (symmetric and (b, a) in found)


def entity(ex: Extraction, kind: NodeType, name: str):  # type: ignore[no-untyped-def]
    return next(e for e in ex.entities if e.type is kind and e.name == name)


def test_listed_name_ending_in_a_lower_case_head_word() -> None:
    ex = extract("Officials said the Haqqani network carried out the raid in Khost.")
    assert "Haqqani network" in names(ex, NodeType.GROUP)
    assert has_rel(ex, RelType.OPERATES_IN, "Haqqani network", "Khost")


def test_also_known_as_after_a_person_makes_one_person() -> None:
    ex = extract(
        "Sirajuddin Haqqani, also known as Khalifa, leads the Haqqani network from North Waziristan."
    )
    leader = entity(ex, NodeType.LEADER, "Sirajuddin Haqqani")
    assert "Khalifa" in leader.aliases
    assert names(ex, NodeType.LEADER) == {"Sirajuddin Haqqani"}
    assert has_rel(ex, RelType.LEADS, "Sirajuddin Haqqani", "Haqqani network")


def test_whose_real_name_is_gives_an_alias() -> None:
    ex = extract("Its chief, Mangal Bagh, whose real name is Mangal Khan Afridi, heads Lashkar-e-Islam.")
    assert names(ex, NodeType.LEADER) == {"Mangal Bagh"}
    assert "Mangal Khan Afridi" in entity(ex, NodeType.LEADER, "Mangal Bagh").aliases


def test_a_fathers_name_inside_a_patronymic_is_another_person() -> None:
    ex = extract(
        "Saad Usama bin Laden was a son of Usama bin Laden, the founder of al-Qaida. "
        "Saad Usama bin Laden joined al-Qaida in Afghanistan."
    )
    assert {"Saad Usama bin Laden", "Usama bin Laden"} <= names(ex, NodeType.LEADER)
    assert has_rel(ex, RelType.RELATED_TO, "Saad Usama bin Laden", "Usama bin Laden")
    assert has_rel(ex, RelType.LEADS, "Usama bin Laden", "al-Qaida")


def test_infobox_field_lines_relate_to_the_page_group() -> None:
    ex = extract(
        "Lashkar-e-Islam is a militant group in the Khyber Agency of Pakistan.\n\n"
        "Lashkar-e-Islam\n"
        "Leaders: Mangal Bagh\n"
        "Headquarters: Tirah Valley\n"
        "Allies: Tehrik-e Taliban Pakistan\n"
    )
    assert has_rel(ex, RelType.LEADS, "Mangal Bagh", "Lashkar-e-Islam")
    assert has_rel(ex, RelType.OPERATES_IN, "Lashkar-e-Islam", "Tirah Valley")
    assert has_rel(ex, RelType.ALLIED_WITH, "Lashkar-e-Islam", "Tehrik-e Taliban Pakistan")


def test_field_label_is_not_the_subject_of_the_sentence() -> None:
    ex = extract("Activities: TTP has carried out bombings in Peshawar and Bannu.")
    assert has_rel(ex, RelType.OPERATES_IN, "TTP", "Peshawar")
    assert has_rel(ex, RelType.OPERATES_IN, "TTP", "Bannu")


def test_relative_clause_founder_leads() -> None:
    ex = extract("Mangal Bagh, a former bus conductor who founded Lashkar-e-Islam, fled to Afghanistan.")
    assert has_rel(ex, RelType.LEADS, "Mangal Bagh", "Lashkar-e-Islam")


def test_a_role_tie_holds_next_to_a_founding_tie() -> None:
    ex = extract("Jamaat-ul-Ahrar was set up in 2014 by Abdul Wali Mohmand, a former TTP commander.")
    assert has_rel(ex, RelType.LEADS, "Abdul Wali Mohmand", "Jamaat-ul-Ahrar")
    assert has_rel(ex, RelType.LEADS, "Abdul Wali Mohmand", "TTP")


def test_its_after_a_coordinated_group_is_that_group() -> None:
    ex = extract(
        "Jamaat-ul-Ahrar pledged loyalty to the Taliban and its leader, Hibatullah Akhundzada, in 2021."
    )
    assert has_rel(ex, RelType.LEADS, "Hibatullah Akhundzada", "Taliban")
    assert not has_rel(ex, RelType.LEADS, "Hibatullah Akhundzada", "Jamaat-ul-Ahrar")


def test_the_group_is_the_text_group_not_the_last_one_named() -> None:
    ex = extract(
        "Lashkar-e-Jhangvi is a sectarian militant group based in Punjab.\n"
        "Allies: Tehrik-e Taliban Pakistan\n\n"
        "In 2013, the group bombed a market in Quetta."
    )
    assert has_rel(ex, RelType.OPERATES_IN, "Lashkar-e-Jhangvi", "Quetta")
    assert not has_rel(ex, RelType.OPERATES_IN, "Tehrik-e Taliban Pakistan", "Quetta")


def test_the_capital_of_apposition_nests_places() -> None:
    ex = extract("The group struck Quetta, the capital of Balochistan, twice in 2023.")
    assert has_rel(ex, RelType.LOCATED_IN, "Quetta", "Balochistan")


def test_a_list_of_comma_chains() -> None:
    ex = extract("Al-Qaida bombed targets in Kabul, Afghanistan, and Peshawar, Pakistan.")
    assert has_rel(ex, RelType.LOCATED_IN, "Kabul", "Afghanistan")
    assert has_rel(ex, RelType.LOCATED_IN, "Peshawar", "Pakistan")
    assert not has_rel(ex, RelType.LOCATED_IN, "Afghanistan", "Pakistan")


def test_coordinated_names_before_a_plural_place_word() -> None:
    ex = extract("The Balochistan Liberation Front is active in the Panjgur and Washuk districts.")
    assert {"Panjgur", "Washuk"} <= names(ex, NodeType.PLACE)


def test_possessive_country_holds_each_listed_province() -> None:
    ex = extract("The group hid in Afghanistan's Kunar and Nuristan provinces.")
    assert has_rel(ex, RelType.LOCATED_IN, "Kunar", "Afghanistan")
    assert has_rel(ex, RelType.LOCATED_IN, "Nuristan", "Afghanistan")


def test_designated_as_another_name_is_the_same_group() -> None:
    ex = extract(
        "In 2021 Washington designated the Allied Democratic Forces as the Islamic State Central Africa "
        "Province."
    )
    groups = [e for e in ex.entities if e.type is NodeType.GROUP]
    assert len(groups) == 1
    assert "Islamic State Central Africa Province" in groups[0].aliases


def test_a_possible_future_leader_is_a_member() -> None:
    ex = extract("Hamza Ali Jafri was groomed as a possible future leader of Lashkar-e-Jhangvi.")
    assert has_rel(ex, RelType.MEMBER_OF, "Hamza Ali Jafri", "Lashkar-e-Jhangvi")
    assert not has_rel(ex, RelType.LEADS, "Hamza Ali Jafri", "Lashkar-e-Jhangvi")


def test_brothers_coordinated_are_kin() -> None:
    ex = extract("The Maute group was founded by the brothers Abdullah Maute and Omar Maute.")
    assert has_rel(ex, RelType.RELATED_TO, "Abdullah Maute", "Omar Maute")
    assert has_rel(ex, RelType.LEADS, "Omar Maute", "Maute group")


def test_a_commanders_home_town_is_not_where_the_group_operates() -> None:
    ex = extract("Omar Khalid, a former TTP commander from Bajaur, founded Jamaat-ul-Ahrar in Mohmand.")
    assert not has_rel(ex, RelType.OPERATES_IN, "TTP", "Bajaur")
    assert has_rel(ex, RelType.LEADS, "Omar Khalid", "Jamaat-ul-Ahrar")


def test_place_names_spacy_takes_for_people_in_place_frames() -> None:
    ex = extract("Fighters besieged Djibo, a town in the province of Soum, for months.")
    assert {"Djibo", "Soum"} <= names(ex, NodeType.PLACE)
    assert has_rel(ex, RelType.LOCATED_IN, "Djibo", "Soum")


def test_an_article_before_a_single_word_marks_no_name() -> None:
    ex = extract("Iyad Ag Ghaly, a Malian Tuareg who founded Ansar Dine, leads JNIM.")
    assert "Tuareg" not in names(ex, NodeType.LEADER)
    assert has_rel(ex, RelType.LEADS, "Iyad Ag Ghaly", "Ansar Dine")


def test_a_country_as_nationality_or_acting_state_is_no_place() -> None:
    ex = extract(
        "Abu Sayyaf kidnapped two United States citizens on Basilan. "
        "The United States designated the group in 1997."
    )
    assert "United States" not in names(ex, NodeType.PLACE)
    assert has_rel(ex, RelType.OPERATES_IN, "Abu Sayyaf", "Basilan")


def test_an_unnamed_faction_of_someone_else_is_a_third_party() -> None:
    ex = extract(
        "Hizbul Mujahideen clashed with Zakir Musa's faction, which later announced its loyalty to al-Qaida."
    )
    assert not has_rel(ex, RelType.RIVAL_OF, "Hizbul Mujahideen", "al-Qaida")


def test_a_pronoun_subject_for_another_group_owns_its_clause() -> None:
    ex = extract(
        "Shortly after its formation, Jamaat-ul-Ahrar announced support for the Islamic State, "
        "but it later declared that it remained loyal to the Taliban."
    )
    assert not has_rel(ex, RelType.ALLIED_WITH, "Islamic State", "Taliban")
    assert has_rel(ex, RelType.ALLIED_WITH, "Jamaat-ul-Ahrar", "Islamic State")


def test_two_roles_in_one_sentence_each_hold() -> None:
    ex = extract(
        "Ehsanullah Ehsan, who had earlier been the spokesman of the TTP, served as the spokesman of "
        "Jamaat-ul-Ahrar until 2017."
    )
    assert has_rel(ex, RelType.LEADS, "Ehsanullah Ehsan", "TTP")
    assert has_rel(ex, RelType.LEADS, "Ehsanullah Ehsan", "Jamaat-ul-Ahrar")


def test_taken_over_by_is_leadership() -> None:
    ex = extract("In 2017 Ansarul Islam was taken over by Jafar Dicko.")
    assert has_rel(ex, RelType.LEADS, "Jafar Dicko", "Ansarul Islam")


def test_group_and_role_noun_before_a_name_is_a_title() -> None:
    ex = extract(
        "Prosecutors charged a courier for providing support to Lashkar-e-Tayyiba operative Sajid Mir, "
        "who planned the raid, and met TTP commander Hakimullah Mehsud."
    )
    assert has_rel(ex, RelType.MEMBER_OF, "Sajid Mir", "Lashkar-e-Tayyiba")
    assert has_rel(ex, RelType.LEADS, "Hakimullah Mehsud", "TTP")


def test_a_nationality_after_an_article_does_not_block_the_role() -> None:
    ex = extract(
        "Meddie Nkalubo, a Ugandan described by investigators as an ADF commander, fled to the "
        "Rwenzori mountains."
    )
    assert "Ugandan" not in names(ex, NodeType.LEADER)
    assert has_rel(ex, RelType.LEADS, "Meddie Nkalubo", "ADF")
    assert "Rwenzori mountains" in names(ex, NodeType.PLACE)


def test_a_nationality_modifier_is_no_place() -> None:
    ex = extract("Salahuddin chairs an alliance of Kashmiri militant groups based in Muzaffarabad.")
    assert "Kashmiri" not in names(ex, NodeType.PLACE)


def test_a_listed_place_coordinated_with_a_place() -> None:
    ex = extract("The BLA has attacked Chinese engineers in Karachi and Gwadar.")
    assert {"Karachi", "Gwadar"} <= names(ex, NodeType.PLACE)


def test_where_clause_on_a_place_locates_the_group() -> None:
    ex = extract("He grew up in Sudan, where al-Qaida trained hundreds of fighters in the 1990s.")
    assert has_rel(ex, RelType.OPERATES_IN, "al-Qaida", "Sudan")


def test_dr_congo_is_the_democratic_republic() -> None:
    ex = extract("The ADF is active in eastern DR Congo.")
    place = entity(ex, NodeType.PLACE, "DR Congo")
    assert place.attributes.get("country") == "Democratic Republic of the Congo"


def test_places_including_after_a_comma_lie_in_the_first() -> None:
    ex = extract("JNIM attacked soldiers in northern Mali, including around Timbuktu and in the Gao region.")
    assert has_rel(ex, RelType.LOCATED_IN, "Timbuktu", "Mali")
    assert has_rel(ex, RelType.LOCATED_IN, "Gao", "Mali")


def test_a_council_of_jihad_groups_is_a_group_but_a_security_council_is_not() -> None:
    ex = extract(
        "Salahuddin chairs the United Jihad Council, an alliance of militant groups. "
        "The Security Council listed the group in 2003."
    )
    assert "United Jihad Council" in names(ex, NodeType.GROUP)
    assert "Security Council" not in names(ex, NodeType.GROUP)


def test_a_leaders_attacks_are_his_groups_operations() -> None:
    ex = extract(
        "Mangal Bagh is the chief of Lashkar-e-Islam. He directed attacks against convoys in Peshawar."
    )
    assert has_rel(ex, RelType.LEADS, "Mangal Bagh", "Lashkar-e-Islam")
    assert has_rel(ex, RelType.OPERATES_IN, "Lashkar-e-Islam", "Peshawar")


def test_places_after_particularly_lie_in_the_first() -> None:
    ex = extract("The network struck eastern Afghanistan, particularly in the provinces of Khost and Paktia.")
    assert has_rel(ex, RelType.LOCATED_IN, "Khost", "Afghanistan")
    assert has_rel(ex, RelType.LOCATED_IN, "Paktia", "Afghanistan")


def test_coordinated_kin_nouns_are_each_the_subjects_kin() -> None:
    ex = extract(
        "Anas Haqqani, a member of the Haqqani Network, is a son of Jalaluddin Haqqani and a brother of "
        "Sirajuddin Haqqani."
    )
    assert has_rel(ex, RelType.RELATED_TO, "Anas Haqqani", "Jalaluddin Haqqani")
    assert has_rel(ex, RelType.RELATED_TO, "Anas Haqqani", "Sirajuddin Haqqani")
    assert not has_rel(ex, RelType.RELATED_TO, "Jalaluddin Haqqani", "Sirajuddin Haqqani")


def test_sympathetic_to_is_an_alliance_cue() -> None:
    ex = extract(
        "Officials describe Ansarullah Bangla Team as sympathetic to al-Qaida in the Indian Subcontinent."
    )
    assert has_rel(ex, RelType.ALLIED_WITH, "Ansarullah Bangla Team", "al-Qaida in the Indian Subcontinent")


def test_lower_case_word_keyed_like_an_article_does_not_open_a_listed_name() -> None:
    ex = extract(
        "Several cells survive, above all Katibat Imam al-Bukhari, which still fights beside the Taliban."
    )
    assert "Katibat Imam al-Bukhari" in names(ex, NodeType.GROUP)
    assert not any(n.startswith("all ") for n in names(ex, NodeType.GROUP))


def test_month_the_parser_hangs_a_front_on_is_no_group() -> None:
    # The parse the pipeline gives this sentence inside a longer article: 'a front' in apposition to
    # 'July', as a real Doc built with those heads.
    words = [
        "In",
        "July",
        "1995",
        "a",
        "front",
        "calling",
        "itself",
        "Al-Hadid",
        ",",
        "raided",
        "Sopore",
        ".",
    ]
    heads = [9, 0, 1, 4, 1, 4, 5, 5, 9, 9, 9, 9]
    deps = ["prep", "pobj", "nummod", "det", "appos", "acl", "dobj", "oprd", "punct", "ROOT", "dobj", "punct"]
    pos = ["ADP", "PROPN", "NUM", "DET", "NOUN", "VERB", "PRON", "PROPN", "PUNCT", "VERB", "PROPN", "PUNCT"]
    ents = ["O", "B-DATE", "I-DATE", "O", "O", "O", "O", "O", "O", "O", "B-GPE", "O"]
    doc = Doc(load_pipeline().vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents,
              sent_starts=[True] + [False] * 11)  # fmt: skip
    view = DocView.build(doc.text, doc)
    add_named_units(view)
    assert [m.text for m in view.mentions if m.type is NodeType.GROUP] == ["Al-Hadid"]


def test_spaced_dash_ends_a_person_name() -> None:
    ex = extract(
        "Tahir Yuldashev led the Islamic Movement of Uzbekistan. Its next emir, Abdul Rahim Saidov - "
        "Yuldashev's nephew - was a senior commander of the Islamic Movement of Uzbekistan."
    )
    people = names(ex, NodeType.LEADER)
    assert not any("-" in n and "Yuldashev" in n and n != "Tahir Yuldashev" for n in people)
    assert not any(n.endswith("- Yuldashev") for n in people)


def test_founder_coordinated_after_another_founders_description() -> None:
    ex = extract(
        "The movement was founded in 1998 by Tahir Yuldashev, a preacher from Namangan, and "
        "Juma Namangani, a former paratrooper, who later led the Islamic Movement of Uzbekistan."
    )
    assert "Namangan" in names(ex, NodeType.PLACE)
    assert "Namangan" not in names(ex, NodeType.LEADER)


def test_second_founder_after_a_bracketed_birth_name_still_founds() -> None:
    ex = extract(
        "The IMU was founded in 1998 by Tahir Yuldashev (Tohir Yo'ldosh), a preacher from Namangan, and "
        "Juma Namangani (born Jumaboi Khojiev), a former Soviet paratrooper."
    )
    assert has_rel(ex, RelType.LEADS, "Tahir Yuldashev", "IMU")
    assert has_rel(ex, RelType.LEADS, "Juma Namangani", "IMU")


def test_one_word_organisation_split_off_the_front_of_a_name_is_the_given_name() -> None:
    ex = extract(
        "Neo-JMB's operations commander, Nurul Islam Marzan, was killed in a raid in Mirpur in 2017."
    )
    assert has_rel(ex, RelType.LEADS, "Nurul Islam Marzan", "Neo-JMB")
