"""Connections: shortest paths between two entities, and the union of neighbourhoods for drawing."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import (
    BaseFilterDep,
    LimitQ,
    RangedFilterDep,
    RelTypesQ,
    SettingsDep,
    StoreDep,
    capped,
    check_hops,
    effective,
    in_thread,
)
from api.resolve import resolve_entity
from api.schemas import AMBIGUOUS, COMMON_ERRORS, NOT_FOUND
from graph.errors import InvalidInput
from graph.models import PathResult, RelationFilter, Subgraph
from graph.store import GraphStore

router = APIRouter(tags=["graph"], responses={**COMMON_ERRORS, **NOT_FOUND, **AMBIGUOUS})

DEFAULT_PATHS = 10


@router.get("/paths", response_model=PathResult, summary="Shortest connections between two entities")
async def shortest_paths(
    store: StoreDep,
    settings: SettingsDep,
    filt: BaseFilterDep,
    source: Annotated[str, Query(alias="from", min_length=1, max_length=500, description="id or name")],
    target: Annotated[str, Query(alias="to", min_length=1, max_length=500, description="id or name")],
    max_hops: Annotated[int, Query(ge=1, description="1 to the max_path_hops setting (6)")] = 4,
    rel: RelTypesQ = None,
    limit: LimitQ = None,
) -> PathResult:
    check_hops(max_hops, settings.max_path_hops, "max_hops")
    cap = capped(limit, settings, DEFAULT_PATHS)
    return await in_thread(_paths, store, source, target, max_hops, cap, effective(filt, rel))


def _paths(
    store: GraphStore, source: str, target: str, max_hops: int, limit: int, filt: RelationFilter | None
) -> PathResult:
    source_id = resolve_entity(store, source)
    target_id = resolve_entity(store, target)
    return store.shortest_paths(source_id, target_id, max_hops, limit, filt=filt)


@router.get("/subgraph", response_model=Subgraph, summary="Union of neighbourhoods, for drawing")
async def subgraph(
    store: StoreDep,
    settings: SettingsDep,
    filt: RangedFilterDep,
    ids: Annotated[
        list[str],
        Query(min_length=1, description="entity ids or names; repeat the parameter or separate by commas"),
    ],
    hops: Annotated[int, Query(ge=0, description="0 to the max_neighbor_hops setting (3)")] = 1,
    rel: RelTypesQ = None,
    limit: LimitQ = None,
) -> Subgraph:
    check_hops(hops, settings.max_neighbor_hops)
    refs = split_refs(ids, settings.max_results)
    return await in_thread(_subgraph, store, refs, hops, capped(limit, settings), effective(filt, rel))


def _subgraph(
    store: GraphStore, refs: list[str], hops: int, limit: int, filt: RelationFilter | None
) -> Subgraph:
    entity_ids = sorted({resolve_entity(store, ref) for ref in refs})
    return store.subgraph(entity_ids, hops, limit, filt=filt)


def split_refs(values: list[str], cap: int) -> list[str]:
    refs = [part.strip() for value in values for part in value.split(",") if part.strip()]
    if not refs:
        raise InvalidInput("ids needs at least one entity id or name.")
    if len(refs) > cap:
        raise InvalidInput(f"ids takes at most {cap} entities.")
    return refs
