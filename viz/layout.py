"""Node positions computed on the server, so the browser never has to simulate a large graph.

A browser running vis-network physics needs tens of seconds for a thousand nodes; igraph's
Fruchterman-Reingold places five thousand in well under a second.
"""

from __future__ import annotations

import math
import random
import threading
from collections.abc import Iterable, Sequence

import igraph as ig

SEED = 7
SPACING_PX = 110.0  # rough distance between neighbouring nodes on the canvas

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
    if n == 1:
        return {node_ids[0]: (0.0, 0.0)}
    index = {node_id: i for i, node_id in enumerate(node_ids)}
    pairs = sorted({_pair(index[a], index[b]) for a, b in edges if a in index and b in index and a != b})
    graph = ig.Graph(n=n, edges=pairs)
    with _RNG_LOCK:
        ig.set_random_number_generator(random.Random(seed))  # noqa: S311 (layout, not crypto)
        try:
            coords = graph.layout_fruchterman_reingold(niter=500).coords
        finally:
            ig.set_random_number_generator(random)
    return dict(zip(node_ids, _to_canvas(coords), strict=True))


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def _to_canvas(coords: list[list[float]]) -> list[tuple[float, float]]:
    """Centre the drawing and stretch it so its side grows with the square root of the node count."""
    xs = [c[0] for c in coords]
    ys = [c[1] for c in coords]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    extent = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    side = SPACING_PX * math.sqrt(len(coords)) * 1.5
    factor = side / extent
    return [(round((x - cx) * factor, 1), round((y - cy) * factor, 1)) for x, y in zip(xs, ys, strict=True)]
