"""Bytes in, `Document` out: sniff the type from the content, decode, strip markup.

Anything that is not a readable text document is refused with `DocumentRejected` and a reason a user
can act on; nothing here raises anything else on purpose.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from graph.errors import DocumentRejected, DocumentTooLarge
from graph.ids import document_id
from graph.models import Document
from graph.ontology import Reliability
from ingest import html, pdf
from ingest.dates import document_date

_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"MZ", "a Windows executable"),
    (b"PK\x03\x04", "a ZIP archive (e.g. docx/xlsx)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"SQLite format 3\x00", "a SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"RIFF", "a media file"),
    (b"\x00\x00\x01\x00", "an icon"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)
_MD_EXTENSIONS = {".md", ".markdown"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MAX_TITLE = 200
_MAX_FILENAME = 255
_STRAY_NULS = 4  # a few NUL bytes in a short text are damage to drop, not a sign of binary content


def read_path(
    path: Path,
    *,
    max_bytes: int,
    parse_timeout_s: float,
    source: str | None = None,
    reliability: Reliability | None = None,
) -> Document:
    """Read one file, refusing over-size files before reading them."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise DocumentRejected("not a regular file")
        if size > max_bytes:
            raise DocumentTooLarge(f"file is {size:,} bytes, over the limit of {max_bytes:,}")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise DocumentRejected(f"cannot read file ({exc.strerror or 'I/O error'})") from None
    return read_bytes(
        data,
        path.name,
        max_bytes=max_bytes,
        parse_timeout_s=parse_timeout_s,
        source=source,
        reliability=reliability,
    )


def read_bytes(
    data: bytes,
    filename: str | None,
    *,
    max_bytes: int,
    parse_timeout_s: float,
    source: str | None = None,
    reliability: Reliability | None = None,
) -> Document:
    if len(data) > max_bytes:
        raise DocumentTooLarge(f"document is over the limit of {max_bytes:,} bytes")
    if not data.strip():
        raise DocumentRejected("document is empty")
    name = clean_filename(filename)
    title: str | None = None
    date: str | None = None
    if data.startswith(b"%PDF-"):
        media_type = "application/pdf"
        text = pdf.pdf_text(data, timeout_s=parse_timeout_s)
    elif _looks_like_html(data):
        media_type = "text/html"
        page = html.html_text(decode_text(data))
        text, title, date = page.text, page.title, page.date
    else:
        _refuse_binary(data, name)
        text = decode_text(data)
        media_type = "text/markdown" if name and Path(name).suffix.lower() in _MD_EXTENSIONS else "text/plain"
    text = clean_text(text)
    if len(text.split()) < 1:
        raise DocumentRejected("no readable text in document")
    return Document(
        id=document_id(data),
        text=text,
        title=title or first_line(text),
        date=date or document_date(text),
        source=source,
        reliability=reliability or Reliability.F,
        filename=name,
        media_type=media_type,
        size=len(data),
    )


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048]
    for bom, _ in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    return bool(_HTML_START.match(head))


def _refuse_binary(data: bytes, filename: str | None) -> None:
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise DocumentRejected(f"not a text document: looks like {what}")
    sample = data[:8192]
    if sample.count(b"\x00") > max(_STRAY_NULS, len(sample) // 100):
        raise DocumentRejected("not a text document: binary content")


def decode_text(data: bytes) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise DocumentRejected(f"text claims {codec} but does not decode") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = _guess_decode(data)
    if text is None:
        raise DocumentRejected("not a text document: unknown encoding or binary content")
    return text


def _guess_decode(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    matches = from_bytes(data[:200_000])
    best = matches.best()
    if best is None or best.encoding is None:
        return None
    encoding = best.encoding
    # Ties are broken by name, which makes Central European cp1250 win over cp1252 on Western text
    # (French "opère" would read "opčre"); cp1252 is by far the more common, so it wins a tie.
    score = (best.chaos, best.coherence)
    if any(m.encoding == "cp1252" and (m.chaos, m.coherence) == score for m in matches):
        encoding = "cp1252"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    printable = sum(1 for c in text[:10_000] if c.isprintable() or c in "\n\r\t")
    return text if printable >= 0.95 * min(len(text), 10_000) else None


def clean_text(text: str) -> str:
    """Normalise to NFC, drop control characters (NUL included), unify newlines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text).strip()


def first_line(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:_MAX_TITLE]
    return None


_UNSAFE_NAME_CHARS = re.compile(r"[\x00-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069/\\]")


def clean_filename(filename: str | None) -> str | None:
    """Keep only the last path part, without control or bidi-override characters, at most 255 characters."""
    if not filename:
        return None
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    base = _UNSAFE_NAME_CHARS.sub("", base).strip()
    if base in {"", ".", ".."}:
        return None
    return base[:_MAX_FILENAME]
