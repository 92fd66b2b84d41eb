"""Lookups and listings: documents, entities, relations, with the embedded store's ordering rules.

Each function is one operation: its queries share one deadline (QueryTimeout past it).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from graph.errors import NotFound
from graph.grading import END_OF_PERIOD, check_date, period_end
from graph.ids import fold
from graph.models import (
    DocumentDetail,
    DocumentHit,
    DocumentSummary,
    Entity,
    Page,
    Relation,
    RelationFilter,
    Stats,
)
from graph.neo4j import cypher as c
from graph.neo4j import lucene, rows
from graph.neo4j.session import Db, batches
from graph.ontology import SYMMETRIC, NodeType, RelType
from graph.paging import check_page, page

HIT_ENTITIES = 10
EVIDENCE_PER_EDGE = 3
ALL_EVIDENCE = 2**31 - 1
SYMMETRIC_VALUES = sorted(t.value for t in SYMMETRIC)


def filter_params(filt: RelationFilter | None) -> dict[str, Any]:
    """The parameters of cypher.RELATION_FILTER; None everywhere means no condition."""
    filt = filt or RelationFilter()
    bounds = [period_end(b) for b in (check_date(filt.as_of, "as_of"), check_date(filt.until, "until")) if b]
    return {
        "types": [t.value for t in filt.types] if filt.types is not None else None,
        "until_end": min(bounds) if bounds else None,
        "since": check_date(filt.since, "since"),
        "end_mark": END_OF_PERIOD,
        "min_reliability": filt.min_reliability.value if filt.min_reliability else None,
        "max_credibility": filt.max_credibility,
    }


def _count(db: Db, statement: str, deadline: float, **params: Any) -> int:
    found = db.read(statement, deadline, **params)
    return int(found[0]["n"]) if found else 0


# --- documents ---------------------------------------------------------------------------------


def get_document(db: Db, doc_id: str) -> DocumentDetail:
    deadline = db.deadline()
    found = db.read(c.GET_DOCUMENT, deadline, id=doc_id)
    if not found:
        raise NotFound("no document with this id")
    summary = rows.document(found[0]["doc"])
    entities = [rows.entity(r["entity"]) for r in db.read(c.DOCUMENT_ENTITIES, deadline, id=doc_id)]
    rel_ids = [r["id"] for r in db.read(c.DOCUMENT_RELATION_IDS, deadline, id=doc_id)]
    relations = fetch_relations(db, rel_ids, deadline, per=ALL_EVIDENCE, doc_id=doc_id)
    listed = sorted(relations.values(), key=lambda r: (r.type.value, r.source, r.target))
    return DocumentDetail(**summary.model_dump(), text=found[0]["text"], entities=entities, relations=listed)


def list_documents(db: Db, limit: int, offset: int) -> Page[DocumentSummary]:
    check_page(limit, offset)
    deadline = db.deadline()
    total = _count(db, c.COUNT_DOCUMENTS, deadline)
    found = db.read(c.LIST_DOCUMENTS, deadline, limit=limit, offset=offset)
    return page([rows.document(r["doc"]) for r in found], total, limit, offset)


def search_documents(db: Db, q: str, limit: int, offset: int) -> Page[DocumentHit]:
    """Best matches first, each with a plain-text snippet (no markup: the caller escapes it)."""
    check_page(limit, offset)
    query = lucene.document_query(q)
    if query is None:
        return page([], 0, limit, offset)
    deadline = db.deadline()
    total = _count(db, c.COUNT_DOCUMENT_HITS, deadline, query=query)
    found = db.read(c.SEARCH_DOCUMENTS, deadline, query=query, limit=limit, offset=offset)
    ids = [r["doc"]["id"] for r in found]
    entities = {
        r["id"]: [rows.entity(e) for e in r["entities"]]
        for r in db.read(c.DOCUMENTS_TOP_ENTITIES, deadline, ids=ids, per=HIT_ENTITIES)
    }
    hits = [
        DocumentHit(
            document=rows.document(r["doc"]),
            snippet=lucene.snippet(r["text"] or "", q),
            entities=entities.get(r["doc"]["id"], []),
        )
        for r in found
    ]
    return page(hits, total, limit, offset)


def entity_documents(db: Db, entity_id: str, limit: int) -> Page[DocumentSummary]:
    check_page(limit)
    deadline = db.deadline()
    get_entity(db, entity_id, deadline)
    total = _count(db, c.COUNT_ENTITY_DOCUMENTS, deadline, id=entity_id)
    found = db.read(c.ENTITY_DOCUMENTS, deadline, id=entity_id, limit=limit)
    return page([rows.document(r["doc"]) for r in found], total, limit, 0)


# --- entities ----------------------------------------------------------------------------------


def fetch_entities(db: Db, ids: Iterable[str], deadline: float) -> dict[str, Entity]:
    found: dict[str, Entity] = {}
    for chunk in batches(list(dict.fromkeys(ids))):
        for r in db.read(c.GET_ENTITIES, deadline, ids=chunk):
            item = rows.entity(r["entity"])
            found[item.id] = item
    return found


def get_entity(db: Db, entity_id: str, deadline: float | None = None) -> Entity:
    found = fetch_entities(db, [entity_id], deadline if deadline is not None else db.deadline())
    if entity_id not in found:
        raise NotFound("no entity with this id")
    return found[entity_id]


def find_entities(db: Db, q: str | None, node_type: NodeType | None, limit: int, offset: int) -> Page[Entity]:
    """Exact name matches first, then exact alias matches, then by degree and name."""
    check_page(limit, offset)
    deadline = db.deadline()
    type_value = node_type.value if node_type else None
    if not q or not q.strip():
        total = _count(db, c.COUNT_ENTITIES, deadline, type=type_value)
        found = db.read(c.LIST_ENTITIES, deadline, type=type_value, limit=limit, offset=offset)
        return page([rows.entity(r["entity"]) for r in found], total, limit, offset)
    query = lucene.entity_query(q)
    if query is None:
        return page([], 0, limit, offset)
    total = _count(db, c.COUNT_ENTITY_HITS, deadline, query=query, type=type_value)
    found = db.read(
        c.SEARCH_ENTITIES, deadline, query=query, type=type_value, key=fold(q), limit=limit, offset=offset
    )
    return page([rows.entity(r["entity"]) for r in found], total, limit, offset)


def lookup_names(db: Db, folded_names: Iterable[str], node_type: NodeType | None) -> dict[str, list[str]]:
    """Names absent from the store are absent from the answer."""
    names = list(dict.fromkeys(n for n in folded_names if n))
    deadline = db.deadline()
    found: dict[str, list[str]] = {}
    type_value = node_type.value if node_type else None
    for chunk in batches(names):
        key_rows = [{"key": name, "query": lucene.key_query(name)} for name in chunk]
        for r in db.read(c.LOOKUP_NAMES, deadline, rows=key_rows, type=type_value):
            found.setdefault(r["key"], []).append(r["id"])
    return found


# --- relations ---------------------------------------------------------------------------------


def fetch_relations(
    db: Db, ids: Iterable[str], deadline: float, per: int = EVIDENCE_PER_EDGE, doc_id: str | None = None
) -> dict[str, Relation]:
    """Relations by id, each with up to `per` evidence items, strongest first (0: none)."""
    found: dict[str, Relation] = {}
    for chunk in batches(list(dict.fromkeys(ids))):
        for r in db.read(c.GET_RELATIONS, deadline, ids=chunk):
            item = rows.relation(r["rel"])
            found[item.id] = item
        if per > 0 and chunk:
            for r in db.read(c.RELATIONS_EVIDENCE, deadline, ids=chunk, per=per, doc_id=doc_id):
                if r["id"] in found:
                    found[r["id"]].evidence = [rows.evidence(e) for e in r["items"]]
    return found


def get_relation(db: Db, relation_id: str) -> Relation:
    found = fetch_relations(db, [relation_id], db.deadline(), per=ALL_EVIDENCE)
    if relation_id not in found:
        raise NotFound("no relation with this id")
    return found[relation_id]


def _with_evidence(db: Db, found: list[dict[str, Any]], deadline: float) -> list[Relation]:
    items = [rows.relation(r["rel"]) for r in found]
    ids = [i.id for i in items]
    found_evidence = db.read(c.RELATIONS_EVIDENCE, deadline, ids=ids, per=EVIDENCE_PER_EDGE, doc_id=None)
    evidence = {r["id"]: r["items"] for r in found_evidence}
    for item in items:
        item.evidence = [rows.evidence(e) for e in evidence.get(item.id, [])]
    return items


def find_relations(
    db: Db,
    rel_type: RelType | None,
    source: str | None,
    target: str | None,
    limit: int,
    offset: int,
    filt: RelationFilter | None,
) -> Page[Relation]:
    check_page(limit, offset)
    params = filter_params(filt)
    pinned = "both" if source and target else "source" if source else "target" if target else "none"
    params.update(source=source, target=target, symmetric=SYMMETRIC_VALUES)
    params["type"] = rel_type.value if rel_type else None
    deadline = db.deadline()
    total = _count(db, c.COUNT_RELATIONS[pinned], deadline, **params)
    found = db.read(c.FIND_RELATIONS[pinned], deadline, limit=limit, offset=offset, **params)
    return page(_with_evidence(db, found, deadline), total, limit, offset)


def entity_relations(db: Db, entity_id: str, limit: int, filt: RelationFilter | None) -> Page[Relation]:
    """Strongest first: most documents, then highest confidence."""
    check_page(limit)
    params = filter_params(filt)
    deadline = db.deadline()
    get_entity(db, entity_id, deadline)
    total = _count(db, c.COUNT_ENTITY_RELATIONS, deadline, id=entity_id, **params)
    found = db.read(c.ENTITY_RELATIONS, deadline, id=entity_id, limit=limit, **params)
    return page(_with_evidence(db, found, deadline), total, limit, 0)


# --- whole graph -------------------------------------------------------------------------------


def stats(db: Db) -> Stats:
    deadline = db.deadline()
    documents = _count(db, c.COUNT_DOCUMENTS, deadline)
    entities = {t.value: 0 for t in NodeType}
    entities.update({r["type"]: int(r["n"]) for r in db.read(c.COUNT_ENTITY_TYPES, deadline)})
    relations = {t.value: 0 for t in RelType}
    relations.update({r["type"]: int(r["n"]) for r in db.read(c.COUNT_RELATION_TYPES, deadline)})
    return Stats(store="neo4j", documents=documents, entities=entities, relations=relations)
