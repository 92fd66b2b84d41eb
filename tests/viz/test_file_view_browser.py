"""A view written to a file (as `mkg view` does), opened from disk in headless Chromium: no server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.models import Entity, Evidence, Relation, Subgraph
from graph.ontology import NodeType, RelType
from tests.viz import corpus
from tests.viz.browser import (
    NODE_IDS_JS,
    Watch,
    assert_nothing_injected,
    chromium,
    click_edge,
    click_node,
    screenshot,
    wait_ready,
)
from viz.render import render_subgraph

pytestmark = pytest.mark.browser


def corpus_subgraph() -> Subgraph:
    """Every entity and fact of the test corpus, as a store would return them."""
    nodes = [
        Entity(id=corpus.eid(name), type=t, name=name, aliases=list(a))
        for name, (t, a) in corpus.ENTITIES.items()
    ]
    edges = []
    for report in corpus.REPORTS:
        for fact in report.facts:
            evidence = Evidence(
                doc_id=f"doc:{report.key}",
                sentence=fact.sentence,
                start=0,
                end=len(fact.sentence),
                doc_title=report.title,
                date=report.date,
                source=report.source,
                confidence=fact.confidence,
            )
            edges.append(
                Relation(
                    id=fact.id,
                    type=fact.type,
                    source=corpus.eid(fact.source),
                    target=corpus.eid(fact.target),
                    confidence=fact.confidence,
                    n_documents=1,
                    evidence=[evidence],
                )
            )
    return Subgraph(nodes=nodes, edges=edges)


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as ctx:
        yield ctx


def open_file(context: Any, path: Path) -> tuple[Any, Watch]:
    page = context.new_page()
    watch = Watch()
    watch.attach(page)
    page.goto(path.as_uri())
    wait_ready(page)
    return page, watch


def test_file_view_works_offline_and_clicks_open_panels(context: Any, tmp_path: Path) -> None:
    path = tmp_path / "jem.html"
    path.write_text(render_subgraph(corpus_subgraph(), title=corpus.PAYLOADS[0], focus=[corpus.JEM]), "utf-8")
    page, watch = open_file(context, path)
    assert set(page.evaluate(NODE_IDS_JS)) == {corpus.eid(n) for n in corpus.ENTITIES}
    assert page.locator("h1").inner_text() == corpus.PAYLOADS[0]

    click_node(page, corpus.eid("Masood Azhar"))
    page.wait_for_timeout(200)
    assert page.url == path.as_uri()  # a file has no entity pages to go to: the panel opens instead
    panel = page.locator("#mkg-panel-body")
    assert panel.locator("h2").inner_text() == "Masood Azhar"
    assert "Maulana Masood Azhar" in panel.inner_text()

    hostile = next(f for f in corpus.FACTS if f.source == corpus.PAYLOADS[1])
    click_edge(page, hostile.id)
    assert hostile.sentence in panel.inner_text()
    assert corpus.REPORTS[2].title in panel.inner_text()
    screenshot(page, "file-view")
    assert_nothing_injected(page, scripts=3)
    page.close()
    watch.assert_clean(path.as_uri())


def test_large_file_view_draws_every_node_without_physics(context: Any, tmp_path: Path) -> None:
    n = 1500
    nodes = [Entity(id=f"place:p{i}", type=NodeType.PLACE, name=f"Place {i}") for i in range(n)]
    edges = [
        Relation(
            id=f"rel:{i}",
            type=RelType.LOCATED_IN,
            source=nodes[i].id,
            target=nodes[(i * 31 + 7) % n].id,
            evidence=[Evidence(doc_id="doc:1", sentence=f"Sentence {i}.", start=0, end=10)],
        )
        for i in range(n)
        if (i * 31 + 7) % n != i
    ]
    path = tmp_path / "big.html"
    path.write_text(render_subgraph(Subgraph(nodes=nodes, edges=edges), title="big", max_nodes=1000), "utf-8")
    page, watch = open_file(context, path)
    assert page.evaluate("window.mkgNodes.length") == 1000
    assert page.evaluate("window.mkgNetwork.physics.options.enabled") is False
    assert "Showing 1000 of 1500 entities" in page.locator("#mkg-caption").inner_text()
    screenshot(page, "file-view-large")
    page.close()
    watch.assert_clean(path.as_uri())
