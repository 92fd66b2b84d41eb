"""Views: time to build a network page (viz.render.render_subgraph) and to draw it in headless Chromium.

    python bench/views.py --nodes 100,1000,5000

Neighbourhoods of the busiest entity of a synthetic store (bench/synthetic_graph.py), capped at each
size, are rendered to standalone HTML files and opened in Debian's Chromium (playwright, no browser
download) until the page says it is drawn (`window.mkgReady`, set by viz/static/view.js once the
network is stable) plus two animation frames. "redraw" is one full canvas redraw afterwards: the
cost of each frame while panning or zooming. Goal: 1,000 nodes interactive within 3 s
(generate + draw).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: import from the repository root, not from bench/
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from bench.common import Goal, Report, base_parser, stopwatch
from bench.store import load
from graph.models import Subgraph
from graph.sqlite import SqliteStore
from viz.render import render_subgraph

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
GOAL_NODES = 1000
GOAL_SECONDS = 3.0
READY_TIMEOUT_MS = 120_000
HOPS = 4


def subgraphs(folder: Path, sizes: list[int], seed: int) -> dict[int, Subgraph]:
    """A neighbourhood of each size around the busiest entity (relations: enough to reach every size)."""
    store = SqliteStore(folder / "views.db", timeout_s=60.0)
    try:
        load(store, max(2000, max(sizes) * 6), seed, batch=200)
        hub = store.find_entities(None, None, 1).items[0].id
        return {n: store.neighbors(hub, HOPS, n) for n in sizes}
    finally:
        store.close()


def draw_ms(page: Any, path: Path) -> tuple[float, float]:
    """(ms from navigation start to drawn, ms of one redraw afterwards)."""
    page.goto(path.as_uri(), wait_until="load")
    page.wait_for_function("window.mkgReady === true", timeout=READY_TIMEOUT_MS)
    drawn = page.evaluate(
        "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))"
    )
    redraw = page.evaluate(
        "(() => { const t = performance.now(); window.mkgNetwork.redraw(); return performance.now() - t; })()"
    )
    return float(drawn), float(redraw)


def main(argv: list[str] | None = None) -> int:
    parser = base_parser(__doc__.splitlines()[0])
    parser.add_argument("--nodes", default="100,1000,5000", help="comma-separated view sizes")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.smoke:
        args.nodes = "50,200"
    sizes = sorted(int(n) for n in args.nodes.split(",") if n.strip())
    report = Report("views", {"nodes": args.nodes})
    report.header()
    if not CHROMIUM.exists():
        raise SystemExit("Debian's chromium is missing: run `make browser-deps`")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="mkg-bench-views-") as tmp:
        folder = Path(tmp)
        graphs = subgraphs(folder, sizes, args.seed)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            warm = folder / "warm.html"
            warm.write_text(render_subgraph(graphs[sizes[0]], title="warm-up", max_nodes=sizes[0]))
            draw_ms(page, warm)
            for n in sizes:
                sub = graphs[n]
                with stopwatch() as generate:
                    html = render_subgraph(sub, title=f"bench {n}", max_nodes=n)
                path = folder / f"view-{n}.html"
                path.write_text(html, encoding="utf-8")
                drawn, redraw = draw_ms(page, path)
                case = f"{len(sub.nodes):,} nodes, {len(sub.edges):,} edges"
                report.add(case, "generate", generate() * 1000, "ms")
                report.add(case, "page size", len(html.encode()) / 1024, "KiB")
                report.add(case, "draw (to ready)", drawn, "ms")
                report.add(case, "redraw (one frame)", redraw, "ms")
                report.add(case, "total", generate() * 1000 + drawn, "ms")
                if n == GOAL_NODES:
                    total_s = generate() + drawn / 1000
                    report.goal(Goal(f"view_{n}_interactive", total_s, GOAL_SECONDS, "s", False))
            browser.close()
    report.finish(args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
