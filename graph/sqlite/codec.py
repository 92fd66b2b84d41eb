"""Small helpers shared by the SQLite modules: JSON columns and chunked IN lists."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

import orjson

from graph.errors import InvalidInput

# Well under SQLite's bound-parameter limit, leaving room for the other parameters of a query.
CHUNK = 500
T = TypeVar("T")


def dumps(value: Any) -> str:
    if not value:
        return "{}" if isinstance(value, dict) else "[]"
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()
    except TypeError:
        raise InvalidInput("attributes must be plain JSON values") from None


def dumps_or_none(value: dict[str, Any] | list[Any]) -> str | None:
    return dumps(value) if value else None


def loads(text: str | None, default: Any) -> Any:
    return default if text is None else orjson.loads(text)


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def marks(n: int) -> str:
    """`?, ?, ?` for an IN list of n parameters."""
    return ", ".join("?" * n)


def unique(items: Iterable[T]) -> list[T]:
    return list(dict.fromkeys(items))
