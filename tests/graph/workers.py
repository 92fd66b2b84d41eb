"""Functions run in child processes by the concurrency tests.

Children come from a fork server that has already imported this module: each starts in milliseconds
and holds no SQLite connection inherited from the test process (SQLite must not cross a fork).
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.pool import Pool

from graph.open import open_store
from graph.settings import Settings
from tests.graph import factories as f


def pool(n: int) -> Pool:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tests.graph.workers"])
    return context.Pool(n)


def write_world_doc(spec: str, index: int) -> bool:
    """Write one of the world documents; True when this call created it."""
    store = open_store(spec, Settings(store=spec))
    try:
        return store.write_document(f.world()[index % 3]).created
    finally:
        store.close()


def write_overlapping(spec: str, worker: int) -> list[bool]:
    """The three world documents in a worker-specific order, then a chain shared with the neighbours."""
    store = open_store(spec, Settings(store=spec))
    try:
        docs = f.world()
        order = [docs[(worker + k) % 3] for k in range(3)]
        chain = f.chain_doc(f"chain{worker}", [f"Node {worker + k}" for k in range(3)])
        return [store.write_document(graph).created for graph in [*order, chain]]
    finally:
        store.close()
