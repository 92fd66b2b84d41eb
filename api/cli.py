"""`mkg`: the command line. It reads the same Settings as the API; flags override them.

Exit codes: 0 all went well, 1 some inputs failed (each listed with its reason), 2 usage errors.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from api import cli_output
from graph.errors import InvalidInput, MkgError
from graph.open import open_store
from graph.settings import Settings
from graph.store import GraphStore

app = typer.Typer(
    name="mkg",
    help="militant-kg: turn reports on militant networks into a knowledge graph you can query.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)
out = Console()

StoreOpt = Annotated[
    str | None, typer.Option("--store", help="SQLite file or neo4j:// URI (default: MKG_STORE or ./mkg.db)")
]


def _settings(store: str | None = None) -> Settings:
    return Settings(store=store) if store else Settings()


def _fail(message: str, code: int) -> NoReturn:
    console.print(f"[bold red]error:[/] {message}", markup=True, highlight=False)
    raise typer.Exit(code)


@contextmanager
def _opened(settings: Settings) -> Iterator[GraphStore]:
    store = open_store(settings.store, settings)
    try:
        yield store
    finally:
        store.close()


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="files and folders to ingest")],
    store: StoreOpt = None,
    source: Annotated[str | None, typer.Option(help="where these documents come from")] = None,
    reliability: Annotated[str | None, typer.Option(help="source reliability grade A-F")] = None,
    sources: Annotated[Path | None, typer.Option(help="JSON file of source grades per source/file")] = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="extraction processes")] = 1,
) -> None:
    """Read documents, extract the graph and store it; one transaction per document."""
    from ingest.files import SourceGrades
    from ingest.pipeline import ingest_paths

    settings = _settings(store)
    grades_file = sources or (Path(settings.sources_file) if settings.sources_file else None)
    grades = SourceGrades.load(grades_file) if grades_file else None
    with _opened(settings) as opened, cli_output.ingest_progress(console) as progress:
        report = ingest_paths(
            paths,
            opened,
            settings=settings,
            source=source,
            reliability=reliability,
            grades=grades,
            workers=workers,
            progress=progress,
        )
    cli_output.print_ingest_report(out, report)
    raise typer.Exit(0 if report.ok else 1)


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="one document")],
    as_json: Annotated[bool, typer.Option("--json", help="print JSON shaped like a gold file")] = False,
) -> None:
    """Print what would be extracted from one document, without storing it."""
    from ingest.pipeline import extract_file

    settings = Settings()
    document, extraction = extract_file(file, settings)
    payload = cli_output.gold_shaped(document, extraction)
    if as_json:
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
    else:
        cli_output.print_extraction(out, payload)


@app.command(name="eval")
def evaluate(
    directory: Annotated[Path, typer.Argument(help="folder of NAME.txt with NAME.gold.json")],
    as_json: Annotated[bool, typer.Option("--json", help="print the scores as JSON")] = False,
) -> None:
    """Score the extractor against gold annotations (precision, recall, F1 per type)."""
    from ingest.evaluate import evaluate as run_eval
    from ingest.evaluate import format_report

    if not directory.is_dir():
        _fail(f"not a folder: {directory}", 2)
    report = run_eval(directory)
    if as_json:
        sys.stdout.write(json.dumps(report.to_json_dict(), indent=1) + "\n")
    else:
        out.print(format_report(report), highlight=False, markup=False)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    store: StoreOpt = None,
    workers: Annotated[int, typer.Option(min=1, max=32, help="server processes")] = 1,
) -> None:
    """Serve the HTTP API and the views."""
    import uvicorn

    from api.app import create_app

    settings = _settings(store)
    if workers > 1:
        # Worker processes build their own app from the same settings, passed through the environment.
        os.environ["MKG_STORE"] = settings.store
        uvicorn.run("api.app:create_app", factory=True, host=host, port=port, workers=workers)
        return
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")


@app.command()
def view(
    entity: Annotated[str, typer.Argument(help="entity id or name")],
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write")],
    hops: Annotated[int, typer.Option(min=1, max=3)] = 1,
    store: StoreOpt = None,
) -> None:
    """Write an interactive view of an entity's neighbourhood to an HTML file that opens offline."""
    from api.resolve import resolve_entity
    from viz.render import render_subgraph

    settings = _settings(store)
    with _opened(settings) as opened:
        entity_id = resolve_entity(opened, entity)
        focus = opened.get_entity(entity_id)
        subgraph = opened.neighbors(entity_id, hops=hops, limit=settings.view_max_nodes)
    html = render_subgraph(subgraph, title=f"{focus.name} ({focus.type.value})", focus=[entity_id])
    output.write_text(html, encoding="utf-8")
    out.print(f"wrote {len(subgraph.nodes)} nodes, {len(subgraph.edges)} relations to {output}")


@app.command()
def stats(store: StoreOpt = None) -> None:
    """Counts of documents, entities and relations by type."""
    settings = _settings(store)
    with _opened(settings) as opened:
        cli_output.print_stats(out, opened.stats())


@app.command()
def copy(
    source: Annotated[str, typer.Option("--from", help="store to copy from (file or URI)")],
    target: Annotated[str, typer.Option("--to", help="store to copy into (file or URI)")],
    batch: Annotated[int, typer.Option(min=1, max=10_000, help="documents per progress step")] = 100,
) -> None:
    """Copy a graph between stores, e.g. from the embedded file into Neo4j. Safe to re-run."""
    from graph.copy import copy_graph

    with _opened(_settings(source)) as src, _opened(_settings(target)) as dst:
        with cli_output.count_progress(console, "copying documents") as progress:
            report = copy_graph(src, dst, batch=batch, progress=progress)
        cli_output.print_stats(out, dst.stats())
    out.print(cli_output.copy_summary(report))


def main() -> None:
    """Entry point: our own errors become one clear line and an exit code, never a traceback."""
    try:
        app()
    except InvalidInput as exc:
        _exit_with(exc.message, 2)
    except MkgError as exc:
        _exit_with(exc.message, 1)
    except KeyboardInterrupt:
        _exit_with("interrupted; every document written so far is complete", 130)


def _exit_with(message: str, code: int) -> NoReturn:
    console.print(f"[bold red]error:[/] {message}", markup=True, highlight=False)
    sys.exit(code)
