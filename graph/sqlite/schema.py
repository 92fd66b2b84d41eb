"""The store file: its schema, and the checks that tell a militant-kg store from anything else.

A file is ours when SQLite's header carries our application id; `PRAGMA user_version` is the schema
version. A file that is not ours, or is truncated, is refused with StoreCorrupt — never re-initialised.
"""

from __future__ import annotations

import re
import sqlite3
import struct
import time
from pathlib import Path

from graph.errors import StoreCorrupt, StoreUnavailable

APPLICATION_ID = 0x6D6B6721  # "mkg!"
SCHEMA_VERSION = 1
_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100
_TOKENIZE = "unicode61 remove_diacritics 2"

# Integer `num` keys are internal (joins stay small); the public ids are the `id` columns.
# relations.miss is prod(1 - confidence) over its documents (confidence = 1 - miss, capped);
# relations.n_sources counts distinct named sources up to 2 (all credibility needs), and
# relations.source_key is that one source while there is exactly one.
# Contribution tables are keyed by document first, so a load appends to them; evidence ids
# (graph.ids.evidence_id) are unique by construction: a document is written once, its evidence deduplicated.
SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE documents (
    num INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT,
    date TEXT,
    source TEXT,
    source_key TEXT,
    reliability TEXT NOT NULL,
    filename TEXT,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    ingested_at TEXT NOT NULL,
    n_entities INTEGER NOT NULL,
    n_relations INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX documents_newest ON documents (ingested_at DESC, num DESC);
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title, text, content='documents', content_rowid='num', tokenize='{_TOKENIZE}'
);

CREATE TABLE entities (
    num INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    folded TEXT NOT NULL,
    aliases TEXT NOT NULL,
    attributes TEXT NOT NULL,
    degree INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entities_by_degree ON entities (degree DESC, name);
CREATE VIRTUAL TABLE entities_fts USING fts5 (name, aliases, folded, tokenize='{_TOKENIZE}', prefix='2 3');

CREATE TABLE entity_names (
    folded TEXT NOT NULL,
    entity INTEGER NOT NULL REFERENCES entities (num) ON DELETE CASCADE,
    PRIMARY KEY (folded, entity)
) WITHOUT ROWID;
CREATE INDEX entity_names_entity ON entity_names (entity);

CREATE TABLE entity_docs (
    doc INTEGER NOT NULL REFERENCES documents (num) ON DELETE CASCADE,
    entity INTEGER NOT NULL REFERENCES entities (num) ON DELETE CASCADE,
    name TEXT NOT NULL,
    aliases TEXT,
    attributes TEXT,
    PRIMARY KEY (doc, entity)
) WITHOUT ROWID;
CREATE INDEX entity_docs_entity ON entity_docs (entity);

CREATE TABLE relations (
    num INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    source INTEGER NOT NULL REFERENCES entities (num),
    target INTEGER NOT NULL REFERENCES entities (num),
    confidence REAL NOT NULL,
    miss REAL NOT NULL,
    first_seen TEXT,
    last_seen TEXT,
    credibility INTEGER NOT NULL,
    reliability TEXT,
    n_documents INTEGER NOT NULL,
    n_sources INTEGER NOT NULL,
    source_key TEXT,
    attributes TEXT NOT NULL
);
-- Each node's relations strongest first, covering: capped neighbourhoods read only what they keep.
CREATE INDEX relations_out ON relations (source, n_documents DESC, confidence DESC, type, target);
CREATE INDEX relations_in ON relations (target, n_documents DESC, confidence DESC, type, source);
CREATE INDEX relations_type ON relations (type);

CREATE TABLE relation_docs (
    doc INTEGER NOT NULL REFERENCES documents (num) ON DELETE CASCADE,
    relation INTEGER NOT NULL REFERENCES relations (num) ON DELETE CASCADE,
    confidence REAL NOT NULL,
    first_seen TEXT,
    last_seen TEXT,
    attributes TEXT,
    PRIMARY KEY (doc, relation)
) WITHOUT ROWID;
CREATE INDEX relation_docs_relation ON relation_docs (relation);

CREATE TABLE evidence (
    num INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    relation INTEGER NOT NULL REFERENCES relations (num) ON DELETE CASCADE,
    doc INTEGER NOT NULL REFERENCES documents (num) ON DELETE CASCADE,
    sentence TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    date TEXT,
    confidence REAL NOT NULL,
    method TEXT NOT NULL
);
CREATE INDEX evidence_relation ON evidence (relation, confidence DESC);
CREATE INDEX evidence_doc ON evidence (doc);
"""


SECONDARY_INDEXES = re.findall(r"^CREATE INDEX (\w+) ON [^;]+;", SCHEMA, flags=re.MULTILINE)


def drop_secondary_indexes(conn: sqlite3.Connection) -> list[str]:
    """For a bulk load: drop the lookup indexes (not the unique ids); returns their definitions."""
    definitions = []
    for name in SECONDARY_INDEXES:
        (sql,) = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)
        ).fetchone()
        definitions.append(sql)
        conn.execute(f"DROP INDEX {name}")
    return definitions


def create_indexes(conn: sqlite3.Connection, definitions: list[str]) -> None:
    for sql in definitions:
        conn.execute(sql)


def check_file(path: Path) -> bool:
    """Raise unless `path` can hold a store; True when it is new (absent or empty)."""
    if path.is_dir():
        raise StoreUnavailable("the store path is a folder, not a file")
    if not path.parent.is_dir():
        raise StoreUnavailable("the store's folder does not exist")
    if not path.exists():
        return True
    for attempt in range(3):
        try:
            problem = _header_problem(path)
        except OSError:
            raise StoreUnavailable("the store file cannot be read") from None
        if problem is None or problem == "empty":
            return problem == "empty"
        if problem == "not sqlite":
            raise StoreCorrupt("the store file is not a militant-kg store (not a SQLite database)")
        # A checkpoint in another process can grow the file just after updating its header: look again.
        if attempt < 2:
            time.sleep(0.05)
    raise StoreCorrupt("the store file is truncated or damaged")


def _header_problem(path: Path) -> str | None:
    with path.open("rb") as handle:
        header = handle.read(_HEADER_SIZE)
        size = handle.seek(0, 2)
    if size == 0:
        return "empty"
    if len(header) < _HEADER_SIZE or not header.startswith(_MAGIC):
        return "not sqlite"
    (raw_page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    if page_size < 512 or page_size & (page_size - 1):
        return "not sqlite"
    (change_counter,) = struct.unpack(">I", header[24:28])
    (n_pages,) = struct.unpack(">I", header[28:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    if size % page_size:
        return "truncated"
    if n_pages and change_counter == valid_for and size < n_pages * page_size:
        return "truncated"
    return None


def check_identity(conn: sqlite3.Connection) -> bool:
    """Raise unless the open database is ours (or empty); True when it still needs the schema."""
    # One snapshot for the three reads: another process may be creating the schema right now.
    outer = conn.in_transaction
    if not outer:
        conn.execute("BEGIN")
    try:
        (app_id,) = conn.execute("PRAGMA application_id").fetchone()
        (version,) = conn.execute("PRAGMA user_version").fetchone()
        (n_objects,) = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        if not outer:
            conn.execute("COMMIT")
    if app_id == 0 and n_objects == 0:
        return True
    if app_id != APPLICATION_ID:
        raise StoreCorrupt("the store file is a SQLite database but not a militant-kg store")
    if version > SCHEMA_VERSION:
        raise StoreUnavailable("the store was written by a newer version of militant-kg")
    if version < 1:
        raise StoreCorrupt("the store file is incomplete (no schema)")
    return False


def create_schema(conn: sqlite3.Connection) -> None:
    """Create the schema in one transaction, unless another process got there first."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        if check_identity(conn):
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute("INSERT INTO meta (key, value) VALUES ('application', 'militant-kg')")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
