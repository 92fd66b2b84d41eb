"""A bounded loopback load generator: `wrk` when installed (apt-get install wrk), else Python threads.

Both hit a list of paths round-robin for a fixed time with a fixed number of connections and give
requests/s, p50/p99 latency and the number of failed (non-2xx or broken) requests.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.common import percentile

MAX_PYTHON_REQUESTS = 200_000  # the Python client also stops here, whatever the duration


@dataclass
class LoadResult:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    failed: int
    tool: str

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def find_wrk(install: bool) -> str | None:
    """The wrk binary; with `install`, try Debian's package once when it is missing (needs root)."""
    found = shutil.which("wrk")
    if found or not install or shutil.which("apt-get") is None:
        return found
    env = {"DEBIAN_FRONTEND": "noninteractive", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"}
    for command in (["apt-get", "install", "-y", "-q", "wrk"], ["apt-get", "update", "-q"]):
        subprocess.run(command, capture_output=True, timeout=300, env=env, check=False)
        found = shutil.which("wrk")
        if found:
            return found
    subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], capture_output=True, timeout=300, env=env)
    return shutil.which("wrk")


_LUA = """
paths = {%s}
i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
"""


def _lua_string(path: str) -> str:
    return '"' + path.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def run_wrk(wrk: str, base: str, paths: list[str], seconds: float, connections: int) -> LoadResult:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_LUA % ", ".join(_lua_string(p) for p in paths))
    try:
        out = subprocess.run(
            [
                wrk,
                "-t1",
                f"-c{connections}",
                f"-d{max(1, round(seconds))}s",
                "--latency",
                "-s",
                script.name,
                base,
            ],
            capture_output=True,
            text=True,
            timeout=seconds + 60,
            check=True,
        ).stdout
    finally:
        Path(script.name).unlink(missing_ok=True)
    total = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m)", out)
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s|m)", out)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s|m)", out)
    if not (total and p50 and p99):
        raise RuntimeError(f"unexpected wrk output:\n{out}")
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    failed = int(non2xx.group(1)) if non2xx else 0
    if errors:
        failed += sum(int(g) for g in errors.groups())
    return LoadResult(
        requests=int(total.group(1)),
        seconds=_ms(total.group(2), total.group(3)) / 1000,
        p50_ms=_ms(*p50.groups()),
        p99_ms=_ms(*p99.groups()),
        failed=failed,
        tool="wrk",
    )


def run_python(base: str, paths: list[str], seconds: float, connections: int) -> LoadResult:
    """Threads with one keep-alive httpx client each, until `seconds` or MAX_PYTHON_REQUESTS."""
    latencies: list[list[float]] = [[] for _ in range(connections)]
    failures = [0] * connections
    deadline = time.perf_counter() + seconds
    budget = MAX_PYTHON_REQUESTS // connections

    def worker(slot: int) -> None:
        with httpx.Client(base_url=base, timeout=30.0) as client:
            i = slot
            while time.perf_counter() < deadline and len(latencies[slot]) < budget:
                start = time.perf_counter()
                try:
                    ok = client.get(paths[i % len(paths)]).status_code < 400
                except httpx.HTTPError:
                    ok = False
                latencies[slot].append((time.perf_counter() - start) * 1000)
                failures[slot] += not ok
                i += connections

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(slot,)) for slot in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    flat = [x for slot in latencies for x in slot]
    return LoadResult(len(flat), elapsed, percentile(flat, 50), percentile(flat, 99), sum(failures), "python")


def run_load(wrk: str | None, base: str, paths: list[str], seconds: float, connections: int) -> LoadResult:
    if wrk:
        return run_wrk(wrk, base, paths, seconds, connections)
    return run_python(base, paths, seconds, connections)
