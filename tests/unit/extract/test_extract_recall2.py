"""Rules added in the second rules-0.3.0 recall round: quoted transcripts split by speaker
turn, a new sentence after a quote that closes a narrative sentence, cues inside relative
clauses, short contents after "X said". All texts are written for these tests."""

from __future__ import annotations

import pytest

from tracker.extract import Statement, extract

TRANSCRIPT = (
    "The mayor spoke to a radio host on Sunday. A partial transcript:\n\n"
    '"HOST: Good morning. Will the new bridge open on time this year?\n\n'
    '"MAYOR: Yes, it will. The steel arrived last week and the crews are working nights.\n\n'
    '"But we still need the state to release the last payment.\n\n'
    '"HOST: And if it does not?\n\n'
    '"MAYOR: Then we will borrow the money for a few months."'
)


def _speaker(statements: tuple[Statement, ...], content: str) -> str | None:
    found = [s for s in statements if s.text == content]
    assert found, statements
    return found[0].speaker.name if found[0].speaker is not None else None


@pytest.mark.parametrize(
    ("content", "speaker"),
    [
        ("Good morning. Will the new bridge open on time this year", "HOST"),
        ("Yes, it will. The steel arrived last week and the crews are working nights", "MAYOR"),
        ("But we still need the state to release the last payment", "MAYOR"),
        ("And if it does not", "HOST"),
        ("Then we will borrow the money for a few months", "MAYOR"),
    ],
)
def test_quoted_transcript_is_one_statement_per_turn_paragraph(content: str, speaker: str) -> None:
    assert _speaker(extract(TRANSCRIPT, "en").statements, content) == speaker


def test_one_label_in_a_quote_is_no_transcript() -> None:
    text = 'Lopez said: "We met twice.\n\n"NOTE: the second meeting was short, nothing signed."'
    statements = extract(text, "en").statements
    assert all(s.cue != ":" for s in statements), statements


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Jeb Lane called the plan “reckless.” Sen. Ana Lopez called the statement “silly.”",
            "the statement “silly.”",
            "Ana Lopez",
        ),
        (
            "Lane praised the deal as “a fair start.” Lopez said it would not last a year.",
            "it would not last a year",
            "Lopez",
        ),
    ],
)
def test_quote_closing_a_narrative_sentence_ends_it(text: str, content: str, speaker: str) -> None:
    assert _speaker(extract(text, "en").statements, content) == speaker


def test_quote_opening_its_sentence_keeps_its_attribution() -> None:
    statements = extract("“Will it pass?” Lopez asked. “Nobody knows.”", "en").statements
    assert _speaker(statements, "“Will it pass?”") == "Lopez"


@pytest.mark.parametrize(
    ("text", "lang", "content", "cue", "speaker"),
    [
        (
            "Sen. Ana Lopez (D-Mo.), who has endorsed the governor, said the party must unite.",
            "en",
            "the party must unite",
            "said",
            "Ana Lopez",
        ),
        (
            "Ana Lopez, who long opposed the plan, now says it is the best option.",
            "en",
            "it is the best option",
            "says",
            "Ana Lopez",
        ),
        (
            "Ana Lopez, yang telah mendukung Budi, mengatakan bahwa partai itu akan menang.",
            "id",
            "partai itu akan menang",
            "mengatakan",
            "Ana Lopez",
        ),
    ],
)
def test_cue_in_relative_clause_yields_to_main_verb(
    text: str, lang: str, content: str, cue: str, speaker: str
) -> None:
    statements = extract(text, lang).statements
    found = [s for s in statements if s.text == content]
    assert found, statements
    assert found[0].cue == cue
    assert found[0].speaker is not None
    assert found[0].speaker.name == speaker
    assert all(s.cue in (cue, None) for s in statements if s.kind != "partial"), statements


def test_relative_clause_cue_alone_keeps_to_its_clause() -> None:
    text = "Ana Lopez, who has endorsed the mayor, voted for the bill."
    statements = extract(text, "en").statements
    assert [s.text for s in statements] == ["the mayor"], statements


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Later in the day, the agency said it would cooperate.",
            "it would cooperate",
            "the agency",
        ),
        (
            "The museum will open in May, the mayor told a council panel Tuesday.",
            "The museum will open in May",
            "the mayor",
        ),
    ],
)
def test_short_content_after_said(text: str, content: str, speaker: str) -> None:
    statements = extract(text, "en").statements
    assert [s.text for s in statements if s.kind != "partial"] == [content]
    assert statements[0].speaker is not None
    assert statements[0].speaker.name.lower() == speaker.lower()


def test_weak_cue_with_short_object_and_quote() -> None:
    statements = extract("Jeb Lane called the senator “unhinged.”", "en").statements
    found = [s for s in statements if s.kind == "mixed"]
    assert [s.text for s in found] == ["the senator “unhinged.”"], statements


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            'The port "needs a new crane before the winter," Lane said.',
            'The port "needs a new crane before the winter,"',
            "Lane",
        ),
        (
            "The city should rebuild its pier ''as soon as it can, as well as it can,'' said "
            "Mr. Lane, a member of the council.",
            "The city should rebuild its pier ''as soon as it can, as well as it can,''",
            "Lane",
        ),
    ],
)
def test_clause_ending_in_quote_then_attribution(text: str, content: str, speaker: str) -> None:
    statements = extract(text, "en").statements
    found = [s for s in statements if s.text == content]
    assert found, statements
    assert found[0].kind == "mixed"
    assert found[0].speaker is not None
    assert found[0].speaker.name == speaker
    assert all(s.speaker is None or s.speaker.name == speaker for s in statements), statements


def test_title_in_quotes_before_attribution_is_no_clause() -> None:
    text = 'Speaking on "This Week," Lopez said that the bridge would open in May.'
    statements = extract(text, "en").statements
    assert [s.text for s in statements if s.kind != "partial"] == [
        "the bridge would open in May"
    ], statements


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        (
            "Lopez vetoed the bill on Friday, calling the tax cuts reckless and unfair.",
            "the tax cuts reckless and unfair",
            "calling",
            "Lopez",
        ),
        (
            "Lopez made it clear that she would not run again.",
            "she would not run again",
            "made it clear",
            "Lopez",
        ),
        (
            "Lopez refers to the new levy as a tax on the poor.",
            "the new levy as a tax on the poor",
            "refers to",
            "Lopez",
        ),
    ],
)
def test_more_cue_phrases(text: str, content: str, cue: str, speaker: str) -> None:
    statements = extract(text, "en").statements
    found = [s for s in statements if s.text == content]
    assert found, statements
    assert found[0].cue == cue
    assert found[0].speaker is not None
    assert found[0].speaker.name == speaker
