"""A missing seed article skips its acceptance tests locally and fails them in CI."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.seed import read_seed


def test_missing_seed_fails_in_ci(tmp_path: Path) -> None:
    with pytest.raises(pytest.fail.Exception, match="seed article not found"):
        read_seed(tmp_path / "absent.txt", {"CI": "true"})


def test_missing_seed_skips_outside_ci(tmp_path: Path) -> None:
    with pytest.raises(pytest.skip.Exception, match="seed article not found"):
        read_seed(tmp_path / "absent.txt", {})


def test_present_seed_is_read_in_either(tmp_path: Path) -> None:
    seed = tmp_path / "seed.txt"
    seed.write_text("Kim memuji hubungan kedua negara.", encoding="utf-8")
    assert read_seed(seed, {"CI": "true"}) == read_seed(seed, {}) == seed.read_text("utf-8")
