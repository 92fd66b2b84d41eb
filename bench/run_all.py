"""Every benchmark in one command (`make bench`), sized to finish within a time budget.

    python bench/run_all.py [--budget 900] [--smoke] [--out DIR] [--results bench/RESULTS.md]

Runs bench/ingest.py, store.py (10k and 100k relations), api.py and analytics.py (both on the stores
store.py kept), views.py, then store.py at 1M relations only when the time left is enough for it
(judged from the 100k run, ten times over, with a margin); otherwise the results say it was skipped.
Each benchmark runs in its own process, so each peak RSS is its own. Prints one combined table and
writes it, with the machine it ran on, to bench/RESULTS.md (`--results`).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: import from the repository root, not from bench/
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from bench.common import ROOT, fmt, machine

BENCH = ROOT / "bench"
BIG = 1_000_000
# Sizes for a full run on a 2-core machine; the budget decides about BIG.
FULL_ARGS: dict[str, list[str]] = {
    "ingest": ["--docs", "400", "--rounds", "2"],
    "store": ["--sizes", "10000,100000"],
    "api": ["--relations", "100000", "--seconds", "4", "--rounds", "2"],
    "analytics": ["--sizes", "10000,100000"],
    "views": ["--nodes", "100,1000,5000"],
}
BIG_MARGIN = 1.3  # the 1M run must fit this many times over its estimate


@dataclass
class Step:
    name: str
    args: list[str]
    script: str = ""
    seconds: float = 0.0
    returncode: int | None = None
    record: dict[str, Any] | None = None
    skipped: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


def run_step(step: Step, out: Path, timeout: float) -> None:
    json_path = out / f"{step.name}.json"
    log_path = out / f"{step.name}.out"
    script = BENCH / f"{step.script or step.name}.py"
    command = [sys.executable, str(script), *step.args, "--json", str(json_path)]
    print(f"\n$ {' '.join(command[1:])}", flush=True)
    started = time.perf_counter()
    with log_path.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        # The output is read line by line, so a watchdog enforces the time left.
        watchdog = threading.Timer(max(1.0, timeout), process.kill)
        watchdog.start()
        try:
            assert process.stdout is not None
            for line in process.stdout:
                print(line, end="", flush=True)
                log.write(line)
            step.returncode = process.wait()
        finally:
            watchdog.cancel()
        if step.returncode is not None and step.returncode < 0:
            step.skipped = "stopped: over the time budget"
    step.seconds = time.perf_counter() - started
    if json_path.exists():
        step.record = json.loads(json_path.read_text(encoding="utf-8"))


def big_store_estimate(step: Step) -> float | None:
    """Seconds a 1M-relation store run should take, from the 100k run's wall time (linear, x10)."""
    if step.record is None:
        return None
    for case, figure, value, _unit in step.record["rows"]:
        if case.startswith("100,000") and figure.startswith("wall time"):
            return float(value) * 10
    return None


def plan(smoke: bool, work: Path) -> list[Step]:
    if smoke:
        return [
            Step("ingest", ["--smoke"]),
            Step("store", ["--smoke", "--dir", str(work)]),
            Step("api", ["--smoke", "--no-install"]),
            Step("analytics", ["--smoke"]),
            Step("views", ["--smoke"]),
        ]
    return [
        Step("ingest", FULL_ARGS["ingest"]),
        Step("store", [*FULL_ARGS["store"], "--dir", str(work)]),
        Step("api", [*FULL_ARGS["api"], "--store", str(work / "store-100000.db")]),
        Step("analytics", [*FULL_ARGS["analytics"], "--store-dir", str(work)]),
        Step("views", FULL_ARGS["views"]),
    ]


def markdown(steps: list[Step], info: dict[str, str], budget: float, total: float) -> str:
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (bench/run_all.py); every figure below comes from that one run.",
        "",
        "| machine | |",
        "| --- | --- |",
        *(f"| {key} | {value} |" for key, value in info.items()),
        f"| run time | {total:.0f} s (budget {budget:.0f} s) |",
        "",
        "## Goals",
        "",
        "| goal | measured | target | |",
        "| --- | --- | --- | --- |",
    ]
    for step in steps:
        for goal in (step.record or {}).get("goals", []):
            sign = ">=" if goal["higher_is_better"] else "<="
            verdict = "met" if goal["met"] else "**missed**"
            measured = f"{fmt(goal['value'])} {goal['unit']}"
            lines.append(f"| {goal['name']} | {measured} | {sign} {fmt(goal['target'])} | {verdict} |")
    lines += ["", "## Figures", ""]
    for step in steps:
        lines.append(f"### {step.name} ({step.seconds:.0f} s)")
        lines.append("")
        if step.skipped or step.record is None:
            lines += [f"Not run: {step.skipped or f'exit code {step.returncode}'}.", ""]
            continue
        params = ", ".join(f"{k}={v}" for k, v in step.record["params"].items())
        load = step.record.get("load_average", ["?", "?"])
        lines += [
            f"Parameters: {params}; peak RSS {fmt(step.record['peak_rss_mb'])} MiB; machine load average"
            f" {load[0]} at the start, {load[1]} at the end.",
            "",
        ]
        lines += ["| case | figure | value | unit |", "| --- | --- | ---: | --- |"]
        rows = step.record["rows"]
        lines += [f"| {case} | {fig} | {fmt(value)} | {unit} |" for case, fig, value, unit in rows]
        if step.record["notes"]:
            lines.append("")
            lines += [f"- {note}" for note in step.record["notes"]]
        lines.append("")
    return "\n".join(lines)


def summary(steps: list[Step]) -> None:
    print("\n== summary")
    for step in steps:
        status = step.skipped or ("ok" if step.returncode == 0 else f"FAILED (exit {step.returncode})")
        print(f"  {step.name:<12} {step.seconds:7.0f} s  {status}")
        for goal in (step.record or {}).get("goals", []):
            verdict = "MET" if goal["met"] else "MISSED"
            print(f"      {goal['name']:<32} {fmt(goal['value']):>10} {goal['unit']:<12} {verdict}")


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=float, default=900.0, help="seconds for the whole run")
    parser.add_argument("--smoke", action="store_true", help="every benchmark at tiny sizes (CI)")
    parser.add_argument("--out", type=Path, default=None, help="keep logs, JSON and stores here")
    parser.add_argument("--results", type=Path, default=BENCH / "RESULTS.md")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="mkg-bench-") as tmp:
        out = args.out or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        steps = plan(args.smoke, out)
        for step in steps:
            left = args.budget - (time.perf_counter() - started)
            if left <= 0:
                step.skipped = "skipped: no time left in the budget"
                continue
            run_step(step, out, left)
        if not args.smoke:
            steps.append(big_step(steps[1], out, args.budget - (time.perf_counter() - started)))
    total = time.perf_counter() - started
    summary(steps)
    args.results.write_text(markdown(steps, machine(), args.budget, total) + "\n", encoding="utf-8")
    print(f"\nwrote {args.results} ({total:.0f} s)")
    return 0 if all(s.returncode == 0 or s.skipped for s in steps) else 1


def big_step(store_step: Step, out: Path, left: float) -> Step:
    step = Step("store-1M", ["--sizes", str(BIG), "--incremental", "0", "--dir", str(out)], script="store")
    estimate = big_store_estimate(store_step)
    if estimate is None:
        step.skipped = "skipped: no 100k estimate to judge the 1M run by"
    elif estimate * BIG_MARGIN > left:
        step.skipped = f"skipped: estimated {estimate:.0f} s for 1M relations, {max(0.0, left):.0f} s left"
    else:
        run_step(step, out, left)
    return step


if __name__ == "__main__":
    raise SystemExit(main())
