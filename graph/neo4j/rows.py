"""Records to models, and the JSON text kept in properties (attributes are nested, so stored as JSON).

Records come from our own writes, already checked, so models are built without re-validation.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import orjson

from graph.errors import InvalidInput
from graph.models import DocumentSummary, Entity, Evidence, Relation
from graph.ontology import NodeType, Reliability, RelType

Row = dict[str, Any]


def dumps(value: Any) -> str:
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()
    except TypeError:
        raise InvalidInput("attributes must be plain JSON values") from None


def dumps_or_none(value: dict[str, Any]) -> str | None:
    return dumps(value) if value else None


def loads(text: str | None, default: Any) -> Any:
    return default if text is None else orjson.loads(text)


def entity(row: Row) -> Entity:
    return Entity.model_construct(
        id=row["id"],
        type=NodeType(row["type"]),
        name=row["name"],
        aliases=list(row.get("aliases") or []),
        attributes=loads(row.get("attributes"), {}),
        degree=row.get("degree"),
    )


def document(row: Row) -> DocumentSummary:
    return DocumentSummary.model_construct(
        id=row["id"],
        title=row.get("title"),
        date=row.get("date"),
        source=row.get("source"),
        reliability=Reliability(row["reliability"]),
        filename=row.get("filename"),
        media_type=row.get("media_type") or "text/plain",
        size=row.get("size") or 0,
        ingested_at=row.get("ingested_at"),
        n_entities=row.get("n_entities") or 0,
        n_relations=row.get("n_relations") or 0,
    )


def relation(row: Row) -> Relation:
    reliability = row.get("reliability")
    return Relation.model_construct(
        id=row["id"],
        type=RelType(row["type"]),
        source=row["source"],
        target=row["target"],
        confidence=row["confidence"],
        first_seen=row.get("first_seen"),
        last_seen=row.get("last_seen"),
        credibility=row.get("credibility"),
        reliability=Reliability(reliability) if reliability else None,
        n_documents=row.get("n_documents") or 0,
        attributes=loads(row.get("attributes"), {}),
        evidence=[],
    )


def evidence(row: Row) -> Evidence:
    return Evidence.model_construct(
        doc_id=row["doc_id"],
        sentence=row["sentence"],
        start=row["start"],
        end=row["end"],
        date=row.get("date"),
        confidence=row["confidence"],
        method=row["method"],
        doc_title=row.get("doc_title"),
        source=row.get("source"),
        reliability=Reliability(row["reliability"]) if row.get("reliability") else None,
    )


def ordered(found: dict[str, Any], ids: Iterable[str]) -> list[Any]:
    return [found[i] for i in ids if i in found]
