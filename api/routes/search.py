"""Full-text search over document text."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import LimitQ, OffsetQ, SettingsDep, StoreDep, capped, in_thread
from api.schemas import COMMON_ERRORS
from graph.errors import InvalidInput
from graph.models import DocumentHit, Page

router = APIRouter(tags=["search"], responses=COMMON_ERRORS)


@router.get("/search", response_model=Page[DocumentHit], summary="Documents matching words, with snippets")
async def search(
    store: StoreDep,
    settings: SettingsDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="words to find")],
    limit: LimitQ = None,
    offset: OffsetQ = 0,
) -> Page[DocumentHit]:
    text = q.strip()
    if not text:
        raise InvalidInput("q needs at least one word.")
    return await in_thread(store.search_documents, text, capped(limit, settings, 20), offset)
