"""Analytics at scale: centrality and communities on synthetic graphs, and where estimates take over.

    python bench/analytics.py --sizes 10000,100000

For each size (relation statements, bench/synthetic_graph.py) the store is loaded, the network is
built from it (graph.analytics.build.from_store), then degree, betweenness and PageRank centrality
and communities are computed by the graph.analytics functions the API uses. Each row states the
algorithm the size selected and whether its answer is an estimate; the thresholds are printed too.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # run as a script: import from the repository root, not from bench/
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from bench.common import Report, base_parser, peak_rss_mb, stopwatch
from bench.store import loaded_store
from graph.analytics import centrality as centrality_module
from graph.analytics import communities as communities_module
from graph.analytics.build import from_store
from graph.analytics.centrality import centrality
from graph.analytics.communities import communities

METRICS = ("degree", "betweenness", "pagerank")
LIMIT = 20


def thresholds() -> list[str]:
    """The size limits the analytics modules switch algorithms at (whatever their names are now)."""
    found = []
    for module in (centrality_module, communities_module):
        for name in dir(module):
            value = getattr(module, name)
            if name.isupper() and isinstance(value, int) and ("NODES" in name or "SAMPLES" in name):
                found.append(f"{module.__name__.rsplit('.', 1)[-1]}.{name}={value:,}")
    return found


def bench_size(report: Report, n: int, folder: Path, seed: int) -> None:
    case = f"{n:,} relations"
    store = loaded_store(folder / f"store-{n}.db", n, seed, timeout_s=120.0)
    try:
        with stopwatch() as build:
            graph = from_store(store)
        report.add(case, "build network", build(), "s")
        for metric in METRICS:
            with stopwatch() as elapsed:
                result = centrality(graph, metric, LIMIT)
            label = f"{metric}{' ~' if result.approximate else ''}"
            report.add(case, label, elapsed(), "s")
            report.note(
                f"{case}: {metric} by {result.algorithm}"
                f"{f' (estimate, {result.samples} samples)' if result.approximate else ' (exact)'}"
                f" on {result.scope.n_nodes:,} nodes / {result.scope.n_edges:,} pairs"
            )
        with stopwatch() as elapsed:
            found = communities(graph, LIMIT)
        report.add(case, "communities", elapsed(), "s")
        report.add(case, "modularity", found.modularity)
        report.add(case, "peak RSS so far", peak_rss_mb(), "MiB")
        report.note(f"{case}: communities by {found.algorithm}, {found.n_communities:,} found")
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    parser = base_parser(__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated relation counts")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--store-dir", type=Path, default=None, help="reuse store-N.db files kept here")
    args = parser.parse_args(argv)
    if args.smoke:
        args.sizes = "2000"
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    report = Report("analytics", {"sizes": args.sizes})
    report.header()
    report.note("thresholds: " + ", ".join(thresholds()))
    with tempfile.TemporaryDirectory(prefix="mkg-bench-analytics-") as tmp:
        for n in sizes:
            bench_size(report, n, args.store_dir or Path(tmp), args.seed)
    report.finish(args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
