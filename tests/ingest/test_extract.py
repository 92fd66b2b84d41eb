"""The extractor on short texts written for these tests, one construction at a time."""

from __future__ import annotations

from graph.ontology import NodeType, RelType
from ingest.extract import extract, extract_many
from ingest.models import Extraction


def names(ex: Extraction, kind: NodeType) -> set[str]:
    return {e.name for e in ex.entities if e.type is kind}


def rels(ex: Extraction, kind: RelType) -> set[tuple[str, str]]:
    return {(r.source, r.target) for r in ex.relations if r.type is kind}


def has_rel(ex: Extraction, kind: RelType, a: str, b: str) -> bool:
    found = rels(ex, kind)
    return (a, b) in found or (
        kind in {RelType.ALLIED_WITH, RelType.RIVAL_OF, RelType.RELATED_TO} and (b, a) in found
    )


def test_apposition_role_and_based_in() -> None:
    ex = extract(
        "Maulana Fazal Karim, the chief of Harkat-ul-Mujahideen, addressed supporters in Muzaffarabad. "
        "The group is based in Bahawalpur."
    )
    assert "Harkat-ul-Mujahideen" in names(ex, NodeType.GROUP)
    assert "Maulana Fazal Karim" in names(ex, NodeType.LEADER)
    assert has_rel(ex, RelType.LEADS, "Maulana Fazal Karim", "Harkat-ul-Mujahideen")
    assert has_rel(ex, RelType.OPERATES_IN, "Harkat-ul-Mujahideen", "Bahawalpur")
    leader = next(e for e in ex.entities if e.name == "Maulana Fazal Karim")
    assert "Fazal Karim" in leader.aliases
    assert leader.attributes.get("role") == "chief"


def test_role_title_before_name_is_not_part_of_it() -> None:
    ex = extract(
        "Jaish-e-Mohammed operational commander Mufti Abdul Basit trained recruits at Markaz Subhan Allah."
    )
    assert "Mufti Abdul Basit" in names(ex, NodeType.LEADER)
    assert not any("commander" in n.lower() for n in names(ex, NodeType.LEADER))
    assert "Markaz Subhan Allah" in names(ex, NodeType.CAMP)
    assert has_rel(ex, RelType.LEADS, "Mufti Abdul Basit", "Jaish-e-Mohammed")
    assert has_rel(ex, RelType.TRAINS_AT, "Mufti Abdul Basit", "Markaz Subhan Allah")


def test_kinship_and_membership() -> None:
    ex = extract(
        "Police named Yusuf Shah, a member of Hizbul Mujahideen, as the gunman. "
        "Yusuf Shah is the brother of Hizbul Mujahideen commander Tariq Shah."
    )
    assert has_rel(ex, RelType.MEMBER_OF, "Yusuf Shah", "Hizbul Mujahideen")
    assert has_rel(ex, RelType.LEADS, "Tariq Shah", "Hizbul Mujahideen")
    assert has_rel(ex, RelType.RELATED_TO, "Yusuf Shah", "Tariq Shah")


def test_surname_alone_never_merges_two_people() -> None:
    ex = extract(
        "Masood Azhar founded Jaish-e-Mohammed in 2000. "
        "His brother Ibrahim Azhar is a senior member of the group. "
        "Azhar was not seen in public."
    )
    people = names(ex, NodeType.LEADER)
    assert {"Masood Azhar", "Ibrahim Azhar"} <= people
    assert "Azhar" not in people
    assert has_rel(ex, RelType.LEADS, "Masood Azhar", "Jaish-e-Mohammed")


def test_short_form_joins_the_only_full_name() -> None:
    ex = extract(
        "Baitullah Mehsud formed the Tehrik-i-Taliban Pakistan in 2007. Mehsud later led attacks in Lahore."
    )
    assert names(ex, NodeType.LEADER) == {"Baitullah Mehsud"}
    group = next(e for e in ex.entities if e.type is NodeType.GROUP)
    assert group.attributes.get("founded") == "2007"


def test_coordinated_groups_acting_together_are_allies() -> None:
    ex = extract("In 2016, Lashkar-e-Taiba and Jaish-e-Mohammed carried out a joint attack on a base in Uri.")
    assert has_rel(ex, RelType.ALLIED_WITH, "Lashkar-e-Taiba", "Jaish-e-Mohammed")
    assert has_rel(ex, RelType.OPERATES_IN, "Lashkar-e-Taiba", "Uri")


def test_acronym_defined_in_text_is_the_same_group() -> None:
    ex = extract(
        "The Kashmir Liberation Brigade (KLB) is a small militant group. "
        "KLB operates in Kupwara and Baramulla."
    )
    groups = [e for e in ex.entities if e.type is NodeType.GROUP]
    assert len(groups) == 1 and "KLB" in groups[0].aliases
    assert has_rel(ex, RelType.OPERATES_IN, groups[0].name, "Kupwara")
    assert has_rel(ex, RelType.OPERATES_IN, groups[0].name, "Baramulla")


def test_gazetteer_knows_renamings_and_spellings() -> None:
    ex = extract("Jamaat-ud-Dawa fronts for LeT. The Lashkar-i-Tayyiba network recruits in Punjab.")
    group = next(e for e in ex.entities if e.type is NodeType.GROUP and "Tayyiba" in e.name)
    assert group.attributes["gazetteer"] == "Lashkar-e-Taiba"
    assert "LeT" in group.aliases or len([e for e in ex.entities if e.type is NodeType.GROUP]) == 2


def test_place_chain_and_coordinates() -> None:
    ex = extract("The drone strike hit a compound near Miranshah, North Waziristan, Pakistan.")
    assert has_rel(ex, RelType.LOCATED_IN, "Miranshah", "North Waziristan")
    assert has_rel(ex, RelType.LOCATED_IN, "North Waziristan", "Pakistan")
    place = next(e for e in ex.entities if e.name == "Pakistan")
    assert place.attributes["country"] == "Pakistan"
    assert isinstance(place.attributes["lat"], float)


def test_list_of_places_is_not_a_chain() -> None:
    ex = extract("Al-Shabaab has carried out attacks in Somalia, Kenya, Uganda and Djibouti.")
    assert not rels(ex, RelType.LOCATED_IN)
    for country in ("Somalia", "Kenya", "Uganda", "Djibouti"):
        assert has_rel(ex, RelType.OPERATES_IN, "Al-Shabaab", country)


def test_camp_named_after_place_and_training() -> None:
    ex = extract(
        "Recruits of Harkat-ul-Jihad al-Islami were trained at the Kotli camp before crossing the border."
    )
    assert "Kotli camp" in names(ex, NodeType.CAMP)
    assert has_rel(ex, RelType.TRAINS_AT, "Harkat-ul-Jihad al-Islami", "Kotli camp")
    assert has_rel(ex, RelType.LOCATED_IN, "Kotli camp", "Kotli")


def test_rivals() -> None:
    ex = extract("The Taliban clashed with Islamic State Khorasan Province fighters in Nangarhar.")
    assert has_rel(ex, RelType.RIVAL_OF, "Taliban", "Islamic State Khorasan Province")


def test_politicians_and_victims_are_not_leaders() -> None:
    ex = extract(
        "Prime Minister Imran Khan condemned the attack. "
        "Boko Haram kidnapped the journalist John Smith in Borno State."
    )
    assert not names(ex, NodeType.LEADER)
    assert "Boko Haram" in names(ex, NodeType.GROUP)


def test_states_and_armies_are_not_groups() -> None:
    ex = extract("The Pakistan Army and the Indian Air Force exchanged fire along the Line of Control.")
    assert not names(ex, NodeType.GROUP)


def test_evidence_spans_point_into_the_text() -> None:
    text = (
        "  Intro line.\n\nOn 3 March 2015 Abu Bakar Bashir, the leader of Jemaah Islamiyah, spoke in Solo.  "
    )
    ex = extract(text)
    assert ex.relations
    for rel in ex.relations:
        for span in rel.evidence:
            assert text[span.start : span.end] == span.sentence
            assert 0.0 < span.confidence <= 1.0 and span.method
    lead = next(r for r in ex.relations if r.type is RelType.LEADS)
    assert lead.evidence[0].date == "2015-03-03"


def test_extract_many_matches_extract() -> None:
    texts = ["Hamas fighters clashed with Fatah al-Islam.", "", "Hezbollah operates in Lebanon."]
    many = extract_many(texts)
    assert len(many) == 3 and many[1] == Extraction()
    assert many[2] == extract(texts[2])
