"""'The plan was rejected by the council.': a passive speech verb's agent speaks of its subject."""

from __future__ import annotations

import pytest

from tracker.extract import extract

from .helpers import speaker_name


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("The harbor plan was rejected by the city council.", "The harbor plan", "city council"),
        (
            "Her proposal has been widely praised by the Chamber of Commerce.",
            "Her proposal",
            "Chamber of Commerce",
        ),
        (
            "For instance, two bids for the bridge were rejected by the Port Authority in 2019.",
            "two bids for the bridge",
            "Port Authority",
        ),
        (
            "The new tariff schedule was echoed by an unusual coalition of farmers.",
            "The new tariff schedule",
            "coalition of farmers",
        ),
    ],
)
def test_the_agent_after_by_speaks_of_the_subject(text: str, content: str, speaker: str) -> None:
    found = [s for s in extract(text, "en").statements if s.text == content]
    assert found, extract(text, "en").statements
    assert found[0].rule == "passive_agent_cue"
    assert speaker in (speaker_name(found[0]) or "")


@pytest.mark.parametrize(
    "text",
    [
        # no agent: nobody is named as speaking
        "The harbor plan was rejected last week.",
        # the agent is a pronoun this sieve cannot name
        "The harbor plan was rejected by them.",
        # a relative: the subject belongs to another clause
        "Voters weighed a harbor plan that was rejected by the city council.",
        # the subject holds a clause of its own
        "As the mayor toured the docks, the harbor plan was rejected by the city council.",
        # backers, not speakers
        "The harbor plan was supported by the city council.",
        # "charged with" is no agent
        "Three commissioners were charged with taking bribes.",
    ],
)
def test_no_statement_without_a_plain_subject_and_agent(text: str) -> None:
    rules = [s.rule for s in extract(text, "en").statements]
    assert "passive_agent_cue" not in rules


def test_indonesian_has_no_passive_agent_reading() -> None:
    text = "Rencana pelabuhan itu ditolak oleh dewan kota pada Senin."
    assert all(s.rule != "passive_agent_cue" for s in extract(text, "id").statements)


def test_later_cues_of_the_sentence_are_still_read() -> None:
    text = (
        "The harbor plan was rejected by the city council, and Mayor Ana Ruiz said the"
        " vote would be held again in May."
    )
    rules = {s.rule for s in extract(text, "en").statements}
    assert "passive_agent_cue" in rules
    assert len(rules) >= 2, extract(text, "en").statements
