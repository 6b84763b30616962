"""Several attributed clauses in one sentence: "X said A, but Y denied B", "…, adding that …"."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import with_text
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


def test_two_attributed_clauses_in_one_sentence() -> None:
    text = (
        "Mayor Ann Cole said the park would open in May, but Councilman Ray Diaz denied the claim."
    )
    ex = extract(text, "en")
    assert [(s.text, s.speaker.name if s.speaker else None) for s in ex.statements] == [
        ("the park would open in May", "Ann Cole"),
        ("the claim", "Ray Diaz"),
    ]


# (text, language, first content, second content, second cue, speaker)
SAME_SPEAKER_CASES = [
    (
        "Lopez said the budget was balanced but warned that taxes could rise next year.",
        "en",
        "the budget was balanced",
        "taxes could rise next year",
        "warned",
        "Lopez",
    ),
    (
        "Lopez said the budget was balanced, adding that taxes would not rise.",
        "en",
        "the budget was balanced",
        "taxes would not rise",
        "adding",
        "Lopez",
    ),
    (
        "Lopez is defending his posts, saying it shows he would be awake for a call.",
        "en",
        "his posts",
        "it shows he would be awake for a call",
        "saying",
        "Lopez",
    ),
    (
        "Wali Kota Budi Santoso mengatakan anggaran kota sudah seimbang dan menambahkan"
        " bahwa pajak tidak akan naik.",
        "id",
        "anggaran kota sudah seimbang",
        "pajak tidak akan naik",
        "menambahkan",
        "Budi Santoso",
    ),
    (
        "Budi Santoso mengatakan anggaran kota sudah seimbang, namun mengingatkan bahwa"
        " harga beras bisa naik.",
        "id",
        "anggaran kota sudah seimbang",
        "harga beras bisa naik",
        "mengingatkan",
        "Budi Santoso",
    ),
]


@pytest.mark.parametrize(("text", "lang", "first", "second", "cue", "speaker"), SAME_SPEAKER_CASES)
def test_same_speaker_second_cue(
    text: str, lang: str, first: str, second: str, cue: str, speaker: str
) -> None:
    by_text = {s.text: s for s in extract(text, lang).statements}
    assert first in by_text, by_text
    assert second in by_text, by_text
    st = by_text[second]
    assert st.cue == cue
    assert st.speaker is not None
    assert st.speaker.name == speaker
    assert by_text[first].speaker == st.speaker


PARTICIPLE_CASES = [
    (
        "“The plan is sound,” Mayor Lopez said, adding that the bridge would open in May.",
        "en",
        "the bridge would open in May",
        "adding",
        "Lopez",
    ),
    (
        "“We are ready,” the coach said on Friday, arguing that the team had trained hard.",
        "en",
        "the team had trained hard",
        "arguing",
        "the coach",
    ),
    (
        "“Kami siap,” kata Budi Santoso, menambahkan bahwa jembatan akan dibuka bulan Mei.",
        "id",
        "jembatan akan dibuka bulan Mei",
        "menambahkan",
        "Budi Santoso",
    ),
    # a connector between the attribution's comma and the participle
    (
        "“The plan is sound,” Mayor Lopez said, while arguing the port should stay open.",
        "en",
        "the port should stay open",
        "arguing",
        "Lopez",
    ),
    (
        "“Kami siap,” kata Budi Santoso, sambil menegaskan bahwa jembatan akan dibuka bulan Mei.",
        "id",
        "jembatan akan dibuka bulan Mei",
        "menegaskan",
        "Budi Santoso",
    ),
]


NOT_PARTICIPLE_CASES = [
    ("“The plan is sound,” Mayor Lopez said, adding more.", "en"),  # too short a clause
    ("“The plan is sound,” Mayor Lopez said as the crowd was leaving the hall.", "en"),
    # a connector with no participle cue after it
    ("“The plan is sound,” Mayor Lopez said, before leaving the hall in a hurry.", "en"),
]


CLAUSE_PARTICIPLE_CASES = [
    (
        "Lopez is defending his posts, saying it shows he would be awake for a call.",
        "it shows he would be awake for a call",
        "Lopez",
    ),
    (
        "Lopez criticised the plan, saying Smith was wrong about the costs.",
        "Smith was wrong about the costs",
        "Lopez",
    ),
    ("The plan failed, said Smith.", "The plan failed", "Smith"),  # inversion still works
    (
        "Bolton distanced himself from the group by saying he would be willing to help.",
        "he would be willing to help",
        "Bolton",
    ),
    (
        "The senator ducked, pointing to his record and saying that senators are overrated.",
        "senators are overrated",
        "The senator",
    ),
]


@pytest.mark.parametrize(("text", "lang", "content", "cue", "speaker"), PARTICIPLE_CASES)
def test_participle_clause(text: str, lang: str, content: str, cue: str, speaker: str) -> None:
    ex = extract(text, lang)
    found = [s for s in ex.statements if s.text == content]
    assert found, ex.statements
    st = found[0]
    assert st.kind == "indirect"
    assert st.cue == cue
    assert st.speaker is not None
    assert speaker in st.speaker.name
    direct = [s for s in ex.statements if s.kind == "direct"]
    assert direct and direct[0].speaker == st.speaker


@pytest.mark.parametrize(("text", "lang"), NOT_PARTICIPLE_CASES)
def test_not_participle_clause(text: str, lang: str) -> None:
    assert [s.kind for s in extract(text, lang).statements] == ["direct"]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Gubernur Rina Wati meresmikan jembatan itu sambil mengatakan bahwa"
            " jalan tol akan selesai tahun depan.",
            "jalan tol akan selesai tahun depan",
            "Rina Wati",
        ),
    ],
)
def test_participle_connector_id(text: str, content: str, speaker: str) -> None:
    found = [s for s in extract(text, "id").statements if s.text == content]
    assert found
    assert found[0].speaker is not None
    assert found[0].speaker.name == speaker


@pytest.mark.parametrize(("text", "content", "speaker"), CLAUSE_PARTICIPLE_CASES)
def test_participle_takes_clause_subject(text: str, content: str, speaker: str) -> None:
    found = [s for s in extract(text, "en").statements if s.text == content]
    assert found
    assert found[0].speaker is not None
    assert found[0].speaker.name == speaker


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
