"""Every Cypher statement the Neo4j store can send passes Neo4j's own linter, with nothing to report.

The linter is the npm package @neo4j-cypher/language-support (`lintCypherQuery`), pinned in
.ci/cypher-lint (installed by `make cypher-lint-deps`) and run with the machine's Node.js. The schema
it checks against declares exactly our labels, relationship types, property keys and parameters, so
an unknown label, a misspelt parameter or an undefined variable is reported; the control test below
proves the linter does report them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from graph.neo4j import cypher
from graph.ontology import RelType

LINT_DIR = Path(__file__).resolve().parents[2] / ".ci" / "cypher-lint"
PACKAGE = LINT_DIR / "node_modules" / "@neo4j-cypher" / "language-support"

# Every parameter any statement takes, with a value of the type the store passes.
PARAMETERS: dict[str, Any] = {
    "id": "group:x",
    "ids": ["group:x"],
    "rows": [{"id": "group:x"}],
    "props": {"id": "doc:x"},
    "doc_id": "doc:x",
    "n_entities": 1,
    "n_relations": 1,
    "seconds": 120,
    "types": ["LEADS"],
    "until_end": "2020~",
    "since": "2019",
    "end_mark": "~",
    "min_reliability": "B",
    "max_credibility": 3,
    "limit": 10,
    "offset": 0,
    "type": "Group",
    "source": "leader:x",
    "target": "group:x",
    "symmetric": ["ALLIED_WITH"],
    "after": "",
    "after_ns": 0,
    "after_id": "",
    "per": 3,
    "node_types": ["Group"],
    "cap": 41,
    "key": "jaish e mohammed",
    "query": "+jaish*",
    "symmetric_only": False,
    "frontier": ["group:x"],
}
PROPERTY_KEYS = sorted(
    {
        *(
            "id",
            "type",
            "name",
            "name_key",
            "aliases",
            "folded",
            "name_keys",
            "search",
            "attributes",
            "degree",
        ),
        *("title", "date", "source", "source_key", "reliability", "filename", "media_type", "size", "text"),
        *("ingested_at", "ingested_ns", "n_entities", "n_relations", "_lock"),
        *("confidence", "miss", "first_seen", "last_seen", "credibility", "n_documents", "n_sources"),
        *("created_ns", "relation_id", "target", "sentence", "start", "end", "method", "doc_ns", "pos"),
    }
)
SCHEMA: dict[str, Any] = {
    "labels": list(cypher.NODE_LABELS),
    "relationshipTypes": [*(t.value for t in RelType), cypher.MENTIONS, cypher.FROM],
    "propertyKeys": PROPERTY_KEYS,
    "parameters": PARAMETERS,
    "defaultLanguage": "CYPHER 5",
}


def lint(queries: dict[str, str]) -> dict[str, Any]:
    node = shutil.which("node")
    assert node is not None, "Node.js is needed for the Cypher lint check"
    assert PACKAGE.is_dir(), "the Cypher linter is not installed: run `make cypher-lint-deps`"
    done = subprocess.run(
        [node, str(LINT_DIR / "lint.mjs")],
        input=json.dumps({"queries": queries, "schema": SCHEMA}),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    report: dict[str, Any] = json.loads(done.stdout)
    assert report["checked"] == len(queries)
    return report


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return lint(cypher.all_statements())


def test_every_statement_variant_is_collected() -> None:
    statements = cypher.all_statements()
    assert len(statements) == len(set(statements)), "two variants share a name"
    for rel in RelType:
        assert cypher.merge_relations(rel) in statements.values()
        assert f"[r:{rel.value} " in cypher.lock_relations(rel)
    assert cypher.shortest_paths(cypher.MAX_PATH_HOPS) in statements.values()
    assert {"CREATE_DOCUMENT", "LOOKUP_NAMES", "NODE_EDGES[source]", "GET_RELATIONS"} <= set(statements)


def test_no_statement_has_errors_or_warnings(report: dict[str, Any]) -> None:
    problems = [d for d in report["diagnostics"] if d["severity"] in ("error", "warning")]
    assert problems == [], json.dumps(problems, indent=1)


def test_every_declared_parameter_is_used() -> None:
    text = " ".join(cypher.all_statements().values())
    unused = [name for name in PARAMETERS if f"${name}" not in text]
    assert unused == []


def test_the_linter_reports_what_it_should() -> None:
    """Control: with the same schema, real mistakes are reported, so a clean run above means something."""
    broken = {
        "undeclared_parameter": "MATCH (e:Entity {id: $entity}) RETURN e",
        "unknown_label": "MATCH (e:Person) RETURN e",
        "undefined_variable": "MATCH (e:Entity) RETURN x",
        "syntax": "MATCH (e:Entity RETURN e",
        "unknown_procedure": "CALL apoc.periodic.iterate('a', 'b', {}) YIELD batches RETURN batches",
        "unknown_function": "RETURN apoc.text.join(['a'], ',') AS x",
    }
    found = {d["name"] for d in lint(broken)["diagnostics"] if d["severity"] in ("error", "warning")}
    assert found == set(broken)


def test_path_length_is_the_only_literal_and_is_checked() -> None:
    for bad in (0, cypher.MAX_PATH_HOPS + 1, -1, 2.0, "3", True, None):
        with pytest.raises(ValueError):
            cypher.shortest_paths(bad)  # type: ignore[arg-type]
    assert "*..4]" in cypher.shortest_paths(4)
