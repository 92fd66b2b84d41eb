"""PDF to text in a separate, time- and memory-limited process.

A PDF can be built to make a parser spin or allocate without end; running pypdf in a child process
is the only way to stop it reliably at a time limit without taking the ingest down with it.
"""

from __future__ import annotations

import subprocess
import sys

from graph.errors import DocumentRejected

_EXIT_ENCRYPTED = 3
_EXIT_NO_PAGES = 4
_EXIT_BROKEN = 5
_REASONS = {
    _EXIT_ENCRYPTED: "PDF is password-protected",
    _EXIT_NO_PAGES: "PDF has no pages",
    _EXIT_BROKEN: "PDF is damaged or not a PDF",
}


def pdf_text(data: bytes, *, timeout_s: float) -> str:
    try:
        done = subprocess.run(  # noqa: S603 (our interpreter, our module and a number)
            [sys.executable, "-m", "ingest.pdf_worker", f"{timeout_s:g}"],
            input=data,
            capture_output=True,
            timeout=timeout_s,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise DocumentRejected(f"PDF took longer than {timeout_s:g} s to parse") from None
    if done.returncode != 0:
        raise DocumentRejected(_REASONS.get(done.returncode, "PDF could not be parsed"))
    text = done.stdout.decode("utf-8", errors="replace")
    if not text.strip():
        raise DocumentRejected("PDF has no extractable text (scanned or image-only?)")
    return text
