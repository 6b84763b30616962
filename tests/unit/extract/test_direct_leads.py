"""Who leads into a direct quote when the clause before it is long or opens with an adverbial."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import speaker_name, with_text
from tracker.extract import extract

# A participle lead-in ("…, saying,", "… before saying,") in a clause that opens with a
# short adverbial: the subject after the opener speaks the quote.
OPENER_LEADS = [
    (
        'After the storm, Mayor Rosa Diaz toured the harbor, saying, "We will rebuild the pier."',
        '"We will rebuild the pier."',
        "Rosa Diaz",
    ),
    (
        "On Friday, Tom Lee dodged several questions about the budget before saying,"
        ' "The council will vote when it is ready."',
        '"The council will vote when it is ready."',
        "Tom Lee",
    ),
    (
        "During the hearing, Ana Ruiz pressed the agency for answers, adding,"
        " “Nobody has told the families anything.”",
        "“Nobody has told the families anything.”",
        "Ana Ruiz",
    ),
    # "upon" links the participle to its clause as "by" and "before" do
    (
        'The senator drew loud boos upon saying, "The tax cut stays in the bill."',
        '"The tax cut stays in the bill."',
        "The senator",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), OPENER_LEADS)
def test_participle_lead_after_an_opener(text: str, quote: str, speaker: str) -> None:
    stmt = with_text(extract(text, "en").statements, quote)
    assert stmt.kind == "direct"
    assert speaker_name(stmt) == speaker


# A verb of the manner of speaking right before the opening mark leads into the quote
# (lexicon quote_lead_verbs), and "As X puts it," does as "As X put it," does.
MANNER_LEADS = [
    ('Asked about the delay, Tom Lee cracked, "The trains run on poetry."', "Tom Lee"),
    ('The clerk read the list, and Rosa Diaz interjected, "That name is missing."', "Rosa Diaz"),
    ('Ana Ruiz sighed, "We have been here before, many times."', "Ana Ruiz"),
    ("Mayor Tom Lee muttered, “Not this again, not today.”", "Tom Lee"),
    ('As the critic Rosa Diaz puts it, "The city builds for cars, not people."', "Rosa Diaz"),
]


@pytest.mark.parametrize(("text", "speaker"), MANNER_LEADS)
def test_manner_verb_leads_into_a_quote(text: str, speaker: str) -> None:
    statements = extract(text, "en").statements
    direct = [s for s in statements if s.kind == "direct"]
    assert len(direct) == 1, statements
    assert speaker_name(direct[0]) == speaker


def test_manner_verb_away_from_a_quote_is_no_cue() -> None:
    # "snapped" here names no speech: no statement for the branch or the storm
    text = "A branch snapped during the storm and the power failed across the town."
    assert extract(text, "en").statements == ()


# Quotes joined by "and"/"or" right after a speech verb are one quoted list, one statement.
JOINED_QUOTES = [
    (
        'The strikers chanted "Fair pay now" and "No more cuts."',
        '"Fair pay now" and "No more cuts."',
        "The strikers",
    ),
    (
        "Mayor Rosa Diaz shouted, “Open the gates,” or “Let them in!”",
        "“Open the gates,” or “Let them in!”",
        "Rosa Diaz",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), JOINED_QUOTES)
def test_joined_quotes_after_a_speech_verb_are_one_statement(
    text: str, quote: str, speaker: str
) -> None:
    stmt = with_text(extract(text, "en").statements, quote)
    assert stmt.kind == "direct"
    assert speaker_name(stmt) == speaker


def test_joined_scare_quotes_without_a_speech_verb_stay_apart() -> None:
    # no verb leads into the list: two words in marks, no quoted sentence of Rosa Diaz
    text = 'Rosa Diaz lost the race. Her rivals had a few words for her: "stubborn" and "cold."'
    assert all(s.kind != "direct" for s in extract(text, "en").statements)


# A complementizer after the cue with the writer's words before the mark: the quote ends
# a reported clause, a mixed statement spanning the clause from "that".
REPORTED_LEADS = [
    (
        'Tom Lee said Friday that if the council votes no, "we will take this to court."',
        'that if the council votes no, "we will take this to court."',
    ),
    (
        "Rosa Diaz told the board that once the rains come, “the old dam will not hold.”",
        "that once the rains come, “the old dam will not hold.”",
    ),
    # an object and "as" before the mark: the quote says what the object is
    (
        'Tom Lee described the new mayor as, "a builder who never finishes what he starts."',
        'the new mayor as, "a builder who never finishes what he starts."',
    ),
    (
        "My aunt still says things such as, “The river was cleaner when I was young.”",
        "things such as, “The river was cleaner when I was young.”",
    ),
]


@pytest.mark.parametrize(("text", "content"), REPORTED_LEADS)
def test_quote_ending_a_reported_clause_is_mixed(text: str, content: str) -> None:
    stmt = with_text(extract(text, "en").statements, content)
    assert stmt.kind == "mixed"


def test_quote_right_after_the_cue_stays_direct() -> None:
    text = 'Tom Lee said on Friday, "we will take this to court if the council votes no."'
    stmt = with_text(
        extract(text, "en").statements, '"we will take this to court if the council votes no."'
    )
    assert stmt.kind == "direct"


# A subject with a relative clause and no comma before its cue ("An aide who … said,"):
# the antecedent speaks; a participle after a comma keeps its clause's subject.
RELATIVE_SUBJECTS = [
    (
        "A city official who asked not to be named to discuss the budget said Monday,"
        ' "The pool will not open this summer."',
        '"The pool will not open this summer."',
        "A city official",
    ),
    (
        "Even so, a senior official who worked on the bridge for years told the panel,"
        " “Nobody ever checked the bolts.”",
        "“Nobody ever checked the bolts.”",
        "a senior official",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), RELATIVE_SUBJECTS)
def test_antecedent_of_a_relative_clause_speaks(text: str, quote: str, speaker: str) -> None:
    stmt = with_text(extract(text, "en").statements, quote)
    assert stmt.kind == "direct"
    assert speaker_name(stmt) == speaker


def test_participle_after_a_relative_clause_keeps_the_clause_subject() -> None:
    text = (
        "Mayor Rosa Diaz fired an official who said he was owed money, saying,"
        ' "He never finished the roof."'
    )
    stmt = with_text(extract(text, "en").statements, '"He never finished the roof."')
    assert speaker_name(stmt) == "Rosa Diaz"


# A closing mark typed for the opening one is still an opening mark at a paragraph's start
# when an elision follows it ('” … what we learned'), or after a bidirectional-text
# control that web copy leaves before it.
ODD_OPENINGS = [
    (
        "The mayor spoke for an hour.\n\n” … what I learned from the farmers is that they"
        " want water,” Tom Lee said.",
        "” … what I learned from the farmers is that they want water,”",
        "Tom Lee",
    ),
    (
        "Readers answered at once.\n\n\u202a”Sorry, but you should have asked all of us"
        " first!” wrote Ann Lee.",
        "”Sorry, but you should have asked all of us first!”",
        "Ann Lee",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), ODD_OPENINGS)
def test_odd_opening_marks_open_a_quote(text: str, quote: str, speaker: str) -> None:
    stmt = with_text(extract(text, "en").statements, quote)
    assert stmt.kind == "direct"
    assert speaker_name(stmt) == speaker
