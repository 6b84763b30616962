"""`tracker serve --workers N`: worker processes share the parent's embedded server and
never outlive the parent, however it dies."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from tests.integration.processes import (
    free_port,
    get_json,
    private_dir,
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


def _workers_of(pid: int) -> list[psutil.Process]:
    """The uvicorn workers of a serve process (multiprocessing's resource tracker aside)."""
    children = psutil.Process(pid).children()
    return [c for c in children if "spawn_main" in " ".join(c.cmdline())]


def _wait_gone(procs: list[psutil.Process], timeout: float = 30) -> list[psutil.Process]:
    _, alive = psutil.wait_procs(procs, timeout=timeout)
    return list(alive)


def _start(workdir: Path, workers: int) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    proc = start_tracker(
        ["serve", "--port", str(port), "--workers", str(workers)],
        tracker_env(workdir / "data"),
        workdir / "serve.log",
    )
    status, body = wait_for_health(proc, port)
    assert status == 200 and body["schema"] == "current", body
    return proc, port


def test_two_workers_share_one_embedded_server_and_stop_it(workdir: Path) -> None:
    proc, port = _start(workdir, workers=2)
    pgdata = workdir / "data" / "pgdata"
    workers = _workers_of(proc.pid)
    assert len(workers) == 2
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # each worker joins the server as it starts up
        listed = set(json.loads((pgdata / ".handle_pids.json").read_text()))
        if len(listed) == 3:
            break
        time.sleep(0.2)
    assert listed == {proc.pid, *(w.pid for w in workers)}
    for _ in range(20):
        assert get_json(port, "/api/v1/stats")[0] == 200
    stop(proc)
    assert _wait_gone(workers) == []
    assert wait_no_postgres(pgdata) == []


def test_kill_9_of_the_parent_ends_its_workers_and_they_stop_postgres(workdir: Path) -> None:
    proc, _ = _start(workdir, workers=2)
    workers = _workers_of(proc.pid)
    assert len(workers) == 2
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    assert _wait_gone(workers) == [], "a worker outlived its parent"
    assert wait_no_postgres(workdir / "data" / "pgdata") == []
