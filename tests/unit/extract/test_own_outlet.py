"""The document's own outlet (`extract(..., outlet=...)`) is the writer: never a hop, so what
it gathered is first-hand (texts written for these tests)."""

from __future__ import annotations

import inspect
import json

import pytest
from click.testing import CliRunner

from tracker.cli import main
from tracker.extract import extract
from tracker.extract.own_outlet import is_own_outlet, own_outlet_keys


def chains(text: str, language: str, outlet: str | None) -> list[list[str]]:
    return [
        [h.source.name for h in s.chain] for s in extract(text, language, outlet=outlet).statements
    ]


@pytest.mark.parametrize(
    ("text", "language", "outlet", "other_outlet", "hop"),
    [
        (
            "The plant will close in May, chief executive Anna Berg told Reuters.",
            "en",
            "Reuters",
            "The Daily Ledger",
            "Reuters",
        ),
        # any name of a listed outlet stands for it
        (
            "The plant will close in May, chief executive Anna Berg told Reuters.",
            "en",
            "Thomson Reuters",
            "Kompas",
            "Reuters",
        ),
        # an unlisted outlet: by its name, and by the masthead word that ends it
        (
            "Anna Berg told the Ledger that the plant will close in May.",
            "en",
            "The Daily Ledger",
            "Reuters",
            "Ledger",
        ),
        (
            "Pabrik itu akan ditutup Mei, kata Direktur Utama Anna Berg kepada Kompas.com, Senin.",
            "id",
            "Kompas",
            "Tempo",
            "Kompas",
        ),
        (
            "Pabrik itu akan ditutup Mei, kata Direktur Utama Anna Berg kepada Kompas.com, Senin.",
            "id",
            "KOMPAS",
            "Reuters",
            "Kompas",
        ),
    ],
)
def test_a_statement_the_own_outlet_gathered_is_first_hand(
    text: str, language: str, outlet: str, other_outlet: str, hop: str
) -> None:
    assert chains(text, language, other_outlet) == [[hop, "Anna Berg"]]
    assert chains(text, language, None) == [[hop, "Anna Berg"]]
    assert chains(text, language, outlet) == [["Anna Berg"]]


@pytest.mark.parametrize(
    ("text", "language", "outlet"),
    [
        ("Reuters reported on Monday that the plant would close.", "en", "Reuters"),
        ("Menurut Kompas, pabrik itu akan ditutup Mei.", "id", "Kompas"),
    ],
)
def test_the_own_outlet_speaking_is_the_writer(text: str, language: str, outlet: str) -> None:
    assert extract(text, language, outlet=outlet).statements == ()
    assert extract(text, language).statements != ()


def test_the_own_outlet_opens_no_frame() -> None:
    text = (
        "The plant will close in May, chief executive Anna Berg told Reuters. She said 300"
        " jobs would go."
    )
    assert chains(text, "en", "Reuters") == [["Anna Berg"], ["Anna Berg"]]
    assert chains(text, "en", None) == [["Reuters", "Anna Berg"], ["Reuters", "Anna Berg"]]


def test_outlet_is_a_keyword_the_chain_bench_can_find() -> None:
    parameter = inspect.signature(extract).parameters["outlet"]
    assert parameter.kind is inspect.Parameter.KEYWORD_ONLY
    assert parameter.default is None


@pytest.mark.parametrize(
    ("outlet", "name", "kind", "own"),
    [
        ("Reuters", "Reuters", "news_outlet", True),
        ("reuters", "Thomson Reuters", "news_outlet", True),
        ("The Washington Post", "Washington Post", "news_outlet", True),
        ("Washington Post", "the Post", "news_outlet", True),
        ("The Valley Herald", "Herald", "news_outlet", True),
        ("The Valley Herald", "Valley Herald", "news_outlet", True),
        ("Reuters", "Associated Press", "news_outlet", False),
        ("Reuters", "Reuters", "person", False),
        ("The New York Times", "The Washington Post", "news_outlet", False),
        ("", "Reuters", "news_outlet", False),
        (None, "Reuters", "news_outlet", False),
    ],
)
def test_is_own_outlet(outlet: str | None, name: str, kind: str, own: bool) -> None:
    assert is_own_outlet(own_outlet_keys(outlet), name, kind) is own


@pytest.mark.parametrize(
    ("options", "chain"), [([], ["Reuters", "Anna Berg"]), (["--outlet", "Reuters"], ["Anna Berg"])]
)
def test_the_cli_takes_the_outlet(options: list[str], chain: list[str]) -> None:
    text = "The plant will close in May, chief executive Anna Berg told Reuters."
    args = ["extract", "--lang", "en", "--format", "json", *options, "-"]
    result = CliRunner().invoke(main, args, text)
    assert result.exit_code == 0, result.output
    (statement,) = json.loads(result.output)["statements"]
    assert [hop["name"] for hop in statement["chain"]] == chain


@pytest.mark.parametrize(
    ("text", "language", "outlet", "quote"),
    [
        (
            "Mayor Lena Park said she would run again, The Harbor Gazette reported.\n\n"
            '"We raised the money in a day," Park told POLITICO in June.',
            "en",
            "Politico",
            "We raised the money in a day",
        ),
        (
            "Wali Kota Budi Santoso mengatakan dia akan maju lagi, seperti dilansir Antara.\n\n"
            "“Kami mengumpulkan dana dalam sehari,” kata Budi kepada Tempo pada Juni.",
            "id",
            "Tempo",
            "Kami mengumpulkan dana dalam sehari",
        ),
    ],
)
def test_telling_the_own_outlet_carries_no_earlier_frame(
    text: str, language: str, outlet: str, quote: str
) -> None:
    """The speaker spoke to the writer's own outlet: first-hand, not through the outlet
    that relayed the speaker a paragraph before."""
    [st] = [s for s in extract(text, language, outlet=outlet).statements if quote in s.text]
    assert st.speaker is not None
    assert len(st.chain) == 1
    assert st.chain[0].source.key == st.speaker.key
    assert st.chain[0].source.kind == "person"


def test_telling_another_outlet_is_a_medium_hop() -> None:
    text = (
        "Mayor Lena Park said she would run again, The Harbor Gazette reported.\n\n"
        '"We raised the money in a day," Park told POLITICO in June.'
    )
    [st] = [s for s in extract(text, "en", outlet="Reuters").statements if "money" in s.text]
    assert [h.source.kind for h in st.chain] == ["news_outlet", "person"]
    assert st.chain[0].source.name != "Harbor Gazette"
