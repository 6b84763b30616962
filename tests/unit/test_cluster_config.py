"""`tracker cluster`: settings, node layout and the one-line refusals (no cluster needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import main
from tracker.cluster.config import ClusterConfig, default_cache_dir
from tracker.errors import ConfigError


def test_nodes_take_consecutive_ports_from_the_base(tmp_path: Path) -> None:
    config = ClusterConfig.from_env(
        {"TRACKER_CITUS_PORT": "9800", "TRACKER_CITUS_DIR": str(tmp_path)}
    )
    assert [(n.name, n.port, n.home) for n in config.nodes()] == [
        ("coordinator", 9800, tmp_path / "coordinator"),
        ("worker-1", 9801, tmp_path / "worker-1"),
        ("worker-2", 9802, tmp_path / "worker-2"),
    ]
    assert config.url() == "postgresql+psycopg://postgres@127.0.0.1:9800/tracker"


@pytest.mark.parametrize("raw", ["abc", "80", "65535", "-1"])
def test_a_bad_port_is_refused(raw: str) -> None:
    with pytest.raises(ConfigError, match="TRACKER_CITUS_PORT"):
        ClusterConfig.from_env({"TRACKER_CITUS_PORT": raw})


def test_the_build_cache_is_named_by_the_source_commit(tmp_path: Path) -> None:
    cache = default_cache_dir(tmp_path / "citus-a3d5708a6ae8.tar.gz")
    assert cache.name == "citus-a3d5708a6ae8-pg18"
    assert cache.parent.name == "tracker"


def test_up_without_a_source_is_one_line_and_exit_2(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    result = CliRunner().invoke(
        main,
        ["cluster", "up"],
        env={
            "TRACKER_CITUS_CACHE": str(cache),
            "TRACKER_CITUS_SOURCE": str(tmp_path / "citus-0000000.tar.gz"),
            "TRACKER_CITUS_DIR": str(tmp_path / "nodes"),
        },
    )
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"tracker: cannot build Citus: no Citus source at {tmp_path / 'citus-0000000.tar.gz'}"
    ]
    assert not cache.exists() and not (tmp_path / "nodes").exists()


def test_status_before_any_build_says_so_and_exits_3(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["cluster", "status"], env={"TRACKER_CITUS_CACHE": str(tmp_path / "cache")}
    )
    assert result.exit_code == 3
    assert "not built yet" in result.output
