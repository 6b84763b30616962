"""Reports as CSV: one row per statement, or per listed source and chain (formulas neutralised)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from tracker.reports.corpus import SourcesReport
from tracker.reports.document import DocumentReport, StatementReport
from tracker.reports.safety import spreadsheet_cell

CSV_COLUMNS = ("id", "kind", "speaker", "chain", "primary_sources", "depth", "flags")
"""Columns of a document report's CSV."""
SOURCES_CSV_COLUMNS = ("section", "id", "name", "kind", "statements", "documents", "detail")
"""Columns of the corpus report's CSV."""


def _table(header: tuple[str, ...], rows: Iterable[tuple[object, ...]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(tuple(spreadsheet_cell(cell) for cell in row) for row in rows)
    return out.getvalue()


def document_csv(report: DocumentReport) -> str:
    """One row per statement."""
    return _table(CSV_COLUMNS, (_statement_row(st) for st in report.statements))


def _statement_row(st: StatementReport) -> tuple[object, ...]:
    return (
        st.id,
        st.kind,
        st.speaker.name if st.speaker else "",
        st.chain,
        "; ".join(p.name for p in st.primary_sources),
        st.depth,
        " ".join(st.flags),
    )


def sources_csv(report: SourcesReport) -> str:
    """One row per listed source, then one per state-media chain."""
    rows: list[tuple[object, ...]] = []
    for section, counts in (
        ("primary_source", report.primary_sources),
        ("relaying_outlet", report.relaying_outlets),
    ):
        rows += [
            (section, c.source.id, c.source.name, c.source.kind, c.statements, c.documents, "")
            for c in counts
        ]
    rows += [
        (
            "state_media_chain",
            c.statement_id,
            "; ".join(c.paths),
            "",
            1,
            1,
            ", ".join(c.state_media),
        )
        for c in report.state_media_chains
    ]
    return _table(SOURCES_CSV_COLUMNS, rows)
