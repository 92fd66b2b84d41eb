"""What every benchmark shares: timing, percentiles, peak memory, the printed table and the JSON record.

Each benchmark prints one table (`name  figure  value  unit`) and one `GOAL` line per goal it checks,
and with `--json PATH` also writes those figures for bench/run_all.py. Goals are reported, never
asserted: a benchmark that misses one still exits 0 (CI runs the smoke versions for rot, not speed).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of `values`; 0.0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


@contextmanager
def stopwatch() -> Iterator[Callable[[], float]]:
    """`with stopwatch() as elapsed:` ... `elapsed()`: seconds since the block began (frozen at its end)."""
    start = time.perf_counter()
    end: list[float] = []
    yield lambda: (end[0] if end else time.perf_counter()) - start
    end.append(time.perf_counter())


def latencies_ms(call: Callable[[], object], repeat: int, warmup: int = 3) -> list[float]:
    """Run `call` `warmup` times untimed, then `repeat` times; each run's latency in milliseconds."""
    for _ in range(warmup):
        call()
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        out.append((time.perf_counter() - start) * 1000)
    return out


def peak_rss_mb(children: bool = False) -> float:
    """Peak resident memory of this process (or of its finished children) in MiB (Linux reports KiB)."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024


def proc_status(field: str, pid: int | str = "self") -> int:
    """One number of /proc/PID/status (memory figures are in KiB); 0 when unknown."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def status_mb(field: str, pid: int | str = "self") -> float:
    """A memory figure of /proc/PID/status in MiB (VmHWM: peak RSS; RssAnon: private memory now).

    RSS counts the pages of the store file SQLite maps (mmap) once per connection that touched
    them, though they are shared page cache; RssAnon is the process's own memory.
    """
    return proc_status(field, pid) / 1024


@dataclass
class Goal:
    name: str
    value: float
    target: float
    unit: str
    higher_is_better: bool = True
    note: str = ""

    @property
    def met(self) -> bool:
        return self.value >= self.target if self.higher_is_better else self.value <= self.target

    def line(self) -> str:
        sign = ">=" if self.higher_is_better else "<="
        verdict = "MET" if self.met else "MISSED"
        note = f"  ({self.note})" if self.note else ""
        target = f"(target {sign} {fmt(self.target)})"
        return f"GOAL {self.name}: {fmt(self.value)} {self.unit} {target} {verdict}{note}"


@dataclass
class Report:
    """One benchmark's figures: rows of (case, figure, value, unit), goals, and free-text notes."""

    bench: str
    params: dict[str, Any] = field(default_factory=dict)
    rows: list[tuple[str, str, float, str]] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    load_at_start: float = 0.0

    def add(self, case: str, figure: str, value: float, unit: str = "") -> None:
        self.rows.append((case, figure, value, unit))
        print(f"  {case:<28} {figure:<20} {fmt(value):>12} {unit}", flush=True)

    def goal(self, goal: Goal) -> None:
        self.goals.append(goal)

    def note(self, text: str) -> None:
        self.notes.append(text)

    def header(self) -> None:
        self.load_at_start = load_average()
        shown = " ".join(f"{k}={v}" for k, v in self.params.items())
        print(f"== {self.bench} ({shown}) load={self.load_at_start:.1f}", flush=True)

    def finish(self, json_path: Path | None) -> None:
        for goal in self.goals:
            print(goal.line())
        for note in self.notes:
            print(f"NOTE {note}")
        print(f"  {'process':<28} {'peak RSS':<20} {fmt(peak_rss_mb()):>12} MiB", flush=True)
        print(f"  {'process':<28} {'private memory now':<20} {fmt(status_mb('RssAnon')):>12} MiB", flush=True)
        if json_path is not None:
            record = {
                "bench": self.bench,
                "params": self.params,
                "rows": self.rows,
                "goals": [{**asdict(g), "met": g.met} for g in self.goals],
                "notes": self.notes,
                "peak_rss_mb": peak_rss_mb(),
                # 1-minute load averages: other work on the machine while this ran skews its figures
                "load_average": [round(self.load_at_start, 1), round(load_average(), 1)],
            }
            json_path.write_text(json.dumps(record, indent=1), encoding="utf-8")


def fmt(value: float) -> str:
    if isinstance(value, int) or (abs(value) >= 100 and float(value).is_integer()):
        return f"{int(value):,}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def base_parser(description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--smoke", action="store_true", help="tiny sizes: checks the benchmark runs (CI)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this JSON file")
    return parser


def load_average() -> float:
    return os.getloadavg()[0]


def machine() -> dict[str, str]:
    """What the numbers were measured on."""
    cpu = "unknown"
    mem_gib = 0.0
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem_gib = int(line.split()[1]) / 1024 / 1024
                break
    except OSError:
        pass
    return {
        "cores": str(os.cpu_count()),
        "cpu": cpu,
        "ram": f"{mem_gib:.0f} GiB",
        "python": platform.python_version(),
        "sqlite": _sqlite_version(),
        "os": platform.platform(terse=True),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": _commit(),
    }


def _sqlite_version() -> str:
    import sqlite3

    return sqlite3.sqlite_version


def _commit() -> str:
    try:
        command = ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"]
        out = subprocess.run(command, capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return out.stdout.strip() or "unknown"


def python() -> str:
    return sys.executable
