"""A canonical dump of a whole store, and its hash: two stores holding the same graph dump the same.

Only what a store's contract exposes goes in (entities, relations with all their evidence, documents
with what each one contributed). Values that depend on when or in which order documents were written
are left out or normalised: `ingested_at`, list orders, and float noise from multiplying the same
factors in another order.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from graph.models import DocumentDetail, Evidence, Relation
from graph.store import GraphStore

_PAGE = 500
_DIGITS = 9


def canonical_dump(store: GraphStore) -> dict[str, Any]:
    entities = sorted((_entity(e.model_dump(mode="json")) for e in store.iter_entities()), key=_by_id)
    relations = sorted((_relation(r) for r in store.iter_relations(with_evidence=True)), key=_by_id)
    documents = sorted(
        (document_dump(store.get_document(doc_id)) for doc_id in document_ids(store)), key=_by_id
    )
    return {"entities": entities, "relations": relations, "documents": documents}


def dump_hash(store: GraphStore) -> str:
    return hash_of(canonical_dump(store))


def hash_of(dump: dict[str, Any]) -> str:
    text = json.dumps(dump, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_ids(store: GraphStore) -> list[str]:
    ids: list[str] = []
    offset = 0
    while True:
        page = store.list_documents(limit=_PAGE, offset=offset)
        ids.extend(d.id for d in page.items)
        if len(page.items) < _PAGE:
            return sorted(set(ids))
        offset += _PAGE


def document_dump(detail: DocumentDetail) -> dict[str, Any]:
    """What one document is and what it contributed, independent of everything else in the store."""
    summary = detail.model_dump(mode="json", exclude={"ingested_at", "text", "entities", "relations"})
    summary["text_sha256"] = hashlib.sha256(detail.text.encode("utf-8")).hexdigest()
    summary["entity_ids"] = sorted(e.id for e in detail.entities)
    relations: list[dict[str, Any]] = [
        {
            "id": r.id,
            "evidence": sorted((_evidence(ev) for ev in r.evidence if ev.doc_id == detail.id), key=_ev_key),
        }
        for r in detail.relations
    ]
    summary["relations"] = sorted(relations, key=_by_id)
    return summary


def _by_id(item: dict[str, Any]) -> str:
    return str(item["id"])


def _entity(data: dict[str, Any]) -> dict[str, Any]:
    data["aliases"] = sorted(data["aliases"])
    return _rounded(data)


def _relation(relation: Relation) -> dict[str, Any]:
    data = relation.model_dump(mode="json", exclude={"evidence"})
    data["evidence"] = sorted((_evidence(ev) for ev in relation.evidence), key=_ev_key)
    return _rounded(data)


def _evidence(evidence: Evidence) -> dict[str, Any]:
    return _rounded(evidence.model_dump(mode="json"))


def _ev_key(item: dict[str, Any]) -> tuple[str, int, int, str, str]:
    return (item["doc_id"], item["start"], item["end"], item["sentence"], item["method"])


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, _DIGITS)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value
