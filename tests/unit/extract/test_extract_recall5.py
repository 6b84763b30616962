"""Rules for subjects the speaker parser missed before a listed cue: appositions between
dashes or commas, adverbs and auxiliaries between a subject and its cue, a name heading a
coordinated subject, an object relative, a content split by "…, X said, …", and headline
verbs in title case. All texts are written for these tests."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import speaker_name
from tracker.extract import extract
from tracker.extract.model import Statement


def _found(text: str, content: str) -> Statement:
    statements = extract(text, "en").statements
    found = [s for s in statements if s.text == content]
    assert found, [(s.text, s.speaker.name if s.speaker else None) for s in statements]
    return found[0]


# (text, content, speaker name)
SUBJECT_CASES = [
    # the subject before an apposition between dashes, not the apposition's last noun
    (
        "Okafor -- a curator at the river museum -- said the exhibit would travel in spring.",
        "the exhibit would travel in spring",
        "Okafor",
    ),
    (
        "A manager at the ferry line - a firm that runs three boats - noted that the crossing"
        " is closed in winter.",
        "the crossing is closed in winter",
        "A manager at the ferry line",
    ),
    (
        "Ines Varga -- chair of the orchestra board -- has often said that the hall needs repairs.",
        "the hall needs repairs",
        "Ines Varga",
    ),
    # an "-ly" adverb (and an auxiliary) between a common-noun subject and its cue
    (
        "The cycling club has consistently argued that the bridge needs a bike lane.",
        "the bridge needs a bike lane",
        "The cycling club",
    ),
    (
        "Four lifeguards independently told the council that the beach was unsafe.",
        "the beach was unsafe",
        "Four lifeguards",
    ),
    # "family" has the suffix but is the head noun
    (
        "The family says the landlord ignored the leak.",
        "the landlord ignored the leak",
        "The family",
    ),
    # a clause subject past a leading "But"
    (
        "But Tomas Reyes, the person most anglers on the north shore trust for honest reports"
        " about the water, said the counts are rising.",
        "the counts are rising",
        "Tomas Reyes",
    ),
    # a person before an age and a relative clause
    (
        "Alvarez, 48, who has coached the swim team since the nineties, told reporters that"
        " the pool will reopen.",
        "the pool will reopen",
        "Alvarez",
    ),
    # a long relative clause between a named subject and its cue
    (
        "Dr. Mei Tanaka, who as a young engineer designed the first flood pumps for the harbor"
        " district during the long drought of that decade and afterwards ran the regional"
        " water authority for many years until she retired to teach, said that in 2015, the"
        " pumps nearly failed.",
        "in 2015, the pumps nearly failed",
        "Mei Tanaka",
    ),
    # a common-noun subject before a chain of appositions
    (
        "The baker of nearly ten years, a lifelong resident who has run the shop since her"
        " twenties, said the rent had doubled.",
        "the rent had doubled",
        "The baker of nearly ten years",
    ),
    (
        "Even the league's toughest referees, such as Park and Diallo, say the rule is unclear.",
        "the rule is unclear",
        "the league's toughest referees",
    ),
    # a name heading a coordinated subject
    (
        "UEFA and its member clubs say that the calendar is too crowded.",
        "the calendar is too crowded",
        "UEFA and its member clubs",
    ),
    (
        "Moreno and her allies in the neighborhood have said they will block the tower.",
        "they will block the tower",
        "Moreno and her allies in the neighborhood",
    ),
    # the subject after an object relative
    (
        "The city sold the old depot, which Ms. Adeyemi says she hopes to turn into a market.",
        "she hopes to turn into a market",
        "Adeyemi",
    ),
    # "team" heads an organisation as "campaign" does
    (
        "The Okafor team has said the prototype will fly in June.",
        "the prototype will fly in June",
        "The Okafor team",
    ),
    (
        "Tickets sold out quickly; Diaz's team says a second show is planned.",
        "a second show is planned",
        "Diaz's team",
    ),
]


@pytest.mark.parametrize(("text", "content", "speaker"), SUBJECT_CASES)
def test_subject_before_cue(text: str, content: str, speaker: str) -> None:
    assert speaker_name(_found(text, content)) == speaker


def test_that_after_a_cue_is_no_speaker() -> None:
    """ "…, said that the files …": the content follows the cue, nobody is named after it."""
    text = (
        "Nadia Petrov, a retired ferry captain who now sits on the harbor advisory panel and"
        " teaches navigation at night, said that the council was studying the plan."
    )
    statements = extract(text, "en").statements
    assert [s.text for s in statements] == ["the council was studying the plan"]
    assert speaker_name(statements[0]) == "Nadia Petrov"


# (text, the contents around "…, X said, …", speaker name)
SPLIT_CASES = [
    # a short lead that is the subject of the clause resuming after the attribution
    (
        "The bridge, Mr. Osei said, could carry twice the traffic.",
        ["The bridge", "could carry twice the traffic"],
        "Osei",
    ),
    # a one-word lead is no statement alone
    (
        "Potholes, the mayor often says, are cheaper to prevent than to fix.",
        ["are cheaper to prevent than to fix"],
        "the mayor",
    ),
    # a short tail after the attribution
    (
        "The ticket price, the mayor says, would be $12.",
        ["The ticket price", "would be $12"],
        "the mayor",
    ),
    # adjuncts of the attribution before the comma
    (
        "The bigger problem, he told me on Tuesday, is that nobody reads the manual.",
        ["The bigger problem", "is that nobody reads the manual"],
        None,
    ),
    (
        "The north district grew 4 percent, the bureau said in its annual survey, and the"
        " south district shrank 2 percent.",
        ["The north district grew 4 percent", "the south district shrank 2 percent"],
        "the bureau",
    ),
    # an adverbial lead stays out, as before
    ("Still, she said, the dam will hold.", ["the dam will hold"], None),
]


@pytest.mark.parametrize(("text", "contents", "speaker"), SPLIT_CASES)
def test_content_around_attribution(text: str, contents: list[str], speaker: str | None) -> None:
    statements = [s for s in extract(text, "en").statements if s.kind == "indirect"]
    assert [s.text for s in statements] == contents
    if speaker is not None:
        assert {speaker_name(s) for s in statements} == {speaker}


def test_object_of_a_cue_is_no_adjunct() -> None:
    """ "compared the fee to a tollbooth, which …": an object before the comma, no tail."""
    text = "Mr. Ruiz compared the fee to a tollbooth, which few drivers notice, in an interview."
    contents = [s.text for s in extract(text, "en").statements]
    assert not any(c.startswith("which few drivers notice") for c in contents)


# (text, content, speaker name); None content: no statement at all
HEADLINE_CASES = [
    (
        "Moreno Says New Library Will Open Next Spring",
        "New Library Will Open Next Spring",
        "Moreno",
    ),
    (
        "Ferry Fares Could Fall By Summer, Harbor Official Says",
        "Ferry Fares Could Fall By Summer",
        "Official",
    ),
    (
        "Council Vows To Fix Every Streetlight On Main Street",
        "To Fix Every Streetlight On Main Street",
        "Council",
    ),
    # a title-case verb that is not a headline speech verb stays out
    ("Farmers Worried About Late Frost In The Valley", None, None),
    # in prose a capitalised cue word mid-sentence is a name or a title, as before
    ("The board game Simon Says Stop sold well in the winter of that year.", None, None),
]


@pytest.mark.parametrize(("text", "content", "speaker"), HEADLINE_CASES)
def test_headline_verbs(text: str, content: str | None, speaker: str | None) -> None:
    if content is None:
        assert extract(text, "en").statements == ()
        return
    stmt = _found(text, content)
    assert speaker is not None and speaker in (speaker_name(stmt) or "")
