"""GraphStore contract, part 4: several processes writing the same store at once."""

from __future__ import annotations

from graph.store import GraphStore
from tests.graph import factories as f
from tests.graph import workers
from tests.graph.test_store_contract import counts


def test_sixteen_processes_writing_one_document_store_it_once(store: GraphStore, store_spec: str) -> None:
    with workers.pool(16) as pool:
        created = pool.starmap(workers.write_world_doc, [(store_spec, 0)] * 16)
    assert created.count(True) == 1
    assert counts(store) == (1, 6, 5)
    assert store.get_entity(f.JEM).degree == 4


def test_eight_processes_writing_overlapping_documents(store: GraphStore, store_spec: str) -> None:
    with workers.pool(8) as pool:
        results = pool.starmap(workers.write_overlapping, [(store_spec, w) for w in range(8)])
    world_created = [created for result in results for created in result[:3]]
    assert world_created.count(True) == 3
    assert all(result[3] for result in results)  # every chain document is new
    # World: 10 entities, 11 relations. Chains: Node 0..9, edges (i, i+1) for i in 0..8.
    assert counts(store) == (3 + 8, 10 + 10, 11 + 9)
    allied = store.find_relations(None, None, None, limit=100).items
    by_pair = {(r.source, r.target): r for r in allied if r.source.startswith("group:node-")}
    assert len(by_pair) == 9
    for i in range(9):
        pair = tuple(sorted([f.eid(f.G, f"Node {i}"), f.eid(f.G, f"Node {i + 1}")]))
        assert by_pair[pair].n_documents == (1 if i in (0, 8) else 2)
    assert store.get_relation(f.rid("ALLIED_WITH", f.JEM, f.TALIBAN)).n_documents == 2
    assert store.get_entity(f.JEM).degree == 7
