"""What the Neo4j store sends, recorded by a stand-in for the driver: batching and parameter shapes.

NOT evidence that the Neo4j store works. The stand-in answers only the few reads the write path
makes, from a toy dictionary; it runs no Cypher. Whether the statements do what they should is
checked only by the contract suite (tests/graph/test_store_contract*.py) against a real Neo4j 5, run
when MKG_TEST_NEO4J_URI is set. What this file checks is what can be checked without a server: that
one document is one write transaction, that every statement comes from graph/neo4j/cypher.py, that
user text travels only as parameters, that UNWIND batches stay within BATCH rows, and that reads
carry a time limit.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import neo4j
import pytest

from graph.errors import InvalidInput
from graph.models import DocumentGraph, RelationFilter
from graph.neo4j import Neo4jStore
from graph.neo4j import cypher as c
from graph.neo4j.session import BATCH, Db
from graph.ontology import NodeType
from tests.graph import factories as f
from tests.graph.factories import DocBuilder

KNOWN = set(c.all_statements().values())
PLAIN = (str, int, float, bool, type(None))


@dataclass
class Call:
    kind: str  # "read" or "write"
    transaction: int | None
    statement: str
    params: dict[str, Any]


class Result:
    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows

    def data(self) -> list[dict[str, Any]]:
        return self.rows


@dataclass
class Recorder:
    """Stands in for neo4j.Driver. Remembers just enough to answer the write path's own reads."""

    calls: list[Call] = field(default_factory=list)
    transactions: int = 0
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    relations: set[str] = field(default_factory=set)
    execute_query_bookmark_manager: object = field(default_factory=object)
    sessions: list[dict[str, Any]] = field(default_factory=list)

    def execute_query(self, query: neo4j.Query, params: dict[str, Any], **config: Any) -> Any:
        self.calls.append(Call("read", None, query.text, {**params, "_config": config, "_query": query}))
        return [Result([row]) for row in self.answer(query.text, params)], None, []

    def session(self, **config: Any) -> Session:
        self.sessions.append(config)
        return Session(self)

    def answer(self, statement: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        if statement == c.DOCUMENT_STATE:
            doc = self.documents.get(params["id"])
            return (
                [] if doc is None else [{"n_entities": doc["n_entities"], "n_relations": doc["n_relations"]}]
            )
        if statement == c.CREATE_DOCUMENT:
            self.documents[params["props"]["id"]] = dict(params["props"])
        elif statement == c.SET_DOCUMENT_COUNTS:
            self.documents[params["id"]].update(
                n_entities=params["n_entities"], n_relations=params["n_relations"]
            )
        elif statement in {c.merge_entities(t) for t in NodeType}:
            for row in params["rows"]:
                self.entities.setdefault(row["id"], {"type": row["type"], "name": row["name"], "aliases": []})
        elif statement == c.ENTITY_STATE:
            return [{"id": i, **self.entities[i]} for i in params["ids"] if i in self.entities]
        elif statement.startswith("UNWIND $rows AS row MATCH (s:Entity"):
            self.relations.update(row["id"] for row in params["rows"])
        elif " RETURN r.id AS id, r.miss AS miss" in statement:
            return [
                {
                    "id": i,
                    "miss": 1.0,
                    "first_seen": None,
                    "last_seen": None,
                    "reliability": None,
                    "n_documents": 0,
                    "n_sources": 0,
                    "source_key": None,
                }
                for i in params["ids"]
                if i in self.relations
            ]
        return []

    def close(self) -> None:
        pass

    def writes(self) -> list[Call]:
        return [call for call in self.calls if call.kind == "write"]

    def named(self, statement: str) -> list[Call]:
        return [call for call in self.calls if call.statement == statement]


class Session:
    def __init__(self, recorder: Recorder) -> None:
        self.recorder = recorder

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def execute_write(self, work: Any) -> Any:
        self.recorder.transactions += 1
        return work(Tx(self.recorder, self.recorder.transactions))


class Tx:
    def __init__(self, recorder: Recorder, number: int) -> None:
        self.recorder, self.number = recorder, number

    def run(self, query: str, parameters: dict[str, Any] | None = None) -> Result:
        params = dict(parameters or {})
        self.recorder.calls.append(Call("write", self.number, query, params))
        return Result(self.recorder.answer(query, params))


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def store(recorder: Recorder) -> Neo4jStore:
    return Neo4jStore.from_db(Db(recorder, "militant", "stand-in:7687", timeout_s=2.0, write_timeout_s=30.0))


def values(value: Any) -> Iterator[Any]:
    """Every leaf value of a parameter, however nested."""
    if isinstance(value, dict):
        for item in value.values():
            yield from values(item)
    elif isinstance(value, list):
        for item in value:
            yield from values(item)
    else:
        yield value


def big_document(n_places: int, sentences_each: int) -> DocumentGraph:
    b = DocBuilder("big", source="Big Report", reliability="C", date="2020")
    group = b.entity(f.G, "Hub Group")
    for i in range(n_places):
        place = b.entity(f.P, f"Place {i:04d}")
        b.relate("OPERATES_IN", group, place, f"Hub Group operates in Place {i:04d}.")
    graph = b.build()
    for relation in graph.relations:
        first = relation.evidence[0]
        relation.evidence = [
            first.model_copy(update={"start": first.start + k, "end": first.end})
            for k in range(sentences_each)
        ]
    return graph


def test_one_document_is_one_transaction_of_known_statements(store: Neo4jStore, recorder: Recorder) -> None:
    result = store.write_document(big_document(1500, 2))
    assert (result.created, result.n_entities, result.n_relations) == (True, 1501, 1500)
    assert recorder.transactions == 1
    writes = recorder.writes()
    assert writes and {call.transaction for call in writes} == {1}
    assert [call.statement for call in writes if call.statement not in KNOWN] == []
    assert recorder.sessions[0]["database"] == "militant"
    assert recorder.sessions[0]["bookmark_manager"] is recorder.execute_query_bookmark_manager


def test_unwind_batches_stay_within_the_batch_size(store: Neo4jStore, recorder: Recorder) -> None:
    store.write_document(big_document(1500, 2))
    for call in recorder.writes():
        for key in ("rows", "ids"):
            if key in call.params:
                assert 0 < len(call.params[key]) <= BATCH, call.statement[:60]
    assert [len(call.params["rows"]) for call in recorder.named(c.CREATE_EVIDENCE)] == [1000, 1000, 1000]
    assert [len(call.params["rows"]) for call in recorder.named(c.merge_entities(NodeType.PLACE))] == [
        1000,
        500,
    ]
    assert [len(call.params["rows"]) for call in recorder.named(c.merge_entities(NodeType.GROUP))] == [1]
    locked = [i for call in recorder.named(c.LOCK_ENTITIES) for i in call.params["ids"]]
    assert locked == sorted(locked) and len(locked) == 1501  # one lock order for every writer


def test_evidence_rows_keep_their_order_and_document(store: Neo4jStore, recorder: Recorder) -> None:
    graph = big_document(3, 2)
    store.write_document(graph)
    (call,) = recorder.named(c.CREATE_EVIDENCE)
    assert call.params["doc_id"] == graph.document.id
    assert [row["pos"] for row in call.params["rows"]] == list(range(6))
    assert {row["relation_id"] for row in call.params["rows"]} == {
        f.rid(r.type, r.source, r.target) for r in graph.relations
    }
    assert set(call.params["rows"][0]) == {
        "id", "relation_id", "sentence", "start", "end", "date", "confidence", "method", "doc_ns", "pos",
    }  # fmt: skip


HOSTILE_NAME = "Evil`}) DETACH DELETE n // ${x}"
HOSTILE_SENTENCE = "'; MATCH (n) DETACH DELETE n; //"


def test_user_text_only_travels_as_parameters(store: Neo4jStore, recorder: Recorder) -> None:
    b = DocBuilder("hostile", source="Src') RETURN 1 //", title="T`x`")
    group = b.entity(f.G, HOSTILE_NAME, ("Alias:Label",), note="MERGE (x)")
    place = b.entity(f.P, "Kashmir")
    b.relate("OPERATES_IN", group, place, HOSTILE_SENTENCE)
    store.write_document(b.build())
    store.find_entities(HOSTILE_NAME, NodeType.GROUP, limit=5)
    store.search_documents(HOSTILE_SENTENCE, limit=5)
    store.lookup_names(["evil detach delete n x"])
    texts = " ".join(call.statement for call in recorder.calls)
    for text in (HOSTILE_NAME, HOSTILE_SENTENCE, "Alias:Label", "MERGE (x)", "Src')", "T`x`"):
        assert text not in texts
    sent = [
        v for call in recorder.calls for v in values({k: v for k, v in call.params.items() if k[0] != "_"})
    ]
    assert HOSTILE_NAME in sent and HOSTILE_SENTENCE in sent


def test_parameters_are_plain_values(store: Neo4jStore, recorder: Recorder) -> None:
    store.write_document(f.doc_a())
    for call in recorder.writes():
        for value in values(call.params):
            assert type(value) in PLAIN, (call.statement[:60], value)  # no enums, models or sets


def test_a_stored_document_is_not_written_again(store: Neo4jStore, recorder: Recorder) -> None:
    store.write_document(f.doc_a())
    before = len(recorder.calls)
    again = store.write_document(f.doc_a())
    assert (again.created, again.n_entities, again.n_relations) == (False, 6, 5)
    assert [call.statement for call in recorder.calls[before:]] == [c.DOCUMENT_STATE]


def test_an_invalid_document_fails_inside_its_transaction(store: Neo4jStore, recorder: Recorder) -> None:
    b = DocBuilder("bad")
    b.entity(f.G, "Jaish-e-Mohammed")
    b.relate("OPERATES_IN", f.JEM, "place:nowhere")
    with pytest.raises(InvalidInput):
        store.write_document(b.build())
    assert recorder.transactions == 1  # raised in the transaction function: the driver rolls it back
    assert not recorder.named(c.CREATE_MENTIONS) and not recorder.named(c.CREATE_EVIDENCE)


def test_reads_are_routed_to_readers_with_a_time_limit(store: Neo4jStore, recorder: Recorder) -> None:
    store.list_documents(limit=5)
    store.find_entities("jaish", None, limit=5)
    reads = [call for call in recorder.calls if call.kind == "read"]
    assert reads
    for call in reads:
        assert call.params["_config"]["routing_"] == neo4j.RoutingControl.READ
        assert call.params["_config"]["database_"] == "militant"
        assert 0 < call.params["_query"].timeout <= 2.0
        assert call.statement in KNOWN


def test_lookup_names_batches_and_escapes(store: Neo4jStore, recorder: Recorder) -> None:
    names = [f"name {i}" for i in range(2500)] + ["a+b (c)"]
    store.lookup_names(names)
    calls = recorder.named(c.LOOKUP_NAMES)
    assert [len(call.params["rows"]) for call in calls] == [1000, 1000, 501]
    last = calls[-1].params["rows"][-1]
    assert last == {"key": "a+b (c)", "query": r"a\+b_\(c\)"}


def test_bad_traversal_arguments_send_nothing(store: Neo4jStore, recorder: Recorder) -> None:
    for bad in (0, c.MAX_PATH_HOPS + 1):
        with pytest.raises(InvalidInput):
            store.shortest_paths(f.JEM, f.LET, max_hops=bad, limit=5)
        with pytest.raises(InvalidInput):
            store.neighbors(f.JEM, hops=bad, limit=5)
    with pytest.raises(InvalidInput):
        store.find_relations(None, None, None, limit=5, filt=RelationFilter(as_of="yesterday"))
    assert recorder.calls == []
