"""Hostile inputs built byte by byte: binaries, odd encodings, limits, markup, broken PDFs, names.

Every generator is deterministic (fixed content or a seeded random source), so a failure reproduces.
"""

from __future__ import annotations

import io
import os
import random
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from tests.support.pdfs import _assemble, empty_pdf, image_only_pdf, text_pdf

MiB = 1024 * 1024

GOOD_TEXT = (
    "Hafiz Muhammad Saeed founded Lashkar-e-Taiba in 1987. Lashkar-e-Taiba is based in Muridke, "
    "in Punjab. Masood Azhar leads Jaish-e-Mohammed, which operates in Kashmir.\n"
)

# --- binaries ------------------------------------------------------------------


def png_bytes() -> bytes:
    """A real 2x2 RGB PNG image."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def elf_bytes() -> bytes:
    """A 64-bit little-endian ELF header for an x86-64 executable, followed by code-like bytes."""
    ident = b"\x7fELF" + bytes([2, 1, 1, 0]) + bytes(8)
    header = ident + struct.pack("<HHIQQQIHHHHHH", 2, 0x3E, 1, 0x401000, 64, 0, 0, 64, 56, 1, 64, 0, 0)
    return header + random_bytes(4096, seed=7)


def random_bytes(size: int, *, seed: int) -> bytes:
    return random.Random(seed).randbytes(size)


# --- encodings ------------------------------------------------------------------


def latin1_text() -> bytes:
    return (
        "Jaish-e-Mohammed opère à Bahawalpur, selon le rapport de l'été. Masood Azhar dirige JeM.\n".encode(
            "latin-1"
        )
    )


def utf16_bom_text() -> bytes:
    return "\ufeff".encode("utf-16-le") + GOOD_TEXT.encode("utf-16-le")


def utf8_with_nuls() -> bytes:
    """Text with a few NUL bytes inside words: readable once they are dropped."""
    return GOOD_TEXT.replace("Saeed", "Sa\x00eed").replace("Muridke", "Mu\x00ridke").encode("utf-8")


def mostly_nuls() -> bytes:
    return b"\x00" * 4000 + b"Lashkar-e-Taiba" + b"\x00" * 4000


def invalid_utf8() -> bytes:
    """Bytes no text encoding explains: overlong forms, lone continuation bytes, surrogates, 0xFF."""
    bad = b"\xc0\xaf\xed\xa0\x80\x80\xbf\xff\xfe\xc3\x28\xf8\x88\x80\x80\x80"
    return bad * 64 + random_bytes(2048, seed=11)


# --- sizes ----------------------------------------------------------------------


def sized_text(size: int) -> bytes:
    """Readable text of exactly `size` bytes."""
    sentence = GOOD_TEXT.encode("utf-8")
    data = (sentence * (size // len(sentence) + 1))[:size]
    return data[:-1] + b"\n" if size else data


def sparse_file(path: Path, size: int) -> Path:
    """A file of `size` bytes that takes no disk space: a hole, not data."""
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


# --- markup ---------------------------------------------------------------------

# Groups named only inside script, style, handlers and javascript: URLs: none may reach the graph.
HIDDEN_NAMES = (
    "Hizb-ul-Mujahideen",
    "Harkat-ul-Mujahideen",
    "Al-Badr",
    "Indian Mujahideen",
    "Jaish-e-Mohammed",
)
VISIBLE_NAMES = ("Lashkar-e-Taiba",)


def hostile_html() -> bytes:
    return (
        b"<!DOCTYPE html><html><head><title>Field report</title>"
        b"<style>body { background: url(\"javascript:alert('Hizb-ul-Mujahideen')\") }"
        b" p::after { content: 'Harkat-ul-Mujahideen leads Al-Badr' }</style>"
        b"<script>document.write('Syed Salahuddin leads Hizb-ul-Mujahideen in Muzaffarabad.');</script>"
        b'<script type="application/ld+json">{"about": "Indian Mujahideen"}</script>'
        b"</head><body onload=\"alert('Al-Badr')\">"
        b"<noscript>Harkat-ul-Mujahideen is allied with Al-Badr.</noscript>"
        b"<p onclick=\"steal('Indian Mujahideen')\" onmouseover='x()'>"
        b"Hafiz Muhammad Saeed founded Lashkar-e-Taiba in 1987. Lashkar-e-Taiba is based in Muridke.</p>"
        b"<a href=\"javascript:alert('Jaish-e-Mohammed')\">Read more</a>"
        b'<img src="x" onerror="alert(\'Jaish-e-Mohammed\')">'
        b"<svg><script>alert('Al-Badr leads Hizb-ul-Mujahideen')</script></svg>"
        b'<iframe srcdoc="&lt;p&gt;Jaish-e-Mohammed is based in Bahawalpur&lt;/p&gt;"></iframe>'
        b"<template><p>Indian Mujahideen operates in Kashmir.</p></template>"
        b"</body></html>"
    )


# --- PDFs -----------------------------------------------------------------------


def good_pdf() -> bytes:
    return text_pdf(["Masood Azhar leads Jaish-e-Mohammed.", "Jaish-e-Mohammed is based in Bahawalpur."])


def truncated_pdf() -> bytes:
    data = good_pdf()
    return data[: len(data) // 3]


def zero_page_pdf() -> bytes:
    return empty_pdf()


def encrypted_pdf() -> bytes:
    """A text PDF locked with a user password (RC4, pypdf's writer)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(good_pdf())))
    writer.encrypt(user_password="s3cret-user", owner_password="s3cret-owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def image_pdf() -> bytes:
    return image_only_pdf()


def html_named_pdf() -> bytes:
    """An error page saved under a .pdf name: content decides how it is read."""
    return (
        b"<!DOCTYPE html><html><head><title>403 Forbidden</title></head>"
        b"<body><h1>Forbidden</h1><p>You do not have access to this report.</p></body></html>"
    )


def pdf_header_then_html() -> bytes:
    return b"%PDF-1.7\n<html><body>Masood Azhar leads Jaish-e-Mohammed.</body></html>\n"


def deeply_nested_pdf(depth: int = 5_000) -> bytes:
    """A page whose /MediaBox is an array nested `depth` levels deep."""
    nested = "[" * depth + "0" + "]" * depth
    return _assemble(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            f"<< /Type /Page /Parent 2 0 R /MediaBox {nested} >>",
        ]
    )


def slow_pdf(pages: int = 40, operators: int = 100_000) -> bytes:
    """A small file whose pages all show one compressed content stream of `operators` text operators.

    Extracting its text keeps pypdf busy for minutes, in memory it frees page by page: it stands for
    a PDF built to make a parser spin.
    """
    stream = b"BT /F1 1 Tf " + b"(a) Tj 1 0 Td " * operators + b"ET"
    packed = zlib.compress(stream, 9).decode("latin-1")
    first_page = 5
    kids = " ".join(f"{first_page + i} 0 R" for i in range(pages))
    page = (
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
        " /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    )
    return _assemble(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            f"<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n{packed}\nendstream",
            *[page] * pages,
        ]
    )


@dataclass(frozen=True)
class Case:
    """One file: its name, its bytes, and the reason it must fail (None: it must be ingested)."""

    name: str
    content: bytes
    reason: str | None = None


def file_cases(limit: int, parse_timeout_s: float) -> list[Case]:
    """Every hostile file, next to files that must still be read; `limit` is the size limit in bytes."""
    return [
        Case("empty.txt", b"", "empty"),
        Case("blank.txt", b"  \n\t\r\n ", "empty"),
        Case("random-bytes", random_bytes(6000, seed=5), "not a text document"),
        Case("png-renamed.txt", png_bytes(), "PNG"),
        Case("program", elf_bytes(), "ELF"),
        Case("latin1.txt", latin1_text()),
        Case("utf16-bom.txt", utf16_bom_text()),
        Case("few-nuls.txt", utf8_with_nuls()),
        Case("mostly-nuls.txt", mostly_nuls(), "binary"),
        Case("invalid-utf8.txt", invalid_utf8(), "encoding"),
        Case("at-limit.txt", sized_text(limit)),
        Case("over-limit.txt", sized_text(limit + 1), f"limit of {limit:,}"),
        Case("page.html", hostile_html()),
        Case("report.pdf", good_pdf()),
        Case("truncated.pdf", truncated_pdf(), "damaged"),
        Case("zero-pages.pdf", zero_page_pdf(), "no pages"),
        Case("locked.pdf", encrypted_pdf(), "password"),
        Case("scanned.pdf", image_pdf(), "no extractable text"),
        Case("forbidden.pdf", html_named_pdf()),  # an HTML page under a .pdf name is read as HTML
        Case("fake.pdf", pdf_header_then_html(), "damaged"),
        Case("nested.pdf", deeply_nested_pdf(), "damaged"),
        Case("slow.pdf", slow_pdf(), f"longer than {parse_timeout_s:g} s"),
        Case(NAME_NEWLINE, b"Hafiz Muhammad Saeed leads Jamaat-ud-Dawa, which is based in Lahore.\n"),
        Case(NAME_RTL, b"# Note\n\nNoor Wali Mehsud leads Tehrik-e-Taliban Pakistan.\n"),
        Case(NAME_LONGEST, b"Sirajuddin Haqqani leads the Haqqani Network.\n"),
        Case("twin-a.txt", b"Hafiz Gul Bahadur leads a faction that operates in North Waziristan.\n"),
        Case("twin-b.txt", b"Hafiz Gul Bahadur leads a faction that operates in North Waziristan.\n"),
    ]


# --- file names -----------------------------------------------------------------

NAME_NEWLINE = "line\nbreak.txt"
NAME_RTL = "report\u202etxt.md"
NAME_LONGEST = "n" * 251 + ".txt"  # 255 bytes: the longest name a Linux file system allows


def upload_names() -> list[tuple[str, str | None]]:
    """(name sent by a client, name to be stored): names no file system would accept included."""
    return [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\system32\\evil.txt", "evil.txt"),
        ("/var/lib/secret/report.txt", "report.txt"),
        ("nul\x00byte.txt", "nulbyte.txt"),
        ("new\nline.txt", "newline.txt"),
        ("carriage\rreturn.txt", None),  # refused: a bare CR ends a multipart header line
        ("x" * 300, "x" * 255),
        ("gnp\u202etxt.exe", "gnptxt.exe"),
        ("..", None),
    ]


def symlink_out(folder: Path, outside: Path, name: str = "escape.txt") -> Path:
    """A symlink inside `folder` that leads to `outside`, a file elsewhere."""
    link = folder / name
    os.symlink(outside, link)
    return link
