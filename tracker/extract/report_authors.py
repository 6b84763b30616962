"""Report authors: "Tass reported …" makes Tass the author of a later "the report"."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.extract.run import Run

OUTLET = "news_outlet"


def note_report(run: Run, sid: int, cue: str | None) -> None:
    """An outlet that reported wrote a report: "According to the report, monitored by the
    BBC, …" or "laporan itu menyebutkan …" after "the official Tass news agency reported"
    is Tass's report, so the description stands for Tass (`definites.described_document`),
    and a monitor named there is how the writer got Tass (`monitors`)."""
    if cue is None or run.table.kind(sid) != OUTLET:
        return
    noun = run.lex.report_verb_documents.get(cue.lower())
    if noun is not None:
        run.document_authors[noun] = sid
