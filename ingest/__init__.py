"""militant-kg ingest package."""
