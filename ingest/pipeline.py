"""Files or bytes in, graph out: read, extract, resolve, store — one transaction per document.

A bad input fails alone with a reason; what is already stored never changes because of it.
Extraction may run in worker processes (`workers > 1`); writes always happen in this process,
in input order, so the same corpus always gives the same graph.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from graph.errors import DocumentRejected, MkgError
from graph.ids import document_id, relation_id
from graph.models import Document, DocumentGraph, Entity, Relation
from graph.ontology import Reliability
from graph.settings import Settings
from graph.store import GraphStore
from ingest.extract import extract
from ingest.files import FileFailure, SourceGrades, collect_files
from ingest.models import Extraction
from ingest.read import read_bytes, read_path
from ingest.resolve import build_document_graph


class IngestOutcome(BaseModel):
    doc_id: str
    status: Literal["ingested", "unchanged"]
    filename: str | None = None
    n_entities: int = 0
    n_relations: int = 0
    entities: list[Entity] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)


class IngestReport(BaseModel):
    ingested: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: list[FileFailure] = Field(default_factory=list)
    n_entities: int = 0
    n_relations: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed


Progress = Callable[[str, str, int], None]
"""Called once per input, after it is handled, with (display name, status, total inputs)."""


def ingest_bytes(
    store: GraphStore,
    data: bytes,
    filename: str | None,
    *,
    settings: Settings,
    source: str | None = None,
    reliability: str | None = None,
) -> IngestOutcome:
    """Ingest one uploaded document. Raises DocumentRejected when it cannot be read."""
    grade = _parse_reliability(reliability)
    doc_id = document_id(data)
    if store.has_document(doc_id):
        return IngestOutcome(doc_id=doc_id, status="unchanged", filename=filename)
    document = read_bytes(
        data,
        filename,
        max_bytes=settings.max_document_bytes,
        parse_timeout_s=settings.parse_timeout_s,
        source=source,
        reliability=grade,
    )
    return _store(store, document, _extract(document), details=True)


def _parse_reliability(value: str | None) -> Reliability | None:
    if value is None or value == "":
        return None
    try:
        return Reliability(value.strip().upper())
    except ValueError:
        raise DocumentRejected("reliability must be one of A, B, C, D, E, F") from None


def _extract(document: Document) -> Extraction:
    try:
        return extract(document.text, doc_date=document.date)
    except MkgError:
        raise
    except Exception as exc:  # an extractor bug must fail this document only, with a reason
        raise DocumentRejected(f"extraction failed ({type(exc).__name__})") from exc


def _store(
    store: GraphStore, document: Document, extraction: Extraction, *, details: bool = False
) -> IngestOutcome:
    graph = build_document_graph(document, extraction, store)
    result = store.write_document(graph)
    status: Literal["ingested", "unchanged"] = "ingested" if result.created else "unchanged"
    entities: list[Entity] = []
    relations: list[Relation] = []
    if details:
        entities = [store.get_entity(record.id) for record in graph.entities]
        relations = [store.get_relation(rid) for rid in _relation_ids(graph)]
    return IngestOutcome(
        doc_id=document.id,
        status=status,
        filename=document.filename,
        n_entities=len(graph.entities),
        n_relations=len(graph.relations),
        entities=entities,
        relations=relations,
    )


def _relation_ids(graph: DocumentGraph) -> list[str]:
    return [relation_id(r.type, r.source, r.target) for r in graph.relations]


def ingest_paths(
    paths: list[Path],
    store: GraphStore,
    *,
    settings: Settings,
    source: str | None = None,
    reliability: str | None = None,
    grades: SourceGrades | None = None,
    workers: int = 1,
    progress: Progress | None = None,
) -> IngestReport:
    report = IngestReport()
    collected = collect_files(paths)
    report.skipped = collected.skipped
    total = len(collected.files) + len(collected.failures)
    for failure in collected.failures:
        report.failed.append(failure)
        _notify(progress, failure.path, "failed", total)
    default_grade = _parse_reliability(reliability)
    jobs = [
        _Job(
            path=str(path),
            display=display,
            source=(grades.source_for(path) if grades else None) or source,
            reliability=default_grade or (grades.grade_for(path, source) if grades else None),
        )
        for path, display in collected.files
    ]
    pending = []
    for job in jobs:
        if _already_stored(job, store, settings.max_document_bytes):
            report.unchanged += 1
            _notify(progress, job.display, "unchanged", total)
        else:
            pending.append(job)
    for job, read in _read_and_extract(pending, settings, workers):
        status = _record(job, read, store, report)
        _notify(progress, job.display, status, total)
    return report


class _Job(BaseModel):
    path: str
    display: str
    source: str | None = None
    reliability: Reliability | None = None


class _Read(BaseModel):
    document: Document | None = None
    extraction: Extraction | None = None
    error: str | None = None


def _already_stored(job: _Job, store: GraphStore, max_bytes: int) -> bool:
    """Hash the raw bytes first, so an unchanged file costs no parsing or extraction."""
    try:
        path = Path(job.path)
        size = path.stat().st_size
        return 0 < size <= max_bytes and store.has_document(document_id(path.read_bytes()))
    except OSError:
        return False  # reading it again later gives the proper failure


def _read_and_extract(jobs: list[_Job], settings: Settings, workers: int) -> Iterator[tuple[_Job, _Read]]:
    if workers <= 1 or len(jobs) < 2:
        for job in jobs:
            yield job, _read_one(job, settings)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = pool.map(_read_one, jobs, [settings] * len(jobs), chunksize=4)
        yield from zip(jobs, results, strict=True)


def _read_one(job: _Job, settings: Settings) -> _Read:
    try:
        document = read_path(
            Path(job.path),
            max_bytes=settings.max_document_bytes,
            parse_timeout_s=settings.parse_timeout_s,
            source=job.source,
            reliability=job.reliability,
        )
        return _Read(document=document, extraction=_extract(document))
    except MkgError as exc:
        return _Read(error=exc.message)


def _record(job: _Job, read: _Read, store: GraphStore, report: IngestReport) -> str:
    """Write one read document; returns its status."""
    if read.document is None or read.extraction is None:
        report.failed.append(FileFailure(path=job.display, reason=read.error or "unreadable"))
        return "failed"
    try:
        outcome = _store(store, read.document, read.extraction)
    except MkgError as exc:
        report.failed.append(FileFailure(path=job.display, reason=exc.message))
        return "failed"
    if outcome.status == "ingested":
        report.ingested += 1
        report.n_entities += outcome.n_entities
        report.n_relations += outcome.n_relations
    else:
        report.unchanged += 1
    return outcome.status


def _notify(progress: Progress | None, name: str, status: str, total: int) -> None:
    if progress is not None:
        progress(name, status, total)


def extract_file(path: Path, settings: Settings) -> tuple[Document, Extraction]:
    """Read and extract one file without storing anything (`mkg extract`)."""
    document = read_path(
        path, max_bytes=settings.max_document_bytes, parse_timeout_s=settings.parse_timeout_s
    )
    return document, _extract(document)
