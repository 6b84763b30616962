"""Rules added in the fourth rules-0.3.0 recall round: common-noun subjects with a modifier
after the head, the participle clause after a quote that holds a quote of its own, and
object-taking cues after an adverbial lead. All texts are written for these tests."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import with_text
from tracker.extract import extract


@pytest.mark.parametrize(
    ("text", "lang", "content", "speaker", "kind"),
    [
        (
            "Political observers in Ohio and around the country say the mayor deserves a "
            "second term.",
            "en",
            "the mayor deserves a second term",
            "Political observers in Ohio and around the country",
            "anonymous",
        ),
        (
            "Experts on trade and tariffs said the new levy could change that.",
            "en",
            "the new levy could change that",
            "Experts on trade and tariffs",
            "anonymous",
        ),
        (
            "All the economists I interviewed said her plan was more detailed than his.",
            "en",
            "her plan was more detailed than his",
            "All the economists I interviewed",
            "anonymous",
        ),
        (
            "Those close to him say that he will pick a running mate next week.",
            "en",
            "he will pick a running mate next week",
            "Those close to him",
            "anonymous",
        ),
        (
            "The station and its defenders say that the channel is no more biased than others.",
            "en",
            "the channel is no more biased than others",
            "The station and its defenders",
            "anonymous",
        ),
        (
            "Most of the growers in the valley say the levy should go.",
            "en",
            "the levy should go",
            "Most of the growers in the valley",
            "anonymous",
        ),
        (
            "However, 41 percent said the council was right to wait.",
            "en",
            "the council was right to wait",
            "41 percent",
            "anonymous",
        ),
        (
            "In a statement, the network said the description was false.",
            "en",
            "the description was false",
            "the network",
            "anonymous",
        ),
        (
            "In a statement, the ministry said that the talks would resume in June.",
            "en",
            "the talks would resume in June",
            "the ministry",
            "government_body",
        ),
        (
            "Para pengamat politik di Surabaya mengatakan bahwa partai itu akan pecah.",
            "id",
            "partai itu akan pecah",
            "Para pengamat politik di Surabaya",
            "anonymous",
        ),
    ],
)
def test_common_noun_subject_with_a_modifier(
    text: str, lang: str, content: str, speaker: str, kind: str
) -> None:
    st = with_text(extract(text, lang).statements, content)
    assert st.speaker is not None
    assert (st.speaker.name, st.speaker.kind) == (speaker, kind)


@pytest.mark.parametrize(
    "text",
    [
        # no speech: an unnamed group is a source only for speech and written positions
        "The size of the bounce in the polls appears likely to grow.",
        "Fees from advising clients declined to $2 million last year.",
        # a verb phrase, not a modifier: "goes on to"
        "The letter goes on to say the plan is dead.",
        # a name and its verb, then an object with a modifier
        "Later on Sunday, Lane shared a syllabus for a 2002 class called “Perception” online.",
        # a clause with a verb of its own before the cue
        "The plan he signed in May says that taxes will rise.",
    ],
)
def test_no_group_subject_without_speech(text: str) -> None:
    for st in extract(text, "en").statements:
        assert st.speaker is None or st.speaker.kind != "anonymous", st


def test_common_noun_subject_before_a_quote_is_direct() -> None:
    text = "As a phone rang, the announcer said, “It is late, and your children are asleep.”"
    statements = extract(text, "en").statements
    st = with_text(statements, "“It is late, and your children are asleep.”")
    assert st.kind == "direct"
    assert st.speaker is not None and st.speaker.name == "the announcer"
    assert not [s for s in statements if s.text == "As a phone rang"]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            '"We see no link," the mayor said, adding that it would take "more hours" to know.',
            'it would take "more hours" to know',
            "the mayor",
        ),
        (
            "“The threat has changed,” the company said in a statement, adding that it "
            "“condemns the use of its service to promote violence.”",
            "it “condemns the use of its service to promote violence.”",
            "the company",
        ),
        (
            '"There is no question I am watched closely," Lopez told a radio host on Sunday, '
            'saying that rivals "are very worried" about her numbers.',
            'rivals "are very worried" about her numbers',
            "Lopez",
        ),
    ],
)
def test_participle_clause_holding_a_quote(text: str, content: str, speaker: str) -> None:
    st = with_text(extract(text, "en").statements, content)
    assert st.kind == "mixed"
    assert st.speaker is not None and st.speaker.name == speaker


def test_participle_after_told_keeps_the_quote_speaker() -> None:
    text = (
        "Ana Lopez spoke at the hall. “I dislike the term,” she told the group, adding that "
        "the phrase suggests the party must look outside itself."
    )
    st = with_text(
        extract(text, "en").statements, "the phrase suggests the party must look outside itself"
    )
    assert st.speaker is not None and st.speaker.name == "Ana Lopez"


def test_cue_inside_a_later_quote_is_not_the_speaker_s() -> None:
    text = (
        '"It was a hack," Lopez told the radio show on Monday, "but the aim, I think, was to '
        'sow discord and make people doubt the count."'
    )
    statements = extract(text, "en").statements
    assert not [s for s in statements if s.cue == "think" and s.kind == "indirect"], statements


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "At the time, Lane called Mr. Ode, a former trucker, an outstanding leader.",
            "Mr. Ode, a former trucker, an outstanding leader",
            "Lane",
        ),
        (
            "In his Sunday interviews, Lopez again criticized the news media for its coverage.",
            "the news media for its coverage",
            "Lopez",
        ),
    ],
)
def test_adverbial_lead_before_an_object_taking_cue(text: str, content: str, speaker: str) -> None:
    statements = extract(text, "en").statements
    st = with_text(statements, content)
    assert st.speaker is not None and st.speaker.name == speaker
    lead = text.split(",")[0]
    assert not [s for s in statements if s.text == lead]


def test_lead_clause_before_said_is_still_content() -> None:
    text = "In his state, Lane said, taxes have fallen for three years."
    texts = [s.text for s in extract(text, "en").statements]
    assert "In his state" in texts


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The latest Ledger poll released Friday shows that Lane leads Ruiz by five points.",
            "Lane leads Ruiz by five points",
            "The latest Ledger poll released Friday",
        ),
        (
            "A state audit released last year found that the agency could not track the money.",
            "the agency could not track the money",
            "A state audit released last year",
        ),
        (
            "A State Accountability Office report released last year found that the agency "
            "could not track the money.",
            "the agency could not track the money",
            "A State Accountability Office report released last year",
        ),
        (
            "The latest Ledger/Ipsos opinion poll released Friday shows that Lane leads Ruiz.",
            "Lane leads Ruiz",
            "The latest Ledger/Ipsos opinion poll released Friday",
        ),
        (
            "Video of the incident shows him with his hands in the air.",
            "him with his hands in the air",
            "Video of the incident",
        ),
    ],
)
def test_document_subjects_with_a_modifier(text: str, content: str, speaker: str) -> None:
    """A document speaks through what it shows: its head may hold capitals ("Ledger poll"),
    stand bare ("Video") and take a participle of publication or a prepositional phrase."""
    [st] = extract(text, "en").statements
    assert st.text == content
    assert st.speaker is not None
    assert (st.speaker.name, st.speaker.kind) == (speaker, "document")
