"""After kill -9 the embedded server is recovered, and the last tracker process stops it."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from tests.integration.processes import (
    free_port,
    kill_9,
    postgres_pids,
    private_dir,
    run_tracker,
    start_tracker,
    stop,
    tracker_env,
    wait_for_health,
    wait_no_postgres,
)

pytestmark = [pytest.mark.slow, pytest.mark.embedded]


@pytest.fixture
def workdir() -> Iterator[Path]:
    with private_dir() as root:
        yield root


@pytest.fixture
def data_dir(workdir: Path) -> Path:
    """A fresh embedded data directory (a postgres a failing test left on it is stopped)."""
    return workdir / "data"


def _handles(data_dir: Path) -> list[int]:
    listed: list[int] = json.loads((data_dir / "pgdata" / ".handle_pids.json").read_text())
    return listed


def _write_handles(data_dir: Path, pids: list[int]) -> None:
    (data_dir / "pgdata" / ".handle_pids.json").write_text(json.dumps(pids))


def test_kill_9_of_serve_then_one_serve_start_and_stop_leaves_no_postgres(
    data_dir: Path, workdir: Path
) -> None:
    env = tracker_env(data_dir)
    port = free_port()
    first = start_tracker(["serve", "--port", str(port)], env, workdir / "serve.log")
    assert wait_for_health(first, port)[0] == 200
    kill_9(first)
    pgdata = data_dir / "pgdata"
    assert postgres_pids(pgdata), "kill -9 of tracker does not stop postgres"
    assert first.pid in _handles(data_dir)

    second = start_tracker(["serve", "--port", str(port)], env, workdir / "serve.log")
    status, body = wait_for_health(second, port)
    assert status == 200 and body["database"] == "ok"
    stop(second)
    assert wait_no_postgres(pgdata) == []
    assert _handles(data_dir) == []


def test_a_dead_pid_in_the_handle_list_is_pruned(data_dir: Path) -> None:
    env = tracker_env(data_dir)
    assert run_tracker(["db", "upgrade"], env).returncode == 0
    gone = subprocess.Popen(["true"])
    gone.wait()
    _write_handles(data_dir, [gone.pid])

    result = run_tracker(["db", "current"], env)
    assert result.returncode == 0, result.stderr
    assert wait_no_postgres(data_dir / "pgdata") == []
    assert _handles(data_dir) == []


def test_a_pid_reused_by_another_program_is_pruned(data_dir: Path) -> None:
    """The list names a tracker pid that died; the kernel gave the number to `sleep`."""
    from tracker.embedded import STARTS_FILE

    env = tracker_env(data_dir)
    assert run_tracker(["db", "upgrade"], env).returncode == 0
    with subprocess.Popen(["sleep", "60"]) as stranger:
        try:
            started = psutil.Process(stranger.pid).create_time()
            _write_handles(data_dir, [stranger.pid])
            (data_dir / "pgdata" / STARTS_FILE).write_text(
                json.dumps({str(stranger.pid): started - 3600})
            )
            result = run_tracker(["db", "current"], env)
            assert result.returncode == 0, result.stderr
            assert wait_no_postgres(data_dir / "pgdata") == []
        finally:
            stranger.kill()


def test_a_live_process_tracker_knows_nothing_about_keeps_the_server(data_dir: Path) -> None:
    """A pid listed by another user of the library is alive and unknown: the server is
    kept for it, and stopped by the first tracker process after it is gone."""
    env = tracker_env(data_dir)
    assert run_tracker(["db", "upgrade"], env).returncode == 0
    with subprocess.Popen(["sleep", "60"]) as other:
        _write_handles(data_dir, [other.pid])
        assert run_tracker(["db", "current"], env).returncode == 0
        assert postgres_pids(data_dir / "pgdata")
        assert _handles(data_dir) == [other.pid]
        other.kill()
    assert run_tracker(["db", "current"], env).returncode == 0
    assert wait_no_postgres(data_dir / "pgdata") == []
