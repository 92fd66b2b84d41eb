"""The network view as HTML: escaping, the embedded data, no external references, legend, caps, CSP."""

from __future__ import annotations

import json
import math
import re

import pytest

from graph.ids import entity_id, relation_id
from graph.models import Entity, Evidence, Path, Relation, Subgraph
from graph.ontology import NodeType, Reliability, RelType
from tests.viz.corpus import MARKUP_PAYLOADS, PAYLOADS
from tests.viz.htmlcheck import DATA_BLOCK, data_of, parse, without_data_and_libraries
from viz.assets import sha256_source, view_js, vis_js
from viz.payload import PHYSICS_MAX_NODES, script_json
from viz.render import render_subgraph


def ent(node_type: NodeType, name: str, **kw: object) -> Entity:
    return Entity(id=entity_id(node_type, name), type=node_type, name=name, **kw)


def rel(rel_type: RelType, a: Entity, b: Entity, sentence: str = "A sentence.", **kw: object) -> Relation:
    evidence = Evidence(
        doc_id="doc:1", sentence=sentence, start=0, end=len(sentence), doc_title="Doc", date="2020"
    )
    return Relation(
        id=relation_id(rel_type, a.id, b.id),
        type=rel_type,
        source=a.id,
        target=b.id,
        evidence=[evidence],
        **kw,
    )


def hostile_subgraph() -> Subgraph:
    group = ent(NodeType.GROUP, "Jaish-e-Mohammed")
    nodes = [group]
    edges = []
    for i, payload in enumerate(PAYLOADS):
        leader = ent(NodeType.LEADER, payload, aliases=[payload + " alias"])
        nodes.append(leader)
        evidence = Evidence(
            doc_id="doc:x",
            sentence=f"{payload} leads </script><!-- {i}",
            start=0,
            end=5,
            doc_title=payload,
            source=payload,
            date="2021",
        )
        edges.append(
            Relation(
                id=relation_id(RelType.LEADS, leader.id, group.id),
                type=RelType.LEADS,
                source=leader.id,
                target=group.id,
                evidence=[evidence],
                confidence=0.8,
            )
        )
    return Subgraph(nodes=nodes, edges=edges)


@pytest.fixture(scope="module")
def hostile_html() -> str:
    return render_subgraph(
        hostile_subgraph(),
        title=PAYLOADS[0] + " (Group)",
        focus=[entity_id(NodeType.GROUP, "Jaish-e-Mohammed")],
    )


def test_payloads_never_appear_as_markup(hostile_html: str) -> None:
    outside = without_data_and_libraries(hostile_html)
    for payload in MARKUP_PAYLOADS:
        assert payload not in outside
        assert payload not in hostile_html.replace(vis_js(), "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in outside  # the title, escaped


def test_only_our_elements_and_no_handlers(hostile_html: str) -> None:
    tags = parse(hostile_html)
    names = {tag for tag, _ in tags.tags}
    assert not names & {"img", "svg", "iframe", "object", "embed", "b", "base"}
    scripts = [attrs for tag, attrs in tags.tags if tag == "script"]
    assert len(scripts) == 3
    assert scripts[0].get("type") == "application/json"
    assert all("src" not in attrs for attrs in scripts)
    for _, attrs in tags.tags:
        assert not [name for name in attrs if name.startswith("on")]
        href = (attrs.get("href") or "").strip().lower()
        assert not href.startswith("javascript:")


def test_data_block_round_trips_and_cannot_close_its_script(hostile_html: str) -> None:
    match = DATA_BLOCK.search(hostile_html)
    assert match is not None
    block = match.group(1)
    assert "<" not in block and ">" not in block and "&" not in block
    data = json.loads(block)
    names = {info["name"] for info in data["nodeInfo"].values()}
    assert set(PAYLOADS) <= names
    sentences = [ev["sentence"] for info in data["edgeInfo"].values() for ev in info["evidence"]]
    assert any("</script><!--" in s for s in sentences)
    assert {n["label"] for n in data["nodes"]} >= set(PAYLOADS)


def test_node_ids_are_entity_ids_and_edge_ids_relation_ids(hostile_html: str) -> None:
    data = data_of(hostile_html)
    graph = hostile_subgraph()
    assert {n["id"] for n in data["nodes"]} == {n.id for n in graph.nodes}
    assert {e["id"] for e in data["edges"]} == {e.id for e in graph.edges}
    assert {(e["from"], e["to"]) for e in data["edges"]} == {(e.source, e.target) for e in graph.edges}
    assert "title" not in data["nodes"][0] and "title" not in data["edges"][0]  # tooltips are built as text


def test_nothing_points_outside_the_page(hostile_html: str) -> None:
    tags = parse(hostile_html)
    for _, attrs in tags.tags:
        for name in ("src", "href", "action"):
            value = attrs.get(name)
            if value is not None:
                assert not re.match(r"^\s*([a-z][a-z0-9+.-]*:|//)", value, re.I) or value.startswith("data:")
    assert not re.search(r"https?://", without_data_and_libraries(hostile_html))
    for url in re.findall(r"url\(([^)]*)\)", hostile_html):
        assert url.strip("\"' ").startswith("data:")
    assert 'src="' not in hostile_html.replace(vis_js(), "")


def test_standalone_file_carries_a_csp_with_the_hashes_of_its_scripts(hostile_html: str) -> None:
    tags = parse(hostile_html)
    meta = [a for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert len(meta) == 1
    policy = meta[0]["content"] or ""
    assert "default-src 'none'" in policy and "'unsafe-inline'" not in policy.split("script-src")[1]
    executable = tags.scripts[1:]
    assert executable == [vis_js(), view_js()]
    for script in executable:
        assert sha256_source(script) in policy
    assert data_of(hostile_html)["mode"] == "file"


def test_served_page_uses_the_nonce_and_no_meta_policy() -> None:
    html = render_subgraph(hostile_subgraph(), title="t", standalone=False, nonce="n0nce-abc")
    tags = parse(html)
    assert not [a for t, a in tags.tags if t == "meta" and a.get("http-equiv")]
    executable = [a for t, a in tags.tags if t == "script" and a.get("type") != "application/json"]
    assert [a.get("nonce") for a in executable] == ["n0nce-abc", "n0nce-abc"]
    assert data_of(html)["mode"] == "server"


def test_legend_lists_types_and_a_filter_per_relation_type() -> None:
    g, leader, camp = ent(NodeType.GROUP, "G"), ent(NodeType.LEADER, "L"), ent(NodeType.CAMP, "C")
    sub = Subgraph(
        nodes=[g, leader, camp], edges=[rel(RelType.LEADS, leader, g), rel(RelType.TRAINS_AT, g, camp)]
    )
    html = render_subgraph(sub, title="legend")
    tags = parse(html)
    boxes = sorted(a["data-rel"] or "" for t, a in tags.tags if t == "input" and "data-rel" in a)
    assert boxes == ["LEADS", "TRAINS_AT"]
    legend = html[html.index('aria-label="Legend"') :]
    for node_type in ("Group", "Leader", "Camp"):
        assert f"mkg-t-{node_type}" in legend
    assert "mkg-t-Place" not in legend
    assert "dashed" in legend


def test_style_follows_type_and_confidence() -> None:
    g, h = ent(NodeType.GROUP, "G"), ent(NodeType.GROUP, "H")
    leader = ent(NodeType.LEADER, "L")
    weak = rel(RelType.ALLIED_WITH, g, h, confidence=0.4)
    doubtful = rel(RelType.MEMBER_OF, leader, h, confidence=0.9, credibility=5)
    firm = rel(RelType.LEADS, leader, g, confidence=0.9, credibility=2, reliability=Reliability.A)
    data = data_of(render_subgraph(Subgraph(nodes=[g, h, leader], edges=[weak, doubtful, firm]), title="s"))
    edges = {e["id"]: e for e in data["edges"]}
    assert edges[weak.id]["dashes"] and edges[doubtful.id]["dashes"] and not edges[firm.id]["dashes"]
    assert not edges[weak.id]["arrows"]["to"]["enabled"]  # symmetric
    assert edges[firm.id]["arrows"]["to"]["enabled"]
    assert edges[weak.id]["color"]["color"] != edges[firm.id]["color"]["color"]
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes[g.id]["shape"] != nodes[leader.id]["shape"]
    assert nodes[g.id]["color"]["background"] == nodes[h.id]["color"]["background"]
    assert nodes[g.id]["size"] == nodes[h.id]["size"] == nodes[leader.id]["size"]  # all degree 2
    info = data["edgeInfo"][firm.id]
    assert info["evidence"][0] == {
        "sentence": "A sentence.",
        "docId": "doc:1",
        "docTitle": "Doc",
        "date": "2020",
        "source": None,
        "reliability": None,
        "confidence": 0.5,
    }
    assert info["reliability"] == "A" and info["credibility"] == 2


def test_size_grows_with_degree() -> None:
    hub = ent(NodeType.GROUP, "Hub")
    spokes = [ent(NodeType.LEADER, f"L{i}") for i in range(4)]
    sub = Subgraph(nodes=[hub, *spokes], edges=[rel(RelType.MEMBER_OF, s, hub) for s in spokes])
    nodes = {n["id"]: n for n in data_of(render_subgraph(sub, title="d"))["nodes"]}
    assert nodes[hub.id]["size"] > nodes[spokes[0].id]["size"]


def test_cap_keeps_focus_and_best_connected_and_says_so() -> None:
    hub = ent(NodeType.GROUP, "Hub")
    leaves = [ent(NodeType.PLACE, f"P{i:02d}") for i in range(10)]
    lonely = ent(NodeType.CAMP, "Lonely")
    sub = Subgraph(nodes=[*leaves, hub, lonely], edges=[rel(RelType.OPERATES_IN, hub, p) for p in leaves])
    html = render_subgraph(sub, title="cap", max_nodes=4, focus=[lonely.id])
    data = data_of(html)
    ids = [n["id"] for n in data["nodes"]]
    assert len(ids) == 4 and lonely.id in ids and hub.id in ids
    assert len(data["edges"]) == 2 and all(e["from"] in ids and e["to"] in ids for e in data["edges"])
    assert "Showing 4 of 12 entities" in html
    assert "best-connected of 12" in html
    assert "weaker relations" not in html  # the edges left out went with their nodes


def test_edges_are_capped_too_weakest_first() -> None:
    a, b = ent(NodeType.LEADER, "A"), ent(NodeType.LEADER, "B")
    edges = [
        rel(RelType.RELATED_TO, a, b, confidence=i / 20).model_copy(update={"id": f"rel:{i:02d}"})
        for i in range(12)
    ]
    html = render_subgraph(Subgraph(nodes=[a, b], edges=edges), title="many", max_nodes=2)
    kept = {e["id"] for e in data_of(html)["edges"]}
    assert kept == {f"rel:{i:02d}" for i in range(4, 12)}  # 4 per node, the most confident
    assert "Capped: 4 weaker relations" in html


def test_truncated_query_and_total_are_reported() -> None:
    a, b = ent(NodeType.GROUP, "A"), ent(NodeType.GROUP, "B")
    sub = Subgraph(nodes=[a, b], edges=[rel(RelType.RIVAL_OF, a, b)], truncated=True)
    html = render_subgraph(sub, title="t", total_nodes=50)
    assert "Showing 2 of 50 entities" in html
    assert "stopped at its limit" in html


def test_dangling_and_duplicate_items_are_dropped() -> None:
    a, b = ent(NodeType.GROUP, "A"), ent(NodeType.GROUP, "B")
    ghost = ent(NodeType.GROUP, "Ghost")
    sub = Subgraph(
        nodes=[a, b, a],
        edges=[rel(RelType.RIVAL_OF, a, b), rel(RelType.RIVAL_OF, a, b), rel(RelType.ALLIED_WITH, a, ghost)],
    )
    data = data_of(render_subgraph(sub, title="t"))
    assert len(data["nodes"]) == 2 and len(data["edges"]) == 1


def test_parallel_relations_between_two_entities_are_both_drawn() -> None:
    leader, group = ent(NodeType.LEADER, "L"), ent(NodeType.GROUP, "G")
    sub = Subgraph(
        nodes=[leader, group],
        edges=[rel(RelType.LEADS, leader, group), rel(RelType.MEMBER_OF, leader, group)],
    )
    assert len(data_of(render_subgraph(sub, title="t"))["edges"]) == 2


def test_large_views_get_server_positions_and_no_physics() -> None:
    n = PHYSICS_MAX_NODES + 50
    nodes = [ent(NodeType.PLACE, f"Place {i}") for i in range(n)]
    edges = [
        rel(RelType.LOCATED_IN, nodes[i], nodes[(i * 7 + 1) % n]) for i in range(n) if i != (i * 7 + 1) % n
    ]
    data = data_of(render_subgraph(Subgraph(nodes=nodes, edges=edges), title="big"))
    assert data["physics"] is False and data["options"]["physics"]["enabled"] is False
    points = [(node["x"], node["y"]) for node in data["nodes"]]
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in points)
    assert len(set(points)) == n
    small = data_of(render_subgraph(Subgraph(nodes=nodes[:10], edges=[]), title="small"))
    assert small["physics"] is True


def test_path_highlight_and_steps() -> None:
    a, g, b = ent(NodeType.LEADER, "A"), ent(NodeType.GROUP, "G"), ent(NodeType.GROUP, "H")
    first, second = rel(RelType.LEADS, a, g), rel(RelType.ALLIED_WITH, g, b)
    path = Path(nodes=[a, g, b], edges=[first, second])
    html = render_subgraph(
        Subgraph(nodes=[a, g, b], edges=[first, second]),
        title="path",
        focus=[a.id, b.id],
        highlight_path=True,
        paths=[path],
        standalone=False,
        nonce="x",
    )
    data = data_of(html)
    assert all(e["width"] >= 5 and e["shadow"]["enabled"] for e in data["edges"])
    borders = {n["id"]: n["borderWidth"] for n in data["nodes"]}
    assert borders[a.id] > borders[g.id] and borders[b.id] > borders[g.id]
    steps = html[html.index('aria-label="Paths"') :]
    assert steps.index(">A<") < steps.index("LEADS") < steps.index(">G<") < steps.index("ALLIED_WITH")


def test_entity_view_lists_its_relations_by_type() -> None:
    g = ent(NodeType.GROUP, "G")
    leader, camp = ent(NodeType.LEADER, "<b>L</b>"), ent(NodeType.CAMP, "C")
    leads, trains = rel(RelType.LEADS, leader, g), rel(RelType.TRAINS_AT, g, camp)
    html = render_subgraph(
        Subgraph(nodes=[g, leader, camp], edges=[leads, trains]), title="G", focus=[g.id], standalone=False
    )
    start = html.index('aria-label="Relations"')
    section = html[start : html.index("</section>", start)]
    assert f'data-edge="{leads.id}"' in section and f'data-edge="{trains.id}"' in section
    assert "&lt;b&gt;L&lt;/b&gt;" in section and "<b>" not in section
    assert 'href="/views/entity/leader%3Ab-l-b"' in section
    assert 'name="from" value="group:g"' in html


def test_script_json_escapes_everything_that_could_end_a_script() -> None:
    text = script_json({"a": "</script><!--<script>&\u2028\u2029"})
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(text) == {"a": "</script><!--<script>&\u2028\u2029"}


def test_rendering_is_deterministic() -> None:
    assert render_subgraph(hostile_subgraph(), title="x") == render_subgraph(hostile_subgraph(), title="x")
