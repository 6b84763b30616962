"""An outlet described by origin or day ("The British Sunday paper") is the outlet named
before; unnamed sources an outlet cites are anonymous (texts written for these tests)."""

from __future__ import annotations

import pytest

from tracker.extract import extract

OPENER_EN = "The plan will fail, the Observer newspaper said."
OPENER_ID = "Rencana itu akan gagal, tulis harian Kompas."


@pytest.mark.parametrize(
    ("text", "language", "chain", "kinds"),
    [
        (
            f"{OPENER_EN}\nThe British Sunday paper, quoting Iranian sources, said the missile"
            " was based on a Chinese design.",
            "en",
            ["The Observer", "Iranian sources"],
            ["news_outlet", "anonymous"],
        ),
        (
            f"{OPENER_EN}\nThe paper said, citing intelligence sources, that the missile was"
            " based on a Chinese design.",
            "en",
            ["The Observer", "intelligence sources"],
            ["news_outlet", "anonymous"],
        ),
        (
            f"{OPENER_ID}\nHarian itu, mengutip sumber-sumber intelijen, menyebutkan rudal itu"
            " dibuat di China.",
            "id",
            ["Kompas", "sumber-sumber intelijen"],
            ["news_outlet", "anonymous"],
        ),
    ],
)
def test_the_described_outlet_cites_unnamed_sources(
    text: str, language: str, chain: list[str], kinds: list[str]
) -> None:
    statement = extract(text, language).statements[-1]
    assert [h.source.name for h in statement.chain] == chain
    assert [h.source.kind for h in statement.chain] == kinds


def test_a_government_keeps_its_name() -> None:
    # "British" before "government": a body of its own, never the outlet named before
    text = f"{OPENER_EN}\nThe British government said the missile was based on a Chinese design."
    statement = extract(text, "en").statements[-1]
    assert [h.source.name for h in statement.chain] == ["The British government"]
