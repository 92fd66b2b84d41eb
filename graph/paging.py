"""Paging rules every store shares: what limits are valid, and when a page is truncated."""

from __future__ import annotations

from typing import Any

from graph.errors import InvalidInput
from graph.models import Page


def check_page(limit: int, offset: int = 0) -> None:
    if limit < 1:
        raise InvalidInput("limit must be at least 1")
    if offset < 0:
        raise InvalidInput("offset must not be negative")


def page(items: list[Any], total: int, limit: int, offset: int) -> Page[Any]:
    return Page(items=items, total=total, limit=limit, offset=offset, truncated=offset + len(items) < total)
