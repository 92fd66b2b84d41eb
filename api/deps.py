"""Request dependencies: the store, the settings, API-key checks, limits and relation filters.

Every dependency here is `async def` on purpose: they do no I/O, and async keeps them off the
thread pool, which matters for requests served in under a millisecond.
"""

from __future__ import annotations

import asyncio
import functools
import weakref
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from anyio import CapacityLimiter, to_thread
from fastapi import Depends, Query, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from api.errors import ReadOnly
from api.security import KeyRing, presented_key
from graph.errors import InvalidInput, Unauthorized
from graph.models import RelationFilter
from graph.ontology import Reliability, RelType
from graph.settings import Settings
from graph.store import GraphStore

T = TypeVar("T")

# Deep offsets are refused rather than scanned: page with filters instead.
MAX_OFFSET = 1_000_000
DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
DATE_HELP = "YYYY, YYYY-MM or YYYY-MM-DD"

_bearer = HTTPBearer(auto_error=False, description="Authorization: Bearer <API key>")
_api_key = APIKeyHeader(name="X-API-Key", auto_error=False, description="X-API-Key: <API key>")


async def _store(request: Request) -> GraphStore:
    store: GraphStore = request.app.state.store
    return store


async def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


StoreDep = Annotated[GraphStore, Depends(_store)]
SettingsDep = Annotated[Settings, Depends(_settings)]


async def require_writer(
    request: Request,
    _bearer_key: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    _header_key: Annotated[str | None, Depends(_api_key)],
) -> None:
    """Writes need a valid key; a server with no keys configured is read-only (403)."""
    keys: KeyRing = request.app.state.keys
    if not keys:
        raise ReadOnly("This server is read-only: no API keys are configured (MKG_API_KEYS).")
    if not keys.matches(presented_key(request.headers)):
        raise Unauthorized(
            "A valid API key is required: 'Authorization: Bearer <key>' or 'X-API-Key: <key>'."
        )


async def require_reader(
    request: Request,
    _bearer_key: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    _header_key: Annotated[str | None, Depends(_api_key)],
) -> None:
    """Reads are open unless the require_key_for_reads setting is on."""
    settings: Settings = request.app.state.settings
    if not settings.require_key_for_reads:
        return
    keys: KeyRing = request.app.state.keys
    if not keys.matches(presented_key(request.headers)):
        raise Unauthorized("This server requires an API key for reads as well.")


# Store work runs on at most STORE_LANES threads per server process. Only one thread runs Python at
# a time, and SQLite hands the GIL back at every step, so more threads only pass it back and forth:
# measured, 8 concurrent requests on 40 threads served half as many requests per second as on one.
# Two lanes rather than one, so that a slow query does not hold up every other request.
STORE_LANES = 2
_lanes: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, CapacityLimiter] = weakref.WeakKeyDictionary()


def _store_lanes() -> CapacityLimiter:
    loop = asyncio.get_running_loop()  # a limiter belongs to one event loop (tests run several)
    lanes = _lanes.get(loop)
    if lanes is None:
        lanes = _lanes[loop] = CapacityLimiter(STORE_LANES)
    return lanes


async def in_thread(func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run store work off the event loop, on one of the store lanes; the answer is serialised on the loop."""
    return await to_thread.run_sync(functools.partial(func, *args, **kwargs), limiter=_store_lanes())


async def in_pool(func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run long work (an ingest, an export) on the general thread pool: it never takes a store lane."""
    return await to_thread.run_sync(functools.partial(func, *args, **kwargs))


WriterDep = Depends(require_writer)
ReaderDep = Depends(require_reader)

# --- paging ------------------------------------------------------------------

LimitQ = Annotated[
    int | None,
    Query(ge=1, description="how many results; capped at the max_results setting (default 500)"),
]
OffsetQ = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="results to skip")]


def capped(limit: int | None, settings: Settings, default: int | None = None) -> int:
    """The limit to use: the caller's, else `default`, else the cap; never over the cap."""
    wanted = limit if limit is not None else (default if default is not None else settings.max_results)
    return min(wanted, settings.max_results)


def check_hops(hops: int, ceiling: int, name: str = "hops") -> int:
    if hops > ceiling:
        raise InvalidInput(f"{name} is at most {ceiling} on this server.")
    return hops


# --- relation filters ----------------------------------------------------------

RelTypesQ = Annotated[
    list[RelType] | None, Query(description="only these relation types (repeat the parameter)")
]


async def _base_filter(
    as_of: Annotated[
        str | None, Query(pattern=DATE_PATTERN, description=f"relations seen on or before ({DATE_HELP})")
    ] = None,
    since: Annotated[
        str | None, Query(pattern=DATE_PATTERN, description=f"relations seen on or after ({DATE_HELP})")
    ] = None,
    until: Annotated[
        str | None, Query(pattern=DATE_PATTERN, description=f"relations seen on or before ({DATE_HELP})")
    ] = None,
    min_reliability: Annotated[
        Reliability | None, Query(description="best source graded at least this (A best ... F)")
    ] = None,
    max_credibility: Annotated[
        int | None, Query(ge=1, le=6, description="information credibility at most this (1 best ... 6)")
    ] = None,
) -> RelationFilter:
    return RelationFilter(
        as_of=as_of,
        since=since,
        until=until,
        min_reliability=min_reliability,
        max_credibility=max_credibility,
    )


async def _ranged_filter(
    base: Annotated[RelationFilter, Depends(_base_filter)],
    date_from: Annotated[
        str | None, Query(alias="from", pattern=DATE_PATTERN, description="same as since")
    ] = None,
    date_to: Annotated[
        str | None, Query(alias="to", pattern=DATE_PATTERN, description="same as until")
    ] = None,
) -> RelationFilter:
    since = _one_of("since", base.since, date_from)
    until = _one_of("until", base.until, date_to)
    return base.model_copy(update={"since": since, "until": until})


def _one_of(name: str, value: str | None, alias: str | None) -> str | None:
    if value is not None and alias is not None and value != alias:
        raise InvalidInput(f"{name} and its alias disagree; give one of them.")
    return value if value is not None else alias


# /paths uses `from` and `to` for its endpoints, so there the date range is only since/until.
BaseFilterDep = Annotated[RelationFilter, Depends(_base_filter)]
RangedFilterDep = Annotated[RelationFilter, Depends(_ranged_filter)]


def effective(filt: RelationFilter, types: list[RelType] | None = None) -> RelationFilter | None:
    """The filter to hand a store, or None when it would filter nothing (the stores' fast path)."""
    if types:
        filt = filt.model_copy(update={"types": sorted(set(types))})
    return filt if filt.model_dump(exclude_none=True) else None
