"""Readers: the type comes from the content; what is not a readable document is refused with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import DocumentRejected, DocumentTooLarge
from graph.ids import document_id
from ingest.read import clean_filename, read_bytes, read_path
from tests.support.pdfs import empty_pdf, image_only_pdf, text_pdf

LIMIT = 1024 * 1024


def read(data: bytes, name: str | None = "doc.txt") -> object:
    return read_bytes(data, name, max_bytes=LIMIT, parse_timeout_s=20)


def test_plain_text_keeps_text_and_takes_first_line_as_title() -> None:
    doc = read_bytes(
        b"Balakot camp reopens\n\nJeM cadres returned.", "a.txt", max_bytes=LIMIT, parse_timeout_s=5
    )
    assert doc.text == "Balakot camp reopens\n\nJeM cadres returned."
    assert doc.title == "Balakot camp reopens"
    assert doc.media_type == "text/plain"
    assert doc.id == document_id(b"Balakot camp reopens\n\nJeM cadres returned.")


def test_html_is_detected_by_content_even_with_txt_name() -> None:
    page = (
        b"<!DOCTYPE html><html><head><title>Report &amp; notes</title>"
        b'<meta name="date" content="2021-03-12T10:00:00Z"><style>p{color:red}</style></head>'
        b"<body><script>alert('x')</script><p onclick=\"evil()\">Lashkar-e-Taiba is based in Muridke.</p>"
        b'<a href="javascript:alert(1)">link text</a></body></html>'
    )
    doc = read_bytes(page, "page.txt", max_bytes=LIMIT, parse_timeout_s=5)
    assert doc.media_type == "text/html"
    assert doc.title == "Report & notes"
    assert doc.date == "2021-03-12"
    assert "Lashkar-e-Taiba is based in Muridke." in doc.text
    assert "alert" not in doc.text and "color:red" not in doc.text and "evil" not in doc.text


def test_text_pdf_is_read(tmp_path: Path) -> None:
    path = tmp_path / "report.bin"
    path.write_bytes(text_pdf(["Masood Azhar leads Jaish-e-Mohammed."]))
    doc = read_path(path, max_bytes=LIMIT, parse_timeout_s=20)
    assert doc.media_type == "application/pdf"
    assert "Masood Azhar leads Jaish-e-Mohammed." in doc.text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (empty_pdf(), "no pages"),
        (image_only_pdf(), "no extractable text"),
        (text_pdf(["x"])[:60], "damaged"),
        (b"%PDF-1.4\n<html><body>not a pdf</body></html>", "damaged"),
    ],
)
def test_broken_pdfs_are_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(DocumentRejected, match=reason):
        read(data, "broken.pdf")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
        (b"\x7fELF\x02\x01\x01" + bytes(200), "ELF"),
        (bytes(range(256)) * 40, "binary"),
    ],
)
def test_non_text_is_refused(data: bytes, reason: str) -> None:
    with pytest.raises(DocumentRejected, match=reason):
        read(data)


@pytest.mark.parametrize(
    "data",
    [
        "Jaish-e-Mohammed opère à Bahawalpur.".encode("latin-1"),
        "\ufeffJaish-e-Mohammed, Bahawalpur".encode("utf-16-le"),
        b"\xef\xbb\xbfJaish-e-Mohammed, Bahawalpur",
    ],
)
def test_other_encodings_decode(data: bytes) -> None:
    assert "Jaish-e-Mohammed" in read(data).text  # type: ignore[attr-defined]


def test_nul_and_control_characters_are_dropped() -> None:
    doc = read(b"Jaish\x00-e-Mohammed\x07 in Bahawalpur")
    assert doc.text == "Jaish-e-Mohammed in Bahawalpur"  # type: ignore[attr-defined]


def test_size_limit_is_exact(tmp_path: Path) -> None:
    at_limit = tmp_path / "at.txt"
    at_limit.write_bytes(b"a" * 1000)
    assert read_path(at_limit, max_bytes=1000, parse_timeout_s=5).size == 1000
    over = tmp_path / "over.txt"
    over.write_bytes(b"a" * 1001)
    with pytest.raises(DocumentTooLarge):
        read_path(over, max_bytes=1000, parse_timeout_s=5)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("/abs/path/report.txt", "report.txt"),
        ("a\x00b\nc.txt", "abc.txt"),
        ("evil\u202etxt.exe", "eviltxt.exe"),
        ("x" * 300, "x" * 255),
        ("..", None),
        ("", None),
    ],
)
def test_filenames_are_cleaned(name: str, expected: str | None) -> None:
    assert clean_filename(name) == expected
