"""The `tracker` command line: serve, migrate, walk chains, extract, ingest, report."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from tracker import __version__
from tracker.config import Settings, get_settings
from tracker.errors import DatabaseUnavailableError, TrackerError

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


def _settings() -> Settings:
    try:
        return get_settings()
    except TrackerError as exc:
        raise click.UsageError(str(exc)) from exc


def _service() -> Any:
    from tracker.service import TrackerService

    return TrackerService(_settings())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="tracker")
def main() -> None:
    """tracker: quotes, speakers and chains of citations, walked to primary sources."""


@main.command()
@click.option("--host", default=None, help="Interface to bind (default TRACKER_HOST).")
@click.option("--port", type=int, default=None, help="Port (default TRACKER_PORT or 8000).")
@user_errors
def serve(host: str | None, port: int | None) -> None:
    """Serve the HTTP API and docs (/schema) with uvicorn."""
    import uvicorn

    settings = _settings()
    # By name, not by import: tracker never imports api (api is a shell over tracker).
    uvicorn.run(
        "api.app:app_from_env",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        log_level="info",
    )


@main.group()
def db() -> None:
    """Migrate the database (TRACKER_DATABASE_URL or the embedded server)."""


def _db_url() -> str:
    from tracker.db import database_url

    return database_url(_settings())


@db.command("upgrade")
@click.argument("revision", default="head")
@user_errors
def db_upgrade(revision: str) -> None:
    """Migrate up to REVISION (default: head)."""
    from tracker import migrations

    migrations.upgrade(_db_url(), revision)
    click.echo(f"database at {migrations.current(_db_url()) or 'base'}")


@db.command("downgrade")
@click.argument("revision", default="-1")
@user_errors
def db_downgrade(revision: str) -> None:
    """Migrate down to REVISION (default: one step)."""
    from tracker import migrations

    migrations.downgrade(_db_url(), revision)
    click.echo(f"database at {migrations.current(_db_url()) or 'base'}")


@db.command("current")
@user_errors
def db_current() -> None:
    """Print the revision the database is at."""
    from tracker import migrations

    click.echo(migrations.current(_db_url()) or "base (no migrations applied)")


@main.command()
@click.argument("statement_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print the API's JSON instead of a tree.")
@click.option("--max-depth", type=int, default=None, help="Depth bound (default 32).")
@user_errors
def chain(statement_id: int, as_json: bool, max_depth: int | None) -> None:
    """Walk STATEMENT_ID's chain to its primary sources."""
    from tracker.render import render_walk_tree

    service = _service()
    try:
        result = service.walk(statement_id, max_depth)
    finally:
        service.close()
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2, default=str))
    else:
        click.echo(render_walk_tree(result))


if __name__ == "__main__":  # pragma: no cover
    main()
