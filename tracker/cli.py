"""The `tracker` command line: serve, migrate, walk chains, extract, ingest, report."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tracker import __version__
from tracker.access.commands import keys
from tracker.cli_common import actor_option, make_service, ready_database, settings, user_errors
from tracker.cluster.commands import cluster
from tracker.review.commands import audit, review

if TYPE_CHECKING:
    from tracker.config import Settings
    from tracker.ingest.bulk import IngestSummary
    from tracker.service import TrackerService

_settings = settings
_service = make_service
_ready_database = ready_database

include_rejected_option = click.option(
    "--include-rejected",
    is_flag=True,
    help="Also count statements fact-checkers rejected (hidden by default).",
)


class ReportFormat(click.Choice):  # type: ignore[type-arg]
    """The report formats, read from the renderer registry (tracker.reports.outputs) the
    first time they are needed, so commands that print no report do not load renderers."""

    def __init__(self) -> None:
        super().__init__([])

    @property
    def choices(self) -> tuple[str, ...]:
        from tracker.reports.outputs import formats

        return formats("document")

    @choices.setter
    def choices(self, _: object) -> None:
        """click.Choice sets its list in __init__; the registry is the list here."""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="tracker")
def main() -> None:
    """tracker: quotes, speakers and chains of citations, walked to primary sources."""


main.add_command(cluster)
main.add_command(keys)
main.add_command(review)
main.add_command(audit)


@main.command()
@click.option("--host", default=None, help="Interface to bind (default TRACKER_HOST).")
@click.option("--port", type=int, default=None, help="Port (default TRACKER_PORT or 8000).")
@click.option(
    "--workers",
    type=click.IntRange(1, 256),
    default=None,
    help="Server processes (default: the number of cores).",
)
@click.option("--access-log/--no-access-log", default=False, help="Log every request.")
@user_errors
def serve(host: str | None, port: int | None, workers: int | None, access_log: bool) -> None:
    """Serve the web desk (/), the HTTP API (/api/v1) and its docs (/schema) with uvicorn."""
    from tracker import serving
    from tracker.db import stop_embedded_servers

    settings = _settings()
    _ready_database(settings)
    try:
        _first_admin_key(settings)
        serving.run(
            settings,
            host=host or settings.host,
            port=port or settings.port,
            workers=workers or serving.default_workers(),
            access_log=access_log,
        )
    finally:
        stop_embedded_servers()


def _first_admin_key(settings: Settings) -> None:
    """Before serving: the admin key of a database without any key (printed once)."""
    from tracker.db import database_url, make_engine
    from tracker.service import TrackerService

    engine = make_engine(database_url(settings))
    try:
        _announce_first_admin_key(TrackerService(settings, engine=engine), settings.data_dir)
    finally:
        engine.dispose()


def _announce_first_admin_key(service: TrackerService, data_dir: Path) -> None:
    """On a database without any API key, make the admin key and print it, once."""
    first = service.first_admin_key(data_dir)
    if first is None:
        return
    click.echo(
        "tracker: no API key existed, so this is the admin key 'admin'. It is shown once; "
        f"a copy readable only by you is in {first.path}. Make others with "
        "`tracker keys create NAME --role reader|editor|admin`.",
        err=True,
    )
    click.echo(first.key)


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
@include_rejected_option
@user_errors
def chain(statement_id: int, as_json: bool, max_depth: int | None, include_rejected: bool) -> None:
    """Walk STATEMENT_ID's chain to its primary sources."""
    from tracker.reports.terminal import render_walk_tree

    service = _service()
    try:
        result = service.walk(statement_id, max_depth, include_rejected)
    finally:
        service.close()
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2, default=str))
    else:
        click.echo(render_walk_tree(result))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--lang", type=click.Choice(["id", "en", "auto"]), default="auto", show_default=True)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--outlet",
    default=None,
    help="The outlet FILES come from: never a hop, so what it gathered is first-hand.",
)
@user_errors
def extract(files: tuple[str, ...], lang: str, fmt: str, outlet: str | None) -> None:
    """Extract statements and chains from FILES (- reads standard input); no database."""
    from tracker.extract import extract as run_extract
    from tracker.extract.render import render_text
    from tracker.ingest.files import read_text_file

    for path in files:
        content = read_text_file(path)
        result = run_extract(content, language=lang, outlet=outlet)
        if fmt == "json":
            click.echo(json.dumps({"path": path, **result.to_dict()}, ensure_ascii=False))
        else:
            click.echo(render_text(result, path))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--outlet", default=None, help="Outlet of every document (else from the URL).")
@click.option("--lang", type=click.Choice(["id", "en", "auto"]), default="auto", show_default=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["auto", "text", "html", "ninjs", "jsonl"]),
    default="auto",
    show_default=True,
)
@click.option("--jobs", type=click.IntRange(1, 64), default=1, show_default=True)
@click.option("--batch-size", type=click.IntRange(1, 5000), default=200, show_default=True)
@actor_option
@user_errors
def ingest(
    paths: tuple[str, ...],
    outlet: str | None,
    lang: str,
    fmt: str,
    jobs: int,
    batch_size: int,
    actor: str,
) -> None:
    """Store files, directories (recursively) and - (stdin) with their extracted chains.

    Exit code 0 when everything was stored, 1 when some items failed, 2 for usage errors.
    """
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from tracker.access.actor import Actor
    from tracker.ingest.bulk import IngestOptions, iter_items

    for path in paths:
        if path != "-" and not Path(path).exists():
            raise click.UsageError(f"{path}: no such file or directory")
    options = IngestOptions(
        language=None if lang == "auto" else lang,
        outlet=outlet,
        fmt=fmt,
        jobs=jobs,
        batch_size=batch_size,
        actor=Actor(actor),
        max_statements=_settings().max_statements,
    )
    console = Console(stderr=True)
    service = _service()
    started = time.perf_counter()
    try:
        with Progress(
            TextColumn("[bold]ingest"),
            BarColumn(),
            TextColumn("{task.completed} documents"),
            TextColumn("{task.fields[rate]:.1f} docs/s"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        ) as progress:
            task = progress.add_task("ingest", total=None, rate=0.0)

            def report(summary: IngestSummary) -> None:
                elapsed = max(time.perf_counter() - started, 1e-9)
                progress.update(task, completed=summary.processed, rate=summary.processed / elapsed)

            summary = service.ingest(iter_items(paths, fmt), options, report)
    finally:
        service.close()
    elapsed = time.perf_counter() - started
    for bad in summary.failed:
        click.echo(f"failed {bad.origin}: {bad.reason}", err=True)
    click.echo(
        f"documents: {summary.new_documents} new, {summary.present_documents} already present, "
        f"{len(summary.failed)} failed; statements: {summary.statements}; "
        f"sources new: {summary.new_sources}; "
        f"{summary.processed / max(elapsed, 1e-9):.1f} docs/s"
    )
    if summary.failed:
        sys.exit(1)


@main.command()
@click.argument("document_ids", nargs=-1, type=int)
@click.option("--all", "everything", is_flag=True, help="Re-extract every stored document.")
@user_errors
def reextract(document_ids: tuple[int, ...], everything: bool) -> None:
    """Re-run the current extractor on stored documents; manual statements and hops stay."""
    if bool(document_ids) == everything:
        raise click.UsageError("give DOC_ID... or --all (not both)")
    service = _service()
    try:
        outcomes = service.reextract(None if everything else list(document_ids))
    finally:
        service.close()
    for o in outcomes:
        links = (
            f"; links from other documents: {o.relinked} followed, {o.unlinked} removed"
            if o.relinked or o.unlinked
            else ""
        )
        click.echo(
            f"document {o.document_id}: {o.removed} removed, {o.added} added, {o.kept} kept{links}"
        )


@main.command()
@click.argument("quote")
@click.option("--lang", type=click.Choice(["id", "en", "auto"]), default="auto", show_default=True)
@click.option("--limit", type=click.IntRange(1, 50), default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the API's JSON.")
@include_rejected_option
@user_errors
def provenance(quote: str, lang: str, limit: int, as_json: bool, include_rejected: bool) -> None:
    """Where did QUOTE come from? Best matches, first appearance, primary sources."""
    from dataclasses import asdict

    service = _service()
    try:
        items = service.provenance(quote, None if lang == "auto" else lang, limit, include_rejected)
    finally:
        service.close()
    if as_json:
        payload = {"items": [asdict(i) for i in items]}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2, default=str))
        return
    if not items:
        click.echo("no matching statement")
        return
    first = items[0].first_appearance
    click.echo(
        f"first appearance: statement {first['statement_id']} in document "
        f"{first['document_id']} ({first['published_at'] or 'date unknown'})"
    )
    for item in items:
        speaker = item.speaker["name"] if item.speaker else "unknown"
        origin = ", ".join(s.name for s in item.primary_sources) or "none"
        flags = ", ".join(item.flags) or "none"
        click.echo(
            f"- statement {item.statement_id} (document {item.document_id}), "
            f"similarity {item.similarity:.2f}, speaker {speaker}, primary: {origin}, "
            f"flags: {flags}\n    {item.text}"
        )


@main.command()
@click.argument("document_ids", nargs=-1, type=int)
@click.option("--all", "everything", is_flag=True, help="Link every stored document.")
@user_errors
def link(document_ids: tuple[int, ...], everything: bool) -> None:
    """Link hops that cite an outlet to that outlet's own earlier statements."""
    if bool(document_ids) == everything:
        raise click.UsageError("give DOC_ID... or --all (not both)")
    service = _service()
    try:
        report = service.link(None if everything else list(document_ids))
    finally:
        service.close()
    click.echo(f"links made: {report.linked}; time inversions flagged: {report.time_inversions}")


@main.command()
@click.argument("document_id", type=int, required=False)
@click.option("--sources", is_flag=True, help="The corpus report instead of one document's.")
@click.option(
    "--format",
    "fmt",
    type=ReportFormat(),
    default="md",
    show_default=True,
    help="Exports (prov-json, prov-o, jsonld) are for a document only.",
)
@click.option("--limit", type=click.IntRange(1, 100), default=20, show_default=True)
@include_rejected_option
@user_errors
def report(
    document_id: int | None, sources: bool, fmt: str, limit: int, include_rejected: bool
) -> None:
    """Citation-chain report of DOCUMENT_ID, or of the corpus's sources with --sources."""
    from tracker.reports import outputs

    if (document_id is None) == (not sources):
        raise click.UsageError("give DOC_ID or --sources (not both)")
    service = _service()
    try:
        if sources:
            outputs.check_format(fmt, "sources")
            rendered = outputs.render(service.sources_report(limit, include_rejected), fmt)
        else:
            assert document_id is not None
            rendered = service.export_document(document_id, fmt, include_rejected)
    finally:
        service.close()
    click.echo(rendered.content, nl=not rendered.content.endswith("\n"))


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@user_errors
def stats(as_json: bool) -> None:
    """Counts of documents, statements, sources by kind and citations."""
    service = _service()
    try:
        counts = service.stats()
    finally:
        service.close()
    if as_json:
        click.echo(json.dumps(counts))
        return
    click.echo(f"documents:  {counts['documents']}")
    click.echo(f"statements: {counts['statements']}")
    click.echo(f"citations:  {counts['citations']}")
    click.echo("sources:")
    for kind, n in counts["sources"].items():
        click.echo(f"  {kind:<16}{n}")


if __name__ == "__main__":  # pragma: no cover
    main()
