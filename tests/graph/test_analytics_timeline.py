"""An entity's relations in date order, with their evidence in date order."""

from __future__ import annotations

from graph.analytics.timeline import timeline
from graph.models import Evidence
from graph.ontology import RelType
from tests.graph.analytics_nets import G, L, Net


def test_relations_oldest_first_undated_last_with_direction_and_sorted_evidence() -> None:
    net = Net()
    leader = net.node(L, "Amir Azhar")
    old, new, ally, other = (net.node(G, name) for name in ("Old Front", "New Front", "Ally Front", "Other"))
    late = net.link(RelType.LEADS, leader, new, first_seen="2016-03", last_seen="2019")
    early = net.link(RelType.MEMBER_OF, leader, old, first_seen="2001")
    undated = net.link(RelType.MEMBER_OF, leader, ally)
    late.evidence = [
        Evidence(doc_id="doc:b", sentence="later", start=0, end=5, date="2019"),
        Evidence(doc_id="doc:c", sentence="no date", start=0, end=7),
        Evidence(doc_id="doc:a", sentence="earlier", start=0, end=7, date="2016-03"),
    ]
    stray = net.link(RelType.ALLIED_WITH, new, other, first_seen="1999")
    result = timeline(net.entities[leader], [late, undated, early], net.entities, limit=10)
    assert [e.relation.id for e in result.entries] == [early.id, late.id, undated.id]
    assert [e.date for e in result.entries] == ["2001", "2016-03", None]
    assert [e.direction for e in result.entries] == ["out", "out", "out"]
    assert [e.other.id for e in result.entries] == [old, new, ally]
    assert [ev.sentence for ev in result.entries[1].relation.evidence] == ["earlier", "later", "no date"]
    assert not result.truncated

    seen_from_group = timeline(net.entities[new], [stray, late], net.entities, limit=1)
    assert [e.relation.id for e in seen_from_group.entries] == [stray.id]
    assert seen_from_group.entries[0].direction == "both"  # ALLIED_WITH is symmetric
    assert seen_from_group.truncated
