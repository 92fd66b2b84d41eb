"""Injection strings in every string parameter of every read (and delete) route change nothing.

The routes and their parameters come from the app's own OpenAPI schema, so a new route or
parameter is covered the day it is added.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi.testclient import TestClient

from tests.api import corpus
from tests.api.conftest import AUTH, counts
from tests.api.corpus import AZHAR, DOC_A, JEM, SAEED

PAYLOADS = [
    "' OR 1=1 --",
    "'; DROP TABLE entities; --",
    '") MATCH (n) DETACH DELETE n //',
    "*",
    '"',
    "\x00",
    'jaish" OR "1"="1',
    "NEAR(jaish taliban)",
    "jaish AND OR NOT",
    "name:jaish",
    "^jaish",
    "%",
    "_",
    "../../etc/passwd",
    "group:jaish-e-mohammed' --",
    "\u202ejaish\u202c 💣",
    "{{7*7}} ${7*7} <script>",
]
# What a leaked internal error would show (payloads themselves may be echoed back, quoted).
LEAKS = ("Traceback", "sqlite3", "OperationalError", "SELECT ", " FROM ", "/work/", '.py"', "site-packages")

# Valid values for required parameters, so each payload reaches the code behind its own parameter.
VALID: dict[str, str] = {
    "ref": JEM,
    "relation_id": corpus.rel_id(DOC_A.facts[0]),
    "doc_id": DOC_A.id,
    "from": AZHAR,
    "to": SAEED,
    "ids": JEM,
    "q": "jaish",
    "source": AZHAR,
    "target": JEM,
}


def string_params(operation: dict[str, Any], components: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for p in operation.get("parameters", []) if _takes_text(p.get("schema", {}), components)]


def _takes_text(schema: dict[str, Any], components: dict[str, Any]) -> bool:
    if "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[-1]]
    if schema.get("type") == "string":
        return True
    if schema.get("type") == "array":
        return _takes_text(schema.get("items", {}), components)
    return any(_takes_text(s, components) for s in schema.get("anyOf", []))


def request_for(
    path: str, operation: dict[str, Any], target: str, payload: str
) -> tuple[str, dict[str, str]]:
    query: dict[str, str] = {}
    for param in operation.get("parameters", []):
        name = param["name"]
        if name == target:
            value = payload
        elif param.get("required"):
            value = VALID.get(name, "x")
        else:
            continue
        if param["in"] == "path":
            path = path.replace("{" + name + "}", quote(value, safe=""))
        elif param["in"] == "query":
            query[name] = value
    return path, query


def test_injection_strings_change_nothing(client: TestClient, store) -> None:
    spec = client.get("/openapi.json").json()
    components = spec.get("components", {}).get("schemas", {})
    before = counts(store)
    tried = 0
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if method not in ("get", "delete"):
                continue
            for param in string_params(operation, components):
                for payload in PAYLOADS:
                    url, query = request_for(path, operation, param["name"], payload)
                    response = client.request(method.upper(), url, params=query, headers=AUTH)
                    tried += 1
                    where = f"{method.upper()} {path} {param['name']}={payload!r}"
                    assert response.status_code < 500, (where, response.text)
                    assert not any(leak in response.text for leak in LEAKS), (where, response.text[:300])
    assert tried >= 20 * len(PAYLOADS)
    assert counts(store) == before
    assert client.get("/health").json()["documents"] == before[0]


def test_injection_strings_as_ids_delete_nothing(client: TestClient, store) -> None:
    before = counts(store)
    for payload in PAYLOADS:
        response = client.delete(f"/documents/{quote(payload, safe='')}", headers=AUTH)
        assert response.status_code in (404, 422), (payload, response.text)
    assert counts(store) == before
