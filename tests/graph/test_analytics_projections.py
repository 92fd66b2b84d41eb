"""Co-membership and shared-camp projections on tiny two-mode networks."""

from __future__ import annotations

from graph.analytics.projections import projection
from graph.ontology import RelType
from tests.graph.analytics_nets import C, G, L, Net, P


def _co_membership_net() -> tuple[Net, dict[str, str]]:
    net = Net()
    ids = {
        "azhar": net.node(L, "Amir Azhar"),
        "saeed": net.node(L, "Basit Saeed"),
        "rauf": net.node(L, "Chand Rauf"),
        "loner": net.node(L, "Dara Loner"),
        "jem": net.node(G, "Jaish Front"),
        "let": net.node(G, "Lashkar Front"),
        "hum": net.node(G, "Harkat Front"),
        "camp": net.node(C, "Hill Camp"),
        "place": net.node(P, "Valley"),
    }
    net.link(RelType.LEADS, ids["azhar"], ids["jem"])
    net.link(RelType.MEMBER_OF, ids["saeed"], ids["jem"])
    net.link(RelType.MEMBER_OF, ids["saeed"], ids["let"])
    net.link(RelType.LEADS, ids["azhar"], ids["let"])
    net.link(RelType.MEMBER_OF, ids["rauf"], ids["let"])
    net.link(RelType.MEMBER_OF, ids["loner"], ids["hum"])
    net.link(RelType.TRAINS_AT, ids["jem"], ids["camp"])
    net.link(RelType.TRAINS_AT, ids["let"], ids["camp"])
    net.link(RelType.TRAINS_AT, ids["azhar"], ids["camp"])  # a leader at a camp: not a group link
    net.link(RelType.OPERATES_IN, ids["hum"], ids["place"])
    return net, ids


def test_leaders_linked_through_shared_groups_with_weights() -> None:
    net, ids = _co_membership_net()
    result = projection(net.graph(), "co-membership", limit=10)
    links = {(x.source.id, x.target.id): (x.weight, [v.id for v in x.via]) for x in result.links}
    assert links == {
        (ids["azhar"], ids["saeed"]): (2, sorted([ids["jem"], ids["let"]])),
        (ids["azhar"], ids["rauf"]): (1, [ids["let"]]),
        (ids["saeed"], ids["rauf"]): (1, [ids["let"]]),
    }
    assert result.links[0].weight == 2  # heaviest first
    assert result.n_links == 3 and not result.truncated
    assert result.scope.n_relations == 6  # the LEADS/MEMBER_OF links only


def test_groups_linked_through_shared_camps() -> None:
    net, ids = _co_membership_net()
    result = projection(net.graph(), "shared-camps", limit=10)
    assert [(x.source.id, x.target.id, x.weight) for x in result.links] == [(ids["jem"], ids["let"], 1)]
    assert result.links[0].via[0].id == ids["camp"]
    assert "camps" in result.description


def test_projection_limit_says_truncated() -> None:
    net, _ids = _co_membership_net()
    result = projection(net.graph(), "co-membership", limit=1)
    assert len(result.links) == 1 and result.truncated and result.n_links == 3
    assert result.links[0].weight == 2


def test_hubs_too_large_for_the_pair_budget_are_skipped_and_said() -> None:
    net, ids = _co_membership_net()
    # Lashkar Front has 3 members (3 pairs), Jaish Front 2 (1 pair): a budget of 2 pairs skips Lashkar
    result = projection(net.graph(), "co-membership", limit=10, max_pairs=2)
    assert result.approximate
    assert [hub.id for hub in result.skipped_hubs] == [ids["let"]]
    assert [(x.source.id, x.target.id, x.weight) for x in result.links] == [(ids["azhar"], ids["saeed"], 1)]
    assert not projection(net.graph(), "co-membership", limit=10).approximate
