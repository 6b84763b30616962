"""Input formats: plain text, HTML (trafilatura), IPTC ninjs JSON and JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tracker.errors import InputFormatError, TrackerError
from tracker.ingest.files import decode_utf8, read_bytes
from tracker.store.validation import check_json_depth

FORMATS = ("auto", "text", "html", "ninjs", "jsonl")
_EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "ninjs",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
MIN_ARTICLE_WORDS = 8
"""Fewer words than this extracted from a page means it holds no article."""


@dataclass(frozen=True, slots=True)
class RawItem:
    """One article read from input, before extraction: text plus what the format told."""

    origin: str
    """Where it came from: a path, with ``:LINE`` for JSON Lines."""
    text: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published_at: datetime | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class BadItem:
    """An input that could not be read, with the reason to show the user."""

    origin: str
    reason: str


def parse_datetime(value: Any, field: str = "published_at") -> datetime | None:
    """An aware datetime from ISO 8601 text (naive or date-only means UTC)."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputFormatError(f"{field} must be an ISO 8601 string")
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise InputFormatError(f"{field} is not an ISO 8601 date: {value!r}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def detect_format(path: str, data: bytes) -> str:
    """The format of a file: by extension, else by sniffing the first bytes."""
    ext = Path(path).suffix.lower() if path != "-" else ""
    if ext in _EXTENSIONS:
        return _EXTENSIONS[ext]
    head = data.lstrip()[:512]
    if head.startswith(b"<"):
        return "html"
    if head.startswith(b"{"):
        first_line = data.lstrip().split(b"\n", 1)[0].strip()
        try:
            obj = json.loads(first_line)
        except (ValueError, RecursionError):
            return "ninjs"
        return "jsonl" if isinstance(obj, dict) and "text" in obj else "ninjs"
    return "text"


def read_items(path: str, fmt: str = "auto") -> Iterator[RawItem | BadItem]:
    """Every article in ``path`` (or ``-``); unreadable ones come back as BadItem."""
    try:
        data = read_bytes(path)
    except TrackerError as exc:
        yield BadItem(path, str(exc))
        return
    yield from items_from_bytes(path, data, fmt)


def items_from_bytes(name: str, data: bytes, fmt: str = "auto") -> Iterator[RawItem | BadItem]:
    """Every article in ``data``, a file called ``name`` (its extension tells the format
    when ``fmt`` is auto): a file read from disk, or one uploaded to the desk."""
    try:
        kind = detect_format(name, data) if fmt == "auto" else fmt
        if kind == "jsonl":
            yield from _jsonl_items(name, data)
            return
        text = decode_utf8(data, name)
        if kind == "html":
            yield html_item(name, text)
        elif kind == "ninjs":
            yield ninjs_item(name, text)
        else:
            yield text_item(name, text)
    except TrackerError as exc:
        yield BadItem(name, str(exc))


def text_item(origin: str, text: str) -> RawItem:
    if not text.strip():
        raise InputFormatError(f"{origin}: empty or whitespace-only text")
    return RawItem(origin=origin, text=text)


def html_item(origin: str, html: str) -> RawItem:
    """The article body and metadata of an HTML page, via trafilatura."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise InputFormatError(f"{origin}: HTML could not be parsed ({exc})") from exc
    meta: dict[str, Any] = {}
    if doc is not None:
        meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = (meta.get("text") or "").strip()
    if len(body.split()) < MIN_ARTICLE_WORDS:
        # trafilatura's fallback returns menus and footers of pages with no article
        raise InputFormatError(f"{origin}: HTML has no article body")
    title = meta.get("title") or None
    if title and body.startswith(title + "\n"):
        body = body[len(title) + 1 :]
    try:
        published = parse_datetime(meta.get("date"), "date")
    except InputFormatError:
        published = None
    return RawItem(
        origin=origin,
        text=body,
        url=meta.get("url") or None,
        title=title,
        outlet=None,
        published_at=published,
        language=_short_language(meta.get("language")),
    )


def ninjs_item(origin: str, raw: str) -> RawItem:
    """An IPTC ninjs (1.x or 2.x) news item: body text, headline, dates, language."""
    check_json_depth(raw.encode(), f"{origin}: JSON")
    try:
        obj = json.loads(raw)
    except ValueError as exc:
        raise InputFormatError(f"{origin}: invalid JSON ({exc})") from None
    if not isinstance(obj, dict):
        raise InputFormatError(f"{origin}: ninjs must be a JSON object")
    text = obj.get("body_text")
    if not text:
        for body in obj.get("bodies") or []:
            if isinstance(body, dict) and str(body.get("contenttype", "")).startswith("text/plain"):
                text = body.get("value")
                break
    if not text and (obj.get("body_html") or obj.get("bodies")):
        html = obj.get("body_html") or next(
            (b.get("value") for b in obj["bodies"] if isinstance(b, dict) and b.get("value")), ""
        )
        text = _html_to_text(str(html))
    if not isinstance(text, str) or not text.strip():
        raise InputFormatError(f"{origin}: ninjs item has no body_text or bodies")
    headline = obj.get("headline") or obj.get("headlines", [{}])[0].get("value")
    uri = obj.get("uri")
    url = uri if isinstance(uri, str) and uri.startswith(("http://", "https://")) else None
    outlet = obj.get("copyrightholder")
    if not outlet and isinstance(obj.get("infosources"), list) and obj["infosources"]:
        outlet = obj["infosources"][0].get("name")
    return RawItem(
        origin=origin,
        text=text,
        url=url,
        title=headline if isinstance(headline, str) else None,
        outlet=outlet if isinstance(outlet, str) else None,
        published_at=parse_datetime(
            obj.get("firstcreated") or obj.get("versioncreated"), "firstcreated"
        ),
        language=_short_language(obj.get("language")),
    )


def _html_to_text(html: str) -> str:
    import lxml.html

    try:
        return str(lxml.html.fromstring(html).text_content()).strip()
    except Exception:  # lxml raises on empty or broken fragments
        return ""


def _jsonl_items(path: str, data: bytes) -> Iterator[RawItem | BadItem]:
    for number, line in enumerate(data.split(b"\n"), start=1):
        if not line.strip():
            continue
        origin = f"{path}:{number}"
        try:
            yield jsonl_item(origin, decode_utf8(line, origin))
        except TrackerError as exc:
            yield BadItem(origin, str(exc))


def jsonl_item(origin: str, line: str) -> RawItem:
    """One JSON Lines record ``{text, url?, title?, outlet?, published_at?, language?}``."""
    check_json_depth(line.encode(), f"{origin}: JSON")
    try:
        obj = json.loads(line)
    except ValueError as exc:
        raise InputFormatError(f"{origin}: invalid JSON ({exc})") from None
    if not isinstance(obj, dict):
        raise InputFormatError(f"{origin}: each line must be a JSON object")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputFormatError(f"{origin}: 'text' must be a non-empty string")
    for field in ("url", "title", "outlet", "language"):
        if obj.get(field) is not None and not isinstance(obj[field], str):
            raise InputFormatError(f"{origin}: '{field}' must be a string")
    return RawItem(
        origin=origin,
        text=text,
        url=obj.get("url") or None,
        title=obj.get("title"),
        outlet=obj.get("outlet"),
        published_at=parse_datetime(obj.get("published_at")),
        language=obj.get("language"),
    )


def _short_language(value: Any) -> str | None:
    if not isinstance(value, str) or not value:
        return None
    short = value.split("-")[0].split("_")[0].lower()
    return short if short.isalpha() and 2 <= len(short) <= 3 else None


def expand_paths(paths: tuple[str, ...] | list[str]) -> Iterator[str]:
    """Files named, and every file under named directories (sorted, recursive)."""
    for path in paths:
        if path == "-":
            yield path
            continue
        p = Path(path)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and not child.name.startswith("."):
                    yield str(child)
        else:
            yield path
