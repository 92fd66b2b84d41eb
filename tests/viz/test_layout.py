"""Server-side layout: every node placed, deterministic, components kept apart and near each other."""

from __future__ import annotations

import math

from viz.layout import GRID_MIN_NODES, layout_positions


def ring(prefix: str, n: int) -> tuple[list[str], list[tuple[str, str]]]:
    ids = [f"{prefix}{i}" for i in range(n)]
    return ids, [(ids[i], ids[(i + 1) % n]) for i in range(n)]


def test_every_node_gets_a_finite_distinct_position() -> None:
    ids, edges = ring("n", 60)
    points = layout_positions(ids, edges)
    assert set(points) == set(ids)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in points.values())
    assert len(set(points.values())) == len(ids)


def test_large_components_use_the_grid_layout_and_still_place_every_node_apart() -> None:
    ids, edges = ring("n", GRID_MIN_NODES + 100)
    points = layout_positions(ids, edges)
    assert set(points) == set(ids)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in points.values())
    assert len(set(points.values())) == len(ids)
    assert layout_positions(ids, edges) == points
    inside = sum(math.dist(points[p], points[q]) for p, q in edges) / len(edges)
    spread = max(math.dist(points[ids[0]], points[q]) for q in ids)
    assert inside < spread / 10  # ring neighbours stay close: the layout is not noise


def test_same_input_same_layout() -> None:
    ids, edges = ring("n", 40)
    assert layout_positions(ids, edges) == layout_positions(ids, edges)
    assert layout_positions(ids, edges, seed=1) != layout_positions(ids, edges, seed=2)


def test_small_components_do_not_squash_the_main_one() -> None:
    main, main_edges = ring("m", 50)
    singles = [f"s{i}" for i in range(50)]
    points = layout_positions(main + singles, main_edges)
    xs = [points[i][0] for i in main + singles]
    ys = [points[i][1] for i in main + singles]
    whole = max(max(xs) - min(xs), max(ys) - min(ys))
    main_xs = [points[i][0] for i in main]
    main_extent = max(main_xs) - min(main_xs)
    assert main_extent > whole / 4  # laid out together, the ring shrank to a dot in the middle


def test_neighbours_are_closer_than_strangers() -> None:
    a_ids, a_edges = ring("a", 12)
    b_ids, b_edges = ring("b", 12)
    points = layout_positions(a_ids + b_ids, a_edges + b_edges)

    def dist(p: str, q: str) -> float:
        return math.dist(points[p], points[q])

    inside = sum(dist(p, q) for p, q in a_edges) / len(a_edges)
    across = sum(dist(p, q) for p in a_ids for q in b_ids) / (len(a_ids) * len(b_ids))
    assert inside < across


def test_trivial_inputs() -> None:
    assert layout_positions([], []) == {}
    assert layout_positions(["x"], [("x", "x"), ("x", "ghost")]) == {"x": (0.0, 0.0)}
