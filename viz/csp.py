"""Content-Security-Policy for the views: only our own inline scripts may run, nothing is loaded.

Served pages carry a fresh nonce per response (HTTP header); files written by `mkg view` carry the
hashes of their scripts in a <meta> tag, since a file has no response headers.
Styles stay 'unsafe-inline': vis-network styles its own elements, and no document text can reach CSS.
"""

from __future__ import annotations

import secrets

from viz.assets import script_hashes

_COMMON = (
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    "img-src data:",
    "base-uri 'none'",
)


def new_nonce() -> str:
    return secrets.token_urlsafe(18)


def header_policy(nonce: str) -> str:
    """For the Content-Security-Policy response header of a served view."""
    return "; ".join(
        (
            *_COMMON,
            f"script-src 'nonce-{nonce}'",
            "connect-src 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        )
    )


def meta_policy(nonce: str | None = None) -> str:
    """For a <meta> tag in a standalone file (frame-ancestors is not allowed there)."""
    sources = " ".join(script_hashes()) if nonce is None else f"'nonce-{nonce}'"
    return "; ".join((*_COMMON, f"script-src {sources}", "form-action 'none'"))


SECURITY_HEADERS: dict[str, str] = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
