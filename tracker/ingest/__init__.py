"""Ingest: input files and formats, the extraction bridge, bulk runs and re-extraction."""
