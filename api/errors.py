"""The one place where errors become HTTP answers: `{"error": {"code", "message", "details"?}}`.

Our own errors (graph.errors) carry messages written for users and pass through as they are;
anything else is logged here and answered with a generic message, so no stack trace, SQL,
Cypher or file path ever reaches a client.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.errors import (
    Ambiguous,
    DocumentRejected,
    DocumentTooLarge,
    InvalidInput,
    MkgError,
    NotFound,
    QueryTimeout,
    RateLimited,
    StoreError,
    StoreUnavailable,
    Unauthorized,
)

log = logging.getLogger("mkg.api")


class ReadOnly(MkgError):
    """A write was asked of a server that has no API keys configured (HTTP 403)."""


# Most specific first: the first class an error is an instance of decides its answer.
_STATUS: list[tuple[type[MkgError], int, str]] = [
    (DocumentTooLarge, 413, "document_too_large"),
    (DocumentRejected, 422, "document_rejected"),
    (InvalidInput, 422, "invalid_input"),
    (NotFound, 404, "not_found"),
    (Ambiguous, 409, "ambiguous"),
    (Unauthorized, 401, "unauthorized"),
    (ReadOnly, 403, "read_only"),
    (RateLimited, 429, "rate_limited"),
    (QueryTimeout, 503, "query_timeout"),
    (StoreUnavailable, 503, "store_unavailable"),
    (StoreError, 500, "store_error"),
]

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "body_too_large",
    415: "unsupported_media_type",
    422: "invalid_input",
    429: "rate_limited",
}

GENERIC_500 = "The server could not answer this request. The problem has been logged."
STORE_500 = "The graph store failed to answer this request. The problem has been logged."


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    error: dict[str, Any] = {"code": code, "message": message}
    if details is not None:
        error["details"] = details
    return {"error": error}


def error_response(
    status: int, code: str, message: str, details: Any = None, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(error_body(code, message, details), status_code=status, headers=headers)


def status_of(exc: MkgError) -> tuple[int, str]:
    for cls, status, code in _STATUS:
        if isinstance(exc, cls):
            return status, code
    return 500, "error"


def mkg_error_response(exc: MkgError) -> JSONResponse:
    status, code = status_of(exc)
    message = exc.message
    if status == 500:
        # A store failure's own message may describe internals; the log keeps it, the client does not.
        log.error("store error: %s", exc.message, exc_info=exc)
        message = STORE_500
    details: Any = None
    headers: Mapping[str, str] | None = None
    if isinstance(exc, Ambiguous):
        details = {"candidates": exc.candidates}
    if isinstance(exc, RateLimited):
        headers = {"Retry-After": str(exc.retry_after)}
    if isinstance(exc, Unauthorized):
        headers = {"WWW-Authenticate": "Bearer"}
    return error_response(status, code, message, details, headers)


async def _on_mkg_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, MkgError)
    if isinstance(exc, QueryTimeout):
        limit: float = request.app.state.settings.query_timeout_s
        exc = QueryTimeout(
            f"The query ran past the {limit:g} s time limit and was stopped. Narrow it: fewer hops, "
            "a type or relation filter, or a lower limit."
        )
    return mkg_error_response(exc)


async def _on_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    details = [_validation_item(item) for item in exc.errors()]
    first = details[0] if details else None
    message = "Invalid request"
    if first is not None:
        message = f"Invalid {first['location']}: {first['message']}"
    return error_response(422, "invalid_input", message, details)


def _validation_item(item: Any) -> dict[str, str]:
    # Only where and what: the rejected value itself is not echoed back.
    loc = ".".join(str(part) for part in item.get("loc", ()) if part not in ("body",)) or "request"
    return {"location": loc, "message": str(item.get("msg", "invalid value"))}


async def _on_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _HTTP_CODES.get(exc.status_code, "error")
    message = exc.detail if isinstance(exc.detail, str) else "Request failed"
    if exc.status_code == 404 and message == "Not Found":  # Starlette's words for an unknown path
        message = "No such endpoint"
    if exc.status_code >= 500:
        log.error("HTTP %s on %s: %s", exc.status_code, request.url.path, message)
        message = GENERIC_500
    return error_response(exc.status_code, code, message, headers=exc.headers)


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, "internal_error", GENERIC_500)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(MkgError, _on_mkg_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(Exception, _on_unexpected)
