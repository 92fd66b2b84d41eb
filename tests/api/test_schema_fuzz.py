"""Property-based: schemathesis drives every operation of our own OpenAPI schema, in process.

No answer may be a 5xx, and every answer must match the schema (errors included). The seed is
fixed, so a failure reproduces. The app and its corpus store are built when this module is
imported, because schemathesis generates one test per operation at collection time.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, seed, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from api.app import create_app
from tests.api.conftest import counts, make_settings, open_corpus_store

EXAMPLES = 100
CASES: Counter[str] = Counter()

_DIR = Path(tempfile.mkdtemp(prefix="mkg-fuzz-"))
_STORE = open_corpus_store(_DIR / "mkg.db")
_BEFORE = counts(_STORE)
APP = create_app(make_settings(_DIR / "mkg.db"), _STORE)

schema = schemathesis.openapi.from_asgi("/openapi.json", APP)
PARAMETERLESS = {
    f"{method.upper()} {path}"
    for path, operations in APP.openapi()["paths"].items()
    for method, operation in operations.items()
    if not operation.get("parameters") and "requestBody" not in operation
}


@pytest.fixture(scope="module", autouse=True)
def _store_unchanged_then_removed() -> Iterator[None]:
    yield
    # The fuzzer has no key: nothing it sent may have changed the graph.
    after = counts(_STORE)
    _STORE.close()
    shutil.rmtree(_DIR, ignore_errors=True)
    assert after == _BEFORE
    # An operation without parameters or body has one distinct request, however often it is sent.
    few = {label: n for label, n in CASES.items() if n < EXAMPLES and label not in PARAMETERLESS}
    assert not few, f"operations tried fewer than {EXAMPLES} times: {few}"


@schema.parametrize()
@seed(20240611)
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_error_and_every_answer_matches_the_schema(case) -> None:
    CASES[case.operation.label] += 1
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])
