"""Analytics results cached per store state, so a repeated question costs nothing until the data changes.

The key is a cheap store fingerprint plus the query's parameters. The fingerprint is the store's kind
and identity and its `stats()` counts: documents, entities by type, relations by type. Every write that
adds a document raises the document count and every delete lowers it, so a write changes the key and
stale entries simply stop being asked for. Counting is one cheap query per request on both stores, and
it sees writes made by other processes (a CLI ingest while the server runs), which an in-process write
counter would not.

One sequence can fool the counts: a document deleted and another ingested in its place whose entities
and relations come to exactly the same totals per type. For that, entries also expire after `ttl_s`,
and `invalidate()` empties the cache at once (write routes may call it).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from graph.store import GraphStore

T = TypeVar("T")

DEFAULT_TTL_S = 600.0
DEFAULT_MAX_RESULTS = 128
# Built graphs are large (every relation of the store): keep only the last few.
DEFAULT_MAX_GRAPHS = 2

Fingerprint = tuple[Hashable, ...]


def fingerprint(store: GraphStore) -> Fingerprint:
    stats = store.stats()
    return (
        stats.store,
        id(store),
        stats.documents,
        tuple(sorted(stats.entities.items())),
        tuple(sorted(stats.relations.items())),
    )


class Lru:
    """A bounded, thread-safe least-recently-used map whose entries expire after `ttl_s` seconds."""

    def __init__(self, max_entries: int, ttl_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._entries: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._max = max_entries
        self._ttl = ttl_s
        self._clock = clock
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> tuple[bool, Any]:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return False, None
            stored_at, value = found
            if self._clock() - stored_at > self._ttl:
                del self._entries[key]
                return False, None
            self._entries.move_to_end(key)
            return True, value

    def put(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._entries[key] = (self._clock(), value)
            self._entries.move_to_end(key)
            while len(self._entries) > self._max:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)


class AnalyticsCache:
    """Built graphs and analysis results, keyed by (fingerprint, name, parameters).

    Requests racing on a cold key compute it once: the first computes, the others wait for its result
    (building a large network twice at once would only double the wait for both).
    """

    def __init__(
        self,
        max_results: int = DEFAULT_MAX_RESULTS,
        max_graphs: int = DEFAULT_MAX_GRAPHS,
        ttl_s: float = DEFAULT_TTL_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.graphs = Lru(max_graphs, ttl_s, clock)
        self.results = Lru(max_results, ttl_s, clock)
        self._pending: dict[Hashable, threading.Lock] = {}
        self._pending_lock = threading.Lock()

    def graph(self, key: Hashable, build: Callable[[], T]) -> T:
        return self._through(self.graphs, ("graph", key), build)

    def result(self, key: Hashable, compute: Callable[[], T]) -> T:
        return self._through(self.results, ("result", key), compute)

    def _through(self, lru: Lru, key: Hashable, make: Callable[[], T]) -> T:
        hit, value = lru.get(key)
        if not hit:
            with self._pending_lock:
                gate = self._pending.setdefault(key, threading.Lock())
            with gate:
                hit, value = lru.get(key)  # made by whoever held the gate before us
                if not hit:
                    value = make()
                    lru.put(key, value)
            with self._pending_lock:
                self._pending.pop(key, None)
        found: T = value
        return found

    def invalidate(self) -> None:
        self.graphs.clear()
        self.results.clear()
