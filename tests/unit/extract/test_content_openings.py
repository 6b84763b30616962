"""Where reported words start and end around a complementizer or a quoted comma.

A "that" a few words after the cue starts the content only when the words before it are
adjuncts ("said on Monday that …"); when they hold a clause of their own ("said it is
likely that …", "mengatakan sangat mungkin bahwa …"), the content starts at the cue, or the
speaker is made to say only the clause embedded in what they said. A participle clause
after a quoted comma ('the plan was "a disaster," adding that …') is a second statement,
not the end of the first one's words."""

from __future__ import annotations

import pytest

from tracker.extract import extract


def _contents(text: str, language: str) -> list[str]:
    return [s.text for s in extract(text, language).statements if s.kind != "partial"]


@pytest.mark.parametrize(
    ("text", "language", "content"),
    [
        (
            "Analysts said it is likely that the ferry fares will rise in June.",
            "en",
            "it is likely that the ferry fares will rise in June",
        ),
        (
            "Analysts said there was evidence that the ferry fares will rise in June.",
            "en",
            "there was evidence that the ferry fares will rise in June",
        ),
        (
            "Analysts said they were confident that the ferry fares will rise in June.",
            "en",
            "they were confident that the ferry fares will rise in June",
        ),
        (
            "Analis mengatakan sangat mungkin bahwa tarif feri akan naik pada Juni.",
            "id",
            "sangat mungkin bahwa tarif feri akan naik pada Juni",
        ),
        (
            "Analis mengatakan sudah jelas bahwa tarif feri akan naik pada Juni.",
            "id",
            "sudah jelas bahwa tarif feri akan naik pada Juni",
        ),
    ],
)
def test_a_clause_before_the_complementizer_is_part_of_the_words(
    text: str, language: str, content: str
) -> None:
    assert _contents(text, language) == [content]


@pytest.mark.parametrize(
    ("text", "language", "content"),
    [
        (
            "Analysts said on Monday that the ferry fares will rise in June.",
            "en",
            "the ferry fares will rise in June",
        ),
        (
            "Analysts said last week that the ferry fares will rise in June.",
            "en",
            "the ferry fares will rise in June",
        ),
        (
            "Analis mengatakan pada Senin bahwa tarif feri akan naik pada Juni.",
            "id",
            "tarif feri akan naik pada Juni",
        ),
    ],
)
def test_adjuncts_before_the_complementizer_are_not(text: str, language: str, content: str) -> None:
    assert _contents(text, language) == [content]


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        (
            'Mayor Ana Ruiz said the ferry plan was "a disaster," adding that the city would'
            " appeal the ruling.",
            ['the ferry plan was "a disaster,"', "the city would appeal the ruling"],
        ),
        (
            "Mayor Ana Ruiz said the ferry plan was “a costly mistake,” saying the city would"
            " appeal the ruling.",
            ["the ferry plan was “a costly mistake,”", "the city would appeal the ruling"],
        ),
    ],
)
def test_a_participle_after_a_quoted_comma_opens_a_second_statement(
    text: str, contents: list[str]
) -> None:
    statements = [s for s in extract(text, "en").statements if s.kind != "partial"]
    assert [s.text for s in statements] == contents
    assert {s.speaker.name for s in statements if s.speaker} == {"Ana Ruiz"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'The ferry plan was not one for "spending money on small piers," said a former aide'
            " who requested anonymity.",
            "a former aide",
        ),
        (
            'The ferry plan was not one for "spending money on small piers," said Ana Ruiz,'
            " who led the review.",
            "Ana Ruiz",
        ),
    ],
)
def test_a_clause_quoted_in_part_keeps_its_speaker_described_after_it(
    text: str, speaker: str
) -> None:
    """'X "…," said Y who …': a relative clause describing the speaker ends the sentence as
    a full stop would, so the clause quoted in part is Y's."""
    [statement] = [s for s in extract(text, "en").statements if s.kind != "partial"]
    assert statement.text == 'The ferry plan was not one for "spending money on small piers,"'
    assert statement.kind == "mixed"
    assert statement.speaker is not None and statement.speaker.name == speaker


def test_a_complement_after_the_attribution_still_belongs_to_the_cue() -> None:
    """'On "This Week," Diaz said that …': no clause quoted in part, the words follow."""
    assert _contents('On "This Week," Diaz said that the ferry plan was sound.', "en") == [
        "the ferry plan was sound"
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "The ferry company issued a statement that said the night crossings would end.",
            "a statement",
            "the night crossings would end",
        ),
        (
            'The harbour office posted a letter that said, "The north pier is closed."',
            "a letter",
            '"The north pier is closed."',
        ),
    ],
)
def test_that_right_before_the_cue_is_its_subject(text: str, speaker: str, content: str) -> None:
    """'a statement that said …': the speaker is the statement, not "a statement that"."""
    [statement] = [s for s in extract(text, "en").statements if s.kind != "partial"]
    assert statement.speaker is not None
    assert (statement.speaker.name, statement.text) == (speaker, content)


def test_that_of_a_passive_relative_is_no_subject() -> None:
    """'races that have not been called': no cue of saying has "that" for its subject."""
    text = "In a speech he barely discussed the races in Ohio or Iowa that have not been called."
    assert extract(text, "en").statements == ()


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        (
            '"Anggaran feri itu gagal total tahun lalu," kata seorang mantan ajudan yang enggan'
            " disebutkan namanya.",
            "id",
            "seorang mantan ajudan",
        ),
        (
            'Anggaran feri itu bukan untuk "membiayai banyak dermaga kecil," kata seorang mantan'
            " ajudan yang enggan disebutkan namanya.",
            "id",
            "seorang mantan ajudan",
        ),
        (
            '"The ferry budget failed last year," said a former aide who requested anonymity.',
            "en",
            "a former aide",
        ),
    ],
)
def test_a_speaker_described_by_a_relative_clause_is_named_whole(
    text: str, language: str, speaker: str
) -> None:
    """ "…, kata seorang mantan ajudan yang …": the relative clause ends the speaker's
    phrase, which was cut to "seorang" (someone)."""
    [statement] = [s for s in extract(text, language).statements if s.kind != "partial"]
    assert statement.speaker is not None and statement.speaker.name == speaker


def test_a_participle_after_a_quote_names_no_speaker() -> None:
    """'…,” echoing some commentators who …': the commentators did not say the quoted
    words (a participle never has its speaker after it, as "said" may)."""
    text = (
        "Mayor Ana Ruiz said the ferry plan was “a costly mistake for the whole harbour,”"
        " echoing some commentators who have suggested the pier be sold."
    )
    speakers = {s.speaker.name for s in extract(text, "en").statements if s.speaker}
    assert "some commentators" not in speakers
    assert "Ana Ruiz" in speakers
