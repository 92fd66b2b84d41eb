"""HTML to plain text: visible text only, never script, style or markup."""

from __future__ import annotations

import re

from pydantic import BaseModel
from selectolax.lexbor import LexborHTMLParser as HTMLParser

_INVISIBLE = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "head")
_BLOCKS = (
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
    "header", "footer", "blockquote", "pre", "table", "ul", "ol", "dd", "dt", "figcaption",
)  # fmt: skip
_DATE_META = (
    "article:published_time",
    "date",
    "dc.date",
    "dc.date.issued",
    "pubdate",
    "publishdate",
    "og:published_time",
    "datePublished",
)
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_SPACES = re.compile(r"[ \t\u00a0]+")


class HtmlPage(BaseModel):
    text: str
    title: str | None = None
    date: str | None = None


def html_text(markup: str) -> HtmlPage:
    tree = HTMLParser(markup)
    title = _title(tree)
    date = _meta_date(tree)
    for tag in _INVISIBLE:
        for node in tree.css(tag):
            node.decompose()
    for tag in _BLOCKS:
        for node in tree.css(tag):
            node.insert_after("\n\n")
    root = tree.body or tree.root
    raw = root.text(separator="", strip=False) if root is not None else ""
    lines = [_SPACES.sub(" ", line).strip() for line in raw.split("\n")]
    text = _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
    return HtmlPage(text=text, title=title, date=date)


def _title(tree: HTMLParser) -> str | None:
    node = tree.css_first("title")
    if node is None:
        return None
    title = _SPACES.sub(" ", node.text(strip=True))
    return title[:200] or None


def _meta_date(tree: HTMLParser) -> str | None:
    for meta in tree.css("meta"):
        attrs = meta.attributes
        key = attrs.get("name") or attrs.get("property") or attrs.get("itemprop")
        if key and key.lower() in {k.lower() for k in _DATE_META}:
            match = _ISO_DATE.match((meta.attributes.get("content") or "").strip())
            if match:
                return "-".join(part for part in match.groups() if part)
    return None
