"""GET /health: what store answers, and how much it holds."""

from __future__ import annotations

from fastapi import APIRouter, Request

from api.deps import StoreDep, in_thread
from api.schemas import COMMON_ERRORS, Health
from api.security import KeyRing

router = APIRouter(tags=["health"], responses=COMMON_ERRORS)


@router.get("/health", response_model=Health, summary="Store kind and counts by type")
async def health(store: StoreDep, request: Request) -> Health:
    stats = await in_thread(store.stats)
    keys: KeyRing = request.app.state.keys
    return Health(
        store=stats.store,
        read_only=not keys,
        documents=stats.documents,
        entities=stats.entities,
        relations=stats.relations,
    )
