"""The server's start-up and shutdown: what start-up leaves alive is frozen out of the collector's scans."""

from __future__ import annotations

import gc
from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from tests.api.conftest import make_settings


def test_start_up_freezes_the_heap_and_shutdown_thaws_it(tmp_path: Path) -> None:
    gc.unfreeze()
    app = create_app(make_settings(tmp_path / "mkg.db"))
    assert gc.get_freeze_count() == 0
    with TestClient(app) as client:
        assert gc.get_freeze_count() > 0  # the app, its routes and schemas no longer cost full GC passes
        assert client.get("/health").status_code == 200
    assert gc.get_freeze_count() == 0
