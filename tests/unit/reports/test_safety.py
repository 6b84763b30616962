"""The report-safety helpers: which URLs link, what Markdown escapes, which cells are formulas."""

from __future__ import annotations

import pytest

from tracker.reports.safety import markdown_text, spreadsheet_cell, web_link


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/a?b=1", "https://news.example/a?b=1"),
        ("HTTP://news.example/", "HTTP://news.example/"),
        ("javascript:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("\x00javascript:alert(1)", None),
        ("data:text/html,hi", None),
        ("https:/no-host", None),
        ("//news.example/a", None),
        ("http://[::1", None),
        ("", None),
        (None, None),
    ],
)
def test_web_link(url: str | None, expected: str | None) -> None:
    assert web_link(url) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>x</script>", "\\<script\\>x\\</script\\>"),
        ("[a](javascript:x)", "\\[a\\](javascript:x)"),
        ("*bold* _em_ `code` a|b", "\\*bold\\* \\_em\\_ \\`code\\` a\\|b"),
        ("AT&T", "AT\\&T"),
        ("Agence France-Presse said 3.5%", "Agence France-Presse said 3.5%"),
    ],
)
def test_markdown_text(text: str, expected: str) -> None:
    assert markdown_text(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("Kim Jong Un", "Kim Jong Un"),
        (-3, -3),
        (7, 7),
    ],
)
def test_spreadsheet_cell(value: object, expected: object) -> None:
    assert spreadsheet_cell(value) == expected
