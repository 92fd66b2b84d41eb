"""Child process: PDF bytes on stdin, text on stdout; the exit code says why it failed."""

from __future__ import annotations

import io
import logging
import math
import sys

_EXIT_ENCRYPTED = 3
_EXIT_NO_PAGES = 4
_EXIT_BROKEN = 5


_MEMORY_LIMIT_BYTES = 2 * 1024 * 1024 * 1024


def main() -> int:
    import resource

    # The child caps its own memory: a hostile PDF cannot exhaust the machine.
    resource.setrlimit(resource.RLIMIT_AS, (_MEMORY_LIMIT_BYTES, _MEMORY_LIMIT_BYTES))
    if len(sys.argv) > 1:
        # And its own CPU time: it stops even when the ingest that started it was killed.
        seconds = math.ceil(float(sys.argv[1])) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
    logging.disable(logging.CRITICAL)
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    data = sys.stdin.buffer.read()
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            return _EXIT_ENCRYPTED
        if len(reader.pages) == 0:
            return _EXIT_NO_PAGES
        parts = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError):
        return _EXIT_BROKEN
    except Exception as exc:  # pypdf raises many things on hostile input; any of them means "broken"
        if "password" in str(exc).lower() or "decrypt" in str(exc).lower():
            return _EXIT_ENCRYPTED
        return _EXIT_BROKEN
    sys.stdout.buffer.write("\n\n".join(parts).encode("utf-8", errors="replace"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
