"""Run Alembic programmatically: upgrade, downgrade, current, and whether the schema is at head."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from tracker.errors import DatabaseUnavailableError, TrackerError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

_ROOT = Path(__file__).resolve().parent.parent

SchemaState = Literal["current", "behind", "ahead"]
"""At head; at an older revision (or none); at a revision this code does not know."""


class SchemaError(TrackerError):
    """The database schema is not the one this tracker was written for."""

    title = "Schema not current"


def alembic_config(url: str) -> Config:
    """Alembic config for the repo's migrations, pointed at ``url``."""
    cfg = Config(str(_ROOT / "alembic.ini"), stdout=io.StringIO())
    cfg.set_main_option("script_location", str(_ROOT / "alembic"))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    """Migrate the database at ``url`` up to ``revision``.

    Concurrency-safe: the migration transaction takes an advisory lock first (see
    alembic/env.py) and reads the revision after it, so a second process starting at the
    same moment waits, then finds the schema at head and does nothing.
    """
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str = "-1") -> None:
    """Migrate the database at ``url`` down to ``revision``."""
    command.downgrade(alembic_config(url), revision)


def current(url: str) -> str:
    """The revision the database at ``url`` is at, as Alembic prints it."""
    cfg = alembic_config(url)
    command.current(cfg)
    out = cfg.stdout
    assert isinstance(out, io.StringIO)
    return out.getvalue().strip()


@cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config(""))


def head_revisions() -> frozenset[str]:
    """The revisions this code's migrations end at."""
    return frozenset(_scripts().get_heads())


def database_revisions(connection: Connection) -> frozenset[str]:
    """The revisions the database is at (empty before the first migration).

    Read directly, not through a MigrationContext, which logs two INFO lines per call:
    /health asks on every probe."""
    if connection.execute(text("SELECT to_regclass('alembic_version')")).scalar() is None:
        return frozenset()
    return frozenset(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())


def schema_state(connection: Connection) -> SchemaState:
    """Whether the database behind ``connection`` is at this code's head."""
    revisions = database_revisions(connection)
    if revisions == head_revisions():
        return "current"
    for revision in revisions:
        try:
            _scripts().get_revision(revision)
        except CommandError:
            return "ahead"
    return "behind"


def ensure_current(url: str, *, may_migrate: bool) -> None:
    """Bring the schema at ``url`` to head, or refuse in one line.

    The embedded database belongs to tracker, so it is migrated here (``may_migrate``);
    an external one is the operator's, who migrates it with `tracker db upgrade` when
    they choose: every command refuses until then rather than fail on a missing column.
    """
    from tracker.db import make_engine

    engine = make_engine(url, poolclass=NullPool, pool_pre_ping=False)
    try:
        with engine.connect() as conn:
            state, revisions = schema_state(conn), database_revisions(conn)
    except OperationalError as exc:
        raise DatabaseUnavailableError(f"database unreachable: {exc.orig}") from exc
    finally:
        engine.dispose()
    at = ", ".join(sorted(revisions)) or "no revision"
    head = ", ".join(sorted(head_revisions()))
    if state == "current":
        return
    if state == "ahead":
        raise SchemaError(
            f"the database schema ({at}) is newer than this tracker (head {head}): upgrade tracker"
        )
    if not may_migrate:
        raise SchemaError(
            f"the database schema is behind this tracker ({at}, head {head}): "
            "run `tracker db upgrade`"
        )
    upgrade(url)
