"""The network analyses start from: which relations a filter keeps, and how the graph is built."""

from __future__ import annotations

import pytest

from graph.analytics.build import relation_passes, simple_undirected, to_networkx
from graph.models import Relation, RelationFilter
from graph.ontology import Reliability, RelType
from tests.graph.analytics_nets import G, L, Net


def _rel(
    first: str | None,
    last: str | None = None,
    reliability: Reliability | None = None,
    credibility: int | None = None,
) -> Relation:
    net = Net()
    a, b = net.node(G, "Alpha"), net.node(G, "Bravo")
    return net.link(RelType.ALLIED_WITH, a, b, first, last, credibility=credibility, reliability=reliability)


@pytest.mark.parametrize(
    ("first", "as_of", "kept"),
    [
        ("2014-12-31", "2014", True),  # "2014" means all of 2014
        ("2014", "2014", True),
        ("2015-01-01", "2014", False),
        ("2014-06", "2014-05", False),
        ("2014-05-31", "2014-05", True),
        ("2014-05", "2014-05-01", True),  # known only to the month: it may have been true on the 1st
        ("2013", "2014-01-01", True),
        (None, "2014", False),  # undated relations are never "as of" anything
    ],
)
def test_as_of_keeps_relations_first_seen_by_the_end_of_the_period(
    first: str | None, as_of: str, kept: bool
) -> None:
    assert relation_passes(_rel(first), RelationFilter(as_of=as_of)) is kept


@pytest.mark.parametrize(
    ("first", "last", "kept"),
    [
        ("2009", "2010", False),  # over before the range starts
        ("2009", "2011-02", True),  # overlaps its start
        ("2012", "2013", True),  # inside
        ("2015", "2018", True),  # overlaps its end
        ("2016-12-31", "2016-12-31", True),
        ("2017-01", "2018", False),  # starts after it ends
        (None, None, False),
    ],
)
def test_from_to_keeps_relations_whose_span_overlaps_the_range(
    first: str | None, last: str | None, kept: bool
) -> None:
    filt = RelationFilter(since="2011", until="2016")
    assert relation_passes(_rel(first, last), filt) is kept


def test_grade_filters() -> None:
    strong = _rel("2014", reliability=Reliability.B, credibility=2)
    weak = _rel("2014", reliability=Reliability.D, credibility=5)
    ungraded = _rel("2014")
    assert relation_passes(strong, RelationFilter(min_reliability=Reliability.B))
    assert not relation_passes(weak, RelationFilter(min_reliability=Reliability.C))
    # an ungraded relation fails every grade condition, as it does in the stores
    assert not relation_passes(ungraded, RelationFilter(min_reliability=Reliability.F))
    assert relation_passes(strong, RelationFilter(max_credibility=2))
    assert not relation_passes(weak, RelationFilter(max_credibility=4))
    assert not relation_passes(ungraded, RelationFilter(max_credibility=6))
    assert relation_passes(strong, RelationFilter(types=[RelType.ALLIED_WITH]))
    assert not relation_passes(strong, RelationFilter(types=[RelType.RIVAL_OF]))
    assert not relation_passes(strong, RelationFilter(types=[]))
    assert relation_passes(weak, None)


def test_graph_keeps_every_relation_and_drops_those_with_unknown_ends() -> None:
    net = Net()
    a, b = net.node(L, "Amir"), net.node(G, "Front")
    net.link(RelType.LEADS, a, b, first_seen="2001")
    net.link(RelType.MEMBER_OF, a, b)
    net.link(RelType.MEMBER_OF, a, "group:not-given")
    graph = to_networkx(net.entities.values(), net.relations.values())
    assert graph.number_of_nodes() == 2 and graph.number_of_edges() == 2
    assert graph.graph == {"truncated": False, "n_relations": 2}
    assert graph.nodes[a] == {"type": L, "name": "Amir"}
    simple = simple_undirected(graph)
    assert simple[a][b]["weight"] == 2
    assert simple[a][b]["types"] == {RelType.LEADS, RelType.MEMBER_OF}
