"""Full-text search with Whoosh: how text becomes terms, building an index per language, and querying it."""
