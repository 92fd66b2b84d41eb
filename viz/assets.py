"""The scripts and styles every view inlines: vis-network as pyvis ships it, and our own view code.

Nothing is fetched at run time and nothing comes from a CDN: a view opened from disk with no
network draws the same as one served by the API.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from importlib import resources

VIS_VERSION = "vis-9.1.2"


def _pyvis_lib(name: str) -> str:
    return (resources.files("pyvis") / "lib" / VIS_VERSION / name).read_text(encoding="utf-8")


def _own(name: str) -> str:
    return (resources.files("viz") / "static" / name).read_text(encoding="utf-8")


def _inlinable(text: str, closing: str) -> str:
    """Refuse a library that would end its own <script>/<style> element early."""
    lowered = text.lower()
    if closing in lowered or "<!--" in lowered:
        raise RuntimeError(f"asset cannot be inlined: it contains {closing!r} or '<!--'")
    return text


@lru_cache(maxsize=1)
def vis_js() -> str:
    return _inlinable(_pyvis_lib("vis-network.min.js"), "</script")


@lru_cache(maxsize=1)
def vis_css() -> str:
    return _inlinable(_pyvis_lib("vis-network.css"), "</style")


@lru_cache(maxsize=1)
def view_js() -> str:
    return _inlinable(_own("view.js"), "</script")


@lru_cache(maxsize=1)
def view_css() -> str:
    return _inlinable(_own("view.css"), "</style")


def sha256_source(text: str) -> str:
    """A CSP hash source for an inline script whose element content is exactly `text`."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@lru_cache(maxsize=1)
def script_hashes() -> tuple[str, ...]:
    """Hashes of the two inline scripts, so a file opened from disk can carry a strict CSP."""
    return (sha256_source(vis_js()), sha256_source(view_js()))
