"""Open the store a settings value names: a Neo4j URI, or else the path of a SQLite file."""

from __future__ import annotations

import re

from graph.errors import InvalidInput
from graph.settings import Settings, get_settings
from graph.store import GraphStore

NEO4J_SCHEMES = frozenset({"neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc"})
# A URL scheme is at least two characters, so Windows drive letters ("C:\\...") stay file paths.
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+)://")


def store_scheme(uri: str) -> str | None:
    """The URL scheme of `uri` in lower case, or None for a plain file path."""
    match = _SCHEME.match(uri.strip())
    return match.group(1).lower() if match else None


def open_store(uri: str, settings: Settings | None = None) -> GraphStore:
    """neo4j://, neo4j+s://, neo4j+ssc://, bolt://, bolt+s://, bolt+ssc:// open Neo4j; a path opens SQLite.

    Raises InvalidInput for any other URL scheme, StoreUnavailable or StoreCorrupt when the store
    cannot be opened.
    """
    settings = settings or get_settings()
    if not uri or not uri.strip():
        raise InvalidInput("no store given: a SQLite file path or a neo4j:// / bolt:// URI")
    scheme = store_scheme(uri)
    if scheme in NEO4J_SCHEMES:
        # Imported only when used: SQLite users never load the driver.
        from graph.neo4j import Neo4jStore

        return Neo4jStore(uri.strip(), settings=settings)
    if scheme == "file":
        uri = uri.strip()[len("file://") :]
    elif scheme is not None:
        raise InvalidInput(f"unsupported store URI scheme {scheme!r}: use a file path, neo4j:// or bolt://")
    from graph.sqlite import SqliteStore

    return SqliteStore(uri, timeout_s=settings.query_timeout_s)
