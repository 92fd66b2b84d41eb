"""Analytics over a store, cached: build the filtered network once, answer each question from it.

For the API and the command line: they pass a store, a cache and a filter, and get result models.
"""

from __future__ import annotations

from collections.abc import Hashable

import networkx as nx

from graph.analytics.build import DEFAULT_MAX_EDGES, simple_from_store
from graph.analytics.cache import AnalyticsCache, Fingerprint, fingerprint
from graph.analytics.centrality import centrality
from graph.analytics.communities import communities
from graph.analytics.models import (
    BrokersResult,
    CentralityResult,
    CommunitiesResult,
    Metric,
    ProjectionKind,
    ProjectionResult,
)
from graph.analytics.projections import projection
from graph.analytics.structure import brokers
from graph.models import RelationFilter
from graph.ontology import NodeType
from graph.store import GraphStore


def _filter_key(filt: RelationFilter | None) -> str:
    return filt.model_dump_json(exclude_none=True) if filt is not None else "{}"


class Analytics:
    """One store's analytics; each call reads the store's fingerprint once and reuses cached work."""

    def __init__(self, store: GraphStore, cache: AnalyticsCache, max_edges: int = DEFAULT_MAX_EDGES) -> None:
        self.store = store
        self.cache = cache
        self.max_edges = max_edges

    def network(self, filt: RelationFilter | None, fp: Fingerprint | None = None) -> nx.Graph:
        """The filtered network every analysis runs on (build.simple_from_store), built once per store
        state and filter."""
        fp = fp if fp is not None else fingerprint(self.store)
        key = (fp, "network", _filter_key(filt), self.max_edges)
        return self.cache.graph(key, lambda: simple_from_store(self.store, filt, max_edges=self.max_edges))

    def _key(self, fp: Fingerprint, name: str, filt: RelationFilter | None, *params: Hashable) -> Hashable:
        return (fp, name, _filter_key(filt), self.max_edges, *params)

    def centrality(
        self, metric: Metric, limit: int, node_type: NodeType | None, filt: RelationFilter | None
    ) -> CentralityResult:
        fp = fingerprint(self.store)
        return self.cache.result(
            self._key(fp, "centrality", filt, metric, limit, node_type),
            lambda: centrality(self.network(filt, fp), metric, limit, node_type),
        )

    def communities(self, limit: int, top: int, filt: RelationFilter | None) -> CommunitiesResult:
        fp = fingerprint(self.store)
        return self.cache.result(
            self._key(fp, "communities", filt, limit, top),
            lambda: communities(self.network(filt, fp), limit, top=top),
        )

    def brokers(self, limit: int, node_type: NodeType | None, filt: RelationFilter | None) -> BrokersResult:
        fp = fingerprint(self.store)
        return self.cache.result(
            self._key(fp, "brokers", filt, limit, node_type),
            lambda: brokers(self.network(filt, fp), limit, node_type),
        )

    def projection(self, kind: ProjectionKind, limit: int, filt: RelationFilter | None) -> ProjectionResult:
        fp = fingerprint(self.store)
        return self.cache.result(
            self._key(fp, "projection", filt, kind, limit),
            lambda: projection(self.network(filt, fp), kind, limit),
        )
