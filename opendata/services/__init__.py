"""Writes: catalogue edits, CSV ingestion, tokens, dataset requests, publishing and sync."""
