"""Network analytics on networkx: pure functions from a graph to a result model.

Build the graph with `build.from_store` (or `build.to_networkx`), then ask `centrality`, `communities`,
`structure.brokers`, `projections.projection`; `timeline` works on one entity's relations.
"""
