"""Litestar HTTP API: a thin shell over the tracker package."""
