"""Node positions computed on the server, so the browser never has to simulate a large graph.

A browser running vis-network physics needs tens of seconds for a thousand nodes; igraph's
Fruchterman-Reingold places five thousand in well under a second. Each connected component is
laid out on its own and the components are packed in rows, largest first: laid out together,
the small ones drift to the rim and squeeze the main component into a dot.
"""

from __future__ import annotations

import math
import random
import threading
from collections.abc import Iterable, Sequence

import igraph as ig

SEED = 7
SPACING_PX = 110.0  # rough distance between neighbouring nodes on the canvas
GAP_PX = 80.0  # between packed components
# Above this many nodes a component is laid out with igraph's grid variant of Fruchterman-Reingold
# (repulsion from nearby cells only): 1,000 nodes take 0.2 s instead of 2 s, and look the same.
GRID_MIN_NODES = 300

Box = tuple[float, float]  # width, height
Points = list[tuple[float, float]]

# igraph draws its random numbers from one process-wide generator; seeding it for one
# layout must not interleave with another request doing the same.
_RNG_LOCK = threading.Lock()


def layout_positions(
    node_ids: Sequence[str], edges: Iterable[tuple[str, str]], seed: int = SEED
) -> dict[str, tuple[float, float]]:
    """Deterministic x, y in canvas pixels for every node, centred on (0, 0)."""
    n = len(node_ids)
    if n == 0:
        return {}
    index = {node_id: i for i, node_id in enumerate(node_ids)}
    pairs = sorted({_pair(index[a], index[b]) for a, b in edges if a in index and b in index and a != b})
    graph = ig.Graph(n=n, edges=pairs)
    components = sorted(graph.connected_components(), key=lambda members: (-len(members), members[0]))
    placed: list[tuple[list[int], Points]] = []
    with _RNG_LOCK:
        ig.set_random_number_generator(random.Random(seed))  # noqa: S311 (a layout, not a secret)
        try:
            for members in components:
                placed.append((members, _component_points(graph.subgraph(members))))
        finally:
            ig.set_random_number_generator(random)
    positions: list[tuple[float, float]] = [(0.0, 0.0)] * n
    for members, points in _pack(placed):
        for i, point in zip(members, points, strict=True):
            positions[i] = point
    return {node_id: positions[i] for node_id, i in index.items()}


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def _component_points(component: ig.Graph) -> Points:
    """The component drawn with its corner at (0, 0), its side growing with sqrt(node count)."""
    size = component.vcount()
    if size == 1:
        return [(0.0, 0.0)]
    coords = component.layout_fruchterman_reingold(niter=500, grid=size > GRID_MIN_NODES).coords
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    left, top = min(xs), min(ys)
    extent = max(max(xs) - left, max(ys) - top) or 1.0
    factor = SPACING_PX * math.sqrt(size) * 1.2 / extent
    return [((x - left) * factor, (y - top) * factor) for x, y in zip(xs, ys, strict=True)]


def _box(points: Points) -> Box:
    return max(p[0] for p in points), max(p[1] for p in points)


def _pack(placed: list[tuple[list[int], Points]]) -> list[tuple[list[int], Points]]:
    """Shelf packing: rows of components, the row width about the square root of the total area."""
    boxes = [_box(points) for _, points in placed]
    area = sum((w + GAP_PX) * (h + GAP_PX) for w, h in boxes)
    row_width = max(math.sqrt(area) * 1.2, boxes[0][0] + GAP_PX)
    x = y = row_height = 0.0
    moved: list[tuple[list[int], Points]] = []
    for (members, points), (w, h) in zip(placed, boxes, strict=True):
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height + GAP_PX, 0.0
        moved.append((members, [(px + x, py + y) for px, py in points]))
        x += w + GAP_PX
        row_height = max(row_height, h)
    return _centred(moved)


def _centred(moved: list[tuple[list[int], Points]]) -> list[tuple[list[int], Points]]:
    everything = [p for _, points in moved for p in points]
    cx = (min(p[0] for p in everything) + max(p[0] for p in everything)) / 2
    cy = (min(p[1] for p in everything) + max(p[1] for p in everything)) / 2
    return [
        (members, [(round(px - cx, 1), round(py - cy, 1)) for px, py in points]) for members, points in moved
    ]
