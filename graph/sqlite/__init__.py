"""The embedded default store: one SQLite file (stdlib sqlite3, WAL, FTS5)."""

from graph.sqlite.store import SqliteStore

__all__ = ["SqliteStore"]
