"""Home, search and message pages: escaped, linked to entity views, no script at all."""

from __future__ import annotations

from graph.ids import entity_id
from graph.models import DocumentSummary, Entity, Stats
from graph.ontology import NodeType, Reliability
from tests.viz.corpus import MARKUP_PAYLOADS, PAYLOADS
from tests.viz.htmlcheck import parse
from viz.pages import render_home, render_message, render_search


def entity(node_type: NodeType, name: str, degree: int) -> Entity:
    return Entity(
        id=entity_id(node_type, name), type=node_type, name=name, degree=degree, aliases=[name + "!"]
    )


def assert_inert(html: str) -> None:
    for payload in MARKUP_PAYLOADS:
        assert payload not in html
    tags = parse(html)
    assert not [t for t, _ in tags.tags if t in ("script", "img", "svg", "iframe")]
    for _, attrs in tags.tags:
        assert not [a for a in attrs if a.startswith("on")]
        assert not (attrs.get("href") or "").lower().startswith("javascript:")
    assert "http://" not in html and "https://" not in html


def home() -> str:
    stats = Stats(store="sqlite", documents=2, entities={"Group": 3, "Leader": 1}, relations={"LEADS": 1})
    groups = [entity(NodeType.GROUP, "Jaish-e-Mohammed", 9), entity(NodeType.GROUP, PAYLOADS[0], 2)]
    leaders = [entity(NodeType.LEADER, PAYLOADS[1], 1)]
    docs = [
        DocumentSummary(
            id="doc:abc", title=PAYLOADS[2], source=PAYLOADS[3], date="2020", reliability=Reliability.B
        ),
        DocumentSummary(id="doc:def", filename="report.txt"),
    ]
    return render_home(stats, groups, leaders, docs, nonce="abc")


def test_home_shows_counts_links_and_documents() -> None:
    html = home()
    assert_inert(html)
    assert "2 documents, 4 entities and 1 relations" in html
    assert 'href="/views/entity/group%3Ajaish-e-mohammed">Jaish-e-Mohammed</a>' in html
    assert (
        'href="/views/entity/group%3Ascript-alert-1-script">&lt;script&gt;alert(1)&lt;/script&gt;</a>' in html
    )
    assert 'href="/documents/doc%3Aabc"' in html and "report.txt" in html
    assert 'action="/views/search"' in html and 'action="/views/path"' in html
    assert "/views/network?type=Group&amp;rel=ALLIED_WITH&amp;rel=RIVAL_OF" in html


def test_search_results_link_each_entity() -> None:
    results = [entity(NodeType.CAMP, PAYLOADS[2], 3), entity(NodeType.PLACE, PAYLOADS[4], 0)]
    html = render_search(PAYLOADS[0], results, total=7)
    assert_inert(html)
    assert "Showing 2 of 7 matches" in html
    assert 'href="/views/entity/place%3Ajavascript-alert-1"' in html


def test_message_lists_candidates_and_keeps_the_form() -> None:
    candidates = [{"id": "group:a", "type": "Group", "name": PAYLOADS[0]}]
    html = render_message("Which one?", PAYLOADS[1], candidates=candidates, path_form=(PAYLOADS[3], "x"))
    assert_inert(html)
    assert 'href="/views/entity/group%3Aa"' in html
    assert 'name="from" value="&lt;a href=x&gt;"' in html
