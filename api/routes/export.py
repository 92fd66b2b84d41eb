"""GET /export: the whole graph, or the part of some types, as GraphML, JSON or CSV."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import IO, Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel
from starlette.responses import StreamingResponse

from api.deps import RelTypesQ, SettingsDep, StoreDep, in_pool
from api.exporters import (
    EDGE_COLUMNS,
    NODE_COLUMNS,
    Selection,
    edge_rows,
    node_rows,
    write_csv,
    write_csv_zip,
    write_graphml,
    write_json,
)
from api.schemas import COMMON_ERRORS, Responses
from graph.models import Entity, Relation
from graph.ontology import NodeType
from graph.store import GraphStore

router = APIRouter(tags=["export"], responses=COMMON_ERRORS)

Format = Literal["graphml", "json", "csv"]
Table = Literal["nodes", "edges"]
SPOOL_BYTES = 16 * 1024 * 1024
CHUNK = 64 * 1024


class ExportedGraph(BaseModel):
    nodes: list[Entity]
    edges: list[Relation]
    truncated: bool


_MEDIA = {"graphml": "application/graphml+xml", "json": "application/json", "csv": "text/csv"}

_CONTENT: Responses = {
    200: {
        "description": "The export, as a download. X-Truncated says whether the max_export cap cut it.",
        "model": ExportedGraph,
        "content": {
            "application/graphml+xml": {"schema": {"type": "string"}},
            "text/csv": {"schema": {"type": "string"}},
            "application/zip": {"schema": {"type": "string", "format": "binary"}},
        },
    }
}


@router.get("/export", response_class=StreamingResponse, responses=_CONTENT, summary="Export the graph")
async def export(
    store: StoreDep,
    settings: SettingsDep,
    fmt: Annotated[Format, Query(alias="format")] = "json",
    node_types: Annotated[
        list[NodeType] | None, Query(alias="type", description="only entities of these types (repeat)")
    ] = None,
    rel: RelTypesQ = None,
    table: Annotated[
        Table | None, Query(description="csv only: one table as text/csv instead of a zip of both")
    ] = None,
) -> StreamingResponse:
    selection = Selection(
        cap=settings.max_export,
        node_types=frozenset(node_types) if node_types else None,
        rel_types=frozenset(rel) if rel else None,
    )
    # Built off the event loop, in one thread (the store's cursors stay on it), into a spooled file:
    # errors still become proper answers, and memory stays bounded whatever the graph's size.
    spool = await in_pool(_build, store, selection, fmt, table)
    media_type, filename = _naming(fmt, table)
    size = spool.tell()
    spool.seek(0)
    headers = {
        "Content-Disposition": f'attachment; filename="{filename}"',
        "Content-Length": str(size),
        "X-Truncated": "true" if selection.truncated else "false",
    }
    return StreamingResponse(_chunks(spool), media_type=media_type, headers=headers)


def _build(store: GraphStore, selection: Selection, fmt: Format, table: Table | None) -> IO[bytes]:
    spool: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 - closed by _chunks
    try:
        _write(spool, store, selection, fmt, table)
    except BaseException:
        spool.close()
        raise
    return spool


def _write(out: IO[bytes], store: GraphStore, selection: Selection, fmt: Format, table: Table | None) -> None:
    if fmt == "json":
        write_json(out, selection.nodes(store), selection.edges(store), selection)
    elif fmt == "graphml":
        write_graphml(out, selection.nodes(store), selection.edges(store))
    elif table == "nodes":
        write_csv(out, NODE_COLUMNS, node_rows(selection.nodes(store)))
    elif table == "edges":
        selection.drain_nodes(store)
        write_csv(out, EDGE_COLUMNS, edge_rows(selection.edges(store)))
    else:
        write_csv_zip(out, selection.nodes(store), selection.edges(store))


def _naming(fmt: Format, table: Table | None) -> tuple[str, str]:
    if fmt == "csv" and table is None:
        return "application/zip", "militant-kg.zip"
    if fmt == "csv":
        return "text/csv; charset=utf-8", f"militant-kg-{table}.csv"
    return _MEDIA[fmt], f"militant-kg.{fmt}"


def _chunks(spool: IO[bytes]) -> Iterator[bytes]:
    try:
        while chunk := spool.read(CHUNK):
            yield chunk
    finally:
        spool.close()
