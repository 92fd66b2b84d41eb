"""What `mkg` prints: progress bars, summaries and tables. Names from documents are printed as plain text."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from graph.copy import CopyReport
from graph.models import Document, Stats
from ingest.models import Extraction
from ingest.pipeline import IngestReport


def _bar(console: Console, label: str) -> Progress:
    return Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[current]}", markup=False),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    )


@contextmanager
def ingest_progress(console: Console) -> Iterator[Callable[[str, str, int], None]]:
    """A progress bar fed by the pipeline's (name, status, total) callback."""
    with _bar(console, "ingesting") as bar:
        task = bar.add_task("ingest", total=None, current="")

        def advance(name: str, status: str, total: int) -> None:
            bar.update(task, total=total, advance=1, current=f"{status}: {name[-50:]}")

        yield advance


@contextmanager
def count_progress(console: Console, label: str) -> Iterator[Callable[[int, int], None]]:
    with _bar(console, label) as bar:
        task = bar.add_task(label, total=None, current="")

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total or None)

        yield update


def print_ingest_report(out: Console, report: IngestReport) -> None:
    summary = (
        f"ingested {report.ingested}, unchanged {report.unchanged}, failed {len(report.failed)}"
        f" — {report.n_entities} entities, {report.n_relations} relations added"
    )
    if report.skipped:
        summary += f" ({report.skipped} files of other types skipped)"
    out.print(summary, markup=False, highlight=False)
    for failure in report.failed:
        out.print(f"  failed: {failure.path}: {failure.reason}", markup=False, highlight=False)


def print_stats(out: Console, stats: Stats) -> None:
    table = Table(title=f"{stats.store} store: {stats.documents} documents")
    table.add_column("kind")
    table.add_column("type")
    table.add_column("count", justify="right")
    for name, count in sorted(stats.entities.items()):
        table.add_row("entity", name, str(count))
    for name, count in sorted(stats.relations.items()):
        table.add_row("relation", name, str(count))
    out.print(table)


def gold_shaped(document: Document, extraction: Extraction) -> dict[str, Any]:
    """The extraction in the shape of a gold file (FORMAT.md), with evidence and attributes added."""
    return {
        "doc_id": document.id,
        "source": document.filename or document.title or "",
        "date": document.date,
        "entities": [
            {"type": e.type.value, "name": e.name, "aliases": e.aliases, "attributes": e.attributes}
            for e in extraction.entities
        ],
        "relations": [
            {
                "type": r.type.value,
                "source": r.source,
                "target": r.target,
                "evidence": [span.model_dump() for span in r.evidence],
            }
            for r in extraction.relations
        ],
    }


def print_extraction(out: Console, payload: dict[str, Any]) -> None:
    entities = Table(title="entities")
    for column in ("type", "name", "aliases"):
        entities.add_column(column)
    for entity in payload["entities"]:
        entities.add_row(entity["type"], escape(entity["name"]), escape(", ".join(entity["aliases"])))
    relations = Table(title="relations")
    for column in ("type", "source", "target", "confidence"):
        relations.add_column(column)
    for relation in payload["relations"]:
        best = max((span["confidence"] for span in relation["evidence"]), default=0.0)
        relations.add_row(
            relation["type"], escape(relation["source"]), escape(relation["target"]), f"{best:.2f}"
        )
    out.print(entities)
    out.print(relations)


def copy_summary(report: CopyReport) -> str:
    return "copied: " + ", ".join(f"{key} {value}" for key, value in report.model_dump().items())
