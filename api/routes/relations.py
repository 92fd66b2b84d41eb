"""Relations with their evidence: sentence, document, offsets, date, confidence, grades."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.deps import LimitQ, OffsetQ, RangedFilterDep, SettingsDep, StoreDep, capped, effective, in_thread
from api.resolve import resolve_entity
from api.schemas import AMBIGUOUS, COMMON_ERRORS, NOT_FOUND
from graph.models import Page, Relation, RelationFilter
from graph.ontology import RelType
from graph.store import GraphStore

router = APIRouter(tags=["relations"], responses=COMMON_ERRORS)

EndRef = Annotated[
    str | None, Query(min_length=1, max_length=500, description="entity id or name at this end")
]


@router.get(
    "/relations",
    response_model=Page[Relation],
    responses={**NOT_FOUND, **AMBIGUOUS},
    summary="Relations by type and ends, with evidence",
)
async def find_relations(
    store: StoreDep,
    settings: SettingsDep,
    filt: RangedFilterDep,
    rel_type: Annotated[RelType | None, Query(alias="type")] = None,
    source: EndRef = None,
    target: EndRef = None,
    limit: LimitQ = None,
    offset: OffsetQ = 0,
) -> Page[Relation]:
    cap = capped(limit, settings, 100)
    return await in_thread(_find, store, rel_type, source, target, cap, offset, effective(filt))


def _find(
    store: GraphStore,
    rel_type: RelType | None,
    source: str | None,
    target: str | None,
    limit: int,
    offset: int,
    filt: RelationFilter | None,
) -> Page[Relation]:
    source_id = resolve_entity(store, source) if source is not None else None
    target_id = resolve_entity(store, target) if target is not None else None
    return store.find_relations(rel_type, source_id, target_id, limit, offset, filt=filt)


@router.get(
    "/relations/{relation_id}",
    response_model=Relation,
    responses=NOT_FOUND,
    summary="One relation with all its evidence",
)
async def get_relation(
    relation_id: Annotated[str, Path(min_length=1, max_length=200, description="rel:… id")],
    store: StoreDep,
) -> Relation:
    return await in_thread(store.get_relation, relation_id)
