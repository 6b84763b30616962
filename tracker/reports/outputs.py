"""Output formats as a registry (after datasette's register_output_renderer).

Each format names what it can render: a document report, the corpus report, a walk, a
whole document straight from the database (the exports). ``?format=`` and ``--format``
look the format up here; adding one is one ``register_output`` call.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Literal

from tracker.errors import ParameterError
from tracker.reports.corpus import SourcesReport
from tracker.reports.csv import document_csv, sources_csv
from tracker.reports.document import DocumentReport, document_report
from tracker.reports.html import document_html, sources_html
from tracker.reports.jsonld import document_jsonld, walk_jsonld
from tracker.reports.markdown import document_markdown, sources_markdown
from tracker.store.visibility import require_visible
from tracker.walk.walker import walk

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Target = Literal["report", "document", "sources", "walk"]
"""What is rendered: a built document report, one document by id (its report or an
export), the corpus report, one walk."""
FromDatabase = Callable[["Session", int], str]
"""Renders a document or a walk by id, reading what it needs itself."""


@dataclass(frozen=True, slots=True)
class Rendered:
    """A report or export as text, with the media type to serve it as."""

    content: str
    media_type: str


@dataclass(frozen=True, slots=True)
class Output:
    """One output format: its name (the ``format`` value), media type and renderers."""

    name: str
    media_type: str
    document_report: Callable[[DocumentReport], str] | None = None
    sources_report: Callable[[SourcesReport], str] | None = None
    document: FromDatabase | None = None
    """A document export that needs more than its report (PROV, JSON-LD)."""
    walk: FromDatabase | None = None

    def renders(self, target: Target) -> bool:
        """Whether this format has a renderer for ``target``."""
        if target == "document":
            return self.document is not None or self.document_report is not None
        renderer = {
            "report": self.document_report,
            "sources": self.sources_report,
            "walk": self.walk,
        }[target]
        return renderer is not None


_OUTPUTS: dict[str, Output] = {}


def register_output(output: Output) -> None:
    """Add (or replace) an output format; formats are listed in registration order."""
    _OUTPUTS[output.name] = output


def formats(target: Target) -> tuple[str, ...]:
    """The format names ``target`` renders to."""
    return tuple(name for name, output in _OUTPUTS.items() if output.renders(target))


def check_format(fmt: str, target: Target) -> Output:
    """The output for ``fmt``; an unknown one is refused up front, naming those that exist."""
    output = _OUTPUTS.get(fmt)
    if output is None or not output.renders(target):
        allowed = formats(target)
        raise ParameterError(
            f"unknown format {fmt!r}; use one of {', '.join(allowed)}",
            [{"field": "format", "message": f"unknown format {fmt!r}"}],
        )
    return output


def render(report: DocumentReport | SourcesReport, fmt: str) -> Rendered:
    """A built report in ``fmt`` with its media type."""
    if isinstance(report, DocumentReport):
        output = check_format(fmt, "report")
        assert output.document_report is not None
        return Rendered(output.document_report(report), output.media_type)
    output = check_format(fmt, "sources")
    assert output.sources_report is not None
    return Rendered(output.sources_report(report), output.media_type)


def export_document(session: Session, document_id: int, fmt: str) -> Rendered:
    """A document's report (json, md, csv, html) or its walks as PROV or JSON-LD."""
    output = check_format(fmt, "document")
    if output.document is not None:
        return Rendered(output.document(session, document_id), output.media_type)
    return render(document_report(session, document_id), fmt)


def export_walk(session: Session, statement_id: int, fmt: str) -> Rendered:
    """A statement's walk as tracker's JSON, PROV-JSON, PROV-O or schema.org JSON-LD."""
    output = check_format(fmt, "walk")
    assert output.walk is not None
    require_visible(session, statement_id)
    return Rendered(output.walk(session, statement_id), output.media_type)


def _report_json(report: DocumentReport | SourcesReport) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2, default=str)


def _walk_json(session: Session, statement_id: int) -> str:
    payload = walk(session, statement_id).to_dict()
    return json.dumps(payload, ensure_ascii=False, default=str)


def _walk_prov(session: Session, statement_id: int, fmt: str) -> str:
    from tracker.reports.w3c_prov import walk_prov  # PROV's library loads in ~70 ms

    return walk_prov(session, statement_id, fmt)


def _document_prov(session: Session, document_id: int, fmt: str) -> str:
    from tracker.reports.w3c_prov import document_prov

    return document_prov(session, document_id, fmt)


BUILTIN_OUTPUTS = (
    Output(
        "json",
        "application/json",
        document_report=_report_json,
        sources_report=_report_json,
        walk=_walk_json,
    ),
    Output("md", "text/markdown", document_markdown, sources_markdown),
    Output("csv", "text/csv", document_csv, sources_csv),
    Output("html", "text/html", document_html, sources_html),
    Output(
        "prov-json",
        "application/json",
        document=partial(_document_prov, fmt="prov-json"),
        walk=partial(_walk_prov, fmt="prov-json"),
    ),
    Output(
        "prov-o",
        "text/turtle",
        document=partial(_document_prov, fmt="prov-o"),
        walk=partial(_walk_prov, fmt="prov-o"),
    ),
    Output("jsonld", "application/ld+json", document=document_jsonld, walk=walk_jsonld),
)
"""tracker's own formats, in the order error messages and help list them."""
_OUTPUTS.update((output.name, output) for output in BUILTIN_OUTPUTS)
