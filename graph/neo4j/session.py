"""Running statements: reads one query at a time with a time limit, writes in managed transactions.

Reads go through `Driver.execute_query` with `neo4j.Query(..., timeout=...)`, so the server stops a
query past its time (QueryTimeout); an operation of several queries shares one deadline. Writes run
in `Session.execute_write`, so transient failures (deadlocks, leader changes) are retried by the driver
and a document is written whole or not at all. Write sessions share the driver's bookmark manager
with `execute_query`, so a read after a write sees it, also on a cluster.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

import neo4j

from graph.errors import QueryTimeout
from graph.neo4j.connect import is_schema_race, neo4j_errors_as_ours

T = TypeVar("T")
Row = dict[str, Any]
# Rows per UNWIND statement: big enough to be fast, small enough for any server's memory.
BATCH = 1000
_MIN_TIMEOUT_S = 0.05


class Tx(Protocol):
    """What writes need of a transaction (neo4j.ManagedTransaction, or a recording stand-in in tests)."""

    def run(self, query: str, parameters: dict[str, Any] | None = None) -> Any: ...


def run(tx: Tx, statement: str, **params: Any) -> list[Row]:
    return [dict(row) for row in tx.run(statement, params).data()]


def batches(items: Sequence[T], size: int = BATCH) -> Iterator[list[T]]:
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


def run_batched(tx: Tx, statement: str, key: str, items: Sequence[Any], **params: Any) -> list[Row]:
    """Run `statement` once per batch of `items`, passed as parameter `key`."""
    found: list[Row] = []
    for chunk in batches(items):
        found.extend(run(tx, statement, **{key: chunk}, **params))
    return found


class Db:
    def __init__(
        self, driver: Any, database: str | None, address: str, timeout_s: float, write_timeout_s: float
    ) -> None:
        self.driver = driver
        self.database = database
        self.address = address
        self.timeout_s = timeout_s
        self.write_timeout_s = write_timeout_s

    def deadline(self) -> float:
        return time.monotonic() + self.timeout_s

    def read(self, statement: str, deadline: float | None = None, **params: Any) -> list[Row]:
        """One query, stopped by the server once `deadline` (default: now + timeout) has passed."""
        remaining = (deadline if deadline is not None else self.deadline()) - time.monotonic()
        if remaining <= 0:
            raise QueryTimeout("the query took too long and was stopped")
        query = neo4j.Query(statement, timeout=max(remaining, _MIN_TIMEOUT_S))
        with neo4j_errors_as_ours(self.address):
            records, _summary, _keys = self.driver.execute_query(
                query, params, routing_=neo4j.RoutingControl.READ, database_=self.database
            )
            return [dict(record.data()) for record in records]

    def write(self, work: Callable[[Tx], T]) -> T:
        """Run `work` in one managed write transaction (retried by the driver on transient errors)."""
        with neo4j_errors_as_ours(self.address):
            return self._execute_write(work)

    def _execute_write(self, work: Callable[[Tx], T]) -> T:
        bounded = neo4j.unit_of_work(timeout=self.write_timeout_s)(work)
        with self.driver.session(
            database=self.database, bookmark_manager=self.driver.execute_query_bookmark_manager
        ) as session:
            return session.execute_write(bounded)

    def run_schema(self, statement: str, **params: Any) -> list[Row]:
        """A schema command, in its own transaction (schema and data changes cannot share one).

        Losing a creation race to another client ("equivalent schema already exists") is success.
        """

        def work(tx: Tx) -> list[Row]:
            return run(tx, statement, **params)

        with neo4j_errors_as_ours(self.address):
            try:
                return self._execute_write(work)
            except Exception as exc:
                if is_schema_race(exc):
                    return []
                raise

    def close(self) -> None:
        self.driver.close()
