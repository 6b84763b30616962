"""Where a quoted sentence starts and what is no quote: place abbreviations, titles."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import speaker_name, with_text
from tracker.extract import extract

# A place's abbreviation ends its sentence when a quote opens right after it; the quote
# is the same speaker's next sentence.
PLACE_BEFORE_QUOTE = [
    (
        '"We will win this," said Sen. Ana Ruiz, D-N.M. "But it will take time and work."',
        '"But it will take time and work."',
        "Ana Ruiz",
    ),
    (
        '"The port is a bad deal," Tom Lee said at a rally in Albany, N.Y. "The mayor'
        ' worked hard to sell it to everyone."',
        '"The mayor worked hard to sell it to everyone."',
        "Tom Lee",
    ),
    (
        "“Nobody asked us,” Mayor Rosa Diaz told reporters in Tampa, Fla. “We read"
        " about it in the paper like everybody else.”",
        "“We read about it in the paper like everybody else.”",
        "Rosa Diaz",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), PLACE_BEFORE_QUOTE)
def test_place_abbreviation_before_a_quote_ends_the_sentence(
    text: str, quote: str, speaker: str
) -> None:
    stmt = with_text(extract(text, "en").statements, quote)
    assert stmt.kind == "direct"
    assert speaker_name(stmt) == speaker


@pytest.mark.parametrize(
    "text",
    [
        'Tom Lee met Sen. "Chuck" Brown in Albany, N.Y. on Monday.',
        "The ferry left Albany, N.Y. at noon and reached the city by night.",
    ],
)
def test_abbreviation_without_a_quote_after_it_keeps_the_sentence(text: str) -> None:
    assert all(s.kind != "direct" for s in extract(text, "en").statements)


# An opening mark typed for the closing one, right after the quote's last punctuation.
TYPED_CLOSE = [
    (
        "The hearing ran late. “It is unusual,“ said Tom Lee, a lawyer for the city.",
        "“It is unusual,“",
        "Tom Lee",
    ),
    (
        "“The pool is out of balance,” the board wrote. “A fix is needed now or the trend"
        " will get worse.“ Prices rose again.",
        "“A fix is needed now or the trend will get worse.“",
        "the board",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), TYPED_CLOSE)
def test_opening_mark_typed_for_the_closing_one(text: str, quote: str, speaker: str) -> None:
    stmt = with_text(extract(text, "en").statements, quote)
    assert stmt.kind == "direct"
    assert speaker_name(stmt) == speaker


def test_opening_mark_after_a_comma_before_a_word_still_opens() -> None:
    text = "Tom Lee said,“The road stays shut until the spring floods are over.”"
    stmt = with_text(
        extract(text, "en").statements, "“The road stays shut until the spring floods are over.”"
    )
    assert speaker_name(stmt) == "Tom Lee"


# A short Title Case quote right after a noun naming a work is its title, not speech.
WORK_TITLES = [
    (
        '"Taxes are crazy," said Jon Lee, the author of "Harbor and Power," who studies ports.',
        '"Harbor and Power,"',
    ),
    ("Mr. Lee said so in his 2014 memoir, ''A Son of the Port.''", "''A Son of the Port.''"),
    ('She had once been a guest on the cooking show "Knife Night."', '"Knife Night."'),
]


@pytest.mark.parametrize(("text", "title"), WORK_TITLES)
def test_a_work_title_is_no_direct_quote(text: str, title: str) -> None:
    statements = extract(text, "en").statements
    assert all(s.text != title or s.kind == "partial" for s in statements)


def test_a_sentence_quoted_after_a_work_noun_is_still_speech() -> None:
    text = 'Lee said in his book, "The harbor made us who we are."'
    stmt = with_text(extract(text, "en").statements, '"The harbor made us who we are."')
    assert stmt.kind == "direct"
    assert speaker_name(stmt) == "Lee"


# One capitalised word closed by its own stop is a whole reply; a scare quote is not.
ONE_WORD_REPLIES = [
    ('Asked whether he would fire the aide, Tom Lee said, "Probably."', '"Probably."', "Tom Lee"),
    (
        '"This is silly," Ana Ruiz wrote on her blog. "Blacklisted?"',
        '"Blacklisted?"',
        "Ana Ruiz",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), ONE_WORD_REPLIES)
def test_one_word_reply_is_a_direct_quote(text: str, quote: str, speaker: str) -> None:
    stmt = with_text(extract(text, "en").statements, quote)
    assert stmt.kind == "direct"
    assert speaker_name(stmt) == speaker


def test_one_word_scare_quote_stays_no_direct_quote() -> None:
    statements = extract('Tom Lee called the plan a "hoax."', "en").statements
    assert all(s.kind != "direct" for s in statements)


# A quote in single marks alone on its line is a section head, not speech; the same quote
# with its attribution on the line is speech.
@pytest.mark.parametrize(
    "text",
    [
        "The mill closed in May.\n'A Hard Winter Ahead.'\nTom Lee said the town would need help.",
        "The ferry stopped running.\n‘We just wait now.’\nThe harbor has been quiet since.",
    ],
)
def test_single_quoted_line_alone_is_a_section_head(text: str) -> None:
    assert all(s.kind != "direct" for s in extract(text, "en").statements)


def test_single_quoted_line_with_its_attribution_is_speech() -> None:
    text = "The mill closed.\n'We will never come back here,' said Tom Lee.\n"
    stmt = with_text(extract(text, "en").statements, "'We will never come back here,'")
    assert stmt.kind == "direct"
    assert speaker_name(stmt) == "Tom Lee"


# Verbs of the manner of speaking attribute a quote right after them, and only there.
LEAD_VERBS = [
    (
        'Ana Ruiz sang to the crowd before asking her, "Where do we go from here?"',
        '"Where do we go from here?"',
        "asking",
        "Ana Ruiz",
    ),
    (
        'Marchers outside the gate chanted "Open the books!" until dawn.',
        '"Open the books!"',
        "chanted",
        "Marchers outside the gate",
    ),
    (
        'Tom Lee stood up and shouted, "This vote is a sham!"',
        '"This vote is a sham!"',
        "shouted",
        "Tom Lee",
    ),
]


@pytest.mark.parametrize(("text", "quote", "cue", "speaker"), LEAD_VERBS)
def test_manner_verb_right_before_a_quote(text: str, quote: str, cue: str, speaker: str) -> None:
    stmt = with_text(extract(text, "en").statements, quote)
    assert stmt.kind == "direct"
    assert stmt.cue == cue
    assert speaker_name(stmt) == speaker


def test_manner_verb_elsewhere_is_no_cue() -> None:
    statements = extract("The union is asking the court to block the new law.", "en").statements
    assert statements == ()


# A participle lead-in after an earlier quote of the sentence speaks for the clause's subject
# when its quote closes the sentence.
PARTICIPLE_AFTER_A_QUOTE = [
    (
        'Tom Lee emailed his thanks, calling her "Rosa" and telling her, "You are a star'
        ' and we need you for the long run!"',
        '"You are a star and we need you for the long run!"',
        "Tom Lee",
    ),
    (
        'Ana Ruiz closed the debate with a nod to the film "Star Wars," remarking, "Thank'
        ' you all, and may the Force be with you."',
        '"Thank you all, and may the Force be with you."',
        "Ana Ruiz",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), PARTICIPLE_AFTER_A_QUOTE)
def test_participle_lead_in_after_an_earlier_quote(text: str, quote: str, speaker: str) -> None:
    stmt = with_text(extract(text, "en").statements, quote)
    assert stmt.kind == "direct"
    assert speaker_name(stmt) == speaker


# An infinitive speech verb or a participle after a time word, right before the quote,
# leads into it for the clause's subject.
CLAUSE_SUBJECT_LEADS = [
    (
        'Tom Lee went on to say, "The port will close by spring and nobody will stop it."',
        '"The port will close by spring and nobody will stop it."',
        "Tom Lee",
    ),
    (
        'Mr. Lee dodged several questions before saying, "It is time to stop attacking'
        ' each other."',
        '"It is time to stop attacking each other."',
        "Lee",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), CLAUSE_SUBJECT_LEADS)
def test_clause_subject_leads_into_the_quote(text: str, quote: str, speaker: str) -> None:
    stmt = with_text(extract(text, "en").statements, quote)
    assert stmt.kind == "direct"
    assert speaker_name(stmt) == speaker


def test_infinitive_with_an_object_before_the_quote_is_no_lead_in() -> None:
    text = (
        "Ana Ruiz said the harbor was safe. But the city would act to defend the harbor,"
        ' "even in ways nobody expects."'
    )
    assert all(s.cue != "defend" for s in extract(text, "en").statements)


# "in X's words," / "in X's view:" right before a quote: X speaks it.
VIEW_LEADS = [
    (
        'The port grew fast because, in Ana Ruiz\'s words, "it is the best harbor on the coast."',
        '"it is the best harbor on the coast."',
        "Ana Ruiz",
    ),
    (
        "Ana Ruiz spoke at the port on Monday. The harbor grew because, in her words,"
        ' "the town never gave up on it."',
        '"the town never gave up on it."',
        "Ana Ruiz",
    ),
    (
        "In Tom Lee's view: “The council has no plan for the winter at all.”",
        "“The council has no plan for the winter at all.”",
        "Tom Lee",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), VIEW_LEADS)
def test_possessed_view_leads_into_a_quote(text: str, quote: str, speaker: str) -> None:
    stmt = with_text(extract(text, "en").statements, quote)
    assert stmt.kind == "direct"
    assert speaker_name(stmt) == speaker


def test_view_without_a_possessor_leads_nothing() -> None:
    text = 'In other words, "the harbor will close and the town will have to live with it."'
    assert all(s.speaker is None for s in extract(text, "en").statements)
