"""Reports as self-contained HTML pages (Jinja templates shipped in tracker/templates)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from tracker.reports.safety import web_link
from tracker.walk.trees import hop_paths

if TYPE_CHECKING:
    from jinja2 import Environment

    from tracker.reports.corpus import SourcesReport
    from tracker.reports.document import DocumentReport


@functools.cache
def _environment() -> Environment:
    """Templates ship as package data; autoescape is on because every text is untrusted."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    environment = Environment(
        loader=PackageLoader("tracker", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["web_link"] = web_link
    return environment


def document_html(report: DocumentReport) -> str:
    """The text with statements highlighted, each statement's chain drawn path by path."""
    drawn = {
        st.id: [[st.hops[i] for i in p] for p in hop_paths(st.hops)] for st in report.statements
    }
    template = _environment().get_template("report.html.j2")
    return template.render(report=report, segments=highlight_segments(report), drawn=drawn)


def sources_html(report: SourcesReport) -> str:
    return _environment().get_template("sources.html.j2").render(report=report)


def highlight_segments(report: DocumentReport) -> list[tuple[str, int | None]]:
    """The text cut into (piece, statement id or None); overlapping spans keep the first."""
    segments: list[tuple[str, int | None]] = []
    cursor = 0
    for st in sorted(report.statements, key=lambda s: (s.start, -s.end)):
        if st.start < cursor:
            continue  # nested in (or overlapping) a span already highlighted
        if st.start > cursor:
            segments.append((report.text[cursor : st.start], None))
        segments.append((report.text[st.start : st.end], st.id))
        cursor = st.end
    if cursor < len(report.text):
        segments.append((report.text[cursor:], None))
    return segments
