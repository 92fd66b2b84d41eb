"""SqliteStore: the embedded default GraphStore, one SQLite file (see graph/store.py for the contract)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from graph.docgraph import PreparedDocument, prepare
from graph.models import (
    DocumentDetail,
    DocumentGraph,
    DocumentHit,
    DocumentSummary,
    Entity,
    Page,
    PathResult,
    Relation,
    RelationFilter,
    Stats,
    Subgraph,
    WriteResult,
)
from graph.ontology import NodeType, RelType
from graph.sqlite import deletes, export, paths, reads, traverse
from graph.sqlite.conn import Connections
from graph.sqlite.nogc import gc_paused
from graph.sqlite.rows import entity_from_row, fetch_relations
from graph.sqlite.schema import create_indexes, drop_secondary_indexes
from graph.sqlite.writes import Reattribute, now_utc, refresh_attributes, write_batch
from graph.store import Direction


class SqliteStore:
    """A store in one SQLite file. Safe to share between threads and to write from several processes.

    `timeout_s` bounds every read (QueryTimeout past it); `busy_timeout_s` is how long a write waits
    for another writer before giving up with StoreUnavailable.
    """

    kind = "sqlite"

    def __init__(self, path: str | Path, *, timeout_s: float = 5.0, busy_timeout_s: float = 60.0) -> None:
        self._db = Connections(Path(path), timeout_s, busy_timeout_s)

    # --- writes ------------------------------------------------------------

    def write_document(self, graph: DocumentGraph) -> WriteResult:
        prepared = prepare(graph)
        with self._db.write() as conn:
            return write_batch(conn, [prepared], now_utc())[0]

    def write_documents(self, graphs: list[DocumentGraph]) -> list[WriteResult]:
        """Bulk load in one transaction: all the documents are stored, or (on any error) none."""
        with gc_paused():
            prepared: list[PreparedDocument] = [prepare(g) for g in graphs]
            with self._db.write() as conn:
                return write_batch(conn, prepared, now_utc())

    def bulk_load(self, graphs: Iterable[DocumentGraph], batch: int = 500) -> list[WriteResult]:
        """Load many documents in one transaction: all are stored, or (on any error) none.

        The lookup indexes are dropped for the load and rebuilt at the end (inside the same
        transaction, so readers keep their indexed snapshot meanwhile). Worth it for loads that
        are large next to what is stored: `mkg copy`, benchmarks, first imports.
        """
        now = now_utc()
        results: list[WriteResult] = []
        deferred: Reattribute = {}
        with gc_paused(), self._db.write() as conn:
            definitions = drop_secondary_indexes(conn)
            pending: list[PreparedDocument] = []
            for graph in graphs:
                pending.append(prepare(graph))
                if len(pending) >= batch:
                    results += write_batch(conn, pending, now, deferred)
                    pending = []
            results += write_batch(conn, pending, now, deferred)
            create_indexes(conn, definitions)
            refresh_attributes(conn, deferred)
        return results

    def delete_document(self, doc_id: str) -> bool:
        with self._db.write() as conn:
            return deletes.delete_document(conn, doc_id)

    # --- documents ---------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        with self._db.read() as conn:
            return conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def get_document(self, doc_id: str) -> DocumentDetail:
        with self._db.read() as conn:
            return reads.get_document(conn, doc_id)

    def list_documents(self, limit: int, offset: int = 0) -> Page[DocumentSummary]:
        with self._db.read() as conn:
            return reads.list_documents(conn, limit, offset)

    def search_documents(self, q: str, limit: int, offset: int = 0) -> Page[DocumentHit]:
        with self._db.read() as conn:
            return reads.search_documents(conn, q, limit, offset)

    # --- entities ----------------------------------------------------------

    def get_entity(self, entity_id: str) -> Entity:
        with self._db.read() as conn:
            return reads.get_entity(conn, entity_id)

    def find_entities(
        self, q: str | None, node_type: NodeType | None, limit: int, offset: int = 0
    ) -> Page[Entity]:
        with self._db.read() as conn:
            return reads.find_entities(conn, q, node_type, limit, offset)

    def lookup_names(
        self, folded_names: Iterable[str], node_type: NodeType | None = None
    ) -> dict[str, list[str]]:
        with self._db.read() as conn:
            return reads.lookup_names(conn, folded_names, node_type)

    def entity_documents(self, entity_id: str, limit: int) -> Page[DocumentSummary]:
        with self._db.read() as conn:
            return reads.entity_documents(conn, entity_id, limit)

    # --- relations ---------------------------------------------------------

    def get_relation(self, relation_id: str) -> Relation:
        with self._db.read() as conn:
            return reads.get_relation(conn, relation_id)

    def find_relations(
        self,
        rel_type: RelType | None,
        source: str | None,
        target: str | None,
        limit: int,
        offset: int = 0,
        filt: RelationFilter | None = None,
    ) -> Page[Relation]:
        with self._db.read() as conn:
            return reads.find_relations(conn, rel_type, source, target, limit, offset, filt)

    def entity_relations(
        self, entity_id: str, limit: int, filt: RelationFilter | None = None
    ) -> Page[Relation]:
        with self._db.read() as conn:
            return reads.entity_relations(conn, entity_id, limit, filt)

    # --- traversals --------------------------------------------------------

    def neighbors(
        self,
        entity_id: str,
        hops: int,
        limit: int,
        direction: Direction = "both",
        node_types: list[NodeType] | None = None,
        filt: RelationFilter | None = None,
    ) -> Subgraph:
        with self._db.read() as conn:
            return traverse.neighbors(
                conn, self._db.check_deadline, entity_id, hops, limit, direction, node_types, filt
            )

    def subgraph(
        self, entity_ids: list[str], hops: int, limit: int, filt: RelationFilter | None = None
    ) -> Subgraph:
        with self._db.read() as conn:
            return traverse.subgraph(conn, self._db.check_deadline, entity_ids, hops, limit, filt)

    def shortest_paths(
        self, source: str, target: str, max_hops: int, limit: int, filt: RelationFilter | None = None
    ) -> PathResult:
        with self._db.read() as conn:
            return paths.shortest_paths(conn, self._db.check_deadline, source, target, max_hops, limit, filt)

    # --- whole graph -------------------------------------------------------

    def stats(self) -> Stats:
        with self._db.read() as conn:
            return reads.stats(conn)

    def iter_entities(self, batch: int = 1000) -> Iterator[Entity]:
        after = 0
        while True:
            with self._db.read() as conn:
                rows = conn.execute(
                    "SELECT num, id, type, name, aliases, attributes, degree FROM entities"
                    " WHERE num > ? ORDER BY num LIMIT ?",
                    (after, max(1, batch)),
                ).fetchall()
            if not rows:
                return
            after = rows[-1][0]
            yield from (entity_from_row(r) for r in rows)

    def iter_relations(self, batch: int = 1000, with_evidence: bool = False) -> Iterator[Relation]:
        after = 0
        while True:
            with self._db.read() as conn:
                rows = conn.execute(
                    "SELECT num FROM relations WHERE num > ? ORDER BY num LIMIT ?", (after, max(1, batch))
                ).fetchall()
                nums = [n for (n,) in rows]
                found = fetch_relations(conn, nums, evidence_limit=None if with_evidence else 0)
            if not nums:
                return
            after = nums[-1]
            yield from (found[n] for n in nums if n in found)

    def iter_document_graphs(self, batch: int = 100) -> Iterator[DocumentGraph]:
        after = 0
        while True:
            with self._db.read() as conn:
                graphs, after = export.document_graphs(conn, after, batch)
            if not graphs:
                return
            yield from graphs

    def close(self) -> None:
        self._db.close()
