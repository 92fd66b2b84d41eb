"""Documents: list, read, upload (through the same pipeline as `mkg ingest`), delete."""

from __future__ import annotations

import threading
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response
from pydantic import ValidationError
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.deps import LimitQ, OffsetQ, SettingsDep, StoreDep, WriterDep, capped, in_pool, in_thread
from api.schemas import COMMON_ERRORS, NOT_FOUND, WRITE_ERRORS, DeleteResponse, IngestResponse, TextDocument
from graph.errors import InvalidInput, NotFound
from graph.models import DocumentDetail, DocumentSummary, Page
from graph.ontology import Reliability
from graph.settings import Settings
from graph.store import GraphStore

router = APIRouter(tags=["documents"], responses=COMMON_ERRORS)

DocId = Annotated[str, Path(min_length=1, max_length=200, description="doc:… id")]
MAX_FORM_FIELD_BYTES = 64 * 1024

_UPLOAD_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary", "description": "txt, md, html or pdf"},
                        "source": {"type": "string", "description": "where the document comes from"},
                        "reliability": {"type": "string", "enum": [r.value for r in Reliability]},
                    },
                }
            },
            "application/json": {"schema": {"$ref": "#/components/schemas/TextDocument"}},
        },
    }
}


@router.get("/documents", response_model=Page[DocumentSummary], summary="Stored documents")
async def list_documents(
    store: StoreDep, settings: SettingsDep, limit: LimitQ = None, offset: OffsetQ = 0
) -> Page[DocumentSummary]:
    return await in_thread(store.list_documents, capped(limit, settings, 50), offset)


@router.get(
    "/documents/{doc_id}",
    response_model=DocumentDetail,
    responses=NOT_FOUND,
    summary="A document: text, metadata and what was extracted from it",
)
async def get_document(doc_id: DocId, store: StoreDep) -> DocumentDetail:
    return await in_thread(store.get_document, doc_id)


@router.post(
    "/documents",
    status_code=201,
    response_model=IngestResponse,
    dependencies=[WriterDep],
    responses={200: {"model": IngestResponse, "description": "Already stored; unchanged"}, **WRITE_ERRORS},
    openapi_extra=_UPLOAD_BODY,
    summary="Ingest a document: a multipart file upload, or JSON text",
)
async def upload_document(
    request: Request, response: Response, store: StoreDep, settings: SettingsDep
) -> IngestResponse:
    data, filename, source, reliability = await _read_upload(request)
    lock: threading.Lock = request.app.state.ingest_lock
    outcome = await in_pool(_ingest, lock, store, data, filename, settings, source, reliability)
    if outcome.status == "unchanged":
        response.status_code = 200
    else:
        _forget_cached_analyses(request)
    return outcome


def _forget_cached_analyses(request: Request) -> None:
    """Analyses cached for this app (api.routes.analytics) describe the graph before this write."""
    cache = getattr(request.app.state, "analytics_cache", None)
    if cache is not None:
        cache.invalidate()


def _ingest(
    lock: threading.Lock,
    store: GraphStore,
    data: bytes,
    filename: str | None,
    settings: Settings,
    source: str | None,
    reliability: str | None,
) -> IngestResponse:
    # Imported here: the extraction pipeline loads spaCy, which a read-only server never needs.
    from ingest.pipeline import ingest_bytes

    # Extraction is CPU-heavy: one upload at a time keeps reads responsive on a small machine.
    with lock:
        outcome = ingest_bytes(
            store, data, filename, settings=settings, source=source, reliability=reliability
        )
    return IngestResponse(
        doc_id=outcome.doc_id,
        status=outcome.status,
        n_entities=outcome.n_entities,
        n_relations=outcome.n_relations,
        entities=outcome.entities,
        relations=outcome.relations,
    )


Upload = tuple[bytes, str | None, str | None, str | None]


async def _read_upload(request: Request) -> Upload:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type in ("multipart/form-data", "application/x-www-form-urlencoded"):
        return await _read_multipart(request)
    if media_type == "application/json":
        return _read_json(await request.body())
    raise StarletteHTTPException(415, "Send the document as multipart/form-data (field 'file') or as JSON.")


async def _read_multipart(request: Request) -> Upload:
    async with request.form(max_files=1, max_fields=10, max_part_size=MAX_FORM_FIELD_BYTES) as form:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise InvalidInput("The form needs a file in the field 'file'.")
        data = await upload.read()
        return data, upload.filename, _text_field(form.get("source")), _text_field(form.get("reliability"))


def _text_field(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput("source and reliability are text fields, not files.")
    return value.strip() or None


def _read_json(body: bytes) -> Upload:
    try:
        doc = TextDocument.model_validate_json(body)
    except ValidationError as exc:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid"}
        where = ".".join(str(p) for p in first["loc"]) or "body"
        raise InvalidInput(f"Invalid JSON document at {where}: {first['msg']}") from None
    text = doc.text if doc.title is None else f"{doc.title.strip()}\n\n{doc.text}"
    reliability = doc.reliability.value if doc.reliability is not None else None
    return text.encode("utf-8", "replace"), None, doc.source, reliability


@router.delete(
    "/documents/{doc_id}",
    response_model=DeleteResponse,
    dependencies=[WriterDep],
    responses={**NOT_FOUND, 403: WRITE_ERRORS[403]},
    summary="Remove a document and every fact only it supported",
)
async def delete_document(doc_id: DocId, store: StoreDep, request: Request) -> DeleteResponse:
    if not await in_thread(store.delete_document, doc_id):
        raise NotFound(f"No document has the id '{doc_id[:80]}'.")
    _forget_cached_analyses(request)
    return DeleteResponse(doc_id=doc_id, deleted=True)
