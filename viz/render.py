"""Subgraph -> one self-contained HTML page: the interactive network, its legend and evidence panel."""

from __future__ import annotations

from collections import Counter
from typing import Any

from graph.models import Path, Subgraph
from graph.ontology import NodeType, RelType
from graph.settings import get_settings
from viz.assets import view_js, vis_css, vis_js
from viz.payload import (
    PHYSICS_MAX_NODES,
    Selection,
    build_network,
    edge_info,
    node_info,
    script_json,
    select,
    vis_options,
)
from viz.style import EDGE_STYLES, LOW_CONFIDENCE, NODE_STYLES
from viz.templating import DOCUMENT_URL, ENTITY_URL, entity_href, page_context, render_page

EDGES_PER_NODE_CAP = 4  # a view sends at most this many edges per node it shows


def render_subgraph(
    subgraph: Subgraph,
    *,
    title: str,
    focus: list[str] | None = None,
    highlight_path: bool = False,
    standalone: bool = True,
    nonce: str | None = None,
    max_nodes: int | None = None,
    total_nodes: int | None = None,
    paths: list[Path] | None = None,
    notes: list[str] | None = None,
    actions: list[tuple[str, str]] | None = None,
    max_evidence: int = 5,
) -> str:
    """The page for one subgraph.

    standalone: a file that works opened from disk (CSP in a <meta> tag, node clicks open a panel);
    otherwise a page served under /views/ (CSP sent as a header with `nonce`, node clicks navigate).
    highlight_path: every edge is part of a path between the focus nodes, drawn bold.
    max_nodes: cap on nodes drawn (default: settings.view_max_nodes).
    total_nodes: how many nodes matched before the caller's own limit, for "showing N of M".
    """
    focus = focus or []
    max_nodes = max_nodes or get_settings().view_max_nodes
    sel = select(subgraph, max_nodes=max_nodes, max_edges=max_nodes * EDGES_PER_NODE_CAP, focus=focus)
    highlighted = {e.id for e in sel.edges} if highlight_path else set()
    vis_nodes, vis_edges = build_network(sel, highlight_edges=highlighted)
    data = {
        "mode": "file" if standalone else "server",
        "entityUrl": ENTITY_URL,
        "documentUrl": DOCUMENT_URL,
        "physics": len(vis_nodes) <= PHYSICS_MAX_NODES,
        "nodes": vis_nodes,
        "edges": vis_edges,
        "nodeInfo": node_info(sel),
        "edgeInfo": edge_info(sel, max_evidence),
        "options": vis_options(len(vis_nodes), len(vis_edges)),
    }
    context = page_context(title=title, served=not standalone, nonce=nonce)
    context.update(
        caption=caption(sel, total_nodes),
        notes=[*(notes or []), *cap_notes(sel, subgraph.truncated, total_nodes)],
        actions=actions or [],
        n_nodes=len(vis_nodes),
        n_edges=len(vis_edges),
        node_legend=node_legend(sel),
        edge_legend=edge_legend(sel),
        low_confidence=LOW_CONFIDENCE,
        paths=[path_steps(p) for p in paths or []],
        **focus_context(sel, highlight_path),
        data_json=script_json(data),
        vis_css=vis_css(),
        vis_js=vis_js(),
        view_js=view_js(),
    )
    return render_page("view.html", context)


def caption(sel: Selection, total_nodes: int | None) -> str:
    total = max(total_nodes or 0, sel.total_nodes)
    shown = len(sel.nodes)
    entities = f"Showing {shown} of {total} entities" if shown < total else f"{shown} entities"
    return f"{entities} and {len(sel.edges)} relations."


def cap_notes(sel: Selection, query_truncated: bool, total_nodes: int | None) -> list[str]:
    notes = []
    total = max(total_nodes or 0, sel.total_nodes)
    if len(sel.nodes) < total:
        notes.append(
            f"Capped: this view shows the {len(sel.nodes)} best-connected of {total} entities. "
            "Filter by type, relation or minimum degree to see the rest."
        )
    if sel.dropped_edges:
        notes.append(f"Capped: {sel.dropped_edges} weaker relations among the shown entities are left out.")
    if query_truncated:
        notes.append("The query stopped at its limit; there are more connections than shown.")
    return notes


def node_legend(sel: Selection) -> list[dict[str, Any]]:
    counts = Counter(n.type for n in sel.nodes)
    return [
        {"type": t.value, "glyph": NODE_STYLES[t].glyph, "count": counts.get(t, 0)}
        for t in NodeType
        if counts.get(t) or not sel.nodes
    ]


def edge_legend(sel: Selection) -> list[dict[str, Any]]:
    counts = Counter(e.type for e in sel.edges)
    return [{"type": r.value, "count": counts[r]} for r in RelType if counts.get(r)]


def path_steps(path: Path) -> list[dict[str, str]]:
    """A path as alternating node and relation steps, for the text list under the canvas."""
    names = {n.id: n.name for n in path.nodes}
    steps: list[dict[str, str]] = []
    for i, node in enumerate(path.nodes):
        if i > 0 and i - 1 < len(path.edges):
            edge = path.edges[i - 1]
            forward = edge.source == path.nodes[i - 1].id
            steps.append({"kind": "edge", "text": edge.type.value, "arrow": _arrow(edge.type, forward)})
        steps.append({"kind": "node", "text": names[node.id], "href": entity_href(node.id)})
    return steps


def _arrow(rel: RelType, forward: bool) -> str:
    if EDGE_STYLES[rel].symmetric:
        return f"\u2014{rel.value}\u2014"
    return f"\u2014{rel.value}\u2192" if forward else f"\u2190{rel.value}\u2014"


def focus_context(sel: Selection, highlight_path: bool) -> dict[str, Any]:
    """For a one-entity view: its relations listed by type, and the form to connect it to another."""
    if len(sel.focus) != 1 or highlight_path:
        return {"relation_groups": [], "focus_name": "", "path_from": ""}
    (focus_id,) = sel.focus
    names = {n.id: n.name for n in sel.nodes}
    groups: dict[RelType, list[dict[str, str]]] = {}
    for edge in sel.edges:
        if focus_id not in (edge.source, edge.target) or edge.source == edge.target:
            continue
        outgoing = edge.source == focus_id
        other = edge.target if outgoing else edge.source
        arrow = "\u2014" if EDGE_STYLES[edge.type].symmetric else ("\u2192" if outgoing else "\u2190")
        groups.setdefault(edge.type, []).append(
            {"edge_id": edge.id, "arrow": arrow, "name": names[other], "href": entity_href(other)}
        )
    return {
        "relation_groups": [
            {"type": rel.value, "entries": sorted(groups[rel], key=lambda item: item["name"])}
            for rel in RelType
            if rel in groups
        ],
        "focus_name": names[focus_id],
        "path_from": focus_id,
    }
