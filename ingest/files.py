"""Which files an ingest reads, and which source and reliability grade each carries."""

from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from graph.errors import InvalidInput
from graph.ontology import Reliability

DOCUMENT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf", ""})
# A corpus folder's own notes are not reports; name such a file explicitly to ingest it anyway.
FOLDER_NOTES = frozenset({"readme", "license", "licence", "changelog", "notice"})


class FileFailure(BaseModel):
    path: str
    reason: str


class Collected(BaseModel):
    files: list[tuple[Path, str]] = Field(default_factory=list, description="(path, display name)")
    failures: list[FileFailure] = Field(default_factory=list)
    skipped: int = 0


def collect_files(paths: list[Path]) -> Collected:
    """Files named are always read; folders are walked for document-like files, in sorted order.

    In folders, hidden files and notes (README, LICENSE...) are skipped, and a symlink is followed
    only when it stays inside the folder.
    """
    collected = Collected()
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            _walk(path, collected, seen)
        elif path.exists():
            _add(path.resolve(), _display(path), collected, seen)
        else:
            collected.failures.append(FileFailure(path=_display(path), reason="no such file or folder"))
    return collected


def _walk(root: Path, collected: Collected, seen: set[Path]) -> None:
    real_root = root.resolve()
    for folder, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(folder) / name
            display = _display(path)
            if path.suffix.lower() not in DOCUMENT_SUFFIXES or path.stem.lower() in FOLDER_NOTES:
                collected.skipped += 1
                continue
            real = path.resolve()
            if not real.is_relative_to(real_root):
                reason = "symlink leads outside the folder being ingested"
                collected.failures.append(FileFailure(path=display, reason=reason))
                continue
            _add(real, display, collected, seen)


def _add(real: Path, display: str, collected: Collected, seen: set[Path]) -> None:
    if real in seen:
        return
    seen.add(real)
    collected.files.append((real, display))


def _display(path: Path) -> str:
    """A printable name: control and bidi-override characters shown escaped, never interpreted."""
    text = str(path)
    return "".join(c if c.isprintable() and not 0x202A <= ord(c) <= 0x202E else repr(c)[1:-1] for c in text)


class SourceEntry(BaseModel):
    source: str | None = None
    reliability: Reliability | None = None


class SourceGrades(BaseModel):
    """Source grades from a small JSON file:

    {"sources": {"US State Dept": "B"}, "files": {"report.txt": {"source": "US State Dept"}}}
    """

    sources: dict[str, Reliability] = Field(default_factory=dict)
    files: dict[str, SourceEntry] = Field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> SourceGrades:
        try:
            return cls.model_validate(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, ValidationError) as exc:
            raise InvalidInput(f"cannot read source grades file {path.name}: {type(exc).__name__}") from None

    def source_for(self, path: Path) -> str | None:
        entry = self.files.get(path.name)
        return entry.source if entry else None

    def grade_for(self, path: Path, source: str | None) -> Reliability | None:
        entry = self.files.get(path.name)
        if entry and entry.reliability:
            return entry.reliability
        name = (entry.source if entry else None) or source
        return self.sources.get(name) if name else None
