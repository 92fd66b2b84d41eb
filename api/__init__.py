"""militant-kg api package."""
