"""/docs and /redoc work offline: every asset they load is served by the app itself."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient


def asset_urls(html: str) -> list[str]:
    return re.findall(r"""(?:src|href)=["']([^"']+)["']""", html) + re.findall(r"url: ?'([^']+)'", html)


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_pages_load_only_local_assets(client: TestClient, page: str) -> None:
    response = client.get(page)
    assert response.status_code == 200
    html = response.text
    assert "https://" not in html and "http://" not in html
    urls = asset_urls(html)
    assert any(u.endswith(".js") for u in urls)
    for url in urls:
        assert url.startswith("/"), url
        asset = client.get(url)
        assert asset.status_code == 200, url
        assert len(asset.content) > 100, url


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    expected = {
        "/health",
        "/entities",
        "/entities/{ref}",
        "/entities/{ref}/neighbors",
        "/relations",
        "/relations/{relation_id}",
        "/paths",
        "/subgraph",
        "/search",
        "/documents",
        "/documents/{doc_id}",
        "/export",
    }
    assert expected <= set(paths)
    assert set(paths["/documents"]) == {"get", "post"}
    assert set(paths["/documents/{doc_id}"]) == {"get", "delete"}
