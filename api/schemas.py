"""Response models of the HTTP API that graph.models does not already provide, and the error shape."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from graph.models import DocumentSummary, Entity, Page, Relation
from graph.ontology import Reliability, RelType


class ErrorDetail(BaseModel):
    code: str = Field(description="stable machine-readable code, e.g. not_found, invalid_input")
    message: str = Field(description="what went wrong, for people")
    details: Any = Field(default=None, description="more about it: candidates, invalid parameters")


class ErrorBody(BaseModel):
    error: ErrorDetail


Responses = dict[int | str, dict[str, Any]]


def _err(description: str) -> dict[str, Any]:
    return {"model": ErrorBody, "description": description}


# Documented on every operation, so clients (and schemathesis) know every answer's shape.
COMMON_ERRORS: Responses = {
    401: _err("Missing or wrong API key"),
    422: _err("Invalid parameter"),
    429: _err("Too many requests; see Retry-After"),
    500: _err("Unexpected failure (logged; no details given)"),
    503: _err("Store unavailable, or the query ran past its time limit"),
}
NOT_FOUND: Responses = {404: _err("Unknown id")}
AMBIGUOUS: Responses = {409: _err("A name fits several entities; details.candidates lists them")}
WRITE_ERRORS: Responses = {
    403: _err("The server is read-only (no API keys configured)"),
    413: _err("Body or document over the size limit"),
}


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    store: str = Field(description="kind of store: sqlite or neo4j")
    read_only: bool = Field(description="true when no API keys are configured")
    documents: int
    entities: dict[str, int] = Field(description="entities by type")
    relations: dict[str, int] = Field(description="relations by type")


class RelationGroup(BaseModel):
    type: RelType
    count: int
    relations: list[Relation]


class EntityHit(Entity):
    """A search result: the entity and a preview of its strongest relations, with their evidence."""

    relations: list[Relation] = Field(default_factory=list)
    relations_truncated: bool = False


class EntityDetail(BaseModel):
    entity: Entity
    relations: list[RelationGroup] = Field(description="relations touching it, grouped by type")
    relations_truncated: bool = False
    documents: Page[DocumentSummary] = Field(description="documents that mention it")


class TextDocument(BaseModel):
    """A document sent as JSON rather than as a file."""

    text: str = Field(min_length=1)
    title: str | None = None
    source: str | None = None
    reliability: Reliability | None = None


class IngestResponse(BaseModel):
    doc_id: str
    status: Literal["ingested", "unchanged"]
    n_entities: int
    n_relations: int
    entities: list[Entity]
    relations: list[Relation]


class DeleteResponse(BaseModel):
    doc_id: str
    deleted: bool
