"""Real tracker processes for crash tests: started, waited for, killed, and the postgres
processes of one data directory found (never anyone else's)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

TRACKER = [sys.executable, "-m", "tracker.cli"]


def tracker_env(data_dir: Path | None = None, database_url: str | None = None) -> dict[str, str]:
    """This environment without TRACKER_* settings, then the embedded data directory or
    an external database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    if data_dir is not None:
        env["TRACKER_DATA_DIR"] = str(data_dir)
    if database_url is not None:
        env["TRACKER_DATABASE_URL"] = database_url
    return env


def run_tracker(
    args: list[str], env: dict[str, str], timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*TRACKER, *args], env=env, capture_output=True, text=True, timeout=timeout
    )


def start_tracker(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """A tracker command in its own process group, so kill -9 reaches its workers too."""
    with log.open("ab") as out:
        return subprocess.Popen(
            [*TRACKER, *args], env=env, stdout=out, stderr=out, start_new_session=True
        )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get_json(port: int, path: str, timeout: float = 10) -> tuple[int, Any]:
    """Status and JSON body of a GET, error statuses included."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=timeout) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as exc:
        return exc.code, json.load(exc)


def wait_for_health(proc: subprocess.Popen[bytes], port: int, timeout: float = 120) -> Any:
    """Poll /health until it answers; fail if the server exits first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"tracker serve exited with {proc.returncode}")
        try:
            return get_json(port, "/health")
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"tracker serve did not answer /health within {timeout} s")


def kill_9(proc: subprocess.Popen[bytes]) -> None:
    """SIGKILL the process group (the command and any workers), and reap the leader."""
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(30)


def stop(proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    """SIGTERM, as a service manager stops a server, and wait for the exit."""
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout)


def postgres_pids(pgdata: Path) -> list[int]:
    """Postmaster processes serving ``pgdata``."""
    out = subprocess.run(
        ["pgrep", "-f", f"postgres -D {pgdata.resolve()}"], capture_output=True, text=True
    )
    return [int(pid) for pid in out.stdout.split()]


def wait_no_postgres(pgdata: Path, timeout: float = 15) -> list[int]:
    """Postmasters still serving ``pgdata`` after up to ``timeout`` seconds (pg_ctl stop
    waits for the shutdown, but a stop in progress may finish just after the caller)."""
    deadline = time.monotonic() + timeout
    while (pids := postgres_pids(pgdata)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return pids


def stop_leftover(pgdata: Path) -> None:
    """Stop a postmaster a failed test left on its own ``pgdata`` (fast shutdown)."""
    for pid in postgres_pids(pgdata):
        os.kill(pid, signal.SIGINT)
    wait_no_postgres(pgdata)


@contextmanager
def private_dir(prefix: str = "tracker-crash-") -> Iterator[Path]:
    """A temporary directory of this test's own, not under pytest's shared base: other
    pytest runs on the machine prune old base directories, a running server's included.
    On the way out a postgres left on ``data/pgdata`` is stopped and everything removed."""
    root = Path(tempfile.mkdtemp(prefix=prefix))
    os.chmod(root, 0o755)  # as root, the embedded postgres runs as its own user
    try:
        yield root
    finally:
        stop_leftover(root / "data" / "pgdata")
        shutil.rmtree(root, ignore_errors=True)
