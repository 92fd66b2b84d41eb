"""Neo4jStore: the GraphStore for teams and large corpora, on Neo4j 5 (see graph/store.py for the contract).

How the graph is laid out, and why:

- Entities are nodes labelled with their type (`Group`, `Leader`, `Camp`, `Place`) and `Entity` (one
  uniqueness constraint and one index serve lookups by id whatever the type). They carry `name`,
  `aliases`, `attributes` (JSON text: attributes nest) and `degree`, plus derived lookup keys:
  `folded` (graph.ids.fold of every name), `name_keys` and `search` (full-text indexed tokens).
- Relations are relationships of the ontology's types between entity nodes, carrying their grade
  (`confidence`, `credibility`, `reliability`, `first_seen`, `last_seen`, `n_documents`), so that
  Browser/Bloom users, traversals and `allShortestPaths` see the graph as analysts think of it.
- A relationship cannot be the end of another relationship, so what a document says about a relation
  lives in nodes hanging off the document: one `(:Claim)-[:FROM]->(:Document)` per relation and
  document (its confidence, dates and attributes in that document) and one
  `(:Evidence)-[:FROM]->(:Document)` per sentence. Both carry `relation_id`, indexed, so the evidence
  of an edge is one index seek, and the document (title, source, grade) is one hop away.
- What a document says about an entity (its spelling of the name, aliases, attributes) is on
  `(:Document)-[:MENTIONS]->(:Entity)`.
  Claims and mentions are what a delete needs: it removes a document's own claims, evidence and
  mentions, then recomputes or removes exactly the relations and entities that only it supported.

Every read is bounded (limits, a per-query time limit); every write of a document is one managed
transaction. Needs Neo4j 5.23 or later (scoped CALL subqueries), Community or Enterprise or Aura.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from graph.docgraph import prepare
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
from graph.neo4j import cypher as c
from graph.neo4j import deletes, export, reads, traverse, writes
from graph.neo4j.connect import ConstraintClash, neo4j_errors_as_ours, open_driver, parse_target
from graph.neo4j.rows import entity, relation
from graph.neo4j.schema import ensure_schema
from graph.neo4j.session import Db, Tx
from graph.ontology import NodeType, RelType
from graph.settings import Settings
from graph.store import Direction

DEFAULT_TIMEOUT_S = 5.0
WRITE_TIMEOUT_S = 120.0


def _now() -> tuple[str, int]:
    ns = time.time_ns()
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ns / 1e9)), ns


class Neo4jStore:
    """A store in a Neo4j 5 database, reached by neo4j://, neo4j+s://, neo4j+ssc://, bolt://, bolt+s://, bolt+ssc://.

    Credentials: `user`/`password`/`database` arguments, else NEO4J_USER, NEO4J_PASSWORD,
    NEO4J_DATABASE from the environment. `timeout_s` bounds each read (default: the settings'
    query_timeout_s); connecting fails within about `connect_timeout_s` with StoreUnavailable.
    """

    kind = "neo4j"

    def __init__(
        self,
        uri: str,
        *,
        settings: Settings | None = None,
        timeout_s: float | None = None,
        user: str | None = None,
        password: str | None = None,
        database: str | None = None,
        connect_timeout_s: float = 5.0,
        write_timeout_s: float = WRITE_TIMEOUT_S,
    ) -> None:
        target = parse_target(uri, user=user, password=password, database=database)
        if timeout_s is None:
            timeout_s = settings.query_timeout_s if settings is not None else DEFAULT_TIMEOUT_S
        driver = open_driver(target, connection_timeout_s=connect_timeout_s)
        self._address = target.address
        self._database = target.database
        self._db = Db(driver, target.database, target.address, timeout_s, write_timeout_s)
        try:
            with neo4j_errors_as_ours(target.address):
                driver.verify_connectivity()
            ensure_schema(self._db)
        except BaseException:
            driver.close()
            raise

    @classmethod
    def from_db(cls, db: Db) -> Neo4jStore:
        """A store over an already open connection (no schema check): for tools and tests."""
        store = cls.__new__(cls)
        store._address, store._database, store._db = db.address, db.database, db
        return store

    def __repr__(self) -> str:
        return f"Neo4jStore({self._address!r}, database={self._database!r})"

    # --- writes ------------------------------------------------------------

    def write_document(self, graph: DocumentGraph) -> WriteResult:
        prepared = prepare(graph)
        now, now_ns = _now()

        def work(tx: Tx) -> WriteResult:
            return writes.write_document(tx, prepared, now, now_ns)

        try:
            return self._db.write(work)
        except ConstraintClash:
            # Another client stored the same document between our check and our write.
            state = self._db.read(c.DOCUMENT_STATE, id=graph.document.id)
            if not state:
                raise
            row = state[0]
            return WriteResult(
                doc_id=graph.document.id,
                created=False,
                n_entities=row["n_entities"],
                n_relations=row["n_relations"],
            )

    def delete_document(self, doc_id: str) -> bool:
        def work(tx: Tx) -> bool:
            return deletes.delete_document(tx, doc_id)

        return self._db.write(work)

    # --- documents ---------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        return bool(self._db.read(c.DOCUMENT_STATE, id=doc_id))

    def get_document(self, doc_id: str) -> DocumentDetail:
        return reads.get_document(self._db, doc_id)

    def list_documents(self, limit: int, offset: int = 0) -> Page[DocumentSummary]:
        return reads.list_documents(self._db, limit, offset)

    def search_documents(self, q: str, limit: int, offset: int = 0) -> Page[DocumentHit]:
        return reads.search_documents(self._db, q, limit, offset)

    # --- entities ----------------------------------------------------------

    def get_entity(self, entity_id: str) -> Entity:
        return reads.get_entity(self._db, entity_id)

    def find_entities(
        self, q: str | None, node_type: NodeType | None, limit: int, offset: int = 0
    ) -> Page[Entity]:
        return reads.find_entities(self._db, q, node_type, limit, offset)

    def lookup_names(
        self, folded_names: Iterable[str], node_type: NodeType | None = None
    ) -> dict[str, list[str]]:
        return reads.lookup_names(self._db, folded_names, node_type)

    def entity_documents(self, entity_id: str, limit: int) -> Page[DocumentSummary]:
        return reads.entity_documents(self._db, entity_id, limit)

    # --- relations ---------------------------------------------------------

    def get_relation(self, relation_id: str) -> Relation:
        return reads.get_relation(self._db, relation_id)

    def find_relations(
        self,
        rel_type: RelType | None,
        source: str | None,
        target: str | None,
        limit: int,
        offset: int = 0,
        filt: RelationFilter | None = None,
    ) -> Page[Relation]:
        return reads.find_relations(self._db, rel_type, source, target, limit, offset, filt)

    def entity_relations(
        self, entity_id: str, limit: int, filt: RelationFilter | None = None
    ) -> Page[Relation]:
        return reads.entity_relations(self._db, entity_id, limit, filt)

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
        return traverse.neighbors(self._db, entity_id, hops, limit, direction, node_types, filt)

    def subgraph(
        self, entity_ids: list[str], hops: int, limit: int, filt: RelationFilter | None = None
    ) -> Subgraph:
        return traverse.subgraph(self._db, entity_ids, hops, limit, filt)

    def shortest_paths(
        self, source: str, target: str, max_hops: int, limit: int, filt: RelationFilter | None = None
    ) -> PathResult:
        return traverse.shortest_paths(self._db, source, target, max_hops, limit, filt)

    # --- whole graph -------------------------------------------------------

    def stats(self) -> Stats:
        return reads.stats(self._db)

    def iter_entities(self, batch: int = 1000) -> Iterator[Entity]:
        yield from self._pages(c.ENTITIES_AFTER, "entity", entity, batch)

    def iter_relations(self, batch: int = 1000, with_evidence: bool = False) -> Iterator[Relation]:
        for rel in RelType:
            for chunk in _chunked(self._pages(c.relations_after(rel), "rel", relation, batch), max(1, batch)):
                if with_evidence:
                    ids = [r.id for r in chunk]
                    found = reads.fetch_relations(self._db, ids, self._db.deadline(), per=reads.ALL_EVIDENCE)
                    chunk = [found.get(r.id, r) for r in chunk]
                yield from chunk

    def _pages(
        self, statement: str, key: str, build: Callable[[dict[str, Any]], Any], batch: int
    ) -> Iterator[Any]:
        after = ""
        while True:
            found = self._db.read(statement, after=after, limit=max(1, batch))
            if not found:
                return
            after = found[-1][key]["id"]
            yield from (build(r[key]) for r in found)

    def iter_document_graphs(self, batch: int = 100) -> Iterator[DocumentGraph]:
        yield from export.document_graphs(self._db, max(1, batch))

    def close(self) -> None:
        # Closing is best effort: every commit is already durable on the server.
        with contextlib.suppress(Exception):
            self._db.close()


def _chunked(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
