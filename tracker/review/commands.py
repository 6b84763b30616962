"""`tracker review ...` and `tracker audit`: the review actions from the command line.

The CLI acts as a named actor (--actor, TRACKER_ACTOR, else the OS user), recorded in the
audit trail like an API key's name; it needs no key (it already holds the database).
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from typing import Any

import click

from tracker.access.actor import Actor
from tracker.cli_common import actor_option, service, user_errors
from tracker.errors import ValidationError
from tracker.store.inputs import ChainHopIn, SourceIn, StatementEdit
from tracker.vocabulary import SOURCE_KINDS, STATEMENT_KINDS

note_option = click.option("--note", default=None, help="Why (kept in the audit trail).")
version_option = click.option(
    "--if-version", type=int, default=None, help="Refuse unless the row is at this version."
)


@click.group()
@actor_option
@click.option("--json", "as_json", is_flag=True, help="Print the changed row as JSON.")
@click.pass_context
def review(ctx: click.Context, actor: str, as_json: bool) -> None:
    """Confirm, reject and correct statements, chains, links and sources (audited)."""
    ctx.obj = {"actor": Actor(actor), "json": as_json}


def _to_json(view: Any) -> str:
    from tracker.store.audit import as_json  # late: `tracker --help` loads no SQLAlchemy

    return as_json(view) or "null"


def _done(ctx: click.Context, view: Any, line: str) -> None:
    click.echo(_to_json(view) if ctx.obj["json"] else line)


@review.command("statement")
@click.argument("statement_id", type=int)
@click.argument("decision", type=click.Choice(["confirm", "reject"]))
@note_option
@version_option
@click.pass_context
@user_errors
def review_statement(
    ctx: click.Context, statement_id: int, decision: str, note: str | None, if_version: int | None
) -> None:
    """Confirm or reject STATEMENT_ID."""
    with service() as svc:
        view = svc.review_statement(
            ctx.obj["actor"],
            statement_id,
            "confirm" if decision == "confirm" else "reject",
            note=note,
            if_version=if_version,
        )
    _done(ctx, view, f"statement {view.id}: {view.review_status} (version {view.version})")


@review.command("edit")
@click.argument("statement_id", type=int)
@click.option("--start", type=int, default=None)
@click.option("--end", type=int, default=None)
@click.option("--kind", type=click.Choice(STATEMENT_KINDS), default=None)
@click.option("--speaker", default=None, help="The speaker's name (resolved like any mention).")
@click.option("--speaker-kind", type=click.Choice(SOURCE_KINDS), default="unknown")
@click.option("--speaker-id", type=int, default=None, help="A stored source as speaker.")
@note_option
@version_option
@click.pass_context
@user_errors
def edit(
    ctx: click.Context,
    statement_id: int,
    start: int | None,
    end: int | None,
    kind: str | None,
    speaker: str | None,
    speaker_kind: str,
    speaker_id: int | None,
    note: str | None,
    if_version: int | None,
) -> None:
    """Correct STATEMENT_ID's span, kind or speaker."""
    change = StatementEdit(
        start=start,
        end=end,
        kind=kind,
        speaker=SourceIn(speaker, speaker_kind) if speaker is not None else None,
        speaker_id=speaker_id,
    )
    with service() as svc:
        view = svc.edit_statement(
            ctx.obj["actor"], statement_id, change, note=note, if_version=if_version
        )
    _done(ctx, view, f"statement {view.id}: edited (version {view.version})")


def parse_chain(raw: str) -> tuple[ChainHopIn, ...]:
    """The API's chain JSON: ``[{"name", "kind", "relation"?, "cue"?} | {"source_id", ...}]``."""
    try:
        items = json.loads(raw)
    except ValueError as exc:
        raise ValidationError(f"CHAIN is not JSON: {exc}") from None
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise ValidationError("CHAIN must be a JSON list of hops (objects)")
    hops = []
    for i, item in enumerate(items):
        unknown = set(item) - {"name", "kind", "role", "source_id", "relation", "cue"}
        name, source_id = item.get("name"), item.get("source_id")
        if unknown or not isinstance(name, str | None) or not isinstance(source_id, int | None):
            raise ValidationError(f"chain[{i}] is not a hop: {json.dumps(item)}")
        source = None
        if name is not None:
            source = SourceIn(name, str(item.get("kind", "unknown")), item.get("role"))
        hops.append(
            ChainHopIn(
                source=source,
                source_id=source_id,
                relation=str(item.get("relation", "said")),
                cue=item.get("cue"),
            )
        )
    return tuple(hops)


@review.command("chain")
@click.argument("statement_id", type=int)
@click.argument("chain")
@note_option
@version_option
@click.pass_context
@user_errors
def chain(
    ctx: click.Context, statement_id: int, chain: str, note: str | None, if_version: int | None
) -> None:
    """Replace STATEMENT_ID's chain with CHAIN (JSON as in the API, nearest relay first;
    - reads it from standard input)."""
    hops = parse_chain(sys.stdin.read() if chain == "-" else chain)
    with service() as svc:
        view = svc.replace_chain(
            ctx.obj["actor"], statement_id, hops, note=note, if_version=if_version
        )
    names = " → ".join(h.source.name for h in view.chain)
    _done(ctx, view, f"statement {view.id}: chain {names} (version {view.version})")


@review.command("upstream")
@click.argument("citation_id", type=int)
@click.argument("statement_id")
@note_option
@version_option
@click.pass_context
@user_errors
def upstream(
    ctx: click.Context,
    citation_id: int,
    statement_id: str,
    note: str | None,
    if_version: int | None,
) -> None:
    """Continue hop CITATION_ID into STATEMENT_ID of another document (none: unlink)."""
    if statement_id != "none" and not statement_id.isdigit():
        raise click.UsageError("STATEMENT_ID is a statement id or none")
    target = None if statement_id == "none" else int(statement_id)
    with service() as svc:
        view = svc.set_upstream(
            ctx.obj["actor"], citation_id, target, note=note, if_version=if_version
        )
    _done(ctx, view, f"hop {view.id}: upstream {view.upstream_statement_id or 'none'}")


@review.command("merge")
@click.argument("source_id", type=int)
@click.argument("into_id", type=int)
@note_option
@version_option
@click.pass_context
@user_errors
def merge(
    ctx: click.Context, source_id: int, into_id: int, note: str | None, if_version: int | None
) -> None:
    """Merge SOURCE_ID into INTO_ID (never an anonymous source)."""
    with service() as svc:
        view = svc.merge_sources(
            ctx.obj["actor"], source_id, into_id, note=note, if_version=if_version
        )
    _done(ctx, view, f"source {source_id} merged into {view.id} ({view.name})")


@review.command("split")
@click.argument("source_id", type=int)
@click.argument("alias")
@note_option
@version_option
@click.pass_context
@user_errors
def split(
    ctx: click.Context, source_id: int, alias: str, note: str | None, if_version: int | None
) -> None:
    """Make ALIAS of SOURCE_ID a source of its own; what named it by ALIAS follows it."""
    with service() as svc:
        view = svc.split_source(
            ctx.obj["actor"], source_id, alias, note=note, if_version=if_version
        )
    _done(ctx, view, f"alias {alias!r} of source {source_id} is now source {view.id}")


@review.command("document")
@click.argument("document_id", type=int)
@note_option
@version_option
@click.pass_context
@user_errors
def document(
    ctx: click.Context, document_id: int, note: str | None, if_version: int | None
) -> None:
    """Mark DOCUMENT_ID reviewed."""
    with service() as svc:
        view = svc.review_document(ctx.obj["actor"], document_id, note=note, if_version=if_version)
    _done(ctx, view, f"document {view.id}: reviewed by {view.reviewed_by}")


@review.group("delete")
def delete() -> None:
    """Delete a document with all it carries, or a source nothing names (admin's work)."""


@delete.command("document")
@click.argument("document_id", type=int)
@note_option
@version_option
@click.pass_context
@user_errors
def delete_document(
    ctx: click.Context, document_id: int, note: str | None, if_version: int | None
) -> None:
    """Delete DOCUMENT_ID, its statements and hops; links into it from elsewhere go too."""
    with service() as svc:
        svc.delete_document(ctx.obj["actor"], document_id, note=note, if_version=if_version)
    _done(ctx, {"deleted": "document", "id": document_id}, f"document {document_id} deleted")


@delete.command("source")
@click.argument("source_id", type=int)
@note_option
@version_option
@click.pass_context
@user_errors
def delete_source(
    ctx: click.Context, source_id: int, note: str | None, if_version: int | None
) -> None:
    """Delete SOURCE_ID and its aliases; refused while anything names it (merge first)."""
    with service() as svc:
        svc.delete_source(ctx.obj["actor"], source_id, note=note, if_version=if_version)
    _done(ctx, {"deleted": "source", "id": source_id}, f"source {source_id} deleted")


@click.command()
@click.option("--entity", default=None, help="statement, citation, source, document, api_key")
@click.option("--id", "entity_id", type=int, default=None)
@click.option("--actor", default=None, help="Only this actor's (key name or CLI actor).")
@click.option("--since", type=click.DateTime(), default=None, help="Only from this time on.")
@click.option("--limit", type=click.IntRange(1, 500), default=50, show_default=True)
@click.option("--cursor", default=None, help="The next page's cursor (printed at the end).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines.")
@user_errors
def audit(
    entity: str | None,
    entity_id: int | None,
    actor: str | None,
    since: datetime | None,
    limit: int,
    cursor: str | None,
    as_json: bool,
) -> None:
    """The audit trail, newest first: who changed what, with the state before and after."""
    with service() as svc:
        page = svc.audit(
            entity=entity,
            entity_id=entity_id,
            actor=actor,
            since=since.astimezone() if since is not None else None,
            cursor=cursor,
            limit=limit,
        )
    for row in page.items:
        if as_json:
            click.echo(_to_json(row))
        else:
            note = f" — {row.note}" if row.note else ""
            click.echo(
                f"{row.id}\t{row.at.isoformat(timespec='seconds')}\t{row.actor}\t{row.action}"
                f"\t{row.entity} {row.entity_id}{note}"
            )
    if page.next_cursor:
        click.echo(f"next page: --cursor {page.next_cursor}", err=True)
