"""The schema, created on connect: uniqueness constraints, lookup indexes, full-text indexes.

Idempotent and safe to run from several clients at once: only what is missing is created, each
with IF NOT EXISTS, and the "already exists" answer of a client that lost a race is ignored. Then
we wait for the indexes to be online, since a full-text query fails on an index still populating.
"""

from __future__ import annotations

from graph.errors import StoreError, StoreUnavailable
from graph.neo4j import cypher as c
from graph.neo4j.session import Db

AWAIT_INDEXES_S = 120


def missing(db: Db) -> list[str]:
    """The names of our constraints and indexes the database lacks, constraints first."""
    constraints = {row["name"] for row in db.read(c.SHOW_CONSTRAINTS)}
    indexes = {row["name"] for row in db.read(c.SHOW_INDEXES)}
    return [name for name in c.CONSTRAINTS if name not in constraints] + [
        name for name in c.INDEXES if name not in indexes
    ]


def ensure_schema(db: Db) -> None:
    """Create what is missing and wait until every index is online. Raises StoreUnavailable."""
    statements = {**c.CONSTRAINTS, **c.INDEXES}
    for name in missing(db):
        db.run_schema(statements[name])
    try:
        db.run_schema(c.AWAIT_INDEXES, seconds=AWAIT_INDEXES_S)
    except StoreUnavailable:
        raise
    except StoreError:
        raise StoreUnavailable("the Neo4j indexes militant-kg needs did not come online in time") from None
