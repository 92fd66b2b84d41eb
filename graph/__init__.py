"""militant-kg graph layer: the ontology, ids, models, the GraphStore protocol and its stores.

This package imports nothing else of ours (ingest/, api/, viz/ import it, never the reverse).
"""
