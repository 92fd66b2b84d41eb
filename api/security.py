"""API keys, per-client rate limiting and the request body limit.

Keys are compared as SHA-256 digests with `hmac.compare_digest`, against every configured key,
so neither the comparison nor the number of keys tried leaks how close a guess was.
The rate limiter and the body limit are plain ASGI middleware: they run before routing and cost
a few microseconds per request.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import Any

import orjson
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import error_body

API_KEY_HEADER = "x-api-key"


def _digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).digest()


class KeyRing:
    """The configured API keys, held only as digests."""

    def __init__(self, keys: list[str]) -> None:
        self._digests = [_digest(k) for k in keys]

    def __bool__(self) -> bool:
        return bool(self._digests)

    def matches(self, candidate: str | None) -> bool:
        if not candidate:
            return False
        probe = _digest(candidate)
        found = False
        for digest in self._digests:
            found |= hmac.compare_digest(probe, digest)
        return found


def presented_key(headers: Mapping[str, str]) -> str | None:
    """The key a request carries: `Authorization: Bearer <key>` or `X-API-Key: <key>`."""
    auth = headers.get("authorization", "")
    scheme, _, value = auth.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    key = headers.get(API_KEY_HEADER, "").strip()
    return key or None


class TokenBucketLimiter:
    """Per-client token buckets: `per_minute` requests a minute, bursts up to the same number.

    Remembers at most `max_clients` clients (least recently seen forgotten first), so memory stays
    bounded whatever addresses arrive.
    """

    def __init__(
        self, per_minute: int, max_clients: int = 10_000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self.max_clients = max_clients
        self._clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def acquire(self, client: str) -> float:
        """Take one token; returns 0 when allowed, else the seconds until a token is free."""
        now = self._clock()
        tokens, last = self._buckets.pop(client, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - last) * self.rate)
        wait = 0.0
        if tokens >= 1.0:
            tokens -= 1.0
        else:
            wait = (1.0 - tokens) / self.rate
        self._buckets[client] = (tokens, now)
        if len(self._buckets) > self.max_clients:
            self._buckets.popitem(last=False)
        return wait


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return str(value.decode("latin-1"))
    return None


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1"): v.decode("latin-1") for k, v in scope.get("headers", ())}


async def _send_json(send: Send, status: int, body: dict[str, Any], extra: list[tuple[bytes, bytes]]) -> None:
    payload = orjson.dumps(body)
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(payload)).encode()),
        *extra,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})


class RateLimitMiddleware:
    """429 with Retry-After once a client has used its requests; a client is its valid key, else its IP.

    A key only names the client when it is valid, so made-up keys cannot buy fresh buckets.
    """

    def __init__(self, app: ASGIApp, limiter: TokenBucketLimiter, keys: KeyRing) -> None:
        self.app = app
        self.limiter = limiter
        self.keys = keys

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        wait = self.limiter.acquire(self._client(scope))
        if wait > 0:
            retry = max(1, math.ceil(wait))
            body = error_body("rate_limited", f"Too many requests; retry in {retry} s.")
            await _send_json(send, 429, body, [(b"retry-after", str(retry).encode())])
            return
        await self.app(scope, receive, send)

    def _client(self, scope: Scope) -> str:
        key = presented_key(_headers(scope)) if self.keys else None
        if key is not None and self.keys.matches(key):
            return "key:" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
        client = scope.get("client")
        return "ip:" + (client[0] if client else "unknown")


class BodySizeLimitMiddleware:
    """413 for bodies over `max_bytes`: by Content-Length up front, and by counting while streaming."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                await _send_json(send, 400, error_body("bad_request", "Invalid Content-Length header."), [])
                return
            if int(declared) > self.max_bytes:
                await _send_json(send, 413, error_body("body_too_large", self._message()), [])
                return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # Raised inside whatever reads the body; the error handlers answer 413.
                    raise StarletteHTTPException(413, self._message())
            return message

        await self.app(scope, limited_receive, send)

    def _message(self) -> str:
        return f"Request body is over the {self.max_bytes} byte limit."
