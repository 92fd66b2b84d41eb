"""Reading a rendered view: its tags, its scripts, and the data block embedded in it."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any

from viz.assets import view_js, vis_css, vis_js

DATA_BLOCK = re.compile(r'<script type="application/json" id="mkg-data">(.*?)</script>', re.S)


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of every <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def parse(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    tags.close()
    return tags


def data_of(html: str) -> dict[str, Any]:
    match = DATA_BLOCK.search(html)
    assert match is not None
    return json.loads(match.group(1))


def without_data_and_libraries(html: str) -> str:
    return DATA_BLOCK.sub("", html).replace(vis_js(), "").replace(vis_css(), "").replace(view_js(), "")
