"""How each node type and relation type looks: one place for colours, shapes and the dashed-edge rule."""

from __future__ import annotations

import math
from dataclasses import dataclass

from graph.models import Relation
from graph.ontology import NodeType, RelType


@dataclass(frozen=True)
class NodeStyle:
    color: str
    shape: str  # a vis-network shape with the label underneath
    glyph: str  # the same shape as a character, for the HTML legend


@dataclass(frozen=True)
class EdgeStyle:
    color: str
    symmetric: bool


NODE_STYLES: dict[NodeType, NodeStyle] = {
    NodeType.GROUP: NodeStyle(color="#d62728", shape="dot", glyph="\u25cf"),
    NodeType.LEADER: NodeStyle(color="#1f77b4", shape="diamond", glyph="\u25c6"),
    NodeType.CAMP: NodeStyle(color="#2ca02c", shape="triangle", glyph="\u25b2"),
    NodeType.PLACE: NodeStyle(color="#8c6d31", shape="square", glyph="\u25a0"),
}

EDGE_STYLES: dict[RelType, EdgeStyle] = {
    RelType.LEADS: EdgeStyle(color="#1f77b4", symmetric=False),
    RelType.MEMBER_OF: EdgeStyle(color="#6baed6", symmetric=False),
    RelType.TRAINS_AT: EdgeStyle(color="#2ca02c", symmetric=False),
    RelType.ALLIED_WITH: EdgeStyle(color="#9467bd", symmetric=True),
    RelType.RIVAL_OF: EdgeStyle(color="#ff7f0e", symmetric=True),
    RelType.LOCATED_IN: EdgeStyle(color="#8c6d31", symmetric=False),
    RelType.OPERATES_IN: EdgeStyle(color="#bcbd22", symmetric=False),
    RelType.RELATED_TO: EdgeStyle(color="#7f7f7f", symmetric=True),
}

HIGHLIGHT_COLOR = "#f7b500"
LOW_CONFIDENCE = 0.6
DOUBTFUL_CREDIBILITY = 5  # Admiralty 5 "improbable", 6 "cannot be judged"

# (smallest, largest) node size in canvas pixels; large views shrink nodes so they stay apart.
NODE_SIZES = (10.0, 40.0)
NODE_SIZES_LARGE = (5.0, 22.0)


def is_doubtful(relation: Relation) -> bool:
    """Dashed on the canvas: weakly extracted or poorly corroborated."""
    if relation.confidence < LOW_CONFIDENCE:
        return True
    return relation.credibility is not None and relation.credibility >= DOUBTFUL_CREDIBILITY


def node_size(degree: int, max_degree: int, large: bool = False) -> float:
    """Area grows with degree; the best-connected node in the view gets the largest size."""
    smallest, largest = NODE_SIZES_LARGE if large else NODE_SIZES
    if max_degree <= 0:
        return smallest
    share = math.sqrt(max(degree, 0) / max_degree)
    return round(smallest + share * (largest - smallest), 1)


def edge_width(relation: Relation) -> float:
    """Wider when more documents support it (1 .. 5 px)."""
    return float(min(1 + max(relation.n_documents - 1, 0), 5))
