"""The Neo4j store: the same GraphStore protocol on Neo4j 5, through the official `neo4j` driver."""

from graph.neo4j.store import Neo4jStore

__all__ = ["Neo4jStore"]
