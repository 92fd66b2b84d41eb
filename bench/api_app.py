"""The product app plus one trivial endpoint, for bench/api.py only (never part of the product app).

`uvicorn --factory bench.api_app:make_app` serves the store named by MKG_STORE with the rate limit
lifted (a load generator is one client), and `GET /bench/trivial`: an `async def` returning a small
dict, behind the same middleware, as the framework's ceiling on this server.
"""

from __future__ import annotations

from fastapi import FastAPI

from api.app import create_app
from graph.settings import Settings

TRIVIAL_PATH = "/bench/trivial"


def make_app() -> FastAPI:
    app = create_app(Settings(rate_limit_per_minute=1_000_000_000))

    @app.get(TRIVIAL_PATH, include_in_schema=False)
    async def trivial() -> dict[str, object]:
        return {"ok": True, "n": 1}

    return app
