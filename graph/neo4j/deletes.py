"""Deleting a document: its claims, evidence and mentions go, and whatever they alone supported.

Everything the document touched is locked first (document, entities in id order, relations), so a
concurrent write sees either the graph before the delete or after it. Survivors are recomputed from
the claims and mentions that remain, with the same rules the embedded store uses.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from graph.docgraph import choose_name, merge_aliases
from graph.grading import Contribution, grade
from graph.neo4j import cypher as c
from graph.neo4j.rows import dumps
from graph.neo4j.session import Row, Tx, run, run_batched
from graph.neo4j.writes import (
    add_degrees,
    lock_entities,
    lock_relations,
    merged_attributes,
    name_row,
    refresh_entity_attributes,
)
from graph.ontology import Reliability, RelType


def delete_document(tx: Tx, doc_id: str) -> bool:
    if not run(tx, c.LOCK_DOCUMENT, id=doc_id):
        return False
    mentions = run(tx, c.DOCUMENT_MENTIONS, id=doc_id)
    claims = run(tx, c.DOCUMENT_CLAIMS, id=doc_id)
    entity_ids = sorted({row["id"] for row in mentions})
    rel_ids: dict[RelType, list[str]] = defaultdict(list)
    for row in claims:
        rel_ids[RelType(row["type"])].append(row["id"])
    lock_entities(tx, entity_ids)
    lock_relations(tx, rel_ids)
    run(tx, c.DELETE_DOCUMENT_PARTS, id=doc_id)
    run(tx, c.DELETE_DOCUMENT, id=doc_id)
    _settle_relations(tx, rel_ids, sorted({row["id"] for row in claims if row["has_attributes"]}))
    _settle_entities(tx, entity_ids, sorted({row["id"] for row in mentions if row["has_attributes"]}))
    return True


def _settle_relations(tx: Tx, rel_ids: dict[RelType, list[str]], reattribute: list[str]) -> None:
    everything = sorted(i for ids in rel_ids.values() for i in ids)
    remaining: dict[str, list[Contribution]] = defaultdict(list)
    for row in run_batched(tx, c.REMAINING_CLAIMS, "ids", everything):
        remaining[row["id"]].append(
            Contribution(
                row["confidence"],
                row["first_seen"],
                row["last_seen"],
                row["source_key"],
                Reliability(row["reliability"]),
            )
        )
    kept = [i for i in reattribute if i in remaining]
    sources = run_batched(tx, c.RELATION_ATTRIBUTE_SOURCES, "ids", kept) if kept else []
    degrees: Counter[str] = Counter()
    for rel, ids in sorted(rel_ids.items()):
        orphans = sorted(i for i in ids if i not in remaining)
        for row in run_batched(tx, c.delete_relations(rel), "ids", orphans):
            degrees[row["source"]] -= 1
            degrees[row["target"]] -= 1
        updates = []
        for rid in sorted(i for i in ids if i in remaining):
            props = regraded(remaining[rid])
            if rid in reattribute:
                props["attributes"] = dumps(merged_attributes(sources, rid))
            updates.append({"id": rid, "props": props})
        run_batched(tx, c.update_relations(rel), "rows", updates)
    add_degrees(tx, degrees)


def regraded(parts: list[Contribution]) -> dict[str, object]:
    g = grade(parts)
    keys = {p.source_key for p in parts if p.source_key}
    return {
        "confidence": g.confidence,
        "miss": math.prod(1.0 - p.confidence for p in parts),
        "first_seen": g.first_seen,
        "last_seen": g.last_seen,
        "credibility": g.credibility,
        "reliability": g.reliability.value if g.reliability else None,
        "n_documents": g.n_documents,
        "n_sources": min(g.n_sources, 2),
        "source_key": next(iter(keys)) if len(keys) == 1 else None,
    }


def _settle_entities(tx: Tx, entity_ids: list[str], reattribute: list[str]) -> None:
    names: dict[str, list[str]] = defaultdict(list)
    labels: dict[str, list[str]] = defaultdict(list)
    for row in run_batched(tx, c.REMAINING_MENTIONS, "ids", entity_ids):
        names[row["id"]].append(row["name"])
        labels[row["id"]].extend([row["name"], *(row["aliases"] or [])])
    orphans = [i for i in entity_ids if i not in names]
    run_batched(tx, c.DELETE_ENTITIES, "ids", orphans)
    survivors = [i for i in entity_ids if i in names]
    current: dict[str, Row] = {row["id"]: row for row in run_batched(tx, c.ENTITY_STATE, "ids", survivors)}
    updates = []
    for eid in survivors:
        name = choose_name(eid, names[eid])
        aliases = merge_aliases(name, labels[eid])
        known = current.get(eid)
        if known is not None and name == known["name"] and aliases == list(known["aliases"] or []):
            continue
        updates.append(name_row(eid, name, aliases))
    run_batched(tx, c.UPDATE_ENTITY_NAMES, "rows", updates)
    refresh_entity_attributes(tx, [i for i in reattribute if i in names])
