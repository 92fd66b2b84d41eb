"""The FastAPI application: routes, error handling, keys, limits, CORS and offline API docs."""

from __future__ import annotations

import gc
import importlib
import importlib.util
import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import fastapi_offline
from fastapi import APIRouter, FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from api.deps import ReaderDep
from api.errors import install_error_handlers
from api.routes import documents, entities, export, health, paths, relations, search
from api.security import BodySizeLimitMiddleware, KeyRing, RateLimitMiddleware, TokenBucketLimiter
from graph.settings import Settings, get_settings
from graph.store import GraphStore

log = logging.getLogger("mkg.api")

DOCS_ASSETS = "/docs-assets"
# Routers other modules add when they exist: the HTML views (and home page) and the analytics.
OPTIONAL_ROUTERS = ("api.routes.views", "api.routes.analytics")
_CORE_ROUTERS = (health, entities, relations, paths, search, documents, export)

DESCRIPTION = """Query a knowledge graph of militant groups, leaders, camps and places, with the evidence
(sentence and document) behind every relation. Ids are stable (`group:jaish-e-mohammed`); a name or
alias is accepted wherever an id is. Reads are open unless configured otherwise; writes need an API key."""


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    """The app over `store`, or over the store `settings.store` names (opened now, closed at shutdown)."""
    settings = settings or get_settings()
    owns_store = store is None
    if store is None:
        from graph.open import open_store

        store = open_store(settings.store, settings)
    opened: GraphStore = store

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # What exists at start-up (modules, schemas, the app) lives as long as the server: frozen, the
        # collector's full passes skip it instead of rescanning it while a request waits (the p99).
        gc.collect()
        gc.freeze()
        yield
        gc.unfreeze()
        if owns_store:
            opened.close()

    app = FastAPI(
        title="militant-kg",
        version="0.1.0",
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = opened
    app.state.keys = KeyRing(settings.api_key_list)
    app.state.ingest_lock = threading.Lock()
    if settings.require_key_for_reads and not settings.api_key_list:
        log.warning("require_key_for_reads is on but no API keys are configured: every read will be refused")

    install_error_handlers(app)
    _include_routers(app, settings)
    _install_docs(app)
    _install_middleware(app, settings)
    return app


def _include_routers(app: FastAPI, settings: Settings) -> None:
    # Read routes carry the key check only when it can refuse something: it costs on every request.
    reader = [ReaderDep] if settings.require_key_for_reads else []
    for module in _CORE_ROUTERS:
        app.include_router(module.router, dependencies=reader)
    for name in OPTIONAL_ROUTERS:
        # Written by other modules of the project; the API works before they land.
        if importlib.util.find_spec(name) is None:
            continue
        router: APIRouter = importlib.import_module(name).router
        app.include_router(router, dependencies=reader)


def _install_middleware(app: FastAPI, settings: Settings) -> None:
    # Added innermost first: CORS answers preflights, then the rate limit, then the body limit.
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=settings.max_body_bytes)
    limiter = TokenBucketLimiter(settings.rate_limit_per_minute)
    app.add_middleware(RateLimitMiddleware, limiter=limiter, keys=app.state.keys)
    origins = settings.cors_origin_list
    if origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "X-API-Key", "Content-Type"],
            expose_headers=["Retry-After", "X-Truncated", "Content-Disposition"],
        )


def _install_docs(app: FastAPI) -> None:
    """Swagger UI and ReDoc from files shipped in a Python package: no CDN, works offline."""
    assets = Path(fastapi_offline.__file__).parent / "static"
    app.mount(DOCS_ASSETS, StaticFiles(directory=assets), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_swagger_ui_html(
            openapi_url=root + (app.openapi_url or "/openapi.json"),
            title=f"{app.title} — API",
            swagger_js_url=f"{root}{DOCS_ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{DOCS_ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{root}{DOCS_ASSETS}/favicon.png",
            # No online validator badge: the page must not reach out of this server.
            swagger_ui_parameters={"validatorUrl": None},
        )

    @app.get("/redoc", include_in_schema=False)
    async def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_redoc_html(
            openapi_url=root + (app.openapi_url or "/openapi.json"),
            title=f"{app.title} — API reference",
            redoc_js_url=f"{root}{DOCS_ASSETS}/redoc.standalone.js",
            redoc_favicon_url=f"{root}{DOCS_ASSETS}/favicon.png",
            with_google_fonts=False,
        )
