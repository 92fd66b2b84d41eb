"""Real headless Chromium (Debian's, driven by playwright) and a real uvicorn server, for the view tests.

No browser is downloaded: playwright is pointed at /usr/bin/chromium (`make browser-deps`).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import uvicorn

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
READY_TIMEOUT_MS = 30_000


def require_chromium() -> None:
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: run `make browser-deps` (apt-get install chromium)")


@contextmanager
def live_server(app: Any) -> Iterator[str]:
    """Serve `app` with uvicorn on 127.0.0.1 at a free port, in a thread; yields the base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@dataclass
class Watch:
    """Everything a page did that a view must never do."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def attach(self, page: Any) -> None:
        page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def assert_clean(self, allowed_prefix: str) -> None:
        assert self.dialogs == [], f"a dialog fired: {self.dialogs}"
        assert self.page_errors == [], f"script errors: {self.page_errors}"
        assert self.console_errors == [], f"console errors: {self.console_errors}"
        outside = [u for u in self.requests if not u.startswith(allowed_prefix)]
        assert outside == [], f"requests left {allowed_prefix}: {outside}"


@contextmanager
def chromium(user_data_dir: Path) -> Iterator[Any]:
    """A persistent context on a fresh profile directory, headless."""
    from playwright.sync_api import sync_playwright

    require_chromium()
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(user_data_dir),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900},
        )
        try:
            yield context
        finally:
            context.close()


def wait_ready(page: Any) -> None:
    # Polled from Python: Playwright's in-page polling evaluates a string, which the views' CSP forbids
    # whenever the predicate is not already true on the first check.
    deadline = time.monotonic() + READY_TIMEOUT_MS / 1000
    while page.evaluate("() => window.mkgReady === true") is not True:
        if time.monotonic() > deadline:
            raise AssertionError("the view never became ready")
        page.wait_for_timeout(50)
    # two frames: the canvas has drawn at its final positions
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def screenshot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# --- reading the drawn network through vis-network's own API ---------------------

NODE_IDS_JS = "window.mkgNodes.getIds()"
VISIBLE_EDGES_JS = "window.mkgVisibleEdges.length"

NODE_POINT_JS = """(id) => {
  const net = window.mkgNetwork;
  const p = net.canvasToDOM(net.getPositions([id])[id]);
  const box = document.getElementById('mkg-network').getBoundingClientRect();
  return {x: p.x, y: p.y, pageX: box.left + p.x, pageY: box.top + p.y, hit: net.getNodeAt(p)};
}"""

# A point on an edge, away from every node, that vis-network itself says hits this edge.
EDGE_POINT_JS = """(id) => {
  const net = window.mkgNetwork;
  const edge = net.body.edges[id];
  const box = document.getElementById('mkg-network').getBoundingClientRect();
  const centres = Object.values(net.getPositions()).map(p => net.canvasToDOM(p));
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
    const p = net.canvasToDOM(edge.edgeType.getPoint(t));
    const clear = centres.every(c => Math.hypot(c.x - p.x, c.y - p.y) > 30);
    if (clear && net.getNodeAt(p) === undefined && net.getEdgeAt(p) === id) {
      return {pageX: box.left + p.x, pageY: box.top + p.y};
    }
  }
  return null;
}"""


def click_node(page: Any, node_id: str) -> None:
    point = page.evaluate(NODE_POINT_JS, node_id)
    assert point["hit"] == node_id, f"{node_id} is hidden under {point['hit']}"
    page.mouse.click(point["pageX"], point["pageY"])


def click_edge(page: Any, edge_id: str) -> None:
    point = page.evaluate(EDGE_POINT_JS, edge_id)
    assert point is not None, f"no clear point on edge {edge_id}"
    page.mouse.click(point["pageX"], point["pageY"])


INJECTED_JS = """() => ({
  scripts: document.scripts.length,
  foreign: document.querySelectorAll('img, svg, iframe, object, embed, b').length,
  handlers: [...document.querySelectorAll('*')]
    .filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
  jsLinks: [...document.querySelectorAll('a[href]')]
    .filter(a => /^\\s*javascript:/i.test(a.getAttribute('href'))).length,
})"""


def assert_nothing_injected(page: Any, scripts: int) -> None:
    found = page.evaluate(INJECTED_JS)
    assert found == {"scripts": scripts, "foreign": 0, "handlers": 0, "jsLinks": 0}
