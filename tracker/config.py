"""Typed settings read from TRACKER_* environment variables, behind one cached getter."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import platformdirs

from tracker.errors import ConfigError


def _default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("tracker", appauthor=False))


DEFAULT_MAX_STATEMENTS = 500
"""Statements per document: 2.5 times the most the extractor finds in any corpus article
(195), and a document report at the limit still takes seconds, not minutes (it walks and
matches each statement: bench/limits.py)."""
LOOPBACK_HOSTS: tuple[str, ...] = ("localhost", "127.0.0.1", "[::1]")
"""Host names a browser uses for this machine: served by default, nothing else is."""
ANY_HOST = "*"
"""In TRACKER_ALLOWED_HOSTS: serve any Host header (behind a proxy that checks it)."""


def host_name(value: str) -> str:
    """A host as a Host header names it: lower case, no trailing dot, an IPv6 address in
    brackets ("::1" and "[::1]" are one host)."""
    name = value.strip().lower().rstrip(".")
    if ":" in name and not name.startswith("["):
        name = f"[{name}]"
    return name


def default_allowed_hosts(bind_host: str = "127.0.0.1") -> tuple[str, ...]:
    """The loopback names and the address `tracker serve` binds to."""
    own = host_name(bind_host)
    return LOOPBACK_HOSTS if own in LOOPBACK_HOSTS else (*LOOPBACK_HOSTS, own)


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything tracker reads from its environment, parsed once."""

    database_url: str | None = None
    """Any PostgreSQL 15+ (``postgresql+psycopg://…``); None starts the embedded server."""
    data_dir: Path = field(default_factory=_default_data_dir)
    """Home of the embedded PostgreSQL data directory."""
    host: str = "127.0.0.1"
    """Interface `tracker serve` binds to."""
    port: int = 8000
    """Port `tracker serve` listens on."""
    max_body_bytes: int = 2 * 1024 * 1024
    """Largest request body the API accepts (413 above it)."""
    max_walk_depth: int = 32
    """Depth bound of a walk: deeper chains are reported `truncated`."""
    page_size: int = 50
    """Default page size of list endpoints."""
    reads: str = "public"
    """Who may read over HTTP: ``public`` (anyone) or ``key`` (a reader key or better).
    Writes always need a key."""
    db_pool_size: int = 8
    """Connections each process keeps open to PostgreSQL, and the request threads of each
    `tracker serve` worker: one connection per thread, so no request ever opens one."""
    native: bool = True
    """Run the compiled extractor while its build is fresh (TRACKER_NATIVE=0: pure Python)."""
    max_statements: int = DEFAULT_MAX_STATEMENTS
    """Statements one document may carry, given or extracted (422 above): a write and a
    report cost time in proportion, so one request cannot hold a worker for minutes."""
    allowed_hosts: tuple[str, ...] = LOOPBACK_HOSTS
    """Host headers the server answers (400 for any other), so a web page cannot reach it
    through a DNS name rebound to 127.0.0.1; ``*`` answers any host."""

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        """Build settings from ``env`` (default: ``os.environ``); bad values raise ConfigError."""
        source = os.environ if env is None else env
        data_dir = source.get("TRACKER_DATA_DIR")
        return cls(
            database_url=source.get("TRACKER_DATABASE_URL") or None,
            data_dir=Path(data_dir).expanduser() if data_dir else _default_data_dir(),
            host=source.get("TRACKER_HOST", "127.0.0.1"),
            port=_int(source, "TRACKER_PORT", 8000),
            max_body_bytes=_int(source, "TRACKER_MAX_BODY_BYTES", 2 * 1024 * 1024),
            max_walk_depth=_int(source, "TRACKER_MAX_WALK_DEPTH", 32),
            page_size=_int(source, "TRACKER_PAGE_SIZE", 50),
            reads=_choice(source, "TRACKER_READS", ("public", "key")),
            db_pool_size=_int(source, "TRACKER_DB_POOL_SIZE", 8),
            native=_bool(source, "TRACKER_NATIVE", True),
            max_statements=_int(source, "TRACKER_MAX_STATEMENTS", DEFAULT_MAX_STATEMENTS),
            allowed_hosts=_hosts(source, source.get("TRACKER_HOST", "127.0.0.1")),
        )


def _int(source: os._Environ[str] | dict[str, str], name: str, default: int) -> int:
    raw = source.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, not {raw!r}") from None
    if value <= 0:
        raise ConfigError(f"{name} must be positive, not {value}")
    return value


_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


def _bool(source: os._Environ[str] | dict[str, str], name: str, default: bool) -> bool:
    raw = source.get(name, "").strip().lower()
    if raw == "":
        return default
    if raw in _TRUE or raw in _FALSE:
        return raw in _TRUE
    raise ConfigError(f"{name} must be 1 or 0, not {source.get(name)!r}")


def _choice(source: os._Environ[str] | dict[str, str], name: str, allowed: tuple[str, ...]) -> str:
    """One of ``allowed`` (the first when unset)."""
    raw = source.get(name) or allowed[0]
    if raw not in allowed:
        raise ConfigError(f"{name} must be one of {', '.join(allowed)}, not {raw!r}")
    return raw


def _hosts(source: os._Environ[str] | dict[str, str], bind_host: str) -> tuple[str, ...]:
    """TRACKER_ALLOWED_HOSTS as a comma list replacing the default, which is the loopback
    names and TRACKER_HOST."""
    raw = source.get("TRACKER_ALLOWED_HOSTS")
    if raw is None or not raw.strip():
        return default_allowed_hosts(bind_host)
    hosts = tuple(dict.fromkeys(host_name(h) for h in raw.split(",") if h.strip()))
    for host in hosts:
        if host != ANY_HOST and ("/" in host or "*" in host or " " in host):
            raise ConfigError(
                f"TRACKER_ALLOWED_HOSTS: {host!r} is not a host name (use names such as "
                "news.example.org, addresses such as 10.0.0.5, or * for any host)"
            )
    return hosts


@cache
def get_settings() -> Settings:
    """The process-wide settings; tests build their own `Settings` instead."""
    return Settings.from_env()
