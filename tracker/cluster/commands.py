"""`tracker cluster up|down|status`: the local Citus cluster from the command line."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from tracker.errors import TrackerError

F = TypeVar("F", bound=Callable[..., Any])

USAGE_EXIT = 2
NOT_RUNNING_EXIT = 3
"""What `pg_ctl status` returns for a server that is not running."""


def _one_line_errors(func: F) -> F:
    """A missing compiler, source or free port is one line and exit 2, no traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except TrackerError as exc:
            click.echo(f"tracker: {exc}", err=True)
            sys.exit(USAGE_EXIT)

    return wrapper  # type: ignore[return-value]


def _echo_err(message: str) -> None:
    click.echo(f"tracker: {message}", err=True)


@click.group()
def cluster() -> None:
    """A local Citus cluster: a coordinator and two workers (built once from
    ../shared/vendor, cached in TRACKER_CITUS_CACHE)."""


@cluster.command("up")
@_one_line_errors
def cluster_up() -> None:
    """Build Citus if needed, start the three nodes, print the coordinator's URL."""
    from tracker.cluster.config import ClusterConfig
    from tracker.cluster.lifecycle import up

    url = up(ClusterConfig.from_env(), _echo_err)
    click.echo(url)


@cluster.command("down")
@_one_line_errors
def cluster_down() -> None:
    """Stop every node of the local cluster (its data stays for the next `up`)."""
    from tracker.cluster.config import ClusterConfig
    from tracker.cluster.lifecycle import down

    stopped = down(ClusterConfig.from_env())
    click.echo(f"stopped {', '.join(stopped)}" if stopped else "no node was running")


@cluster.command("status")
@_one_line_errors
def cluster_status() -> None:
    """Each node's port, state and data directory; exit 3 unless all three run."""
    from tracker.cluster.config import ClusterConfig
    from tracker.cluster.lifecycle import status

    config = ClusterConfig.from_env()
    report = status(config)
    if not report.built:
        click.echo(f"Citus is not built yet ({config.cache_dir}); `tracker cluster up` builds it")
        sys.exit(NOT_RUNNING_EXIT)
    for node in report.nodes:
        state = f"running (pid {node.pid})" if node.running else "stopped"
        if not node.initialised:
            state = "not initialised"
        spec = node.spec
        click.echo(f"{spec.name:<12} {config.host}:{spec.port:<6} {state:<22} {spec.pgdata}")
    summary = report.summary
    if "error" in summary:
        click.echo(f"citus: {summary['error']}")
    elif summary:
        click.echo(f"citus {summary['citus']}: {summary['active_workers']} active workers")
    click.echo(f"build: {config.cache_dir} {report.build.get('source', '')}".rstrip())
    if report.all_running:
        click.echo(f"url: {config.url()}")
    else:
        sys.exit(NOT_RUNNING_EXIT)
