"""Rules of the sixth recall round, on quotes and the clauses around them: a quote that
resumes after its attribution, a spaced closing mark, relative-clause speakers, passive and
phrasal cue words, and block quotes after "X added:". All texts are written for these tests."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import speaker_name, with_text
from tracker.extract import extract
from tracker.extract.quotes import scan_quotes


@pytest.mark.parametrize(
    ("text", "content", "kind", "speaker"),
    [
        (
            "“The budget is a mess,” Ana Ruiz said on Friday, “and we will fix it soon.”",
            "“and we will fix it soon.”",
            "direct",
            "Ana Ruiz",
        ),
        (
            "“If the audit is right,” Ruiz said, pointing to the report, “the fund lost money "
            "for three years.”",
            "“the fund lost money for three years.”",
            "direct",
            "Ruiz",
        ),
        (
            "“I like the plan,” Ana Ruiz told the panel in Denver, “but it costs too much.”",
            "“but it costs too much.”",
            "direct",
            "Ana Ruiz",
        ),
        (
            'Pike "signed a deal with the city," Ana Ruiz said, and still "kept the old '
            'contract for himself."',
            'and still "kept the old contract for himself."',
            "mixed",
            "Ana Ruiz",
        ),
        (
            '"I have known Tom for years," Ana Ruiz said, but "on roads his numbers do not '
            'add up."',
            'but "on roads his numbers do not add up."',
            "mixed",
            "Ana Ruiz",
        ),
    ],
)
def test_quote_resumed_after_its_attribution(
    text: str, content: str, kind: str, speaker: str
) -> None:
    st = with_text(extract(text, "en").statements, content)
    assert (st.kind, speaker_name(st)) == (kind, speaker)


@pytest.mark.parametrize(
    ("text", "scare"),
    [
        ("“We will win this,” Lopez said, calling the plan a “disaster.”", "“disaster.”"),
        ('Lopez said on Monday that the bill is a "mess."', '"mess."'),
        ('He called the plan a "disaster" yesterday.', '"disaster"'),
    ],
)
def test_scare_quote_after_a_cue_is_not_resumed(text: str, scare: str) -> None:
    sts = extract(text, "en").statements
    assert not [s for s in sts if s.text == scare and s.kind == "direct"], sts


def test_spaced_closing_mark_after_nested_quote() -> None:
    text = "\"We call it the 'long road,' \" she told the club."
    spans = scan_quotes(text)
    assert [(q.start, q.end) for q in spans] == [(0, text.index(" she"))]
    st = with_text(extract(text, "en").statements, text[: text.index(" she")])
    assert st.kind == "direct"


@pytest.mark.parametrize(
    "text",
    [
        'She said "we will " and left.',  # a mark between spaces with nothing open before
        "Tom's 'big' day \" came",
    ],
)
def test_spaced_mark_without_open_quote_pairs_nothing(text: str) -> None:
    assert all(text[q.start] != '"' for q in scan_quotes(text))


def test_cue_up_to_ten_words_before_the_quote() -> None:
    text = 'Ruiz said while she handed out the awards in Tampa last night, "This team earned it."'
    st = with_text(extract(text, "en").statements, '"This team earned it."')
    assert (st.kind, speaker_name(st)) == ("direct", "Ruiz")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The union thanked Pike, who says the field will reopen in May.",
            "the field will reopen in May",
            "Pike",
        ),
        (
            "The mayor praised Ana Ruiz, who said the budget was short.",
            "the budget was short",
            "Ana Ruiz",
        ),
    ],
)
def test_relative_clause_inside_content_is_the_antecedents(
    text: str, content: str, speaker: str
) -> None:
    sts = extract(text, "en").statements
    st = with_text(sts, content)
    assert speaker_name(st) == speaker
    assert not [s for s in sts if ", who" in s.text], sts


@pytest.mark.parametrize(
    "text",
    [
        "After a week of talks, the council backed out of the deal.",
        "Farmers blocked the road to the Tribune office after it backed Ruiz.",
        "The levy was supported by most farmers in the valley.",
        "The board will hire Tom Pike, who was charged with fraud in 2010.",
        "Ruiz showed up at the hearing an hour late.",
    ],
)
def test_no_statement_from_phrasal_passive_or_object_cues(text: str) -> None:
    sts = extract(text, "en").statements
    bad = {"backed", "supported", "charged", "showed"}
    assert not [s for s in sts if (s.cue or "").lower() in bad], sts


def test_lead_in_colon_takes_the_next_paragraph() -> None:
    body = (
        "The town has waited two years for this road. We will not wait two more, and she knows it."
    )
    text = "The mayor added:\n\n" + body + "\n\nThe meeting ended at noon."
    sts = extract(text, "en").statements
    st = with_text(sts, body.rstrip("."))
    assert (st.kind, speaker_name(st)) == ("indirect", "The mayor")
    assert len(sts) == 1, sts  # the block's own words ("she knows it") are the mayor's


@pytest.mark.parametrize(
    "text",
    [
        "Ruiz said the areas include:\n\nRoad safety: the city will add lights to every school "
        "crossing in the north.",
        "One fan tweeted:\n\n<tweet>Great night for the home team, see you all next week.</tweet>",
        "The mayor read out a list:\n\nThe park opens at noon and closes at dusk on every day of "
        "the week.",
        "The report points out some figures:\n\nThe city spent more on roads this year than in "
        "the last ten years together.",
        "Ruiz wrote:\n\nThanks to all.",
        "Ruiz added:\n\n1. The park opens at noon and closes at dusk on every day of the week.",
    ],
)
def test_lead_in_colon_without_a_prose_block(text: str) -> None:
    sts = extract(text, "en").statements
    assert not [s for s in sts if s.start > text.index("\n")], sts


@pytest.mark.parametrize(
    "text",
    [
        "Lane appeared on a Spanish reality show in 2003.",
        "Reporting by Ana Ruiz; Editing by Tom Lee.",
        "Another eight states, with 83 votes, have split control.",
        "Twenty-seven states led by Ohio are challenging the rules.",
        "He met a mix of lawmakers and other party figures in an attempt to smooth relations.",
    ],
)
def test_cue_words_used_otherwise_make_no_statement(text: str) -> None:
    """A guest appearance, a credit line and counted or listed nouns ("eight states",
    "party figures in …") report no claim."""
    assert extract(text, "en").statements == ()


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Lane appears to be embracing the plan.", "appears"),
        ("Lane states in the memo that the plan failed.", "states"),
    ],
)
def test_cue_words_still_cues_before_other_followers(text: str, cue: str) -> None:
    """Only what follows decides: "appears to" keeps its evidential reading, and "states in
    the memo that" is the verb."""
    [st] = extract(text, "en").statements
    assert st.cue == cue
