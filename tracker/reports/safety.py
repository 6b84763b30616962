"""Untrusted text made safe for each report format: web links only, no raw HTML, no formulas."""

from __future__ import annotations

from typing import Final
from urllib.parse import urlsplit

import regex

LINK_SCHEMES: Final = frozenset({"http", "https"})
"""The only URL schemes a report makes clickable: ``javascript:``, ``data:`` and the like
run code or carry pages of their own, and a stored document URL is user input."""

_CONTROL_re = regex.compile(r"[\x00-\x20\x7f]")
_MARKDOWN_ACTIVE_re = regex.compile(r"([\\`*_\[\]<>&|~])")
"""Characters that make Markdown (CommonMark) emphasis, links, code, tables or raw HTML;
any ASCII punctuation may be backslash-escaped, so escaping them keeps the words as text."""

FORMULA_PREFIXES: Final = ("=", "+", "-", "@", "\t", "\r")
"""Cell openings a spreadsheet reads as a formula (OWASP's CSV injection list)."""


def web_link(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL with a host, else None (shown as text only)."""
    if not url:
        return None
    cleaned = _CONTROL_re.sub("", url)
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc:
        return None
    return url.strip()


def markdown_text(value: object) -> str:
    """``value`` as literal Markdown text: raw HTML, links and emphasis cannot form."""
    return str(_MARKDOWN_ACTIVE_re.sub(r"\\\1", str(value)))


def spreadsheet_cell(value: object) -> object:
    """A CSV cell a spreadsheet shows as text: a formula opening gets a leading quote.

    Numbers stay numbers; only strings are untrusted.
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
