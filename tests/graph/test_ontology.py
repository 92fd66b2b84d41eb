"""The closed vocabulary and which types each relation may join."""

from __future__ import annotations

from graph.ontology import ENDPOINTS, SYMMETRIC, NodeType, Reliability, RelType, endpoints_allowed


def test_every_relation_type_has_endpoints() -> None:
    assert set(ENDPOINTS) == set(RelType)


def test_symmetric_types_join_one_node_type_to_itself() -> None:
    assert {RelType.ALLIED_WITH, RelType.RIVAL_OF, RelType.RELATED_TO} == SYMMETRIC
    for rel in SYMMETRIC:
        sources, targets = ENDPOINTS[rel]
        assert sources == targets


def test_endpoints_allowed_follows_the_format() -> None:
    assert endpoints_allowed(RelType.LEADS, NodeType.LEADER, NodeType.GROUP)
    assert not endpoints_allowed(RelType.LEADS, NodeType.GROUP, NodeType.LEADER)
    assert endpoints_allowed(RelType.TRAINS_AT, NodeType.GROUP, NodeType.CAMP)
    assert endpoints_allowed(RelType.TRAINS_AT, NodeType.LEADER, NodeType.CAMP)
    assert endpoints_allowed(RelType.LOCATED_IN, NodeType.PLACE, NodeType.PLACE)
    assert not endpoints_allowed(RelType.OPERATES_IN, NodeType.LEADER, NodeType.PLACE)
    assert not endpoints_allowed(RelType.RELATED_TO, NodeType.LEADER, NodeType.GROUP)


def test_reliability_grades_sort_best_first() -> None:
    assert sorted([Reliability.F, Reliability.A, Reliability.C]) == [
        Reliability.A,
        Reliability.C,
        Reliability.F,
    ]
    assert [r.value for r in Reliability] == ["A", "B", "C", "D", "E", "F"]
