"""What every `tracker` command shares: one-line user errors, settings, the service."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

import click

from tracker.config import Settings, get_settings
from tracker.errors import DatabaseUnavailableError, TrackerError

if TYPE_CHECKING:
    from tracker.service import TrackerService

F = TypeVar("F", bound=Callable[..., Any])

USAGE_EXIT = 2
"""Exit code for a user's mistake (bad id, bad file, bad option): no traceback."""


def user_errors(func: F) -> F:
    """Turn domain errors into a one-line message and exit code 2 (1 if the DB is down)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DatabaseUnavailableError as exc:
            click.echo(f"tracker: {exc}", err=True)
            sys.exit(1)
        except TrackerError as exc:
            click.echo(f"tracker: {exc}", err=True)
            sys.exit(USAGE_EXIT)

    return wrapper  # type: ignore[return-value]


def settings() -> Settings:
    try:
        return get_settings()
    except TrackerError as exc:
        raise click.UsageError(str(exc)) from exc


def ready_database(settings: Settings) -> None:
    """The hook every command on the database runs first: the embedded database is
    brought to the schema head (one process at a time), an external one behind it is
    refused with a message naming `tracker db upgrade`."""
    from tracker.db import database_url
    from tracker.migrations import ensure_current

    ensure_current(database_url(settings), may_migrate=settings.database_url is None)


def make_service() -> TrackerService:
    """The service on the configured database (imported late: `tracker extract` and
    `--help` need no database driver or engine), its schema at head first."""
    from tracker.service import TrackerService

    configured = settings()
    ready_database(configured)
    return TrackerService(configured)


@contextmanager
def service() -> Iterator[TrackerService]:
    """A service for one command, closed (and the embedded server released) after it."""
    svc = make_service()
    try:
        yield svc
    finally:
        svc.close()


def default_actor() -> str:
    """Who the CLI acts as in the audit trail when --actor is not given."""
    from tracker.access.actor import process_actor

    return process_actor().name


actor_option = click.option(
    "--actor",
    default=default_actor,
    show_default="TRACKER_ACTOR, else the OS user",
    help="Name recorded in the audit trail.",
)
