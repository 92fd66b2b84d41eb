"""The GraphStore protocol: what every store (embedded SQLite, Neo4j) answers.

Every read is bounded: `limit` is capped by the caller's settings, and each result
says whether a cap cut it short (`truncated`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Literal, Protocol, runtime_checkable

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

Direction = Literal["out", "in", "both"]


@runtime_checkable
class GraphStore(Protocol):
    kind: str

    # --- writes -----------------------------------------------------------
    def write_document(self, graph: DocumentGraph) -> WriteResult:
        """Store one document and all it adds in one transaction; unchanged if already stored."""
        ...

    def delete_document(self, doc_id: str) -> bool:
        """Remove a document and every entity, relation and evidence only it supported."""
        ...

    # --- documents --------------------------------------------------------
    def has_document(self, doc_id: str) -> bool: ...

    def get_document(self, doc_id: str) -> DocumentDetail:
        """Raises NotFound."""
        ...

    def list_documents(self, limit: int, offset: int = 0) -> Page[DocumentSummary]: ...

    def search_documents(self, q: str, limit: int, offset: int = 0) -> Page[DocumentHit]: ...

    # --- entities ---------------------------------------------------------
    def get_entity(self, entity_id: str) -> Entity:
        """Raises NotFound."""
        ...

    def find_entities(
        self, q: str | None, node_type: NodeType | None, limit: int, offset: int = 0
    ) -> Page[Entity]:
        """Full-text over names and aliases, accent- and case-insensitive; all entities when q is empty."""
        ...

    def lookup_names(
        self, folded_names: Iterable[str], node_type: NodeType | None = None
    ) -> dict[str, list[str]]:
        """Exact alias lookup: folded name (graph.ids.fold) -> ids of entities carrying it."""
        ...

    def entity_documents(self, entity_id: str, limit: int) -> Page[DocumentSummary]: ...

    # --- relations --------------------------------------------------------
    def get_relation(self, relation_id: str) -> Relation:
        """With all its evidence. Raises NotFound."""
        ...

    def find_relations(
        self,
        rel_type: RelType | None,
        source: str | None,
        target: str | None,
        limit: int,
        offset: int = 0,
        filt: RelationFilter | None = None,
    ) -> Page[Relation]: ...

    def entity_relations(
        self, entity_id: str, limit: int, filt: RelationFilter | None = None
    ) -> Page[Relation]:
        """Relations touching the entity, in either direction, with evidence."""
        ...

    # --- traversals -------------------------------------------------------
    def neighbors(
        self,
        entity_id: str,
        hops: int,
        limit: int,
        direction: Direction = "both",
        node_types: list[NodeType] | None = None,
        filt: RelationFilter | None = None,
    ) -> Subgraph: ...

    def subgraph(
        self, entity_ids: list[str], hops: int, limit: int, filt: RelationFilter | None = None
    ) -> Subgraph: ...

    def shortest_paths(
        self, source: str, target: str, max_hops: int, limit: int, filt: RelationFilter | None = None
    ) -> PathResult: ...

    # --- whole graph ------------------------------------------------------
    def stats(self) -> Stats: ...

    def iter_entities(self, batch: int = 1000) -> Iterator[Entity]: ...

    def iter_relations(self, batch: int = 1000, with_evidence: bool = False) -> Iterator[Relation]: ...

    def iter_document_graphs(self, batch: int = 100) -> Iterator[DocumentGraph]:
        """Each stored document with what it contributed: enough to rebuild the graph elsewhere."""
        ...

    def close(self) -> None: ...
