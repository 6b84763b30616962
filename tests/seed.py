"""The shared seed article for acceptance tests: skipped on a laptop without it, failed in CI."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import pytest

SEED_PATH = Path(__file__).resolve().parents[1].parent / "shared" / "samples" / "seed_id.txt"
"""Beside the repository, never copied into it (its licence forbids that)."""


def in_ci(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether this run is CI (`.ci/run` exports CI=true, as most CI services do)."""
    return environ.get("CI", "").lower() in ("true", "1")


def read_seed(path: Path = SEED_PATH, environ: Mapping[str, str] = os.environ) -> str:
    """The seed article's text; missing, the test is skipped, or failed in CI, where a
    silent skip would hide a broken checkout behind a green run."""
    if not path.exists():
        message = f"seed article not found at {path}"
        if in_ci(environ):
            pytest.fail(message)
        pytest.skip(message)
    return path.read_text(encoding="utf-8")
