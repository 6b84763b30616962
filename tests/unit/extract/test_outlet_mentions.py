"""Outlets named as outlets are news outlets under one canonical name; people named like
outlets, or after the outlet they work for, stay people (extract.outlet_mentions)."""

from __future__ import annotations

import pytest

from tracker.extract import extract


def _speaker(text: str, language: str) -> tuple[str, str, bool]:
    statement = next(s for s in extract(text, language).statements if s.kind != "partial")
    assert statement.speaker is not None, statement
    return statement.speaker.name, statement.speaker.kind, statement.speaker.state_media


@pytest.mark.parametrize(
    ("text", "language", "name", "state_media"),
    [
        # a listed outlet with a medium noun around it: the outlet, never "agency"
        ("The harbour was closed, the official Tass news agency reported.", "en", "TASS", True),
        ("Yonhap news agency said the two sides would meet in March.", "en", "Yonhap", False),
        ("The Korean Central News Agency (KCNA) said the launch succeeded.", "en", "KCNA", True),
        ("The New China News Agency said grain output rose this year.", "en", "Xinhua", True),
        (
            "The official news agency Xinhua said the bridge would open in May.",
            "en",
            "Xinhua",
            True,
        ),
        ("The daily Al-Ahram said the talks resumed on Sunday.", "en", "Al-Ahram", True),
        (
            "Radio Free Asia reported that the camp was closed last week.",
            "en",
            "Radio Free Asia",
            False,
        ),
        ("Iran's official IRNA news agency said the ship was released.", "en", "IRNA", True),
        # an outlet the list does not know, named by its masthead or its description
        ("The official Qarland news agency said the border would reopen.", "en", "Qarland", True),
        (
            "State television said the president had left the capital.",
            "en",
            "State television",
            True,
        ),
        # Indonesian names the medium first
        (
            "Kantor berita Antara melaporkan bahwa jembatan itu dibuka kembali.",
            "id",
            "Antara",
            True,
        ),
        ("Harian Kompas menyebutkan bahwa harga beras naik lagi.", "id", "Kompas", False),
        ("Harian Suara Tepian melaporkan bahwa banjir sudah surut.", "id", "Suara Tepian", False),
        (
            "Televisi pemerintah melaporkan bahwa presiden sudah kembali.",
            "id",
            "Televisi pemerintah",
            True,
        ),
    ],
)
def test_an_outlet_named_as_an_outlet_is_a_news_outlet(
    text: str, language: str, name: str, state_media: bool
) -> None:
    assert _speaker(text, language) == (name, "news_outlet", state_media)


@pytest.mark.parametrize(
    ("text", "language", "name", "role", "affiliation"),
    [
        # a surname shared with an outlet
        (
            "Michael Bloomberg said the city was safer than ever.",
            "en",
            "Michael Bloomberg",
            None,
            None,
        ),
        ("Vicente Fox said the wall would never be built.", "en", "Vicente Fox", None, None),
        # a person named after the outlet that employs them: the outlet an affiliation
        (
            "CNBC's Becky Quick said the market had priced in the cut.",
            "en",
            "Becky Quick",
            None,
            "CNBC",
        ),
        (
            "Fox News host Sean Hannity said the plan was a failure.",
            "en",
            "Sean Hannity",
            "host",
            "Fox News",
        ),
        (
            "CNN anchor Jake Tapper said the debate would go ahead.",
            "en",
            "Jake Tapper",
            "anchor",
            "CNN",
        ),
        (
            "Jalan itu ditutup, kata wartawan Kompas Budi Santoso.",
            "id",
            "Budi Santoso",
            None,
            None,
        ),
    ],
)
def test_a_person_named_like_or_after_an_outlet_stays_a_person(
    text: str, language: str, name: str, role: str | None, affiliation: str | None
) -> None:
    statement = extract(text, language).statements[0]
    speaker = statement.speaker
    assert speaker is not None
    assert (speaker.name, speaker.kind) == (name, "person")
    if affiliation is not None:
        assert (speaker.role, speaker.affiliation) == (role, affiliation)
    assert [h.source.kind for h in statement.chain] == ["person"]


@pytest.mark.parametrize(
    ("text", "language", "kind"),
    [
        # a medium noun alone or a document with one names no outlet
        ("A white paper said the plan would cost more than planned.", "en", "news_outlet"),
        ("The agency said the plan would cost more than planned.", "en", "news_outlet"),
        ("Media sosial menyebutkan bahwa harga beras naik lagi.", "id", "news_outlet"),
    ],
)
def test_no_outlet_without_an_outlet_phrase(text: str, language: str, kind: str) -> None:
    for statement in extract(text, language).statements:
        assert statement.speaker is None or statement.speaker.kind != kind


def test_one_outlet_under_one_name_however_it_is_called() -> None:
    text = (
        "The New China News Agency said grain output rose. Xinhua said the harvest was "
        "early. The official news agency Xinhua said exports fell."
    )
    ex = extract(text, "en")
    outlets = [s for s in ex.sources if s.kind == "news_outlet"]
    assert [s.name for s in outlets] == ["Xinhua"]
    assert {s.speaker.key for s in ex.statements if s.speaker} == {outlets[0].key}
