"""Pydantic models for what the graph holds and what queries return."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

from graph.ontology import NodeType, Reliability, RelType


class Evidence(BaseModel):
    """Where a relation was read: one sentence of one document."""

    doc_id: str
    sentence: str
    start: int = Field(ge=0, description="character offset of the sentence in the document text")
    end: int = Field(ge=0)
    date: str | None = Field(default=None, description="YYYY[-MM[-DD]] the fact was true, when stated")
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    method: str = Field(default="pattern", description="how the relation was found")
    doc_title: str | None = None
    source: str | None = None
    reliability: Reliability | None = None


class Entity(BaseModel):
    id: str
    type: NodeType
    name: str
    aliases: list[str] = Field(default_factory=list)
    attributes: dict[str, Any] = Field(default_factory=dict)
    degree: int | None = None


class Relation(BaseModel):
    id: str
    type: RelType
    source: str = Field(description="source entity id")
    target: str = Field(description="target entity id")
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    first_seen: str | None = None
    last_seen: str | None = None
    credibility: int | None = Field(default=None, ge=1, le=6)
    reliability: Reliability | None = Field(default=None, description="best source grade behind it")
    n_documents: int = 0
    attributes: dict[str, Any] = Field(default_factory=dict)
    evidence: list[Evidence] = Field(default_factory=list)


class Document(BaseModel):
    """A document as read: its text and what it says about itself."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    reliability: Reliability = Reliability.F
    filename: str | None = None
    media_type: str = "text/plain"
    size: int = 0


class DocumentSummary(BaseModel):
    id: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    reliability: Reliability = Reliability.F
    filename: str | None = None
    media_type: str = "text/plain"
    size: int = 0
    ingested_at: str | None = None
    n_entities: int = 0
    n_relations: int = 0


class DocumentDetail(DocumentSummary):
    text: str
    entities: list[Entity] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)


class EntityRecord(BaseModel):
    """An entity as one document states it, already resolved to its id."""

    id: str
    type: NodeType
    name: str
    aliases: list[str] = Field(default_factory=list)
    attributes: dict[str, Any] = Field(default_factory=dict)


class RelationRecord(BaseModel):
    """A relation as one document states it, with its evidence in that document."""

    type: RelType
    source: str
    target: str
    evidence: list[Evidence]
    attributes: dict[str, Any] = Field(default_factory=dict)


class DocumentGraph(BaseModel):
    """Everything one document adds: written in one transaction, all or nothing."""

    document: Document
    entities: list[EntityRecord]
    relations: list[RelationRecord]


class WriteResult(BaseModel):
    doc_id: str
    created: bool
    n_entities: int = 0
    n_relations: int = 0


class Subgraph(BaseModel):
    nodes: list[Entity]
    edges: list[Relation]
    truncated: bool = False


class Path(BaseModel):
    nodes: list[Entity]
    edges: list[Relation]


class PathResult(BaseModel):
    paths: list[Path]
    truncated: bool = False


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int | None = None
    limit: int
    offset: int = 0
    truncated: bool = False


class DocumentHit(BaseModel):
    document: DocumentSummary
    snippet: str
    entities: list[Entity] = Field(default_factory=list)


class Stats(BaseModel):
    store: str
    documents: int
    entities: dict[str, int]
    relations: dict[str, int]


class RelationFilter(BaseModel):
    """Which relations a query considers. Dates compare as YYYY[-MM[-DD]] prefixes."""

    types: list[RelType] | None = None
    as_of: str | None = Field(default=None, description="only relations seen on or before this date")
    since: str | None = Field(default=None, description="only relations seen on or after this date")
    until: str | None = Field(default=None, description="only relations seen on or before this date")
    min_reliability: Reliability | None = Field(default=None, description="best source at least this grade")
    max_credibility: int | None = Field(default=None, ge=1, le=6)
