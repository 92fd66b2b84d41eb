"""Groups read in context, one construction per test, in sentences written for these tests: names the
text sets beside an armed-group noun, mergers and alliances, rivals across a hostile act or a split in
dispute, a group's own positions, and what 'the outfit' refers back to."""

from __future__ import annotations

from graph.ontology import NodeType, RelType
from ingest.extract import extract
from tests.ingest.readers import names, pairs, rels


def test_official_sounding_name_set_beside_a_splinter_group_is_a_group() -> None:
    ex = extract(
        "Fighting broke out between the movement's commanders and the Supreme Council of the Emirate, "
        "a breakaway faction based in Farah province, in March."
    )
    assert "Supreme Council of the Emirate" in names(ex, NodeType.GROUP)


def test_official_body_beside_a_plain_noun_stays_out() -> None:
    ex = extract(
        "The Supreme Council of the Judiciary, a body of senior judges, condemned the Taliban attack "
        "in Kabul."
    )
    assert "Supreme Council of the Judiciary" not in names(ex, NodeType.GROUP)


def test_merger_whose_list_is_introduced_by_a_description() -> None:
    ex = extract(
        "Ansar al-Furqan was declared in 2019 as a merger of several small Idlib factions, among them "
        "Jund al-Aqsa, Liwa al-Umma and Katibat al-Ghuraba."
    )
    allied = pairs(ex, RelType.ALLIED_WITH)
    assert frozenset({"Ansar al-Furqan", "Jund al-Aqsa"}) in allied
    assert frozenset({"Liwa al-Umma", "Katibat al-Ghuraba"}) in allied


def test_operating_with_another_group_is_an_alliance() -> None:
    ex = extract(
        "Jamaat Ansarullah went on to plot raids in Tajikistan and to operate with the Islamic Jihad Union."
    )
    assert frozenset({"Jamaat Ansarullah", "Islamic Jihad Union"}) in pairs(ex, RelType.ALLIED_WITH)


def test_a_name_set_up_by_someone_is_a_group_and_the_main_subject_is_not_his() -> None:
    ex = extract(
        "In May 2021 Hurras al-Din joined Saraya al-Muhajirin, set up by Abu Yahya al-Tunisi "
        "after he left HTS."
    )
    assert "Saraya al-Muhajirin" in names(ex, NodeType.GROUP)
    assert ("Abu Yahya al-Tunisi", "Hurras al-Din") not in rels(ex, RelType.LEADS)


def test_a_participle_aside_after_the_group_it_tells_of_still_leads() -> None:
    ex = extract(
        "The cell was formed in 1994 with money from al-Qaeda, then led by Osama bin Laden, and it later "
        "grew into a branch of HuJI."
    )
    assert ("Osama bin Laden", "al-Qaeda") in rels(ex, RelType.LEADS)


def test_allies_of_a_side_and_the_group_it_drives_out_are_rivals() -> None:
    ex = extract(
        "In 2013 the movement's fighters fought alongside AQIM and MUJAO to drive the MNLA out of "
        "Kidal and Menaka."
    )
    rivals = pairs(ex, RelType.RIVAL_OF)
    assert {frozenset({"AQIM", "MNLA"}), frozenset({"MUJAO", "MNLA"})} <= rivals
    assert frozenset({"AQIM", "MNLA"}) not in pairs(ex, RelType.ALLIED_WITH)


def test_a_group_formed_by_dissident_members_after_a_quarrel_is_a_rival() -> None:
    ex = extract(
        "Hizb al-Fath was formed in Namangan in 2001 by dissident Hizb ut-Tahrir members after a quarrel "
        "over armed struggle."
    )
    assert frozenset({"Hizb al-Fath", "Hizb ut-Tahrir"}) in pairs(ex, RelType.RIVAL_OF)


def test_a_groups_own_positions_in_a_place_put_it_there_beside_the_subject() -> None:
    ex = extract(
        "In late 2015 the Taliban besieged IMU positions in Kandahar and killed dozens of its fighters."
    )
    assert ("IMU", "Kandahar") in rels(ex, RelType.OPERATES_IN)


def test_the_outfit_after_a_sentence_whose_subject_is_its_cadres_is_that_group() -> None:
    ex = extract(
        "NSCN(K) runs camps in Myanmar. NSCN(K) cadres ambushed troops in Mon. NSCN(K) leaders met in Taga. "
        "The government has a ceasefire with NSCN(IM). Cadres of NSCN(IM) must stay in designated camps. "
        "However, the outfit continues to collect taxes in Ukhrul and Senapati."
    )
    operates = rels(ex, RelType.OPERATES_IN)
    assert {("NSCN(IM)", "Ukhrul"), ("NSCN(IM)", "Senapati")} <= operates
    assert ("NSCN(K)", "Ukhrul") not in operates


def test_a_second_in_phrase_coordinated_with_the_first_adds_its_places() -> None:
    ex = extract(
        "Jamaat Ansarullah is concentrated in Khwahan and in parts of Badakhshan and Takhar provinces."
    )
    operates = rels(ex, RelType.OPERATES_IN)
    assert {("Jamaat Ansarullah", p) for p in ("Khwahan", "Badakhshan", "Takhar")} <= operates


def test_organisations_joining_an_alliance_and_the_alliance_named_after_it_are_groups() -> None:
    ex = extract(
        "In 2011 the Khalistan Liberation Force joined the Bhindranwale Tiger Force and the Dal Khalsa "
        "Guards in a loose alliance, the Panthic Ekta Sangathan, to pool weapons."
    )
    assert {"Dal Khalsa Guards", "Panthic Ekta Sangathan"} <= names(ex, NodeType.GROUP)
    allied = pairs(ex, RelType.ALLIED_WITH)
    assert frozenset({"Khalistan Liberation Force", "Dal Khalsa Guards"}) in allied
    assert frozenset({"Dal Khalsa Guards", "Panthic Ekta Sangathan"}) in allied


def test_the_two_standing_alone_is_the_pair_of_groups_just_named() -> None:
    ex = extract(
        "The Zeliangrong Liberation Front long kept away from the Kuki Revolutionary Front, but the two "
        "have mounted joint operations since 2019."
    )
    assert frozenset({"Zeliangrong Liberation Front", "Kuki Revolutionary Front"}) in pairs(
        ex, RelType.ALLIED_WITH
    )


def test_a_group_acting_along_with_another_is_its_ally_and_shares_the_place() -> None:
    ex = extract(
        "Last month Garo National Liberation Army cadres, along with cadres of the United A'chik Liberation "
        "Army, attacked a police post in Williamnagar."
    )
    gnla, uala = "Garo National Liberation Army", "United A'chik Liberation Army"
    assert frozenset({gnla, uala}) in pairs(ex, RelType.ALLIED_WITH)
    operates = rels(ex, RelType.OPERATES_IN)
    assert (gnla, "Williamnagar") in operates
    assert (uala, "Williamnagar") in operates


def test_a_name_with_its_acronym_in_brackets_before_an_armed_group_aside_is_a_group() -> None:
    ex = extract(
        "Officials met Lal Hmingthanga, the president of the Chin Kuki National Front (CKNF), a separatist "
        "armed group active in the hill districts."
    )
    assert "Chin Kuki National Front" in names(ex, NodeType.GROUP)
    assert ("Lal Hmingthanga", "Chin Kuki National Front") in rels(ex, RelType.LEADS)


def test_a_unit_the_group_calls_by_a_name_is_a_group_allied_with_it() -> None:
    ex = extract("The BLF also keeps a unit it calls the Shaheen Squad, which ambushes army convoys.")
    assert "Shaheen Squad" in names(ex, NodeType.GROUP)
    assert frozenset({"BLF", "Shaheen Squad"}) in pairs(ex, RelType.ALLIED_WITH)
    ex = extract("ETIM wants a state in Xinjiang, which the group calls East Turkistan.")
    assert "East Turkistan" not in names(ex, NodeType.GROUP)


def test_a_name_before_a_groups_own_media_arm_is_a_group_allied_with_it() -> None:
    ex = extract("Al-Shabaab later claimed the raid in a message carried by its al-Kataib media wing.")
    assert "al-Kataib" in names(ex, NodeType.GROUP)
    assert frozenset({"Al-Shabaab", "al-Kataib"}) in pairs(ex, RelType.ALLIED_WITH)


def test_group_noun_set_beside_a_named_group_is_that_group() -> None:
    ex = extract(
        "The TTP has courted Lashkar-e-Islam, the Khyber-based group of Mangal Bagh that once held the "
        "Tirah valley."
    )
    leads = rels(ex, RelType.LEADS)
    assert ("Mangal Bagh", "Lashkar-e-Islam") in leads
    assert ("Mangal Bagh", "TTP") not in leads


def test_tie_word_in_a_description_set_beside_a_group_ties_that_group() -> None:
    ex = extract(
        "JAD has supplied fighters to Mujahidin Indonesia Timur (MIT), an ISIS-aligned group active in "
        "Central Sulawesi."
    )
    allied = pairs(ex, RelType.ALLIED_WITH)
    assert frozenset({"Mujahidin Indonesia Timur", "ISIS"}) in allied
    assert frozenset({"JAD", "ISIS"}) not in allied


def test_names_listed_after_a_plural_noun_for_armed_groups_are_groups() -> None:
    ex = extract(
        "The truce binds the militant outfits of the hills, such as the Hmar People's Convention and "
        "the Zomi Revolutionary Army, to designated camps."
    )
    groups = names(ex, NodeType.GROUP)
    assert {"Hmar People's Convention", "Zomi Revolutionary Army"} <= groups


def test_names_listed_after_a_plain_plural_noun_stay_out() -> None:
    ex = extract("The talks drew organisations such as the Red Cross and the World Food Programme.")
    assert names(ex, NodeType.GROUP) == set()


def test_a_name_called_the_armed_wing_of_a_group_is_a_group() -> None:
    ex = extract("The Dima Halam Daogah Army, the armed wing of the DHD, clashed with police in Haflong.")
    assert "Dima Halam Daogah Army" in names(ex, NodeType.GROUP)


def test_a_named_wing_after_a_hyphenated_possessor_is_allied_with_it() -> None:
    ex = extract(
        "The cleric left al-Shabaab in 2015, and al-Shabaab's internal security wing, the Amniyat, "
        "responded by detaining his followers."
    )
    assert frozenset({"al-Shabaab", "Amniyat"}) in pairs(ex, RelType.ALLIED_WITH)


def test_the_parent_of_a_branch_is_not_where_the_branch_is() -> None:
    ex = extract(
        "JNIM's leaders pledged allegiance to al-Qa'ida, and the group presents itself as al-Qa'ida's "
        "official branch in the Sahel."
    )
    assert not any(src.lower().startswith("al-qa") for src, _ in rels(ex, RelType.OPERATES_IN))


def test_the_group_a_branch_is_of_is_not_where_the_branch_is() -> None:
    overran = extract(
        "Troops overran a camp used by the Somali branch of the Islamic State group in the Golis mountains."
    )
    assert ("Islamic State", "Golis mountains") not in rels(overran, RelType.OPERATES_IN)
    expanded = extract("The Sahel branch of al-Qaida has expanded in the Mopti region.")
    assert ("al-Qaida", "Mopti") not in rels(expanded, RelType.OPERATES_IN)


def test_who_founded_a_groups_rival_does_not_lead_the_group() -> None:
    ex = extract(
        "Al-Shabaab's main rival in Somalia is the Islamic State in Somalia, a faction founded in 2015 "
        "by the cleric Abdulqadir Mumin."
    )
    assert ("Abdulqadir Mumin", "Al-Shabaab") not in rels(ex, RelType.LEADS)


def test_who_leads_an_affiliate_named_beside_its_parent_leads_the_affiliate() -> None:
    ex = extract(
        "Both have fought under the banner of Jama'at Nusrat al-Islam wal-Muslimin (JNIM), the al-Qaida "
        "affiliate led by Iyad Ag Ghaly."
    )
    leads = rels(ex, RelType.LEADS)
    assert ("Iyad Ag Ghaly", "Jama'at Nusrat al-Islam wal-Muslimin") in leads
    assert ("Iyad Ag Ghaly", "al-Qaida") not in leads


def test_a_group_that_only_describes_the_subject_is_not_what_the_group_means_next() -> None:
    ex = extract(
        "Hizbul Mujahideen dominated the valley in the 1990s and recruited heavily in Sopore. Hizbul "
        "Mujahideen cadres ran its camps. Al-Badr, the Hizbul Mujahideen splinter in Kupwara, was formed in "
        "1998 by commanders who left the Jamaat. The group was led by Bakht Zameen."
    )
    assert ("Bakht Zameen", "Al-Badr") in rels(ex, RelType.LEADS)
    assert ("Bakht Zameen", "Hizbul Mujahideen") not in rels(ex, RelType.LEADS)


def test_a_renaming_the_gazetteer_knows_goes_to_the_group_it_lists_the_name_under() -> None:
    ex = extract(
        "Jabhat al-Nusra fought in Aleppo for years. Its leader broke with al-Qaida in 2016, when the group "
        "renamed itself Jabhat Fateh al-Sham."
    )
    groups = {e.name: e.aliases for e in ex.entities if e.type is NodeType.GROUP}
    assert "Jabhat Fateh al-Sham" in groups["Jabhat al-Nusra"]
    assert "al-Qaida" in groups


def test_the_agent_of_a_passive_with_an_unnamed_subject_is_what_the_group_means_next() -> None:
    ex = extract(
        "Hizbul Mujahideen has recruited in Sopore for years, and Hizbul Mujahideen cadres still run its "
        "safe houses. Responsibility for Monday's attack was claimed by Jaish-e-Mohammed. In a statement, a "
        "man calling himself Mohammad Hassan, the group's spokesman, said more attacks would follow."
    )
    assert ("Mohammad Hassan", "Jaish-e-Mohammed") in rels(ex, RelType.LEADS)
    assert ("Mohammad Hassan", "Hizbul Mujahideen") not in rels(ex, RelType.LEADS)


def test_both_groups_stands_for_the_last_two_groups_named() -> None:
    ex = extract(
        "JNIM and Ansarul Islam have long competed for recruits. Last year both groups recruited heavily "
        "around Djibo."
    )
    assert {("JNIM", "Djibo"), ("Ansarul Islam", "Djibo")} <= rels(ex, RelType.OPERATES_IN)


def test_these_outfits_stands_for_the_groups_just_listed() -> None:
    ex = extract(
        "Lashkar-e-Taiba, Jaish-e-Mohammed and Harkat-ul-Mujahideen were banned by Pakistan in 2002. "
        "Officials say these outfits still recruit in the Kupwara district."
    )
    operates = rels(ex, RelType.OPERATES_IN)
    for group in ("Lashkar-e-Taiba", "Jaish-e-Mohammed", "Harkat-ul-Mujahideen"):
        assert (group, "Kupwara") in operates


def test_the_groups_without_a_pointing_word_stands_for_no_group() -> None:
    ex = extract(
        "Lashkar-e-Taiba was banned by Pakistan in 2002. Officials say the groups still recruit in the "
        "Kupwara district."
    )
    assert rels(ex, RelType.OPERATES_IN) == set()


def test_the_group_after_a_comma_and_a_bracketed_acronym_is_the_group_named_there() -> None:
    ex = extract(
        "The JMB reappeared in 2016 in the districts around Gaibandha, where it challenged the dominance of "
        "the Ansarullah Bangla Team (ABT), the group led by Jashimuddin Rahmani."
    )
    assert ("Jashimuddin Rahmani", "Ansarullah Bangla Team") in rels(ex, RelType.LEADS)


def test_the_groups_possessive_after_a_comma_is_no_apposition() -> None:
    ex = extract(
        "AQAP grew strong after 2011, when fighters operating under the banner of Ansar al-Sharia, the "
        "group's local insurgent front, seized Zinjibar and Jaar."
    )
    assert frozenset({"AQAP", "Ansar al-Sharia"}) in pairs(ex, RelType.ALLIED_WITH)


def test_the_group_known_as_a_name_is_the_group_of_that_name() -> None:
    ex = extract(
        "Al-Shabaab has long dominated southern Somalia and Al-Shabaab runs courts in Jilib. The army "
        "launched its offensive after fighters from the group, known as Ahlu Sunna Wal Jama'a, stormed a "
        "police post in Macomia district."
    )
    operates = rels(ex, RelType.OPERATES_IN)
    assert ("Ahlu Sunna Wal Jama'a", "Macomia") in operates
    assert ("Al-Shabaab", "Macomia") not in operates
