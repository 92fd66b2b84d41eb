"""From a Subgraph to what the page embeds: vis-network nodes/edges built with pyvis, plus plain-text info.

Node ids are entity ids and edge ids relation ids; names and sentences travel only as JSON string
values, which the page shows through textContent.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import orjson
from pyvis.network import Network

from graph.models import Entity, Evidence, Relation, Subgraph
from viz.layout import layout_positions
from viz.style import (
    EDGE_STYLES,
    HIGHLIGHT_COLOR,
    NODE_STYLES,
    edge_width,
    is_doubtful,
    node_size,
)

PHYSICS_MAX_NODES = 150  # above this the browser gets fixed positions and no simulation
EDGE_LABELS_MAX_EDGES = 250  # beyond this, labels on every line are clutter and slow to draw
LABEL_MAX_CHARS = 40
SENTENCE_MAX_CHARS = 600
ALIASES_MAX = 10


@dataclass
class Selection:
    """What a view draws after its caps: the nodes kept, and how many there were."""

    nodes: list[Entity]
    edges: list[Relation]
    degrees: dict[str, int]
    total_nodes: int
    dropped_edges: int = 0
    focus: set[str] = field(default_factory=set)


def select(subgraph: Subgraph, *, max_nodes: int, max_edges: int, focus: list[str]) -> Selection:
    """Dedupe, drop dangling edges, then keep focus nodes and the best-connected up to the caps."""
    by_id: dict[str, Entity] = {}
    for node in subgraph.nodes:
        by_id.setdefault(node.id, node)
    edges_by_id: dict[str, Relation] = {}
    for edge in subgraph.edges:
        if edge.source in by_id and edge.target in by_id:
            edges_by_id.setdefault(edge.id, edge)
    local = Counter[str]()
    for edge in edges_by_id.values():
        local[edge.source] += 1
        local[edge.target] += 1
    degrees = {nid: n.degree if n.degree is not None else local[nid] for nid, n in by_id.items()}
    focus_set = {f for f in focus if f in by_id}

    ranked = sorted(by_id.values(), key=lambda n: (n.id not in focus_set, -degrees[n.id], n.name, n.id))
    kept = ranked[: max(max_nodes, len(focus_set))]
    kept_ids = {n.id for n in kept}
    edges = [e for e in edges_by_id.values() if e.source in kept_ids and e.target in kept_ids]
    edges.sort(key=lambda e: (-e.confidence, -e.n_documents, e.id))
    kept_edges = edges[:max_edges]
    return Selection(
        nodes=kept,
        edges=kept_edges,
        degrees={n.id: degrees[n.id] for n in kept},
        total_nodes=len(by_id),
        dropped_edges=len(edges) - len(kept_edges),
        focus=focus_set,
    )


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


VisItems = list[dict[str, Any]]


def build_network(sel: Selection, *, highlight_edges: set[str]) -> tuple[VisItems, VisItems]:
    """vis-network node and edge objects, made by pyvis."""
    net = Network(directed=True, cdn_resources="in_line")  # directed: pyvis would merge parallel edges
    _add_nodes(net, sel)
    _add_edges(net, sel, highlight_edges)
    return list(net.nodes), list(net.edges)


def _add_nodes(net: Network, sel: Selection) -> None:
    positions = layout_positions([n.id for n in sel.nodes], [(e.source, e.target) for e in sel.edges])
    max_degree = max(sel.degrees.values(), default=0)
    large = len(sel.nodes) > PHYSICS_MAX_NODES
    for node in sel.nodes:
        style = NODE_STYLES[node.type]
        x, y = positions[node.id]
        focused = node.id in sel.focus
        net.add_node(
            node.id,
            label=_short(node.name, LABEL_MAX_CHARS) or node.id,
            shape=style.shape,
            color={"background": style.color, "border": HIGHLIGHT_COLOR if focused else style.color},
            size=node_size(sel.degrees[node.id], max_degree, large) + (6 if focused else 0),
            borderWidth=5 if focused else 1,
            x=x,
            y=y,
        )


def _add_edges(net: Network, sel: Selection, highlight_edges: set[str]) -> None:
    labelled = len(sel.edges) <= EDGE_LABELS_MAX_EDGES
    for edge in sel.edges:
        style = EDGE_STYLES[edge.type]
        highlighted = edge.id in highlight_edges
        options: dict[str, Any] = {
            "id": edge.id,
            "color": {"color": style.color, "highlight": style.color, "hover": style.color},
            "dashes": is_doubtful(edge),
            "width": edge_width(edge) + (4 if highlighted else 0),
            "arrows": {"to": {"enabled": not style.symmetric, "scaleFactor": 0.6}},
        }
        if highlighted:
            options["shadow"] = {"enabled": True, "color": HIGHLIGHT_COLOR, "size": 12, "x": 0, "y": 0}
        if labelled:
            options["label"] = edge.type.value
        net.add_edge(edge.source, edge.target, **options)


def vis_options(n_nodes: int, n_edges: int) -> dict[str, Any]:
    small = n_nodes <= PHYSICS_MAX_NODES
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False},
        "nodes": {"font": {"size": 14}, "borderWidthSelected": 3},
        "edges": {
            "smooth": {"enabled": small, "type": "continuous", "roundness": 0.3},
            "font": {"size": 10, "align": "middle", "strokeWidth": 3},
            "selectionWidth": 2,
            "hoverWidth": 1,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": not small,
            "hideEdgesOnZoom": n_edges > 2000,
            "keyboard": False,
            "multiselect": False,
        },
        "physics": {
            "enabled": small,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -80, "springLength": 140, "avoidOverlap": 0.6},
            "stabilization": {"enabled": small, "iterations": 120, "updateInterval": 40, "fit": True},
        },
    }


def node_info(sel: Selection) -> dict[str, dict[str, Any]]:
    return {
        n.id: {
            "name": n.name,
            "type": n.type.value,
            "aliases": [a for a in n.aliases if a != n.name][:ALIASES_MAX],
            "degree": sel.degrees[n.id],
        }
        for n in sel.nodes
    }


def _evidence(ev: Evidence) -> dict[str, Any]:
    return {
        "sentence": _short(ev.sentence, SENTENCE_MAX_CHARS),
        "docId": ev.doc_id,
        "docTitle": ev.doc_title,
        "date": ev.date,
        "source": ev.source,
        "reliability": ev.reliability.value if ev.reliability else None,
        "confidence": round(ev.confidence, 2),
    }


def edge_info(sel: Selection, max_evidence: int) -> dict[str, dict[str, Any]]:
    info: dict[str, dict[str, Any]] = {}
    for e in sel.edges:
        ranked = sorted(e.evidence, key=lambda ev: (-ev.confidence, ev.doc_id, ev.start))
        shown = ranked[:max_evidence]
        info[e.id] = {
            "type": e.type.value,
            "symmetric": EDGE_STYLES[e.type].symmetric,
            "source": e.source,
            "target": e.target,
            "confidence": round(e.confidence, 2),
            "credibility": e.credibility,
            "reliability": e.reliability.value if e.reliability else None,
            "firstSeen": e.first_seen,
            "lastSeen": e.last_seen,
            "nDocuments": e.n_documents,
            "evidence": [_evidence(ev) for ev in shown],
            "moreEvidence": len(e.evidence) - len(shown),
        }
    return info


_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(value: Any) -> str:
    """JSON safe inside a <script type="application/json"> element: no character can close it."""
    text = orjson.dumps(value).decode("utf-8")
    for raw, escaped in _JSON_ESCAPES.items():
        text = text.replace(raw, escaped)
    return text
