"""A listed outlet whose name holds a connector ("The Globe and Mail") is one source, never
the word after the connector (texts written for these tests)."""

from __future__ import annotations

import pytest

from tracker.extract import extract


@pytest.mark.parametrize(
    ("text", "language", "chain"),
    [
        ("The Globe and Mail said the cut would start in May.", "en", ["The Globe and Mail"]),
        (
            "The Toronto Globe and Mail, quoting sources close to the talks, said the cut would"
            " start in May.",
            "en",
            ["The Globe and Mail", "sources"],
        ),
        (
            "The Globe and Mail melaporkan bahwa pemangkasan dimulai Mei.",
            "id",
            ["The Globe and Mail"],
        ),
    ],
)
def test_the_whole_listed_name_is_the_outlet(text: str, language: str, chain: list[str]) -> None:
    statement = extract(text, language).statements[0]
    assert [h.source.name for h in statement.chain] == chain
    assert statement.chain[0].source.kind == "news_outlet"


@pytest.mark.parametrize(
    "text",
    [
        # no listed name before the connector: no outlet is made up
        "Smith and Jones said the cut would start in May.",
        "The Bank of England said the cut would start in May.",
    ],
)
def test_no_outlet_without_a_listed_name(text: str) -> None:
    statement = extract(text, "en").statements[0]
    assert statement.speaker is not None and statement.speaker.kind != "news_outlet"
