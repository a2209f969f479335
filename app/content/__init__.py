"""The answers: read from content/<lang>/*.md, validated, rendered to HTML once, listed, and checked (with LIX)."""
