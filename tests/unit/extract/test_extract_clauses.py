"""A second attributed clause inside a statement's content is its own statement: after "and"
with a named subject, after a comma closed inside a quote, and in a ", which X said"
relative clause. All texts are written for these tests."""

from __future__ import annotations

import pytest

from tracker.extract import Statement, extract


def _by_speaker(statements: tuple[Statement, ...], name: str) -> Statement:
    found = [s for s in statements if s.kind != "partial" and s.speaker and s.speaker.name == name]
    assert len(found) == 1, statements
    return found[0]


@pytest.mark.parametrize(
    ("text", "first", "first_content", "second", "second_content"),
    [
        (
            'Lee accuses the mayor of "hiding the facts" and Dana Ruiz says he is "losing the '
            'city," part of a long feud.',
            "Lee",
            'the mayor of "hiding the facts"',
            "Dana Ruiz",
            'he is "losing the city," part of a long feud',
        ),
        (
            "Lee accused the mayor of hiding the facts and Dana Ruiz says he is losing the city.",
            "Lee",
            "the mayor of hiding the facts",
            "Dana Ruiz",
            "he is losing the city",
        ),
        (
            "Lee blamed the mayor for the floods and the Harbor Authority said the dam was never "
            "inspected.",
            "Lee",
            "the mayor for the floods",
            "the Harbor Authority",  # an institution keeps its article
            "the dam was never inspected",
        ),
        (
            "Lee calls the governor “Mr. Stone,” while Stone refers to him as “Danny.”",
            "Lee",
            "the governor “Mr. Stone,”",
            "Stone",
            "him as “Danny.”",
        ),
        (
            "The ministry said the launch had failed, which officials in Tokyo claimed was a "
            "cover for a second test.",
            "The ministry",
            "the launch had failed",
            "officials in Tokyo",
            "was a cover for a second test",
        ),
    ],
)
def test_second_clause_is_its_own_statement(
    text: str, first: str, first_content: str, second: str, second_content: str
) -> None:
    statements = extract(text, "en").statements
    assert _by_speaker(statements, first).text == first_content
    assert _by_speaker(statements, second).text == second_content


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # a coordinated subject is one subject: no split after "Ruiz and"
        (
            "Lee said that Ruiz and Stone argued for hours.",
            "Lee",
            "Ruiz and Stone argued for hours",
        ),
        # a relative clause that the content resumes after stays inside the content
        (
            "Lee said that the announcement, which some have argued was a ploy, was an insult "
            "to the volunteers.",
            "Lee",
            "the announcement, which some have argued was a ploy, was an insult to the volunteers",
        ),
    ],
)
def test_clause_stays_in_content(text: str, speaker: str, content: str) -> None:
    statement = _by_speaker(extract(text, "en").statements, speaker)
    assert statement.text == content


@pytest.mark.parametrize(
    ("text", "first_content", "second_cue", "second_content"),
    [
        (
            "The plan will fail, Lane said on Sunday, adding that voters would punish it.",
            "The plan will fail",
            "adding",
            "voters would punish it",
        ),
        (
            'The country "has made big changes," Lane said in June 2012, citing the release '
            "of prisoners.",
            'The country "has made big changes,"',
            "citing",
            "the release of prisoners",
        ),
    ],
)
def test_participle_after_the_attribution_adverbs(
    text: str, first_content: str, second_cue: str, second_content: str
) -> None:
    """ "…, X said on Sunday, adding that …": the adverbs close the attribution, so the
    content came before it, and the participle clause is the same speaker's next claim."""
    found = [s for s in extract(text, "en").statements if s.kind != "partial"]
    assert [s.text for s in found] == [first_content, second_content]
    assert found[1].cue == second_cue
    assert {s.speaker.name for s in found if s.speaker} == {"Lane"}


def test_no_break_spaces_around_a_second_subject() -> None:
    """Pasted copy keeps no-break spaces: ", but\\u00a0Ross said\\u00a0…" still opens the
    second statement."""
    text = (
        "Video of the stop shows him with raised hands, but\u00a0Ross said\u00a0he refused orders."
    )
    found = {s.speaker.name: s.text for s in extract(text, "en").statements if s.speaker}
    assert found["Ross"] == "he refused orders"
    assert found["Video of the stop"] == "him with raised hands"


@pytest.mark.parametrize(
    ("text", "indirect"),
    [
        (
            "Lane said the plan would fail and warned: “Voters will punish us.”",
            "the plan would fail",
        ),
        (
            "Lane noted that he taught law, and added: “I know a little about this.”",
            "he taught law",
        ),
    ],
)
def test_claim_before_a_second_verb_introducing_a_quote(text: str, indirect: str) -> None:
    """ "X said A and warned: “B”": A is X's reported claim, B X's quote; neither is lost
    to the other, and the second verb's subject is the clause's."""
    found = extract(text, "en").statements
    assert [(s.kind, s.speaker.name if s.speaker else None) for s in found] == [
        ("indirect", "Lane"),
        ("direct", "Lane"),
    ]
    assert found[0].text == indirect


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Lane said he wants “a fair vote.”", "he wants “a fair vote.”"),
        (
            "Lane said that she hoped “the council will listen.”",
            "she hoped “the council will listen.”",
        ),
    ],
)
def test_quote_inside_reported_speech_is_the_reporters(text: str, content: str) -> None:
    """ "X said he wants “…”": the quote ends X's reported claim, a mixed statement by X,
    never a direct quote of an unresolved "he"."""
    [st] = extract(text, "en").statements
    assert (st.kind, st.text, st.cue) == ("mixed", content, "said")
    assert st.speaker is not None and st.speaker.name == "Lane"


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            'Peabody said: "The firm did well a decade ago," adding that its value doubled in a '
            "year.",
            "Peabody",
            "its value doubled in a year",
        ),
        (
            "The conservative magazine has been outspoken in its opposition to Lane, arguing "
            "that he is unfit for office.",
            "The conservative magazine",
            "he is unfit for office",
        ),
    ],
)
def test_participle_clause_speaker(text: str, speaker: str, content: str) -> None:
    """The participle's speaker is the clause's: after a quote whose comma sits inside the
    closing mark, and after a common-noun subject with adjectives before its head."""
    found = [s for s in extract(text, "en").statements if s.kind == "indirect"]
    assert [(s.speaker.name if s.speaker else None, s.text) for s in found] == [(speaker, content)]


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        (
            "Late last month, the company wrote a detailed, six-page letter to the college, "
            "calling the reports misleading.",
            "Late last month",
        ),
        (
            "Kicking off the day at a town hall in Salem, Lane accused Ruiz, the senator from "
            "Ohio, of lying.",
            "Kicking off the day at a town hall in Salem",
        ),
    ],
)
def test_lead_before_a_cue_with_an_object_is_no_content(text: str, lead: str) -> None:
    """ "…, X wrote a detailed, six-page letter": the words before the comma after the cue
    are its object, not adjuncts closing a parenthetical attribution, so the lead before
    the subject (a time, a participle clause) is never what X said."""
    assert all(s.text != lead for s in extract(text, "en").statements)
