"""The embedded server: two tracker processes at once share it, and none is left behind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _postgres_pids_for(data_dir: Path) -> list[str]:
    out = subprocess.run(["pgrep", "-f", f"postgres -D {data_dir}"], capture_output=True, text=True)
    return out.stdout.split()


@pytest.mark.slow
@pytest.mark.embedded
def test_two_processes_start_at_once_and_leave_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "embedded"
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    env["TRACKER_DATA_DIR"] = str(data_dir)
    command = [sys.executable, "-m", "tracker.cli", "db", "upgrade"]
    procs = [
        subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert "(head)" in out
    assert (data_dir / "pgdata" / "PG_VERSION").exists()
    assert _postgres_pids_for(data_dir / "pgdata") == []
    again = subprocess.run(
        [sys.executable, "-m", "tracker.cli", "db", "current"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 0 and "(head)" in again.stdout
    assert _postgres_pids_for(data_dir / "pgdata") == []
