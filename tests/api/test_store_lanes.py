"""Store work runs on a few lanes per server process; long jobs use the general thread pool."""

from __future__ import annotations

import threading
import time
from collections.abc import Awaitable, Callable

import anyio

from api.deps import STORE_LANES, in_pool, in_thread


class Gauge:
    """How many calls run at the same moment, at most."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now = 0
        self.most = 0

    def work(self, seconds: float) -> str:
        with self.lock:
            self.now += 1
            self.most = max(self.most, self.now)
        time.sleep(seconds)
        with self.lock:
            self.now -= 1
        return threading.current_thread().name


def run_at_once(runner: Callable[..., Awaitable[str]], gauge: Gauge, n: int) -> list[str]:
    async def main() -> list[str]:
        names: list[str] = []

        async def one() -> None:
            names.append(await runner(gauge.work, 0.05))

        async with anyio.create_task_group() as group:
            for _ in range(n):
                group.start_soon(one)
        return names

    return anyio.run(main)


def test_store_work_never_runs_on_more_than_the_store_lanes_at_once() -> None:
    gauge = Gauge()
    names = run_at_once(in_thread, gauge, 8)
    assert len(names) == 8  # every call answered
    assert gauge.most == STORE_LANES
    assert threading.current_thread().name not in names  # off the event loop's thread


def test_long_jobs_do_not_wait_for_store_lanes() -> None:
    gauge = Gauge()
    run_at_once(in_pool, gauge, 8)
    assert gauge.most > STORE_LANES


def test_lanes_work_across_event_loops() -> None:
    # Each test client runs its own event loop; a limiter made for one must not be used by another.
    for _ in range(3):
        gauge = Gauge()
        run_at_once(in_thread, gauge, 4)
        assert gauge.most == STORE_LANES
