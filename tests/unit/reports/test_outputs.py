"""Report formats without a database: the registry, the JSON shapes, each renderer."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from tests.unit.walk.builders import hop
from tracker.errors import ValidationError
from tracker.reports.corpus import SourceCount, SourcesReport, StateMediaChain
from tracker.reports.csv import CSV_COLUMNS
from tracker.reports.document import DocumentReport, ReportSummary, StatementReport
from tracker.reports.html import highlight_segments
from tracker.reports.outputs import Output, check_format, formats, register_output, render
from tracker.views import SourceBrief
from tracker.walk.model import REPORT_HOP_FIELDS

TEXT = 'Yonhap said: "The ties are <invincible>," Kim said. Lee said | exports grow.'
KIM = SourceBrief(3, "Kim", "person")


def _statement(sid: int, words: str, **kw: Any) -> StatementReport:
    start = TEXT.index(words)
    values: dict[str, Any] = {
        "id": sid,
        "kind": "direct",
        "text": words,
        "start": start,
        "end": start + len(words),
        "speaker": KIM,
        "review_status": "unreviewed",
        "hops": [
            hop(0, "Yonhap", is_primary=False, kind="news_outlet"),
            hop(1, "Kim", parent=0, position=1, review_status="confirmed"),
        ],
        "paths": ["Yonhap → Kim"],
        "primary_sources": [KIM],
        "depth": 2,
        "flags": ["complete"],
        "unverified_hops": 1,
        "first_appearance": None,
        "appearances": 1,
    }
    values.update(kw)
    return StatementReport(**values)


REPORT = DocumentReport(
    document={
        "id": 1,
        "title": "Ties <today>",
        "url": None,
        "language": "en",
        "outlet": "Daily Example",
        "published_at": None,
    },
    statements=[
        _statement(10, "The ties are <invincible>,"),
        _statement(
            11,
            "exports grow",
            kind="indirect",
            paths=["Lee | office"],
            flags=[],
            first_appearance={
                "statement_id": 4,
                "document_id": 2,
                "outlet": None,
                "published_at": "2026-10-06T00:00:00+00:00",
            },
            appearances=2,
        ),
    ],
    summary=ReportSummary(2, 1, 0, 1, 0, 0, 4, 2, 0.5, 0.0, 0.5, 0.0),
    text=TEXT,
)
SOURCES = SourcesReport(
    primary_sources=[SourceCount(KIM, statements=2, documents=2, hops=2)],
    relaying_outlets=[SourceCount(SourceBrief(8, "KCNA", "news_outlet", True), 2, 2, 2)],
    state_media_chains=[StateMediaChain(10, 1, None, ["KCNA → Kim"], ["KCNA"], False)],
    state_media_total=1,
    limit=20,
)


def test_each_target_lists_its_formats_in_order() -> None:
    assert formats("document") == ("json", "md", "csv", "html", "prov-json", "prov-o", "jsonld")
    assert formats("report") == ("json", "md", "csv", "html")
    assert formats("sources") == ("json", "md", "csv", "html")
    assert formats("walk") == ("json", "prov-json", "prov-o", "jsonld")


@pytest.mark.parametrize(
    ("fmt", "target"), [("pdf", "document"), ("md", "walk"), ("prov-json", "sources")]
)
def test_an_unknown_format_is_refused_naming_the_known_ones(fmt: str, target: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        check_format(fmt, target)
    assert str(caught.value).startswith(f"unknown format {fmt!r}; use one of json, ")
    assert caught.value.errors == [{"field": "format", "message": f"unknown format {fmt!r}"}]


def test_a_registered_output_is_served() -> None:
    register_output(Output("count", "text/plain", sources_report=lambda r: str(r.limit)))
    try:
        assert render(SOURCES, "count").content == "20"
        assert "count" in formats("sources") and "count" not in formats("walk")
    finally:
        register_output(Output("count", "text/plain"))  # renders nothing: unlisted again
    assert "count" not in formats("sources")


def test_report_json_keeps_its_shape() -> None:
    rendered = render(REPORT, "json")
    assert rendered.media_type == "application/json"
    data = json.loads(rendered.content)
    assert list(data) == ["document", "summary", "statements"]
    first = data["statements"][0]
    assert list(first)[-1] == "chain" and first["chain"] == "Yonhap → Kim"
    assert tuple(first["hops"][0]) == REPORT_HOP_FIELDS
    assert [h["review_status"] for h in first["hops"]] == ["unreviewed", "confirmed"]
    assert first["speaker"] == {"id": 3, "name": "Kim", "kind": "person", "state_media": False}
    assert "text" not in data  # the document's text stays out of the JSON


def test_markdown_lists_each_statement_and_its_first_appearance() -> None:
    md = render(REPORT, "md").content
    assert md.startswith("# Citation chains: Ties \\<today\\>\n")  # HTML escaped
    assert "| traced to a named primary source | 1 (50%) |" in md
    assert "- chain: Yonhap → Kim" in md
    assert "- first appearance: statement 4 in document 2 (outlet unknown, 2026-10-06" in md
    sources = render(SOURCES, "md").content
    assert "| KCNA (state media) | news_outlet | 2 | 2 |" in sources


def test_csv_has_one_row_per_statement() -> None:
    rendered = render(REPORT, "csv")
    assert rendered.media_type == "text/csv"
    rows = list(csv.DictReader(io.StringIO(rendered.content)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [(r["id"], r["chain"], r["flags"]) for r in rows] == [
        ("10", "Yonhap → Kim", "complete"),
        ("11", "Lee | office", ""),
    ]
    sources = list(csv.reader(io.StringIO(render(SOURCES, "csv").content)))
    assert sources[1:] == [
        ["primary_source", "3", "Kim", "person", "2", "2", ""],
        ["relaying_outlet", "8", "KCNA", "news_outlet", "2", "2", ""],
        ["state_media_chain", "10", "KCNA → Kim", "", "1", "1", "KCNA"],
    ]


def test_html_escapes_the_text_and_draws_each_path() -> None:
    page = render(REPORT, "html").content
    assert "Ties &lt;today&gt;" in page and "<today>" not in page
    assert "&lt;invincible&gt;" in page
    assert 'id="statement-10"' in page and page.count("<mark>") == 2
    assert 'class="hop primary"' in page


def test_highlight_segments_cover_the_text_and_skip_overlaps() -> None:
    nested = _statement(12, "ties are")  # inside statement 10's span
    report = DocumentReport(REPORT.document, [*REPORT.statements, nested], REPORT.summary, TEXT)
    segments = highlight_segments(report)
    assert "".join(piece for piece, _ in segments) == TEXT
    assert [sid for _, sid in segments if sid is not None] == [10, 11]
