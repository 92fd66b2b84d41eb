"""Every benchmark still runs: bench/run_all.py --smoke runs each one at tiny sizes, in its own process.

Only that they run and report their figures is checked here — never how fast (timings belong to
`make bench`, not to tests).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [pytest.mark.slow, pytest.mark.browser]

# bench -> (figures its table must show, goals it must report)
EXPECTED: dict[str, tuple[list[str], list[str]]] = {
    "ingest": (
        ["words/s", "docs/s", "ratio to bare", "relations stored"],
        ["ingest_vs_bare_1proc", "ingest_2workers_speedup"],
    ),
    "store": (
        [
            "load (bulk_load)",
            "load (write_documents)",
            "entity lookup p99",
            "1-hop (cap 500) p99",
            "2-hop (cap 500) p99",
            "shortest path p50",
            "search entities p50",
            "search documents p50",
            "peak RSS so far",
            "private memory",
        ],
        ["store_load_2000"],
    ),
    "api": (
        ["req/s (c=2)", "p50 (c=1)", "p99 (c=2)", "peak RSS", "private memory", "threads"],
        ["api_lookup_vs_trivial", "api_subgraph_p50", "api_subgraph_rps"],
    ),
    "analytics": (["build network", "degree", "betweenness", "pagerank", "communities", "modularity"], []),
    "views": (["generate", "draw (to ready)", "redraw (one frame)", "total"], []),
}


Run = tuple[Path, subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module")
def smoke_run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    out = tmp_path_factory.mktemp("bench")
    done = subprocess.run(
        [sys.executable, "bench/run_all.py", "--smoke", "--out", str(out), "--results", str(out / "R.md")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=540,
    )
    return out, done


def test_run_all_finishes_and_writes_results(smoke_run: Run) -> None:
    out, done = smoke_run
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    results = (out / "R.md").read_text(encoding="utf-8")
    assert "| cores |" in results and "| python |" in results
    for bench in EXPECTED:
        assert f"### {bench} (" in results
    assert "== summary" in done.stdout


@pytest.mark.parametrize("bench", sorted(EXPECTED))
def test_each_benchmark_prints_its_figures(smoke_run: Run, bench: str) -> None:
    out, _ = smoke_run
    printed = (out / f"{bench}.out").read_text(encoding="utf-8")
    record: dict[str, Any] = json.loads((out / f"{bench}.json").read_text(encoding="utf-8"))
    figures, goals = EXPECTED[bench]
    assert record["bench"] == bench
    shown = {figure for _case, figure, _value, _unit in record["rows"]}
    for figure in figures:
        assert figure in shown, f"{bench} no longer reports {figure!r}"
        assert f" {figure} " in printed
    for _case, figure, value, _unit in record["rows"]:
        assert isinstance(value, int | float) and value >= 0, (figure, value)
    assert [g["name"] for g in record["goals"]] == goals
    for goal in goals:
        assert f"GOAL {goal}: " in printed
    assert record["peak_rss_mb"] > 0
