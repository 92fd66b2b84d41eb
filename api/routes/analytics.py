"""Analytics: key players, communities, brokers, co-membership, and an entity's timeline.

Every analysis runs on the network the filters describe (dates, grades, relation types), is cached
until the store changes (graph/analytics/cache.py), and says which algorithm answered and whether
the answer is an estimate.
"""

from __future__ import annotations

import threading
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from api.deps import LimitQ, RangedFilterDep, RelTypesQ, SettingsDep, StoreDep, capped, effective
from api.resolve import resolve_entity
from api.schemas import AMBIGUOUS, COMMON_ERRORS, NOT_FOUND
from graph.analytics.cache import AnalyticsCache
from graph.analytics.models import (
    BrokersResult,
    CentralityResult,
    CommunitiesResult,
    Metric,
    ProjectionKind,
    ProjectionResult,
    Timeline,
)
from graph.analytics.service import Analytics
from graph.analytics.timeline import timeline
from graph.errors import NotFound
from graph.models import Entity, Relation
from graph.ontology import NodeType
from graph.settings import Settings
from graph.store import GraphStore

router = APIRouter(tags=["analytics"], responses=COMMON_ERRORS)

_cache_lock = threading.Lock()

NodeTypeQ = Annotated[
    NodeType | None,
    Query(alias="type", description="rank only entities of this type (the network stays whole)"),
]
TopQ = Annotated[int, Query(ge=1, le=50, description="most central members listed per community")]


def _analytics(request: Request, store: GraphStore, settings: Settings) -> Analytics:
    """The app's analytics, with one cache per app (created on first use)."""
    with _cache_lock:
        cache = getattr(request.app.state, "analytics_cache", None)
        if cache is None:
            cache = AnalyticsCache()
            request.app.state.analytics_cache = cache
    # Until Settings carries its own cap, the default one bounds how many relations an analysis reads.
    max_edges = settings.analytics_max_relations
    return Analytics(store, cache, max_edges)


@router.get(
    "/analytics/centrality",
    response_model=CentralityResult,
    summary="Key players: entities ranked by degree, betweenness, PageRank or eigenvector centrality",
)
def get_centrality(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    filt: RangedFilterDep,
    metric: Annotated[
        Metric, Query(description="degree, betweenness (brokers), pagerank, eigenvector")
    ] = "degree",
    node_type: NodeTypeQ = None,
    rel: RelTypesQ = None,
    limit: LimitQ = None,
) -> CentralityResult:
    analytics = _analytics(request, store, settings)
    return analytics.centrality(metric, capped(limit, settings, 20), node_type, effective(filt, rel))


@router.get(
    "/analytics/communities",
    response_model=CommunitiesResult,
    summary="Blocs: communities (Louvain, or Leiden on large graphs, seeded) with their central members",
)
def get_communities(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    filt: RangedFilterDep,
    rel: RelTypesQ = None,
    top: TopQ = 5,
    limit: LimitQ = None,
) -> CommunitiesResult:
    analytics = _analytics(request, store, settings)
    return analytics.communities(capped(limit, settings, 20), top, effective(filt, rel))


@router.get(
    "/analytics/brokers",
    response_model=BrokersResult,
    summary="Cut points: entities and links whose removal splits the network, with the pieces left",
)
def get_brokers(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    filt: RangedFilterDep,
    node_type: Annotated[
        NodeType | None, Query(alias="type", description="only brokers of this type")
    ] = None,
    rel: RelTypesQ = None,
    limit: LimitQ = None,
) -> BrokersResult:
    analytics = _analytics(request, store, settings)
    return analytics.brokers(capped(limit, settings, 20), node_type, effective(filt, rel))


@router.get(
    "/analytics/projections",
    response_model=ProjectionResult,
    summary="Leaders linked through common groups, or groups through common camps, weighted",
)
def get_projection(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    filt: RangedFilterDep,
    kind: Annotated[
        ProjectionKind,
        Query(description="co-membership (leaders via groups) or shared-camps (groups via camps)"),
    ] = "co-membership",
    limit: LimitQ = None,
) -> ProjectionResult:
    analytics = _analytics(request, store, settings)
    return analytics.projection(kind, capped(limit, settings, 50), effective(filt))


@router.get(
    "/entities/{ref}/timeline",
    response_model=Timeline,
    responses={**NOT_FOUND, **AMBIGUOUS},
    summary="An entity's relations in date order, each with its evidence",
)
def get_timeline(
    ref: Annotated[
        str, Path(min_length=1, max_length=500, description="stable id or a name or alias, resolved")
    ],
    store: StoreDep,
    settings: SettingsDep,
    filt: RangedFilterDep,
    rel: RelTypesQ = None,
    limit: LimitQ = None,
) -> Timeline:
    entity = store.get_entity(resolve_entity(store, ref))
    cap = capped(limit, settings, 100)
    page = store.entity_relations(entity.id, cap, effective(filt, rel))
    return timeline(entity, page.items, _far_ends(store, entity.id, page.items), cap, page.truncated)


def _far_ends(store: GraphStore, entity_id: str, relations: list[Relation]) -> dict[str, Entity]:
    found: dict[str, Entity] = {}
    for rel in relations:
        other = rel.target if rel.source == entity_id else rel.source
        if other in found:
            continue
        try:
            found[other] = store.get_entity(other)
        except NotFound:
            continue  # deleted between the two reads: the timeline leaves that relation out
    return found
