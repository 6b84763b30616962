"""`tracker keys create|list|revoke`: API keys from the command line."""

from __future__ import annotations

import json

import click

from tracker.access.actor import Actor
from tracker.cli_common import actor_option, service, user_errors
from tracker.vocabulary import ROLES


@click.group()
def keys() -> None:
    """API keys: a reader reads, an editor also ingests and reviews, an admin also
    manages keys and merges sources. Keys are shown once and stored only as a hash."""


@keys.command("create")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--json", "as_json", is_flag=True, help='Print {"name", "role", "key"}.')
@actor_option
@user_errors
def create(name: str, role: str, as_json: bool, actor: str) -> None:
    """Make key NAME and print it, alone, on standard output (the only time it is shown)."""
    with service() as svc:
        created = svc.create_key(Actor(actor), name, role)
    if as_json:
        click.echo(
            json.dumps({"name": created.view.name, "role": created.view.role, "key": created.key})
        )
    else:
        click.echo(created.key)


@keys.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines.")
@user_errors
def list_keys(as_json: bool) -> None:
    """Every key: name, role, when made, last used and revoked (never the key)."""
    with service() as svc:
        views = svc.list_keys()
    for view in views:
        if as_json:
            click.echo(
                json.dumps(
                    {
                        "name": view.name,
                        "role": view.role,
                        "created_at": view.created_at.isoformat(),
                        "last_used_at": _iso(view.last_used_at),
                        "revoked_at": _iso(view.revoked_at),
                    }
                )
            )
        else:
            state = f"revoked {_iso(view.revoked_at)}" if view.revoked_at else "active"
            used = _iso(view.last_used_at) or "never"
            click.echo(f"{view.name}\t{view.role}\t{state}\tlast used {used}")


@keys.command("revoke")
@click.argument("name")
@actor_option
@user_errors
def revoke(name: str, actor: str) -> None:
    """Revoke key NAME: the next request with it gets 401."""
    with service() as svc:
        view = svc.revoke_key(Actor(actor), name)
    click.echo(f"key {view.name} revoked")


def _iso(value: object) -> str | None:
    return value.isoformat() if value is not None else None  # type: ignore[attr-defined]
