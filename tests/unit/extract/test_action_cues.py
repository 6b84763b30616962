"""English cues outside speech verbs (issue 11): topics, stances, votes, orders, beliefs.

PolNeAR attributes what a source talks about, votes for, orders or prefers, not only what it
says; these cues are lexicon data (`cue_verbs`, acts and states also `non_speech_cues`).
"""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import speaker_name, with_text
from tracker.extract import extract

# A topic or stance cue: its content is the object after it (after the particle of
# "talked about", "laid out", "railed against", which the cue phrase holds).
TOPIC_CUES = [
    (
        "Senator Tom Hale talked about his years as a ferry pilot.",
        "his years as a ferry pilot",
        "talked about",
        "Tom Hale",
    ),
    (
        "The governor spoke about the shortage of nurses in rural clinics.",
        "the shortage of nurses in rural clinics",
        "spoke about",
        "The governor",
    ),
    (
        "Councilwoman Dana Kerr laid out a plan to rebuild the pier by spring.",
        "a plan to rebuild the pier by spring",
        "laid out",
        "Dana Kerr",
    ),
    (
        "Pastor Evan Cole railed against the closing of the library.",
        "the closing of the library",
        "railed against",
        "Evan Cole",
    ),
    (
        "Professor Lena Ortiz expressed concern about the cost of the new bridge.",
        "concern about the cost of the new bridge",
        "expressed",
        "Lena Ortiz",
    ),
    (
        "The mayor voiced support for the new ferry line.",
        "support for the new ferry line",
        "voiced",
        "The mayor",
    ),
    (
        "The chief outlined a plan to hire forty more officers.",
        "a plan to hire forty more officers",
        "outlined",
        "The chief",
    ),
    (
        "The senator invoked the memory of the 1977 flood.",
        "the memory of the 1977 flood",
        "invoked",
        "The senator",
    ),
]


@pytest.mark.parametrize(("text", "content", "cue", "speaker"), TOPIC_CUES)
def test_topic_and_stance_cues(text: str, content: str, cue: str, speaker: str) -> None:
    stmt = with_text(extract(text, "en").statements, content)
    assert stmt.kind == "indirect"
    assert stmt.cue == cue
    assert speaker_name(stmt) == speaker


# Acts and states: a vote, an order, a preference, a judgement.
ACT_CUES = [
    (
        "The senator voted against the bill to raise the toll on the bridge.",
        "the bill to raise the toll on the bridge",
        "voted against",
        "The senator",
    ),
    (
        "The council voted down a proposal to sell the old depot.",
        "a proposal to sell the old depot",
        "voted down",
        "The council",
    ),
    (
        "The union leaders prefer a shorter contract.",
        "a shorter contract",
        "prefer",
        "The union leaders",
    ),
    (
        "The inspectors deemed the bridge unsafe for trucks.",
        "the bridge unsafe for trucks",
        "deemed",
        "The inspectors",
    ),
    (
        "The mayor pressed the state for more money for the harbor.",
        "the state for more money for the harbor",
        "pressed",
        "The mayor",
    ),
]


@pytest.mark.parametrize(("text", "content", "cue", "speaker"), ACT_CUES)
def test_act_and_belief_cues(text: str, content: str, cue: str, speaker: str) -> None:
    stmt = with_text(extract(text, "en").statements, content)
    assert stmt.cue == cue
    assert speaker_name(stmt) == speaker


# Only the phrase with its preposition is a cue: "spoke" and "voted" alone name an event,
# "call", "voices" and "orders" are nouns as often as verbs.
@pytest.mark.parametrize(
    "text",
    [
        "The two women spoke for about five minutes.",
        "Mayor Ana Ruiz spoke at a rally in the park on Sunday.",
        "The town voted on Tuesday.",
        "The aides joined a conference call with reporters on Friday.",
        "The farmers raised their voices in the square.",
        "The ruling followed two executive orders from the governor.",
    ],
)
def test_bare_event_verbs_and_nouns_are_no_cue(text: str) -> None:
    assert extract(text, "en").statements == ()


def test_an_expression_inside_a_relayed_clause_is_the_relays_content() -> None:
    """ "expressed" is an act: inside a clause that "according to" closes, the outer
    source is the speaker, not the subject of the act."""
    text = (
        "The mayor's aides expressed anger at the ruling and vowed an appeal, according to"
        " two people close to the campaign."
    )
    statements = extract(text, "en").statements
    assert len(statements) == 1
    stmt = statements[0]
    assert stmt.text == "The mayor's aides expressed anger at the ruling and vowed an appeal"
    assert speaker_name(stmt) == "two people close to the campaign"
