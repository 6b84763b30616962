"""Input formats read into items, and bad inputs into clear per-item reasons (no DB)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tracker.ingest.formats import BadItem, RawItem, detect_format, read_items

ARTICLE_ID = (
    "Menteri Keuangan Budi Santoso mengatakan bahwa inflasi tetap terkendali. "
    "“Kami akan menjaga harga pangan,” ujarnya di Jakarta."
)


def _one(path: Path, fmt: str = "auto") -> RawItem | BadItem:
    [item] = list(read_items(str(path), fmt))
    return item


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("a.html", b"anything", "html"),
        ("a.json", b"{}", "ninjs"),
        ("a.jsonl", b"{}", "jsonl"),
        ("a.txt", b"<p>looks like html</p>", "html"),
        ("a.txt", b"plain words", "text"),
        ("noext", b'{"text": "x"}\n{"text": "y"}', "jsonl"),
        ("noext", b'{"body_text": "x", "uri": "u"}', "ninjs"),
    ],
)
def test_detect_format(name: str, data: bytes, expected: str) -> None:
    assert detect_format(name, data) == expected


def test_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE_ID, encoding="utf-8")
    item = _one(path)
    assert isinstance(item, RawItem) and item.text == ARTICLE_ID and item.url is None


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    filler = " ".join(["Pasar menunggu kebijakan baru pemerintah minggu depan."] * 4)
    html = f"""<html lang="id"><head><title>Inflasi terkendali</title>
    <meta property="og:url" content="https://www.antaranews.com/berita/42">
    <meta property="article:published_time" content="2026-10-08T09:30:00+07:00"></head>
    <body><nav>Menu Beranda Politik</nav><article><h1>Inflasi terkendali</h1>
    <p>{ARTICLE_ID}</p><p>{filler}</p></article><footer>Hak cipta</footer></body></html>"""
    path = tmp_path / "a.html"
    path.write_text(html, encoding="utf-8")
    item = _one(path)
    assert isinstance(item, RawItem), item
    assert "Budi Santoso" in item.text and "Menu Beranda" not in item.text
    assert item.url == "https://www.antaranews.com/berita/42"
    assert item.title == "Inflasi terkendali"
    assert item.published_at is not None and item.published_at.year == 2026


def test_ninjs_item(tmp_path: Path) -> None:
    ninjs = {
        "uri": "https://apnews.example/item/1",
        "type": "text",
        "headline": "Inflation steady",
        "body_text": "The minister said inflation would stay low.",
        "firstcreated": "2026-10-08T09:30:00Z",
        "language": "en-US",
        "copyrightholder": "Associated Press",
    }
    path = tmp_path / "item.json"
    path.write_text(json.dumps(ninjs), encoding="utf-8")
    item = _one(path)
    assert isinstance(item, RawItem)
    assert item.title == "Inflation steady" and item.language == "en"
    assert item.outlet == "Associated Press"
    assert item.published_at == datetime(2026, 10, 8, 9, 30, tzinfo=UTC)


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "First story.", "url": "https://x.example/1"}),
        "{not json",
        json.dumps({"text": "   "}),
        json.dumps({"text": "Dated.", "published_at": "yesterday"}),
        "",
        json.dumps({"text": "Third story.", "language": "en"}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_items(str(path)))
    good = [i for i in items if isinstance(i, RawItem)]
    bad = [i for i in items if isinstance(i, BadItem)]
    assert [g.text for g in good] == ["First story.", "Third story."]
    assert [b.origin for b in bad] == [f"{path}:2", f"{path}:3", f"{path}:4"]
    assert "invalid JSON" in bad[0].reason and "non-empty" in bad[1].reason
    assert "ISO 8601" in bad[2].reason


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("latin1.txt", b"Menurut pejabat, harga naik. \xe9\xff", "not UTF-8"),
        ("empty.txt", b"  \n\t ", "empty"),
        ("nobody.html", b"<html><head><title>x</title></head><body></body></html>", "no article"),
        ("bad.json", b"{broken", "invalid JSON"),
        ("nobody.json", b'{"uri": "x", "headline": "h"}', "no body_text"),
    ],
)
def test_bad_inputs_get_reasons(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    item = _one(path)
    assert isinstance(item, BadItem) and reason in item.reason


def test_file_over_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tracker.ingest.files.MAX_FILE_BYTES", 100)
    monkeypatch.setattr("tracker.ingest.formats.read_bytes.__defaults__", (100,))
    path = tmp_path / "big.txt"
    path.write_text("kata " * 50, encoding="utf-8")
    item = _one(path)
    assert isinstance(item, BadItem) and "limit" in item.reason


def test_json_nested_too_deep_is_a_bad_item_not_a_recursion_error(tmp_path: Path) -> None:
    deep = "[" * 5000 + "]" * 5000
    lines = tmp_path / "deep.jsonl"
    lines.write_text(
        json.dumps({"text": ARTICLE_ID, "x": 0}).replace("0", deep)
        + "\n"
        + json.dumps({"text": ARTICLE_ID})
        + "\n"
    )
    bad, good = list(read_items(str(lines)))
    assert isinstance(bad, BadItem) and "nested 5001 levels deep; at most 64" in bad.reason
    assert isinstance(good, RawItem)
    ninjs = tmp_path / "deep.json"
    ninjs.write_text(json.dumps({"body_text": ARTICLE_ID, "x": 0}).replace("0", deep))
    item = _one(ninjs)
    assert isinstance(item, BadItem) and "levels deep" in item.reason
