"""Pause the cyclic garbage collector during bulk loads.

A bulk load allocates many small objects while the caller often holds many more (the documents being
loaded); each collection then walks them all, which can cost more than the load itself. Nothing we
allocate here forms reference cycles, so pausing is safe. A counter keeps overlapping pauses from
different threads from switching the collector back on too early, or leaving it off.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
