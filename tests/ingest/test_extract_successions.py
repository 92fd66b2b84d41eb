"""Leadership handed on between two people named in one sentence. Sentences written for these tests."""

from __future__ import annotations

from graph.ontology import RelType
from ingest.extract import extract
from tests.ingest.readers import rels


def test_a_leaders_predecessor_led_the_same_group() -> None:
    ex = extract(
        "Al-Shabaab has been led since 2014 by Ahmed Diriye, who took over after his predecessor, "
        "Ahmed Abdi Godane, was killed in an air strike."
    )
    assert {("Ahmed Diriye", "Al-Shabaab"), ("Ahmed Abdi Godane", "Al-Shabaab")} <= rels(ex, RelType.LEADS)


def test_his_successor_named_after_a_leader_leads_the_group_too() -> None:
    ex = extract(
        "Hakimullah Mehsud led the Pakistani Taliban until 2013, when his successor, Mullah Fazlullah, "
        "was chosen by the shura."
    )
    assert {
        ("Hakimullah Mehsud", "Pakistani Taliban"),
        ("Mullah Fazlullah", "Pakistani Taliban"),
    } <= rels(ex, RelType.LEADS)
