"""A process that loads the extractor once, then forks ingest processes on request.

Crash and concurrency tests need many real ingest processes. Loading spaCy in each would take most of
the test's time, and forking the pytest process itself is unsafe (it runs threads). This driver is a
fresh single-threaded process: it warms the extractor, then each child it forks starts in milliseconds
with its own store connection (none is opened before a fork).

Protocol, one JSON object per line: the driver prints {"ready": true} once warm, then reads commands
on stdin and answers each on stdout.

    {"op": "ingest", "jobs": [[path, ...], ...], "pause": {"after": k, "marker": path}?}
        forks one child per job, each running ingest_paths on its paths; answers {"pids": [...]}
        at once, then {"codes": [...]} when all have ended (exit code, or -signal when killed).
        With "pause", a child commits k documents, then stops inside the next write transaction,
        after all its rows are written and before COMMIT, and writes `marker`: a test kills it there.
    {"op": "upload", "path": p, "copies": n}
        forks n children that each ingest the bytes of p with ingest_bytes, released together;
        answers {"codes": [...]}: 10 = created, 11 = already stored, 1 = failed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import IO, Any

from graph.open import open_store
from graph.settings import Settings

CREATED = 10
UNCHANGED = 11
ROOT = Path(__file__).resolve().parents[2]


class Driver:
    """The test's side: start a driver on a store, send commands, read answers."""

    def __init__(self, store_uri: str, *, env: dict[str, str] | None = None) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.support.ingest_driver", store_uri],
            cwd=ROOT,
            env={**os.environ, **(env or {})},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.read() == {"ready": True}

    def send(self, command: dict[str, Any]) -> None:
        stdin: IO[str] | None = self.proc.stdin
        assert stdin is not None
        stdin.write(json.dumps(command) + "\n")
        stdin.flush()

    def read(self) -> dict[str, Any]:
        stdout: IO[str] | None = self.proc.stdout
        assert stdout is not None
        line = stdout.readline()
        if not line:
            raise RuntimeError(f"the ingest driver ended (exit code {self.proc.wait()})")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=60)
        if self.proc.stdout is not None:
            self.proc.stdout.close()

    def __enter__(self) -> Driver:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc.poll() is None and exc[0] is not None:
            self.proc.kill()
        self.close()


def _answer(payload: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(payload) + "\n")
    sys.stdout.flush()


def _pause_inside_writes(after: int, marker: str) -> None:
    """Make this process stop inside its write transaction number `after + 1`, just before COMMIT."""
    import time
    from collections.abc import Iterator
    from contextlib import contextmanager

    from graph.sqlite.conn import Connections

    original = Connections.write
    done = 0

    @contextmanager
    def write(self: Connections) -> Iterator[Any]:
        nonlocal done
        with original(self) as conn:
            yield conn
            if done >= after:
                Path(marker).write_text("inside a write transaction", encoding="utf-8")
                time.sleep(3600)
            done += 1

    Connections.write = write  # type: ignore[method-assign]


def _ingest_child(store_uri: str, paths: list[str], pause: dict[str, Any] | None = None) -> int:
    from ingest.pipeline import ingest_paths

    if pause:
        _pause_inside_writes(pause["after"], pause["marker"])
    store = open_store(store_uri, Settings(store=store_uri))
    try:
        report = ingest_paths([Path(p) for p in paths], store, settings=Settings(store=store_uri))
    finally:
        store.close()
    return 0 if report.ok else 1


def _upload_child(store_uri: str, path: str, gate: tuple[int, int]) -> int:
    from ingest.pipeline import ingest_bytes

    os.close(gate[1])
    os.read(gate[0], 1)  # every child waits here until the driver closes the gate: they start together
    store = open_store(store_uri, Settings(store=store_uri))
    try:
        outcome = ingest_bytes(store, Path(path).read_bytes(), Path(path).name, settings=Settings())
    finally:
        store.close()
    return CREATED if outcome.status == "ingested" else UNCHANGED


def _fork(run: Any, *args: Any) -> int:
    pid = os.fork()
    if pid == 0:  # the child: run, then leave without running the parent's clean-up
        code = 1
        try:
            code = run(*args)
        except BaseException as exc:  # a child must report, never fall back into the driver's loop
            sys.stderr.write(f"child failed: {type(exc).__name__}: {exc}\n")
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    return pid


def _wait(pids: list[int]) -> list[int]:
    codes = []
    for pid in pids:
        _, status = os.waitpid(pid, 0)
        codes.append(os.waitstatus_to_exitcode(status))
    return codes


def main(store_uri: str) -> int:
    from ingest.extract import extract

    extract("Masood Azhar leads Jaish-e-Mohammed, which is based in Bahawalpur.", doc_date=None)
    _answer({"ready": True})
    for line in sys.stdin:
        command = json.loads(line)
        if command["op"] == "ingest":
            pids = [_fork(_ingest_child, store_uri, job, command.get("pause")) for job in command["jobs"]]
            _answer({"pids": pids})
            _answer({"codes": _wait(pids)})
        elif command["op"] == "upload":
            gate_read, gate_write = os.pipe()
            pids = [
                _fork(_upload_child, store_uri, command["path"], (gate_read, gate_write))
                for _ in range(command["copies"])
            ]
            os.close(gate_write)  # every child's read returns now
            os.close(gate_read)
            _answer({"codes": _wait(pids)})
        else:
            _answer({"error": f"unknown op {command['op']!r}"})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
