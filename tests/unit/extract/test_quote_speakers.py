"""Speakers after a quote: a name led by a lower-case description, a verb of manner."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import speaker_name
from tracker.extract import extract

# (text, speaker name, role): a described name between the quote and its cue
DESCRIBED_CASES = [
    ('"The dam will hold," city councilmember Ana Ruiz said of the vote.', "Ana Ruiz", None),
    ('"The dam will hold," screenwriter Ana Ruiz wrote on Twitter.', "Ana Ruiz", None),
    ('"The dam will hold," super PAC spokeswoman Ana Ruiz said.', "Ana Ruiz", None),
    ('"The dam will hold," former FBI agent Tom Berg explained.', "Tom Berg", None),
    ('"The dam will hold," retired engineer Tom Berg told reporters.', "Tom Berg", None),
]


@pytest.mark.parametrize(("text", "speaker", "role"), DESCRIBED_CASES)
def test_described_name_before_cue(text: str, speaker: str, role: str | None) -> None:
    direct = [s for s in extract(text, "en").statements if s.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].rule == "quote_cue_after"
    assert speaker_name(direct[0]) == speaker


def test_described_name_keeps_the_description_as_role() -> None:
    text = '"The dam will hold," veteran engineer Tom Berg said.'
    direct = [s for s in extract(text, "en").statements if s.kind == "direct"]
    assert direct[0].speaker is not None
    assert direct[0].speaker.role is not None and "engineer" in direct[0].speaker.role


# a clause word, a pronoun or a time before the name: no described speaker
NOT_DESCRIBED_CASES = [
    '"The dam will hold," but Ana Ruiz said otherwise.',
    '"The dam will hold," which Ana Ruiz said.',
    '"The dam will hold," they told Ana Ruiz later.',
    '"The dam will hold," last week Ana Ruiz said.',
]


@pytest.mark.parametrize("text", NOT_DESCRIBED_CASES)
def test_clause_before_name_is_no_description(text: str) -> None:
    for st in extract(text, "en").statements:
        if st.kind == "direct":
            assert speaker_name(st) != "Ana Ruiz" or st.rule != "quote_cue_after"


# (text, speaker name, cue): verbs of the manner of speaking after a quote
MANNER_CASES = [
    ('"Sit down," Tom Berg barked.', "Tom Berg", "barked"),
    ('"Not a chance," Tom Berg shot back with a grin.', "Tom Berg", "shot back"),
    ('"That is nonsense," scoffed Ana Ruiz, 31, who runs the clinic.', "Ana Ruiz", "scoffed"),
    ('"We lost the first round," Ana Ruiz remembered.', "Ana Ruiz", "remembered"),
    ('"The city will never bow," an angry Tom Berg retaliated.', "Tom Berg", "retaliated"),
    ('"And then it rained," Ana Ruiz went on.', "Ana Ruiz", "went on"),
    ('"What a night!" beamed Ana Ruiz of Dover.', "Ana Ruiz", "beamed"),
]


@pytest.mark.parametrize(("text", "speaker", "cue"), MANNER_CASES)
def test_manner_verb_after_quote(text: str, speaker: str, cue: str) -> None:
    direct = [s for s in extract(text, "en").statements if s.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].cue == cue
    name = speaker_name(direct[0])
    assert name is not None and speaker in name


def test_manner_verb_speaker_goes_on_in_the_next_quote() -> None:
    text = '"Sit down," Tom Berg barked. "Nobody leaves until we are done."'
    direct = [s for s in extract(text, "en").statements if s.kind == "direct"]
    assert [speaker_name(s) for s in direct] == ["Tom Berg", "Tom Berg"]


# away from a quote a manner verb is no cue: no statement at all
NO_QUOTE_CASES = [
    "Tom Berg barked orders at the staff all morning.",
    "Ana Ruiz reacted to the ruling with a shrug.",
    "Tom Berg shot back into the lead on the final lap.",
    "Ana Ruiz remembered the flood of 1998.",
]


@pytest.mark.parametrize("text", NO_QUOTE_CASES)
def test_manner_verb_without_quote_is_no_cue(text: str) -> None:
    assert extract(text, "en").statements == ()


def test_stray_nested_mark_before_the_attribution() -> None:
    # the nested single quote closes with the double one: ''' before the cue
    text = "The vote was close.\n\n''We call it 'the long road,''' said Ana Ruiz, the mayor."
    direct = [s for s in extract(text, "en").statements if s.kind == "direct"]
    assert len(direct) == 1
    assert speaker_name(direct[0]) == "Ana Ruiz"


# (text, speaker name): a name and a colon lead into the quote, with no verb
COLON_NAME_CASES = [
    ('Polls closed early - Ana Ruiz: "The shift came in the final week of the race."', "Ana Ruiz"),
    ('Tom Berg spoke first. More from Ana Ruiz: "The data shows a shift in the race."', "Ana Ruiz"),
    ('Tom Berg spoke first.\n\nAna Ruiz: "The data shows a clear shift in the race."', "Ana Ruiz"),
]


@pytest.mark.parametrize(("text", "speaker"), COLON_NAME_CASES)
def test_name_and_colon_before_quote(text: str, speaker: str) -> None:
    direct = [s for s in extract(text, "en").statements if s.kind == "direct"]
    assert len(direct) == 1
    assert speaker_name(direct[0]) == speaker


# a clause, a label in capitals or a common noun before the colon names nobody
NOT_COLON_NAME_CASES = [
    'The rule is simple: "Nobody leaves the hall before noon."',
    'BREAKING NEWS: "The polls closed too early this year."',
    'The answer: "Nobody leaves the hall before noon."',
]


@pytest.mark.parametrize("text", NOT_COLON_NAME_CASES)
def test_colon_without_a_name_names_nobody(text: str) -> None:
    direct = [s for s in extract(text, "en").statements if s.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].cue is None
