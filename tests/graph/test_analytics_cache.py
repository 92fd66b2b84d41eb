"""The analytics cache: bounded, expiring, and emptied on demand."""

from __future__ import annotations

import threading

from graph.analytics.cache import AnalyticsCache, Lru


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_result_is_computed_once_per_key() -> None:
    cache = AnalyticsCache()
    calls: list[str] = []

    def compute(tag: str) -> str:
        calls.append(tag)
        return tag.upper()

    assert cache.result(("fp", "a"), lambda: compute("a")) == "A"
    assert cache.result(("fp", "a"), lambda: compute("a")) == "A"
    assert cache.result(("fp2", "a"), lambda: compute("a")) == "A"  # a new store state misses
    assert calls == ["a", "a"]
    cache.invalidate()
    cache.result(("fp", "a"), lambda: compute("a"))
    assert calls == ["a", "a", "a"]


def test_entries_expire_and_the_least_recent_goes_first() -> None:
    clock = Clock()
    lru = Lru(max_entries=2, ttl_s=10, clock=clock)
    lru.put("a", 1)
    lru.put("b", 2)
    assert lru.get("a") == (True, 1)  # a is now the most recent
    lru.put("c", 3)
    assert lru.get("b") == (False, None)
    assert len(lru) == 2
    clock.now = 11
    assert lru.get("a") == (False, None)
    assert lru.get("c") == (False, None)
    assert len(lru) == 0


def test_racing_requests_compute_a_cold_key_once() -> None:
    cache = AnalyticsCache()
    started = threading.Event()
    release = threading.Event()
    calls: list[int] = []

    def slow() -> str:
        calls.append(1)
        started.set()
        release.wait(5)
        return "network"

    answers: list[str] = []
    first = threading.Thread(target=lambda: answers.append(cache.graph("k", slow)))
    first.start()
    started.wait(5)
    others = [threading.Thread(target=lambda: answers.append(cache.graph("k", slow))) for _ in range(3)]
    for thread in others:
        thread.start()
    release.set()
    for thread in [first, *others]:
        thread.join(5)
    assert answers == ["network"] * 4
    assert calls == [1]
