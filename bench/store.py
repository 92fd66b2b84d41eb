"""The embedded store at scale: bulk load rate, query latencies and memory on synthetic graphs.

    python bench/store.py --sizes 10000,100000,1000000

For each size (relation statements, from bench/synthetic_graph.py) a fresh SQLite store is bulk
loaded (`SqliteStore.bulk_load`, `--batch` documents per write batch; generating the graphs is timed
apart and not counted) and then asked, for entities drawn at random (hubs included, as they come):
entity lookup by id, 1- and 2-hop neighbourhoods capped at the API's result cap, shortest paths
between random pairs, and full-text search of entity names and of documents. Sizes run smallest
first in one process, so the peak RSS printed after a size is that size's peak. `--incremental`
relations are also loaded the incremental way (`write_documents`, one transaction per batch: what
an ingest into a non-empty store does), for comparison. Before the queries, what the load left alive is
frozen for the garbage collector, as `mkg serve` freezes its start-up heap.
Goals: load >= 50k relations/s; p99 <= 20 ms for lookups and capped neighbourhoods at 1M relations.
"""

from __future__ import annotations

import gc
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path

if __package__ in (None, ""):  # run as a script: import from the repository root, not from bench/
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from bench.common import (
    Goal,
    Report,
    base_parser,
    latencies_ms,
    peak_rss_mb,
    percentile,
    status_mb,
    stopwatch,
)
from bench.synthetic_graph import make_document_graphs
from graph.errors import QueryTimeout
from graph.models import DocumentGraph
from graph.settings import Settings
from graph.sqlite import SqliteStore

LOAD_GOAL = 50_000  # relations per second
P99_GOAL_MS = 20.0
GOAL_SIZE = 1_000_000
CAP = Settings().max_results  # the cap every API neighbourhood gets by default
PATH_HOPS = 6
PATHS_LIMIT = 10
SEARCH_LIMIT = 20


def _timed(graphs: Iterator[DocumentGraph], spent: list[float]) -> Iterator[DocumentGraph]:
    """`graphs`, adding the time spent making each one to spent[0] (generation is not loading)."""
    while True:
        started = time.perf_counter()
        graph = next(graphs, None)
        spent[0] += time.perf_counter() - started
        if graph is None:
            return
        yield graph


def statements_in(graph: DocumentGraph) -> int:
    return sum(len(r.evidence) for r in graph.relations)


def load(store: SqliteStore, n_relations: int, seed: int, batch: int) -> tuple[float, float, int]:
    """Bulk load (`SqliteStore.bulk_load`); (seconds loading, seconds generating, relation statements)."""
    generating = [0.0]
    counted = [0]

    def counting(graphs: Iterator[DocumentGraph]) -> Iterator[DocumentGraph]:
        for graph in graphs:
            counted[0] += statements_in(graph)
            yield graph

    graphs = _timed(counting(make_document_graphs(n_relations, seed)), generating)
    with stopwatch() as elapsed:
        store.bulk_load(graphs, batch=batch)
    return elapsed() - generating[0], generating[0], counted[0]


def load_in_batches(store: SqliteStore, n_relations: int, seed: int, batch: int) -> tuple[float, int]:
    """The incremental path (write_documents, one transaction per batch); (seconds writing, statements)."""
    writing = 0.0
    statements = 0
    graphs = make_document_graphs(n_relations, seed)
    while pending := list(islice(graphs, batch)):
        statements += sum(statements_in(g) for g in pending)
        with stopwatch() as write:
            store.write_documents(pending)
        writing += write()
    return writing, statements


def remove_store(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def loaded_store(path: Path, n_relations: int, seed: int, timeout_s: float = 60.0) -> SqliteStore:
    """The store at `path`, bulk loaded with the synthetic graph unless it already holds relations
    (bench/run_all.py hands the stores this benchmark keeps to the API and analytics benchmarks)."""
    store = SqliteStore(path, timeout_s=timeout_s)
    if sum(store.stats().relations.values()) == 0:
        load(store, n_relations, seed, batch=500)
    return store


def sample_entities(store: SqliteStore, k: int, seed: int) -> tuple[list[str], list[str]]:
    """`k` random entity ids, and a name word of each (for full-text search)."""
    with store._db.read() as conn:  # bench-only peek: the store has no "random entity" query
        (top,) = conn.execute("SELECT max(num) FROM entities").fetchone()
        rng = random.Random(seed)
        nums = [rng.randint(1, top) for _ in range(k)]
        rows = dict(conn.execute(f"SELECT num, id FROM entities WHERE num IN ({','.join('?' * k)})", nums))
        names = dict(conn.execute(f"SELECT num, name FROM entities WHERE num IN ({','.join('?' * k)})", nums))
    ids = [rows[n] for n in nums if n in rows]
    words = [max(names[n].replace("-", " ").split(), key=len) for n in nums if n in names]
    return ids, words


def timed_cycle(calls: list[Callable[[], object]], warmup: int = 3) -> tuple[list[float], int]:
    """Latencies of each call in turn (ms); QueryTimeouts are counted, their time kept."""
    timeouts = 0

    def guarded(call: Callable[[], object]) -> Callable[[], object]:
        def run() -> object:
            nonlocal timeouts
            try:
                return call()
            except QueryTimeout:
                timeouts += 1
                return None

        return run

    wrapped = [guarded(c) for c in calls]
    for call in wrapped[:warmup]:
        call()
    timeouts = 0
    out: list[float] = []
    for call in wrapped:
        out.extend(latencies_ms(call, repeat=1, warmup=0))
    return out, timeouts


def bench_size(report: Report, n: int, args: object, folder: Path) -> None:
    seed, batch, queries = args.seed, args.batch, args.queries  # type: ignore[attr-defined]
    case = f"{n:,} relations"
    started = time.perf_counter()
    store = SqliteStore(folder / f"store-{n}.db", timeout_s=30.0)
    try:
        writing, generating, statements = load(store, n, seed, batch)
        stats = store.stats()
        n_rel = sum(stats.relations.values())
        report.add(case, "load (bulk_load)", statements / writing, "relations/s")
        report.add(case, "distinct relations", n_rel)
        report.add(case, "entities", sum(stats.entities.values()))
        report.add(case, "generate (not timed)", generating, "s")
        report.add(case, "file size", (folder / f"store-{n}.db").stat().st_size / 2**20, "MiB")
        if n == max(args.sizes_list):  # type: ignore[attr-defined]
            report.goal(Goal(f"store_load_{n}", statements / writing, LOAD_GOAL, "relations/s"))
        # What the load left alive is frozen for the collector, as `mkg serve` freezes its start-up
        # heap: latencies are then the store's, not full GC passes over this benchmark's leftovers.
        gc.collect()
        gc.freeze()
        ids, words = sample_entities(store, queries, seed)
        rng = random.Random(seed)
        pairs = [(rng.choice(ids), rng.choice(ids)) for _ in range(max(10, queries // 4))]
        figures: dict[str, list[Callable[[], object]]] = {
            "entity lookup": [lambda e=e: store.get_entity(e) for e in ids],
            "1-hop (cap 500)": [lambda e=e: store.neighbors(e, 1, CAP) for e in ids],
            "2-hop (cap 500)": [lambda e=e: store.neighbors(e, 2, CAP) for e in ids],
            "shortest path": [
                lambda s=s, t=t: store.shortest_paths(s, t, PATH_HOPS, PATHS_LIMIT) for s, t in pairs
            ],
            "search entities": [lambda w=w: store.find_entities(w, None, SEARCH_LIMIT) for w in words],
            "search documents": [lambda w=w: store.search_documents(w, SEARCH_LIMIT) for w in words],
        }
        for figure, calls in figures.items():
            times, timeouts = timed_cycle(calls)
            p50, p99 = percentile(times, 50), percentile(times, 99)
            report.add(case, f"{figure} p50", p50, "ms")
            report.add(case, f"{figure} p99", p99, "ms")
            if timeouts:
                report.add(case, f"{figure} timeouts", timeouts)
            if n >= GOAL_SIZE and figure in ("entity lookup", "1-hop (cap 500)", "2-hop (cap 500)"):
                report.goal(Goal(f"store_{figure.split()[0]}_p99_{n}", p99, P99_GOAL_MS, "ms", False))
        report.add(case, "peak RSS so far", peak_rss_mb(), "MiB")
        report.add(case, "private memory", status_mb("RssAnon"), "MiB")
        report.add(case, "wall time (all of it)", time.perf_counter() - started, "s")
    finally:
        gc.unfreeze()
        store.close()


def incremental(report: Report, n: int, args: object, folder: Path) -> None:
    path = folder / f"incremental-{n}.db"
    store = SqliteStore(path, timeout_s=30.0)
    try:
        seconds, statements = load_in_batches(store, n, args.seed, args.batch)  # type: ignore[attr-defined]
    finally:
        store.close()
        remove_store(path)
    report.add(f"{n:,} relations", "load (write_documents)", statements / seconds, "relations/s")


def main(argv: list[str] | None = None) -> int:
    parser = base_parser(__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated relation counts")
    parser.add_argument("--batch", type=int, default=500, help="documents per write batch")
    parser.add_argument("--queries", type=int, default=400, help="sampled entities per figure")
    parser.add_argument("--incremental", type=int, default=10_000, help="size loaded incrementally; 0: none")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--dir", type=Path, default=None, help="keep the store files here (default: temp)")
    args = parser.parse_args(argv)
    if args.smoke:
        args.sizes, args.queries, args.incremental = "2000", 20, 2000
    args.sizes_list = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    report = Report("store", {"sizes": args.sizes, "batch": args.batch, "queries": args.queries})
    report.header()
    with tempfile.TemporaryDirectory(prefix="mkg-bench-store-") as tmp:
        folder = args.dir or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        if args.incremental:
            incremental(report, args.incremental, args, Path(tmp))
        for n in args.sizes_list:
            remove_store(folder / f"store-{n}.db")
            bench_size(report, n, args, folder)
    if max(args.sizes_list) < GOAL_SIZE:
        report.note(
            f"latency goals are stated at {GOAL_SIZE:,} relations; largest size run: {max(args.sizes_list):,}"
        )
    report.finish(args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
