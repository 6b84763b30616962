"""Rules added in rules-0.2.0: "Name: claim" lines, common-noun subjects of a cue, and a
participle clause after a quote's attribution ("…," X said, adding that …)."""

from __future__ import annotations

import pytest

from tracker.extract import extract

LINE_CASES = [
    (
        "Ana Wirawan: Harga beras akan turun bulan depan\n\nPasar ramai pagi ini.",
        "id",
        "Harga beras akan turun bulan depan",
        "Ana Wirawan",
    ),
    (
        "Mayor Lin: The new bridge will open before winter\n\nTraffic was light.",
        "en",
        "The new bridge will open before winter",
        "Lin",
    ),
    (
        "Story opens here.\nCOUNCILLOR REED: We have waited three years for this road.",
        "en",
        "We have waited three years for this road",
        "REED",
    ),
    (
        "Survey: Most residents back the new park plan\nMore below.",
        "en",
        "Most residents back the new park plan",
        "Survey",
    ),
]

NOT_LINE_CASES = [
    ("Update: The council met again on Monday night to vote.", "en"),
    ("Baca juga: Harga cabai naik di pasar induk kota.", "id"),
    ("The Latest: Storm moves east across the three valleys\n", "en"),
    ("Lin: Yes\n", "en"),  # too short to be a claim
    ("The plan has one goal: Lower prices for every family in town.", "en"),  # not a line start
]

COMMON_SUBJECT_CASES = [
    (
        "The state auditor says an internal review shows no money was lost.",
        "an internal review shows no money was lost",
        "The state auditor",
    ),
    (
        "Ohio’s tax commissioner says the review found nothing unusual.",
        "the review found nothing unusual",
        "Ohio’s tax commissioner",
    ),
    (
        "The van was supposed to leave at noon, another source said.",
        "The van was supposed to leave at noon",
        "another source",
    ),
    (
        "The bridge will reopen in June, the state auditor said on Friday.",
        "The bridge will reopen in June",
        "the state auditor",
    ),
]

# "In a statement, the network said …" gives "the network" since the fourth recall round
# (an adverbial opener before a common-noun subject): see test_extract_recall4.py
NOT_COMMON_SUBJECT_CASES = [
    "The state auditor also says nothing.",
]


@pytest.mark.parametrize(("text", "lang", "content", "speaker"), LINE_CASES)
def test_line_speaker(text: str, lang: str, content: str, speaker: str) -> None:
    ex = extract(text, lang)
    found = [s for s in ex.statements if s.text == content]
    assert found, ex.statements
    st = found[0]
    assert st.kind == "indirect"
    assert st.cue == ":"
    assert st.speaker is not None
    assert speaker in st.speaker.name
    assert text[st.start : st.end] == content


@pytest.mark.parametrize(("text", "lang"), NOT_LINE_CASES)
def test_not_line_speaker(text: str, lang: str) -> None:
    assert not [s for s in extract(text, lang).statements if s.cue == ":"]


@pytest.mark.parametrize(("text", "content", "speaker"), COMMON_SUBJECT_CASES)
def test_common_noun_subject(text: str, content: str, speaker: str) -> None:
    ex = extract(text, "en")
    found = [s for s in ex.statements if s.text == content]
    assert found, ex.statements
    assert found[0].speaker is not None
    assert found[0].speaker.name == speaker


@pytest.mark.parametrize("text", NOT_COMMON_SUBJECT_CASES)
def test_not_common_noun_subject(text: str) -> None:
    for st in extract(text, "en").statements:
        assert st.speaker is None or st.speaker.name not in ("the network", "The state auditor")


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
]

NOT_PARTICIPLE_CASES = [
    ("“The plan is sound,” Mayor Lopez said, adding more.", "en"),  # too short a clause
    ("“The plan is sound,” Mayor Lopez said as the crowd was leaving the hall.", "en"),
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


APPOSITION_CASES = [
    (
        "Senator Ana Lopez, Democrat of Ohio, said the program has failed many families.",
        "the program has failed many families",
        "Ana Lopez",
    ),
    (
        "Mark Lee, the new finance director, said that the budget was balanced.",
        "the budget was balanced",
        "Mark Lee",
    ),
    ("Lopez however said he would welcome the move.", "he would welcome the move", "Lopez"),
]


@pytest.mark.parametrize(("text", "content", "speaker"), APPOSITION_CASES)
def test_name_before_apposition(text: str, content: str, speaker: str) -> None:
    found = [s for s in extract(text, "en").statements if s.text == content]
    assert found
    assert found[0].speaker is not None
    assert found[0].speaker.name == speaker


def test_apposition_needs_a_named_person() -> None:
    text = "After the long vote, many of them, said the plan was dead."
    for st in extract(text, "en").statements:
        assert st.speaker is None or st.speaker.kind != "person"
