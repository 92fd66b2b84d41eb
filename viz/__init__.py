"""militant-kg viz package."""
