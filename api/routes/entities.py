"""Entities: search by name or alias, one entity with its relations and documents, its neighbourhood."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from api.deps import (
    LimitQ,
    OffsetQ,
    RangedFilterDep,
    RelTypesQ,
    SettingsDep,
    StoreDep,
    capped,
    check_hops,
    effective,
    in_thread,
)
from api.resolve import resolve, resolve_entity
from api.schemas import AMBIGUOUS, COMMON_ERRORS, NOT_FOUND, EntityDetail, EntityHit, RelationGroup
from graph.models import Page, Relation, RelationFilter, Subgraph
from graph.ontology import NodeType
from graph.store import Direction, GraphStore

router = APIRouter(tags=["entities"], responses=COMMON_ERRORS)
DEFAULT_PREVIEW = 5
MAX_PREVIEW = 50

EntityRef = Annotated[
    str,
    Path(
        min_length=1,
        max_length=500,
        description="stable id (group:jaish-e-mohammed) or a name or alias, resolved",
        examples=["group:jaish-e-mohammed", "Masood Azhar", "JeM"],
    ),
]


@router.get("/entities", response_model=Page[EntityHit], summary="Search entities by name or alias")
async def find_entities(
    store: StoreDep,
    settings: SettingsDep,
    q: Annotated[
        str | None, Query(max_length=500, description="words of a name or alias; accents and case ignored")
    ] = None,
    node_type: Annotated[NodeType | None, Query(alias="type")] = None,
    limit: LimitQ = None,
    offset: OffsetQ = 0,
    relations: Annotated[
        int, Query(ge=0, le=MAX_PREVIEW, description="relations (with evidence) to show per entity")
    ] = DEFAULT_PREVIEW,
) -> Page[EntityHit]:
    text = (q.strip() if q else None) or None
    return await in_thread(
        search_entities, store, text, node_type, capped(limit, settings, 50), offset, relations
    )


def search_entities(
    store: GraphStore, q: str | None, node_type: NodeType | None, limit: int, offset: int, relations: int
) -> Page[EntityHit]:
    page = store.find_entities(q, node_type, limit, offset)
    hits = []
    for entity in page.items:
        preview = store.entity_relations(entity.id, relations) if relations else None
        hits.append(
            EntityHit(
                **entity.model_dump(),
                relations=preview.items if preview else [],
                relations_truncated=preview.truncated if preview else False,
            )
        )
    return Page[EntityHit](
        items=hits, total=page.total, limit=page.limit, offset=page.offset, truncated=page.truncated
    )


@router.get(
    "/entities/{ref}",
    response_model=EntityDetail,
    responses={**NOT_FOUND, **AMBIGUOUS},
    summary="One entity: aliases, attributes, relations by type, documents",
)
async def get_entity(
    ref: EntityRef, store: StoreDep, settings: SettingsDep, limit: LimitQ = None
) -> EntityDetail:
    return await in_thread(entity_detail, store, ref, capped(limit, settings))


def entity_detail(store: GraphStore, ref: str, limit: int) -> EntityDetail:
    entity = resolve(store, ref)
    relations = store.entity_relations(entity.id, limit)
    return EntityDetail(
        entity=entity,
        relations=group_by_type(relations.items),
        relations_truncated=relations.truncated,
        documents=store.entity_documents(entity.id, limit),
    )


def group_by_type(relations: list[Relation]) -> list[RelationGroup]:
    groups: dict[str, list[Relation]] = defaultdict(list)
    for relation in relations:
        groups[relation.type.value].append(relation)
    return [
        RelationGroup(type=members[0].type, count=len(members), relations=members)
        for _, members in sorted(groups.items())
    ]


@router.get(
    "/entities/{ref}/neighbors",
    response_model=Subgraph,
    responses={**NOT_FOUND, **AMBIGUOUS},
    summary="The entity's neighbourhood: nodes and edges within `hops`",
)
async def neighbors(
    ref: EntityRef,
    store: StoreDep,
    settings: SettingsDep,
    filt: RangedFilterDep,
    hops: Annotated[int, Query(ge=1, description="1 to the max_neighbor_hops setting (3)")] = 1,
    rel: RelTypesQ = None,
    node_type: Annotated[
        list[NodeType] | None, Query(alias="type", description="only nodes of these types (repeat)")
    ] = None,
    direction: Literal["out", "in", "both"] = "both",
    limit: LimitQ = None,
) -> Subgraph:
    check_hops(hops, settings.max_neighbor_hops)
    types = sorted(set(node_type)) if node_type else None
    cap = capped(limit, settings)
    return await in_thread(_neighbors, store, ref, hops, cap, direction, types, effective(filt, rel))


def _neighbors(
    store: GraphStore,
    ref: str,
    hops: int,
    limit: int,
    direction: Direction,
    node_types: list[NodeType] | None,
    filt: RelationFilter | None,
) -> Subgraph:
    entity_id = resolve_entity(store, ref)
    return store.neighbors(
        entity_id, hops=hops, limit=limit, direction=direction, node_types=node_types, filt=filt
    )
