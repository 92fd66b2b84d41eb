"""What the extractor returns for one document, before ids are resolved against the store."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from graph.ontology import NodeType, RelType


class Span(BaseModel):
    """One piece of evidence in the document: a sentence and where it sits in the text."""

    sentence: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    date: str | None = Field(default=None, description="YYYY[-MM[-DD]] stated in the sentence or paragraph")
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    method: str = "pattern"


class ExtractedEntity(BaseModel):
    type: NodeType
    name: str = Field(description="canonical name within this document (gazetteer name when known)")
    aliases: list[str] = Field(default_factory=list, description="other surface forms, acronyms, renamings")
    attributes: dict[str, Any] = Field(default_factory=dict)
    mentions: list[Span] = Field(default_factory=list)


class ExtractedRelation(BaseModel):
    type: RelType
    source: str = Field(description="ExtractedEntity.name of the source")
    source_type: NodeType
    target: str = Field(description="ExtractedEntity.name of the target")
    target_type: NodeType
    evidence: list[Span]
    attributes: dict[str, Any] = Field(default_factory=dict)


class Extraction(BaseModel):
    entities: list[ExtractedEntity] = Field(default_factory=list)
    relations: list[ExtractedRelation] = Field(default_factory=list)
