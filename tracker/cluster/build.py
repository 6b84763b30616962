"""Build Citus once from the vendored source into a cached copy of the wheel's PostgreSQL."""

from __future__ import annotations

import fcntl
import json
import shutil
import subprocess
import tarfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from tracker.cluster.config import POSTGRES_MAJOR, ClusterConfig, ClusterError
from tracker.cluster.postgres import WheelPostgres, is_root, open_to_all, wheel_postgres

STAMP_NAME = "BUILD-COMPLETE"
"""Written last: a cache without it is a build that stopped half way, and is redone."""

CLANG_ONLY_FLAGS = ("-Wmissing-variable-declarations",)
"""The wheel's PostgreSQL was built with clang; gcc rejects these flags of its CFLAGS."""

Echo = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class CitusBuild:
    """A PostgreSQL tree with Citus installed, in the build cache."""

    root: Path
    wheel: WheelPostgres

    @property
    def install(self) -> Path:
        return self.root / f"pginstall{POSTGRES_MAJOR}"

    @property
    def bin(self) -> Path:
        return self.install / "bin"

    @property
    def stamp(self) -> Path:
        return self.root / STAMP_NAME

    @property
    def log(self) -> Path:
        return self.root / "build.log"

    def is_complete(self) -> bool:
        return self.stamp.is_file() and (self.bin / "postgres").is_file()

    def env(self) -> dict[str, str]:
        return self.wheel.env()


def ensure_built(config: ClusterConfig, echo: Echo) -> CitusBuild:
    """The cached build, made first if it is missing or incomplete (a few minutes)."""
    build = CitusBuild(config.cache_dir, wheel_postgres())
    if build.is_complete():
        return build
    missing = missing_prerequisites(config, build.wheel)
    if missing:
        raise ClusterError(f"cannot build Citus: {missing}")
    build.root.mkdir(parents=True, exist_ok=True)
    with _build_lock(build.root):
        if build.is_complete():  # another process built it while we waited
            return build
        assert config.source is not None
        echo(f"building Citus from {config.source.name} into {build.root} (once; log: {build.log})")
        started = time.monotonic()
        _build(config, build)
        seconds = round(time.monotonic() - started)
        if is_root():
            open_to_all(build.root)
        _write_stamp(build, config.source, seconds)
        echo(f"built Citus in {seconds} s")
    return build


def missing_prerequisites(config: ClusterConfig, wheel: WheelPostgres) -> str | None:
    """What stops a build, in words a user can act on; None when nothing does."""
    if config.source is None:
        return "no Citus source found (../shared/vendor/citus-*.tar.gz; set TRACKER_CITUS_SOURCE)"
    if not config.source.is_file():
        return f"no Citus source at {config.source}"
    compiler = _pg_config(wheel, wheel.install / "bin", "--cc").split()[0]
    for tool, why in ((compiler, "C compiler"), ("make", "make")):
        if shutil.which(tool) is None:
            return f"no {why} ({tool}) on PATH"
    return None


@contextmanager
def _build_lock(root: Path) -> Iterator[None]:
    """One build at a time per cache, across processes (two `up`s, two CI jobs)."""
    with (root / ".lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _build(config: ClusterConfig, build: CitusBuild) -> None:
    """Copy the wheel's PostgreSQL, then configure, make and install Citus into the copy
    (never into the wheel inside a virtualenv)."""
    assert config.source is not None
    source_dir = build.root / "src"
    for stale in (source_dir, build.install, build.stamp):
        if stale.is_dir():
            shutil.rmtree(stale)
        elif stale.exists():
            stale.unlink()
    shutil.copytree(build.wheel.install, build.install, symlinks=True)
    source_dir.mkdir()
    with tarfile.open(config.source) as archive:
        archive.extractall(source_dir, filter="data")
    pg_config = str(build.bin / "pg_config")
    cflags = " ".join(
        flag
        for flag in _pg_config(build.wheel, build.bin, "--cflags").split()
        if flag not in CLANG_ONLY_FLAGS
    )
    steps = [
        ("configure", ["./configure", f"PG_CONFIG={pg_config}", "--without-lz4", "--without-zstd"]),
        ("make", ["make", f"-j{config.jobs}", f"CFLAGS={cflags}"]),
        ("make install", ["make", "install", f"PG_CONFIG={pg_config}"]),
    ]
    with build.log.open("w") as log:
        for name, argv in steps:
            _step(name, argv, source_dir, build, log)
    shutil.rmtree(source_dir)  # 60 MB of objects; the log stays


def _step(name: str, argv: list[str], cwd: Path, build: CitusBuild, log: IO[str]) -> None:
    log.write(f"$ {' '.join(argv)}\n")
    log.flush()
    done = subprocess.run(
        argv, cwd=cwd, env=build.env(), stdout=log, stderr=subprocess.STDOUT, check=False
    )
    if done.returncode != 0:
        raise ClusterError(
            f"building Citus failed at {name} (exit {done.returncode}); see {build.log}"
        )


def _pg_config(wheel: WheelPostgres, bin_dir: Path, option: str) -> str:
    done = subprocess.run(
        [str(bin_dir / "pg_config"), option],
        env=wheel.env(),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise ClusterError(f"pg_config {option} failed: {done.stderr.strip()}")
    return done.stdout.strip()


def _write_stamp(build: CitusBuild, source: Path, seconds: int) -> None:
    record = {"source": source.name, "postgres": POSTGRES_MAJOR, "build_seconds": seconds}
    partial = build.stamp.with_suffix(".partial")
    partial.write_text(json.dumps(record) + "\n")
    partial.chmod(0o644)
    partial.replace(build.stamp)


def build_record(build: CitusBuild) -> dict[str, object]:
    """What the stamp says about the build (for `tracker cluster status`)."""
    try:
        record = json.loads(build.stamp.read_text())
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}
