"""The served views in real headless Chromium, against a live uvicorn over a real SQLite store.

Each test: the page loads with no console error and no request leaving 127.0.0.1, the canvas holds
the expected nodes (read from the vis DataSet), clicks do what they should, and the hostile names
and sentences in the store run nothing. A screenshot of each view goes to test-artifacts/.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest

from api.app import create_app
from graph.ontology import NodeType, RelType
from graph.open import open_store
from graph.settings import Settings
from graph.store import GraphStore
from tests.viz import corpus
from tests.viz.browser import (
    NODE_IDS_JS,
    NODE_POINT_JS,
    VISIBLE_EDGES_JS,
    Watch,
    assert_nothing_injected,
    chromium,
    click_edge,
    click_node,
    live_server,
    screenshot,
    wait_ready,
)
from viz.style import is_doubtful

pytestmark = pytest.mark.browser

VIEW_SCRIPTS = 3  # the JSON data block, vis-network, our view code


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    path = tmp_path_factory.mktemp("views") / "views.db"
    opened = open_store(str(path), Settings(store=str(path)))
    corpus.load(opened)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def base_url(store: GraphStore) -> Iterator[str]:
    settings = Settings(store="unused.db", rate_limit_per_minute=1_000_000)
    with live_server(create_app(settings, store)) as url:
        yield url


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as ctx:
        yield ctx


@pytest.fixture
def page(context: Any, base_url: str) -> Iterator[tuple[Any, Watch]]:
    opened = context.new_page()
    watch = Watch()
    watch.attach(opened)
    yield opened, watch
    opened.close()
    watch.assert_clean(base_url + "/")


def entity_url(base_url: str, entity_id: str, hops: int = 1) -> str:
    return f"{base_url}/views/entity/{quote(entity_id, safe='')}?hops={hops}"


def test_home_lists_the_graph_and_links_to_views(page: tuple[Any, Watch], base_url: str) -> None:
    tab, _ = page
    tab.goto(base_url + "/")
    assert tab.locator("h1").inner_text() == "What is in the graph"
    groups = tab.locator("section[aria-label='Most connected groups'] a.mkg-entity").all_inner_texts()
    assert "Jaish-e-Mohammed" in groups
    assert corpus.PAYLOADS[0] in groups  # shown as text, not markup
    assert_nothing_injected(tab, scripts=0)
    screenshot(tab, "view-home")
    tab.get_by_role("link", name="Jaish-e-Mohammed", exact=True).first.click()
    tab.wait_for_url(entity_url(base_url, corpus.JEM).replace("?hops=1", ""))
    wait_ready(tab)
    assert tab.locator("h1").inner_text() == "Jaish-e-Mohammed (Group)"


def test_entity_view_shows_leaders_camps_allies_and_evidence(page: tuple[Any, Watch], base_url: str) -> None:
    tab, _ = page
    tab.goto(entity_url(base_url, corpus.JEM))
    wait_ready(tab)
    assert set(tab.evaluate(NODE_IDS_JS)) == corpus.neighbours("Jaish-e-Mohammed")
    relations = tab.locator("section[aria-label='Relations']")
    for heading in ("LEADS", "TRAINS_AT", "ALLIED_WITH"):
        assert relations.get_by_role("heading", name=heading).count() == 1
    for name in ("Masood Azhar", "Markaz Subhan Allah", "Balakot camp", "Taliban", "Lashkar-e-Taiba"):
        assert relations.get_by_role("link", name=name, exact=True).count() == 1

    leads = next(f for f in corpus.FACTS if f.source == "Masood Azhar")
    click_edge(tab, leads.id)
    panel = tab.locator("#mkg-panel-body")
    assert leads.sentence in panel.inner_text()
    assert "Notes on Jaish-e-Mohammed" in panel.inner_text()
    assert "2019-02" in panel.inner_text()
    screenshot(tab, "view-entity")
    assert_nothing_injected(tab, scripts=VIEW_SCRIPTS)

    click_node(tab, corpus.eid("Masood Azhar"))
    tab.wait_for_url(entity_url(base_url, corpus.eid("Masood Azhar")).replace("?hops=1", ""))
    wait_ready(tab)
    assert tab.locator("h1").inner_text() == "Masood Azhar (Leader)"


def test_relation_filter_hides_edges_of_a_type(page: tuple[Any, Watch], base_url: str) -> None:
    tab, _ = page
    tab.goto(entity_url(base_url, corpus.JEM))
    wait_ready(tab)
    before = tab.evaluate(VISIBLE_EDGES_JS)
    trains = sum(
        1
        for f in corpus.FACTS
        if f.type is RelType.TRAINS_AT and corpus.JEM in (corpus.eid(f.source), corpus.eid(f.target))
    )
    tab.locator("input[data-rel='TRAINS_AT']").uncheck()
    assert tab.evaluate(VISIBLE_EDGES_JS) == before - trains
    tab.locator("input[data-rel='TRAINS_AT']").check()
    assert tab.evaluate(VISIBLE_EDGES_JS) == before


def test_hostile_names_and_sentences_run_nothing(page: tuple[Any, Watch], base_url: str) -> None:
    tab, watch = page
    tab.goto(entity_url(base_url, corpus.HOSTILE_GROUP, hops=2))
    wait_ready(tab)
    drawn = set(tab.evaluate(NODE_IDS_JS))
    assert {corpus.eid(p) for p in corpus.PAYLOADS} <= drawn
    labels = tab.evaluate("window.mkgNodes.get().map(n => n.label)")
    assert set(corpus.PAYLOADS) <= set(labels)  # drawn as text on the canvas
    hostile = [f for f in corpus.FACTS if f.source in corpus.PAYLOADS or f.target in corpus.PAYLOADS]
    for fact in hostile:
        tab.evaluate("(id) => window.mkgShowEdge(id)", fact.id)
        assert fact.sentence in tab.locator("#mkg-panel-body").inner_text()
    for node_id in drawn:  # hovering builds each tooltip
        point = tab.evaluate(NODE_POINT_JS, node_id)
        tab.mouse.move(point["pageX"], point["pageY"])
        tab.wait_for_timeout(150)
    tab.locator("section[aria-label='Relations'] button[data-edge]").first.click()
    screenshot(tab, "view-entity-hostile")
    assert_nothing_injected(tab, scripts=VIEW_SCRIPTS)
    assert watch.dialogs == []


def test_path_view_highlights_the_connection(page: tuple[Any, Watch], base_url: str) -> None:
    tab, _ = page
    tab.goto(f"{base_url}/views/path?from={quote('Masood Azhar')}&to={quote('Hafiz Saeed')}")
    wait_ready(tab)
    expected = {corpus.eid(n) for n in ("Masood Azhar", "Jaish-e-Mohammed", "Lashkar-e-Taiba", "Hafiz Saeed")}
    assert set(tab.evaluate(NODE_IDS_JS)) == expected
    steps = tab.locator("section[aria-label='Paths'] li").first.inner_text()
    assert steps.index("Masood Azhar") < steps.index("Jaish-e-Mohammed") < steps.index("Hafiz Saeed")
    widths = tab.evaluate("window.mkgEdges.get().map(e => e.width)")
    assert len(widths) == 3 and min(widths) >= 5
    screenshot(tab, "view-path")
    click_node(tab, corpus.eid("Lashkar-e-Taiba"))
    tab.wait_for_url(f"{base_url}/views/entity/{quote(corpus.eid('Lashkar-e-Taiba'), safe='')}")
    wait_ready(tab)


def test_path_form_from_an_entity_view(page: tuple[Any, Watch], base_url: str) -> None:
    tab, _ = page
    tab.goto(entity_url(base_url, corpus.eid("Masood Azhar")))
    wait_ready(tab)
    form = tab.locator("section[aria-label='Connect'] form")
    form.locator("input[name='to']").fill("Syed Salahuddin")
    form.locator("button").click()
    tab.wait_for_url("**/views/path?**")
    wait_ready(tab)
    assert corpus.eid("Syed Salahuddin") in tab.evaluate(NODE_IDS_JS)
    assert tab.locator("section[aria-label='Paths'] li").count() >= 1


def test_network_view_draws_every_connected_entity(page: tuple[Any, Watch], base_url: str) -> None:
    tab, _ = page
    tab.goto(base_url + "/views/network")
    wait_ready(tab)
    expected = {corpus.eid(n) for n in corpus.ENTITIES}
    assert set(tab.evaluate(NODE_IDS_JS)) == expected
    assert tab.evaluate("window.mkgEdges.length") == len(corpus.FACTS)
    screenshot(tab, "view-network")
    click_node(tab, corpus.JEM)
    tab.wait_for_url(f"{base_url}/views/entity/{quote(corpus.JEM, safe='')}")


def test_alliance_map_keeps_groups_and_alliances(
    page: tuple[Any, Watch], base_url: str, store: GraphStore
) -> None:
    tab, _ = page
    tab.goto(f"{base_url}/views/network?type=Group&rel=ALLIED_WITH&rel=RIVAL_OF")
    wait_ready(tab)
    facts = corpus.facts_between({NodeType.GROUP}, {RelType.ALLIED_WITH, RelType.RIVAL_OF})
    expected = {corpus.eid(f.source) for f in facts} | {corpus.eid(f.target) for f in facts}
    assert set(tab.evaluate(NODE_IDS_JS)) == expected
    assert set(tab.evaluate("window.mkgEdges.getIds()")) == {f.id for f in facts}
    assert tab.locator("h1").inner_text() == "Alliance map"
    dashed = tab.evaluate("window.mkgEdges.get().filter(e => e.dashes).map(e => e.id)")
    assert set(dashed) == {f.id for f in facts if is_doubtful(store.get_relation(f.id))}
    assert dashed, "the corpus has a low-confidence alliance"
    screenshot(tab, "view-alliance-map")


def test_search_page_links_to_entity_views(page: tuple[Any, Watch], base_url: str) -> None:
    tab, _ = page
    tab.goto(base_url + "/")
    tab.locator("header input[name='q']").fill("Lashkar")
    tab.locator("header form button").click()
    tab.wait_for_url("**/views/search?q=Lashkar")
    tab.get_by_role("link", name="Lashkar-e-Taiba", exact=True).click()
    tab.wait_for_url(f"{base_url}/views/entity/{quote(corpus.eid('Lashkar-e-Taiba'), safe='')}")
    wait_ready(tab)
    screenshot(tab, "view-search-then-entity")


def test_newcomer_journey_home_to_evidence_to_path(page: tuple[Any, Watch], base_url: str) -> None:
    """The issue's "done when": home -> Jaish-e-Mohammed -> its leaders, camps, allies -> the sentence
    behind an edge -> a path to another entity."""
    tab, _ = page
    tab.goto(base_url + "/")
    tab.get_by_role("link", name="Jaish-e-Mohammed", exact=True).first.click()
    wait_ready(tab)
    relations = tab.locator("section[aria-label='Relations']")
    assert relations.get_by_role("link", name="Masood Azhar", exact=True).count() == 1  # leader
    assert relations.get_by_role("link", name="Balakot camp", exact=True).count() == 1  # camp
    assert relations.get_by_role("link", name="Taliban", exact=True).count() == 1  # ally

    alliance = next(f for f in corpus.FACTS if {f.source, f.target} == {"Jaish-e-Mohammed", "Taliban"})
    click_edge(tab, alliance.id)
    panel = tab.locator("#mkg-panel-body")
    assert f"\u201c{alliance.sentence}\u201d" in panel.inner_text()
    document_link = panel.get_by_role("link", name=corpus.REPORTS[0].title)
    assert document_link.get_attribute("href", timeout=1000).startswith("/documents/doc%3A")

    form = tab.locator("section[aria-label='Connect'] form")
    form.locator("input[name='to']").fill("Hafiz Saeed")
    form.locator("button").click()
    tab.wait_for_url("**/views/path?**")
    wait_ready(tab)
    steps = tab.locator("section[aria-label='Paths'] li").first.inner_text()
    assert "Jaish-e-Mohammed" in steps and "Lashkar-e-Taiba" in steps and "Hafiz Saeed" in steps
    screenshot(tab, "view-journey-path")
