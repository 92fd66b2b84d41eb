"""Connections: one per thread, WAL, a time bound on reads, SQLite errors turned into ours.

Reads run inside one read transaction, so a reader sees a whole document or none of it; writes take
the write lock up front (BEGIN IMMEDIATE) and wait for it up to the busy timeout.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graph.errors import QueryTimeout, StoreCorrupt, StoreError, StoreUnavailable
from graph.sqlite.schema import check_file, check_identity, create_schema

_PROGRESS_STEPS = 2000  # SQLite VM instructions between deadline checks
_INIT_ATTEMPTS = 50

# Closing any descriptor of a file drops every POSIX lock this process holds on it, SQLite's included:
# another process may then take itself for the file's last user and delete the WAL under our open
# connections (sqlite.org/howtocorrupt.html, 2.2). So the header is read through a descriptor of our
# own only while no connection of this process has the file open.
_FILES_LOCK = threading.Lock()
_OPEN_FILES: Counter[str] = Counter()


@contextmanager
def sqlite_errors() -> Iterator[None]:
    """Translate SQLite failures into the store errors users see (no SQL, no paths)."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        text = str(exc).lower()
        if "interrupted" in text:
            raise QueryTimeout("the query took too long and was stopped") from None
        if "locked" in text or "busy" in text:
            raise StoreUnavailable("the store is busy; try again") from None
        if "malformed" in text or "not a database" in text:
            raise StoreCorrupt("the store file is damaged") from None
        if "unable to open" in text or "disk i/o" in text or "readonly" in text or "full" in text:
            raise StoreUnavailable("the store file cannot be used (disk or permission problem)") from None
        raise StoreError("the store failed to answer") from None
    except sqlite3.DatabaseError as exc:
        text = str(exc).lower()
        if "malformed" in text or "not a database" in text or "corrupt" in text:
            raise StoreCorrupt("the store file is damaged") from None
        raise StoreError("the store failed to answer") from None


class Connections:
    """Hands each thread its own connection to one store file."""

    def __init__(self, path: Path, timeout_s: float, busy_timeout_s: float) -> None:
        self.path = path
        self._key = str(path.resolve())
        self.timeout_s = timeout_s
        self.busy_ms = int(busy_timeout_s * 1000)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[sqlite3.Connection] = []
        self._closed = False
        self._deadline = threading.local()
        with sqlite_errors():
            self._open()  # fail now, in the caller's thread, if the file is unusable

    def _open(self) -> sqlite3.Connection:
        if self._closed:
            raise StoreUnavailable("the store is closed")
        with _FILES_LOCK:
            is_new = check_file(self.path) if not _OPEN_FILES[self._key] else False
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=0)
            _OPEN_FILES[self._key] += 1
        try:
            conn.execute(f"PRAGMA busy_timeout = {self.busy_ms}")
            needs_schema = check_identity(conn) or is_new
            if needs_schema:
                self._initialise(conn)
            else:
                conn.execute("PRAGMA journal_mode = WAL")
            for pragma in (
                "foreign_keys = ON",
                "synchronous = NORMAL",
                "temp_store = MEMORY",
                "cache_size = -131072",  # up to 128 MiB, only as pages are used
                "mmap_size = 1073741824",
            ):
                conn.execute(f"PRAGMA {pragma}")
        except BaseException:
            self._forget(conn)
            raise
        with self._lock:
            self._all.append(conn)
        self._local.conn = conn
        return conn

    def _initialise(self, conn: sqlite3.Connection) -> None:
        # Several processes may create the same new file at once; switching to WAL needs a moment
        # alone with the file, so retry while another process holds it.
        for attempt in range(_INIT_ATTEMPTS):
            try:
                conn.execute("PRAGMA journal_mode = WAL")
                create_schema(conn)
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc).lower() or attempt == _INIT_ATTEMPTS - 1:
                    raise
                time.sleep(0.02 * (attempt + 1))

    def get(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            with sqlite_errors():
                conn = self._open()
        elif self._closed:
            raise StoreUnavailable("the store is closed")
        return conn

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """One consistent snapshot, bounded by the query timeout (QueryTimeout past it)."""
        conn = self.get()
        deadline = time.monotonic() + self.timeout_s
        self._deadline.at = deadline
        conn.set_progress_handler(lambda: int(time.monotonic() > deadline), _PROGRESS_STEPS)
        try:
            with sqlite_errors():
                conn.execute("BEGIN")
                try:
                    yield conn
                finally:
                    conn.set_progress_handler(None, 0)
                    if conn.in_transaction:
                        conn.execute("COMMIT")
        finally:
            conn.set_progress_handler(None, 0)
            self._deadline.at = None

    def check_deadline(self) -> None:
        """For loops in Python between queries: stop once the read's time is up."""
        at = getattr(self._deadline, "at", None)
        if at is not None and time.monotonic() > at:
            raise QueryTimeout("the query took too long and was stopped")

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: everything inside commits together or not at all."""
        conn = self.get()
        with sqlite_errors():
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._closed = True
            connections, self._all = self._all, []
        for conn in connections:
            self._forget(conn)

    def _forget(self, conn: sqlite3.Connection) -> None:
        # Closing is best effort: the file itself is consistent after every commit.
        with contextlib.suppress(sqlite3.Error):
            conn.close()
        with _FILES_LOCK:
            _OPEN_FILES[self._key] -= 1
            if _OPEN_FILES[self._key] <= 0:
                del _OPEN_FILES[self._key]
