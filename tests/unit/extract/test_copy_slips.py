"""Slips that web and wire copy carry: invisible characters inside a name, and a role
apposition whose closing comma was left out before the speech verb."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import chain_of, speaker_name, with_text
from tracker.extract import extract

SOFT_HYPHEN = "\u00ad"
ZERO_WIDTH_SPACE = "\u200b"
LEFT_TO_RIGHT_MARK = "\u200e"

# An invisible format character between a first name and a surname (a soft hyphen, a
# zero-width space, a direction mark) is no token: the name stays whole, and the source's
# name is written without it.
INVISIBLE_IN_NAMES = [
    (f'"We will appeal the ruling," said Dana {SOFT_HYPHEN}Marsh.', "en", "Dana Marsh"),
    (f'"We will appeal the ruling," Dana {ZERO_WIDTH_SPACE}Marsh said.', "en", "Dana Marsh"),
    (
        f"“Kami akan mengajukan banding,” kata Rudi {LEFT_TO_RIGHT_MARK}Hartono.",
        "id",
        "Rudi Hartono",
    ),
    (f"“Kami akan mengajukan banding,” ujar Rudi {SOFT_HYPHEN}Hartono.", "id", "Rudi Hartono"),
]


@pytest.mark.parametrize(("text", "language", "speaker"), INVISIBLE_IN_NAMES)
def test_an_invisible_character_keeps_a_name_whole(text: str, language: str, speaker: str) -> None:
    statements = extract(text, language).statements
    assert len(statements) == 1
    assert speaker_name(statements[0]) == speaker


def test_a_name_with_and_without_a_soft_hyphen_is_one_source() -> None:
    text = (
        f'"The pier will reopen in May," said Dana {SOFT_HYPHEN}Marsh. '
        '"The contract is signed," Dana Marsh added.'
    )
    statements = extract(text, "en").statements
    assert [speaker_name(s) for s in statements] == ["Dana Marsh", "Dana Marsh"]
    assert statements[0].speaker == statements[1].speaker


# "X, a <role> <link> Y <verb>": the comma that would close the apposition is missing, and
# the name nearest the verb is the one the role relates to. X speaks, and the medium
# hop the verb names still comes first.
UNCLOSED_APPOSITIONS = [
    (
        '"Nobody has shown us the plan," Dana Marsh, a spokeswoman for Senate Leader'
        " Carl Hobbs told the Herald.",
        '"Nobody has shown us the plan,"',
        "Dana Marsh",
    ),
    (
        "“The audit will be public,” Tom Lee, the head of the budget office at City Hall said.",
        "“The audit will be public,”",
        "Tom Lee",
    ),
    (
        '"We expect a vote by June," Ana Ruiz, an adviser to Governor Mark Cole said on Monday.',
        '"We expect a vote by June,"',
        "Ana Ruiz",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), UNCLOSED_APPOSITIONS)
def test_an_unclosed_role_apposition_leaves_its_name_the_speaker(
    text: str, quote: str, speaker: str
) -> None:
    stmt = with_text(extract(text, "en").statements, quote)
    assert speaker_name(stmt) == speaker


def test_an_unclosed_apposition_keeps_the_medium_hop() -> None:
    text = (
        '"Nobody has shown us the plan," Dana Marsh, a spokeswoman for Senate Leader'
        " Carl Hobbs told The New York Times."
    )
    chain = chain_of(extract(text, "en").statements, "Nobody")
    assert chain == ["The New York Times", "Dana Marsh"]


# Without an article, a role and its link word there is no apposition to close: a list
# of names, or a titled name, keeps the speaker it had.
NO_APPOSITION = [
    ('"We will appeal," Dana Marsh, Carl Hobbs and Ana Ruiz said.', "Ana Ruiz"),
    ('"We will appeal," Dana Marsh, the lawyer Carl Hobbs said.', "Carl Hobbs"),
    (
        '"We will appeal," Dana Marsh, a spokeswoman for Carl Hobbs, said.',
        "Dana Marsh",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), NO_APPOSITION)
def test_names_without_an_unclosed_apposition(text: str, speaker: str) -> None:
    statements = extract(text, "en").statements
    assert [speaker_name(s) for s in statements] == [speaker]
