"""Writing one document inside one managed write transaction, with the embedded store's rules.

The steps, all in the caller's transaction:
1. stop if the document is stored; else create its node (a concurrent writer of the same document
   blocks on the uniqueness constraint and then fails: the caller reports "unchanged");
2. MERGE the entities it lists, lock every entity it touches (in id order), read them, check types
   and endpoints (graph.docgraph.resolve_endpoints: a failure rolls everything back);
3. update names and aliases, record what this document says of each entity (MENTIONS);
4. MERGE the relations, lock them, read their grades, add this document's claim and evidence, and
   grade again incrementally with graph.grading (deletes.py recomputes from the claims that remain).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from typing import Any

from graph.docgraph import (
    EntityPart,
    PreparedDocument,
    RelationPart,
    choose_name,
    folded_labels,
    merge_aliases,
    merge_attributes,
    resolve_endpoints,
)
from graph.grading import MAX_CONFIDENCE, Contribution, credibility, source_key
from graph.ids import fold
from graph.models import Evidence, WriteResult
from graph.neo4j import cypher as c
from graph.neo4j.lucene import name_keys, search_tokens
from graph.neo4j.rows import dumps, dumps_or_none, loads
from graph.neo4j.session import Row, Tx, run, run_batched
from graph.ontology import NodeType, Reliability, RelType


def write_document(tx: Tx, prepared: PreparedDocument, now: str, now_ns: int) -> WriteResult:
    """Store one checked document unless it is already stored. Raises InvalidInput (nothing written)."""
    doc = prepared.graph.document
    state = run(tx, c.DOCUMENT_STATE, id=doc.id)
    if state:
        row = state[0]
        return WriteResult(
            doc_id=doc.id, created=False, n_entities=row["n_entities"], n_relations=row["n_relations"]
        )
    run(tx, c.CREATE_DOCUMENT, props=document_props(prepared, now, now_ns))
    parts = _write_entities(tx, prepared)
    _write_relations(tx, prepared, now_ns)
    counts = {"n_entities": len(parts), "n_relations": len(prepared.relations)}
    run(tx, c.SET_DOCUMENT_COUNTS, id=doc.id, **counts)
    return WriteResult(doc_id=doc.id, created=True, **counts)


def document_props(prepared: PreparedDocument, now: str, now_ns: int) -> dict[str, Any]:
    doc = prepared.graph.document
    return {
        "id": doc.id,
        "title": doc.title,
        "date": doc.date,
        "source": doc.source,
        "source_key": source_key(doc.source),
        "reliability": doc.reliability.value,
        "filename": doc.filename,
        "media_type": doc.media_type,
        "size": doc.size,
        "ingested_at": now,
        "ingested_ns": now_ns,
        "n_entities": 0,
        "n_relations": 0,
        "text": doc.text,
    }


# --- entities ----------------------------------------------------------------------------------


def lock_entities(tx: Tx, ids: list[str]) -> dict[str, Row]:
    """Take the write lock of each existing entity, then read it: id -> {type, name, aliases}."""
    run_batched(tx, c.LOCK_ENTITIES, "ids", ids)
    return {row["id"]: row for row in run_batched(tx, c.ENTITY_STATE, "ids", ids)}


def _write_entities(tx: Tx, prepared: PreparedDocument) -> list[EntityPart]:
    by_type: dict[NodeType, list[Row]] = defaultdict(list)
    for part in sorted(prepared.entities.values(), key=lambda p: p.id):
        by_type[part.type].append({"id": part.id, "type": part.type.value, "name": part.name})
    for node_type, rows in by_type.items():
        run_batched(tx, c.merge_entities(node_type), "rows", rows)
    stored = lock_entities(tx, sorted(prepared.referenced_ids()))
    implicit = resolve_endpoints(prepared, {k: (NodeType(v["type"]), v["name"]) for k, v in stored.items()})
    parts = [*prepared.entities.values(), *implicit]
    updates = []
    for part in parts:
        known = stored[part.id]
        name = choose_name(part.id, [known["name"], part.name])
        aliases = merge_aliases(name, [*(known["aliases"] or []), known["name"], *part.labels()])
        updates.append(name_row(part.id, name, aliases))
    run_batched(tx, c.UPDATE_ENTITY_NAMES, "rows", updates)
    mentions = [
        {"id": p.id, "name": p.name, "aliases": p.aliases, "attributes": dumps_or_none(p.attributes)}
        for p in parts
    ]
    run_batched(tx, c.CREATE_MENTIONS, "rows", mentions, doc_id=prepared.graph.document.id)
    refresh_entity_attributes(tx, sorted(p.id for p in parts if p.attributes))
    return parts


def name_row(entity_id: str, name: str, aliases: list[str]) -> Row:
    """Everything derived from an entity's name and aliases: lookup keys and search tokens."""
    labels = [name, *aliases]
    keys = sorted(folded_labels(labels))
    return {
        "id": entity_id,
        "name": name,
        "name_key": fold(name),
        "aliases": aliases,
        "folded": keys,
        "name_keys": name_keys(keys),
        "search": search_tokens(labels),
    }


def refresh_entity_attributes(tx: Tx, ids: list[str]) -> None:
    """Attributes from every document that gave some; the newest document wins a conflict."""
    if not ids:
        return
    sources = run_batched(tx, c.ENTITY_ATTRIBUTE_SOURCES, "ids", ids)
    rows = [{"id": eid, "attributes": dumps(merged_attributes(sources, eid))} for eid in ids]
    run_batched(tx, c.SET_ENTITY_ATTRIBUTES, "rows", rows)


def merged_attributes(sources: list[Row], wanted: str) -> dict[str, Any]:
    return merge_attributes(
        ((row["date"] or "", row["doc_id"]), loads(row["attributes"], {}))
        for row in sources
        if row["id"] == wanted
    )


def add_degrees(tx: Tx, degrees: Counter[str]) -> None:
    rows = [{"id": eid, "delta": n} for eid, n in sorted(degrees.items()) if n]
    run_batched(tx, c.ADD_DEGREES, "rows", rows)


# --- relations ---------------------------------------------------------------------------------


def lock_relations(tx: Tx, ids_by_type: dict[RelType, list[str]]) -> dict[str, Row]:
    """Take the write lock of each relation, then read its grade: id -> stored grading state."""
    found: dict[str, Row] = {}
    for rel, ids in sorted(ids_by_type.items()):
        run_batched(tx, c.lock_relations(rel), "ids", sorted(ids))
        found.update((row["id"], row) for row in run_batched(tx, c.relation_state(rel), "ids", sorted(ids)))
    return found


def claim_id(relation: str, doc_id: str) -> str:
    return "claim:" + hashlib.sha256(f"{relation}|{doc_id}".encode()).hexdigest()[:24]


def _write_relations(tx: Tx, prepared: PreparedDocument, now_ns: int) -> None:
    parts = list(prepared.relations.values())
    if not parts:
        return
    doc_id = prepared.graph.document.id
    by_type: dict[RelType, list[RelationPart]] = defaultdict(list)
    for part in parts:
        by_type[part.type].append(part)
    for rel, group in sorted(by_type.items()):
        rows = [{"id": p.id, "source": p.source, "target": p.target, "created_ns": now_ns} for p in group]
        run_batched(tx, c.merge_relations(rel), "rows", rows)
    stored = lock_relations(tx, {rel: [p.id for p in group] for rel, group in by_type.items()})
    claims = [_claim_row(p, doc_id) for p in parts]
    run_batched(tx, c.CREATE_CLAIMS, "rows", claims, doc_id=doc_id)
    items = [(p.id, key, ev) for p in parts for key, ev in p.evidence.items()]
    evidence = [_evidence_row(rid, key, ev, now_ns, pos) for pos, (rid, key, ev) in enumerate(items)]
    run_batched(tx, c.CREATE_EVIDENCE, "rows", evidence, doc_id=doc_id)
    attributed = sorted(p.id for p in parts if p.attributes)
    sources = run_batched(tx, c.RELATION_ATTRIBUTE_SOURCES, "ids", attributed) if attributed else []
    degrees: Counter[str] = Counter()
    for rel, group in sorted(by_type.items()):
        updates = []
        for part in group:
            state = stored[part.id]
            if not state["n_documents"]:
                degrees[part.source] += 1
                degrees[part.target] += 1
            props = merged_grade(state, prepared.contribution(part))
            if part.attributes:
                props["attributes"] = dumps(merged_attributes(sources, part.id))
            updates.append({"id": part.id, "props": props})
        run_batched(tx, c.update_relations(rel), "rows", updates)
    add_degrees(tx, degrees)


def _evidence_row(relation: str, key: str, ev: Evidence, doc_ns: int, pos: int) -> Row:
    # doc_ns and pos keep the order evidence was stored in: ties in confidence list in that order.
    return {
        "id": key,
        "relation_id": relation,
        "sentence": ev.sentence,
        "start": ev.start,
        "end": ev.end,
        "date": ev.date,
        "confidence": ev.confidence,
        "method": ev.method,
        "doc_ns": doc_ns,
        "pos": pos,
    }


def _claim_row(part: RelationPart, doc_id: str) -> Row:
    return {
        "id": claim_id(part.id, doc_id),
        "relation_id": part.id,
        "type": part.type.value,
        "source": part.source,
        "target": part.target,
        "confidence": part.confidence,
        "first_seen": part.first_seen,
        "last_seen": part.last_seen,
        "attributes": dumps_or_none(part.attributes),
    }


def merged_grade(state: Row, contribution: Contribution) -> dict[str, Any]:
    """A stored grade plus one more document, without re-reading the others (same rules as grade())."""
    miss = (state["miss"] if state["miss"] is not None else 1.0) * (1.0 - contribution.confidence)
    confidence = min(MAX_CONFIDENCE, 1.0 - miss)
    first, last = state["first_seen"], state["last_seen"]
    if contribution.first_seen and (first is None or contribution.first_seen < first):
        first = contribution.first_seen
    if contribution.last_seen and (last is None or contribution.last_seen > last):
        last = contribution.last_seen
    stored = state["reliability"]
    best = min(Reliability(stored), contribution.reliability) if stored else contribution.reliability
    n_sources, key = state["n_sources"] or 0, state["source_key"]
    if contribution.source_key and n_sources == 0:
        n_sources, key = 1, contribution.source_key
    elif contribution.source_key and n_sources == 1 and contribution.source_key != key:
        n_sources, key = 2, None
    n_docs = (state["n_documents"] or 0) + 1
    return {
        "confidence": confidence,
        "miss": miss,
        "first_seen": first,
        "last_seen": last,
        "credibility": credibility(n_docs, n_sources, best, confidence),
        "reliability": best.value,
        "n_documents": n_docs,
        "n_sources": n_sources,
        "source_key": key,
    }
