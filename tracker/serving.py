"""How `tracker serve` runs uvicorn: worker processes tied to the parent, pools sized to fit."""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.config import Settings

APP_FACTORY = "api.app:app_from_env"
"""By name, not by import: tracker never imports api (api is a shell over tracker), and
uvicorn's worker processes import it themselves."""

PARENT_ENV = "TRACKER_SERVE_PARENT"
"""Set by `tracker serve` for its worker processes: the parent's process id."""

RESERVED_CONNECTIONS = 10
"""Connections of the server's limit left to CLI commands and to the superuser."""

PR_SET_PDEATHSIG = 1
"""prctl(2) option: the signal the kernel sends this process when its parent dies."""


def default_workers() -> int:
    """The cores this process may run on: the default of ``--workers``."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def pool_per_worker(requested: int, workers: int, max_connections: int) -> int:
    """Connections (and request threads) per worker: as requested, unless all workers
    together would exceed the server's ``max_connections`` less the reserve."""
    fits = (max_connections - RESERVED_CONNECTIONS) // workers
    return max(2, min(requested, fits))


def _max_connections(url: str) -> int:
    from sqlalchemy import text

    from tracker.db import make_engine

    engine = make_engine(url, pool_pre_ping=False)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SHOW max_connections")).scalar_one())
    finally:
        engine.dispose()


def run(settings: Settings, host: str, port: int, workers: int, access_log: bool) -> None:
    """Serve until SIGINT or SIGTERM. With more than one worker, the workers join the
    embedded server this process started (it holds its own handle on it throughout)."""
    import uvicorn

    from tracker.config import get_settings
    from tracker.db import database_url

    if workers > 1:
        pool = pool_per_worker(
            settings.db_pool_size, workers, _max_connections(database_url(settings))
        )
        os.environ["TRACKER_DB_POOL_SIZE"] = str(pool)
        os.environ[PARENT_ENV] = str(os.getpid())
        get_settings.cache_clear()
    uvicorn.run(
        APP_FACTORY,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        access_log=access_log,
    )


def bind_to_parent() -> None:
    """In a worker of `tracker serve`: get SIGTERM when the parent dies, even by SIGKILL,
    so no worker outlives it holding the embedded server (and the port) open."""
    parent = os.environ.get(PARENT_ENV)
    if not parent or int(parent) == os.getpid():
        return
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != int(parent):  # the parent died before the link was made
        os.kill(os.getpid(), signal.SIGTERM)
