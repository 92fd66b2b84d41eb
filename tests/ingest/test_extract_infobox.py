"""Encyclopedia infoboxes copied as text: labels glued to their values ('LeadersAbdulqadir Mumin'),
multi-valued fields continued on the next lines, and the prose after a blank line. Text written for
these tests."""

from __future__ import annotations

from graph.ontology import NodeType, RelType
from ingest.extract import extract
from ingest.nlp import load_pipeline
from tests.ingest.readers import rels as rels_of

_PAGE = """The Islamic State – Somalia Province is a branch of the Islamic State.

Islamic State – Somalia Province
LeadersAbdulqadir Mumin (emir)
Abdirahman Fahiye Isse Mohamud (deputy emir)
HeadquartersCal Miskaad mountains, Bari, Puntland
Active regionsPuntland
Mogadishu (cells)
OpponentsAl-Shabaab

The group is active in Puntland."""


def rels(kind: RelType) -> set[tuple[str, str]]:
    return {(r.source, r.target) for r in extract(_PAGE).relations if r.type is kind}


def test_a_glued_label_comes_off_its_value_in_the_tokenizer() -> None:
    doc = load_pipeline()("LeadersAbdulqadir Mumin (emir)\nActive regionsPuntland")
    words = [t.text for t in doc]
    assert words[:3] == ["Leaders", "Abdulqadir", "Mumin"]
    assert "regions" in words and "Puntland" in words


def test_every_line_of_a_leaders_field_leads_the_page_group() -> None:
    leads = rels(RelType.LEADS)
    assert ("Abdulqadir Mumin", "Islamic State – Somalia Province") in leads
    assert ("Abdirahman Fahiye Isse Mohamud", "Islamic State – Somalia Province") in leads


def test_place_fields_and_their_continuation_lines_are_where_the_group_operates() -> None:
    operates = rels(RelType.OPERATES_IN)
    assert {
        ("Islamic State – Somalia Province", p) for p in ("Cal Miskaad mountains", "Mogadishu")
    } <= operates


def test_a_glued_label_is_not_part_of_a_name_and_a_place_is_one_entity() -> None:
    ex = extract(_PAGE)
    places = [e.name for e in ex.entities if e.type is NodeType.PLACE]
    assert "Cal Miskaad mountains" in places
    assert places.count("Puntland") == 1
    assert not any(name.startswith(("Headquarters", "Leaders")) for name in places)


def test_an_opponents_field_is_a_rivalry_and_stops_at_the_blank_line() -> None:
    ex = extract(_PAGE)
    rival = next(r for r in ex.relations if r.type is RelType.RIVAL_OF)
    assert {rival.source, rival.target} == {"Islamic State – Somalia Province", "Al-Shabaab"}
    assert rival.evidence[0].sentence == "OpponentsAl-Shabaab"


_TABBED_PAGE = """The Jund al-Haqq Front is an armed group that broke away from Ansar Dine.
Ansar Dine is the larger group and dominates the region; Ansar Dine fighters outnumber the Front's.

Jund al-Haqq Front
Leaders\tHamadou Kone
Founded\t2016
Area of operations\tMopti, Segou (Mali)
Allies\tKatiba Macina
"""


def test_a_box_copied_with_tabs_is_about_the_group_titled_above_it() -> None:
    ex = extract(_TABBED_PAGE)
    operates = {(r.source, r.target) for r in ex.relations if r.type is RelType.OPERATES_IN}
    assert ("Jund al-Haqq Front", "Mopti") in operates
    assert ("Ansar Dine", "Mopti") not in operates
    allied = {frozenset((r.source, r.target)) for r in ex.relations if r.type is RelType.ALLIED_WITH}
    assert frozenset(("Jund al-Haqq Front", "Katiba Macina")) in allied


def test_a_field_line_the_sentence_splitter_cut_keeps_its_field() -> None:
    ex = extract(
        "National Democratic Front of Bodoland\n"
        "Founded: 3 October 1986\n"
        "Area of operations: Kokrajhar, Chirang and Udalguri districts (Bodoland Territorial Region), "
        "Sonitpur; Bhutan; Myanmar\n"
    )
    operates = rels_of(ex, RelType.OPERATES_IN)
    group = "National Democratic Front of Bodoland"
    assert {(group, "Bhutan"), (group, "Myanmar"), (group, "Kokrajhar")} <= operates
    located = rels_of(ex, RelType.LOCATED_IN)
    region = "Bodoland Territorial Region"
    assert {("Kokrajhar", region), ("Udalguri", region)} <= located


def test_no_field_line_lets_the_parser_start_a_sentence_at_its_colon() -> None:
    nlp = load_pipeline()
    text = (
        "Katiba Serma\nAllies: Ansarul Islam; Katiba Macina\n"
        "Opponents: Malian Armed Forces; Islamic State in the Greater Sahara\n"
    )
    with nlp.select_pipes(disable=["parser"]):  # what the reader fixes before the parser decides the rest
        doc = nlp(text)
    colons = [t for t in doc if t.text == ":"]
    assert len(colons) == 2
    assert all(t.is_sent_start is False and t.nbor().is_sent_start is False for t in colons)
