"""English attribution cues of issue 11: weak verbs with a clause, participles, possessives."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import speaker_name, with_text
from tracker.extract import extract

# "say" is a weak cue ("say a prayer", "say, ten percent"); after a common-noun subject it
# speaks when a clause follows, its auxiliary among the first words.
WEAK_SAY_CLAUSE = [
    ("The nurses say the ward will close in May.", "the ward will close in May", "The nurses"),
    (
        "The ferry crews say the new timetable has never worked.",
        "the new timetable has never worked",
        "The ferry crews",
    ),
    (
        "The women say the night guards are too strict.",
        "the night guards are too strict",
        "The women",
    ),
]


@pytest.mark.parametrize(("text", "content", "speaker"), WEAK_SAY_CLAUSE)
def test_weak_say_with_a_clause_after_a_common_noun(text: str, content: str, speaker: str) -> None:
    stmt = with_text(extract(text, "en").statements, content)
    assert stmt.kind == "indirect"
    assert stmt.cue == "say"
    assert speaker_name(stmt) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The women say a prayer before every match.",
        "The volunteers say grace before dinner.",
    ],
)
def test_weak_say_with_an_object_is_no_statement(text: str) -> None:
    assert extract(text, "en").statements == ()


PARTICIPLES = [
    (
        "Mayor Ana Ruiz ended the hearing early, observing that the hall was too cold.",
        "the hall was too cold",
        "observing",
    ),
    (
        "Governor Paul Grant signed the budget, stating that the roads could not wait.",
        "the roads could not wait",
        "stating",
    ),
    (
        'Chef Lina Marsh closed the evening with a toast, remarking, "Dinner is served at'
        ' eight, not a minute later."',
        '"Dinner is served at eight, not a minute later."',
        "remarking",
    ),
]


@pytest.mark.parametrize(("text", "content", "cue"), PARTICIPLES)
def test_participle_cues(text: str, content: str, cue: str) -> None:
    stmt = with_text(extract(text, "en").statements, content)
    assert stmt.cue == cue
    assert speaker_name(stmt) is not None


# A common-noun subject may carry capitalised modifiers ("The GOP speechwriter"); its head
# stays a lower-case noun the role list need not know.
CAPITALISED_MODIFIERS = [
    ("The GOP speechwriter said the wall was the deal-breaker.", "The GOP speechwriter"),
    ("The Republican incumbent said her vote was never for sale.", "The Republican incumbent"),
    ("The NBA legend said people misread the coach.", "The NBA legend"),
]


@pytest.mark.parametrize(("text", "speaker"), CAPITALISED_MODIFIERS)
def test_common_subject_with_capitalised_modifiers(text: str, speaker: str) -> None:
    statements = extract(text, "en").statements
    assert len(statements) == 1
    assert statements[0].cue == "said"
    assert speaker_name(statements[0]) == speaker


# The whole short clause before a speech verb speaks when no finder could read it as a
# name or a listed noun; it names nobody, so it stays an unnamed source.
BARE_SUBJECTS = [
    (
        "People with direct knowledge of the talks said a deal was close.",
        "a deal was close",
        "People with direct knowledge of the talks",
    ),
    (
        "Residents near the old tannery said the river smelled for weeks.",
        "the river smelled for weeks",
        "Residents near the old tannery",
    ),
    (
        "Twelve percent of the anglers polled say the lake has never been cleaner.",
        "the lake has never been cleaner",
        "Twelve percent of the anglers polled",
    ),
]


@pytest.mark.parametrize(("text", "content", "speaker"), BARE_SUBJECTS)
def test_bare_clause_subject_of_a_speech_verb(text: str, content: str, speaker: str) -> None:
    stmt = with_text(extract(text, "en").statements, content)
    assert stmt.speaker is not None
    assert stmt.speaker.name == speaker
    assert stmt.speaker.kind in ("unknown", "anonymous")


@pytest.mark.parametrize(
    "text",
    [
        "Two farmers who argued against the dam said the vote was rushed.",  # another cue
        "The ferry, the crews and the harbor master said nothing.",  # commas: a list
    ],
)
def test_no_bare_subject_across_cues_or_commas(text: str) -> None:
    for stmt in extract(text, "en").statements:
        assert stmt.speaker is None or "," not in stmt.speaker.name
        assert stmt.speaker is None or "argued" not in stmt.speaker.name


# After "X, …, said" the noun phrase is the content's subject when a past tense or an
# auxiliary follows it, never an inverted speaker.
CONTENT_SUBJECT_AFTER_CUE = [
    (
        "Sen. Ana Ruiz, D-N.M., speaking on local radio after the vote, said the mayor"
        " failed to fund the clinics.",
        "the mayor failed to fund the clinics",
        "Ana Ruiz",
    ),
    (
        "Tom Lee, a farmer from the valley, said the river flooded twice last spring.",
        "the river flooded twice last spring",
        "Tom Lee",
    ),
]


@pytest.mark.parametrize(("text", "content", "speaker"), CONTENT_SUBJECT_AFTER_CUE)
def test_subject_after_the_cue_is_the_contents(text: str, content: str, speaker: str) -> None:
    stmt = with_text(extract(text, "en").statements, content)
    assert speaker_name(stmt) == speaker


def test_inverted_speaker_after_the_cue_still_speaks() -> None:
    stmt = with_text(
        extract("The budget is too small, said the mayor.", "en").statements,
        "The budget is too small",
    )
    assert speaker_name(stmt) == "the mayor"


# A speech verb in a relative clause is its antecedent's statement too.
RELATIVE_SPEECH = [
    (
        "Dr. Ana Ruiz, who said the study was sound, declined to comment further.",
        "the study was sound",
        "Ana Ruiz",
    ),
    (
        "Tom Lee, who says the port should stay open, said he would vote no.",
        "the port should stay open",
        "Tom Lee",
    ),
]


@pytest.mark.parametrize(("text", "content", "speaker"), RELATIVE_SPEECH)
def test_speech_in_a_relative_clause(text: str, content: str, speaker: str) -> None:
    stmt = with_text(extract(text, "en").statements, content)
    assert stmt.kind == "indirect"
    assert speaker_name(stmt) == speaker


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Ana Ruiz, who has endorsed the mayor, said the vote was fair.", "the mayor"),
        ("Tom Lee, who said so, voted against the port plan.", "so"),
    ],
)
def test_relative_clause_without_speech_content(text: str, absent: str) -> None:
    assert all(s.text != absent for s in extract(text, "en").statements)
