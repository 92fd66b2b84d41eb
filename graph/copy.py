"""Copy a graph between stores (`mkg copy --from ./mkg.db --to neo4j://...`), idempotently.

Each stored document is replayed as the DocumentGraph that built it, in the order it was stored, so
the copy merges names, aliases and grades exactly as the source did. Documents the target already
holds are left as they are, so an interrupted copy is resumed by running it again.
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel

from graph.errors import InvalidInput
from graph.store import GraphStore

Progress = Callable[[int, int], None]


class CopyReport(BaseModel):
    """Documents read from the source; of them, copied now and already in the target."""

    documents: int = 0
    copied: int = 0
    unchanged: int = 0


def copy_graph(
    src: GraphStore, dst: GraphStore, batch: int = 100, progress: Progress | None = None
) -> CopyReport:
    """Write every document of `src` into `dst`; `progress(done, total)` after each batch and at the end."""
    if batch < 1:
        raise InvalidInput("batch must be at least 1")
    total = src.stats().documents
    report = CopyReport()
    for graph in src.iter_document_graphs(batch=batch):
        result = dst.write_document(graph)
        report.documents += 1
        if result.created:
            report.copied += 1
        else:
            report.unchanged += 1
        if progress is not None and report.documents % batch == 0:
            progress(report.documents, max(total, report.documents))
    if progress is not None:
        progress(report.documents, max(total, report.documents))
    return report
