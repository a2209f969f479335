"""'Did this answer your question?': votes, comments and failed searches, scrubbed, in SQLite or PostgreSQL."""
