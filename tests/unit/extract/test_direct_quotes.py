"""Direct quotes: a cue after or before, continued, resumed, mixed; what is no attribution."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import speaker_name, with_text
from tracker.extract import Statement, extract

ID_CASES = [
    # attribution after the quote
    ("“Harga cabai naik dua kali lipat,” kata Siti Rahayu.", "Siti Rahayu"),
    ("”Kami akan memperbaiki jalan itu tahun depan,” ujar Bupati Arief Wibowo.", "Arief Wibowo"),
    ("“Semua sudah kami siapkan sejak pagi,” tutur Dewi.", "Dewi"),
    ("“Banjir datang tiba-tiba sekali,” ucap warga bernama Joko.", None),
    # attribution before the quote
    (
        "Menteri Pertanian Budi Santoso mengatakan: “Stok beras aman sampai akhir tahun.”",
        "Budi Santoso",
    ),
    # dash attribution
    ("“Kita harus bersatu menghadapi krisis ini” — Rina Marlina.", "Rina Marlina"),
]


EN_CASES = [
    ('"The bridge will reopen next week," said Mayor Tom Keller.', "Tom Keller"),
    ('"We have done nothing wrong here," Jane Doe said.', "Jane Doe"),
    ('Governor Ann Lee said: "The budget is balanced for the first time."', "Ann Lee"),
    ("“Nobody expected the vote to be this close” — Mark Olsen.", "Mark Olsen"),
    ('"I will not resign from this office," the senator said.', "the senator"),
]


@pytest.mark.parametrize(("text", "speaker"), ID_CASES)
def test_indonesian_direct(text: str, speaker: str | None) -> None:
    ex = extract(text, "id")
    direct = [s for s in ex.statements if s.kind == "direct"]
    assert len(direct) == 1
    st = direct[0]
    assert text[st.start : st.end] == st.text
    assert st.text[0] in '“”"' and st.text[-1] in '“”"'
    if speaker is not None:
        assert st.speaker is not None and st.speaker.name == speaker
        assert [h.source.name for h in st.chain] == [speaker]


@pytest.mark.parametrize(("text", "speaker"), EN_CASES)
def test_english_direct(text: str, speaker: str) -> None:
    ex = extract(text, "en")
    direct = [s for s in ex.statements if s.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].speaker is not None and direct[0].speaker.name == speaker


def test_role_from_title_goes_to_role() -> None:
    ex = extract("“Jalan akan diperbaiki,” ujar Bupati Arief Wibowo.", "id")
    sp = ex.statements[0].speaker
    assert sp is not None and sp.role == "Bupati" and sp.kind == "person"


def test_colon_lead_in_paragraph_and_continuation() -> None:
    text = (
        "Ketua panitia Sari Dewanti mengatakan:\n"
        "“Acara tahun ini diikuti lebih dari seribu peserta dari berbagai daerah.”\n"
        "“Kami berterima kasih kepada semua relawan yang sudah membantu.”"
    )
    ex = extract(text, "id")
    direct = [s for s in ex.statements if s.kind == "direct"]
    assert len(direct) == 2
    assert all(s.speaker is not None and s.speaker.name == "Sari Dewanti" for s in direct)


def test_speaker_named_in_previous_sentence() -> None:
    text = (
        "Kepala sekolah Hadi Purnomo menyampaikan, ujian akan digelar bulan depan. "
        "“Semua siswa wajib hadir tepat waktu dan membawa kartu ujian.”"
    )
    ex = extract(text, "id")
    direct = [s for s in ex.statements if s.kind == "direct"]
    assert direct and direct[0].speaker is not None
    assert direct[0].speaker.name == "Hadi Purnomo"


def test_split_quote_shares_speaker() -> None:
    text = '"We will win this state," Maria Gomez said, "and then the next one."'
    ex = extract(text, "en")
    direct = [s for s in ex.statements if s.kind == "direct"]
    assert len(direct) == 2
    assert {s.speaker.name for s in direct if s.speaker} == {"Maria Gomez"}


# (text, speaker name): the attribution after a quote, past an apposition or "according to"
AFTER_QUOTE_CASES = [
    (
        '"The plan is sound," Mark E. Larson, director of the Lakeside Budget Center and a'
        " professor at the Hilltop School of State University, said of the bill.",
        "Mark E. Larson",
    ),
    (
        '"The plan is sound," Mark Larson II, a writer for The Harbor, said on Twitter.',
        "Mark Larson II",
    ),
    ('"The plan is sound," Rep. Ana B. Lopez (D-Md.) said in a phone interview.', "Ana B. Lopez"),
    ('"The plan is sound," Senate Majority Leader Ana Lopez, R-Ky., said Tuesday.', "Ana Lopez"),
    (
        "\u201cThe files show two missing payments,\u201d according to Open Records Watch.",
        "Open Records Watch",
    ),
    # a lower-case word before the title, and the party in parentheses, are no name
    ('"The plan is sound," panel Chairman Rep. Ana Lopez (R-Utah) said on Friday.', "Ana Lopez"),
    ('"The plan is sound," Mark Larson Jr. said on Friday.', "Mark Larson Jr"),
    # a described name after the cue, and a definite common noun
    ('"The plan is sound," said 9/11 widow Ana Lopez.', "Ana Lopez"),
    ('"The plan is sound," said the welder, who has worked at the yard for years.', "the welder"),
]


@pytest.mark.parametrize(("text", "speaker"), AFTER_QUOTE_CASES)
def test_speaker_after_quote(text: str, speaker: str) -> None:
    direct = [s for s in extract(text, "en").statements if s.kind == "direct"]
    assert direct
    assert direct[0].speaker is not None
    assert direct[0].speaker.name == speaker


def test_apposition_after_quote_needs_a_cue() -> None:
    text = '"The plan is sound," Ana Lopez, a writer for The Harbor, and her friends left early.'
    for st in extract(text, "en").statements:
        assert st.speaker is None or st.speaker.name != "The Harbor"


def test_apposition_attribution_keeps_quote_sentence() -> None:
    # the full stop inside the quote does not end the sentence before its attribution
    text = (
        '"The plan is sound." Mark E. Larson, director of the Lakeside Budget Center and a'
        " professor at the Hilltop School, said of the bill."
    )
    direct = [s for s in extract(text, "en").statements if s.kind == "direct"]
    assert direct
    assert direct[0].speaker is not None
    assert direct[0].speaker.name == "Mark E. Larson"


def _speaker(statements: tuple[Statement, ...], content: str) -> str | None:
    found = [s for s in statements if s.text == content]
    assert found, statements
    return found[0].speaker.name if found[0].speaker is not None else None


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Jeb Lane called the plan “reckless.” Sen. Ana Lopez called the statement “silly.”",
            "the statement “silly.”",
            "Ana Lopez",
        ),
        (
            "Lane praised the deal as “a fair start.” Lopez said it would not last a year.",
            "it would not last a year",
            "Lopez",
        ),
    ],
)
def test_quote_closing_a_narrative_sentence_ends_it(text: str, content: str, speaker: str) -> None:
    assert _speaker(extract(text, "en").statements, content) == speaker


def test_quote_opening_its_sentence_keeps_its_attribution() -> None:
    statements = extract("“Will it pass?” Lopez asked. “Nobody knows.”", "en").statements
    assert _speaker(statements, "“Will it pass?”") == "Lopez"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            'The port "needs a new crane before the winter," Lane said.',
            'The port "needs a new crane before the winter,"',
            "Lane",
        ),
        (
            "The city should rebuild its pier ''as soon as it can, as well as it can,'' said "
            "Mr. Lane, a member of the council.",
            "The city should rebuild its pier ''as soon as it can, as well as it can,''",
            "Lane",
        ),
    ],
)
def test_clause_ending_in_quote_then_attribution(text: str, content: str, speaker: str) -> None:
    statements = extract(text, "en").statements
    found = [s for s in statements if s.text == content]
    assert found, statements
    assert found[0].kind == "mixed"
    assert found[0].speaker is not None
    assert found[0].speaker.name == speaker
    assert all(s.speaker is None or s.speaker.name == speaker for s in statements), statements


def test_title_in_quotes_before_attribution_is_no_clause() -> None:
    text = 'Speaking on "This Week," Lopez said that the bridge would open in May.'
    statements = extract(text, "en").statements
    assert [s.text for s in statements if s.kind != "partial"] == [
        "the bridge would open in May"
    ], statements


def test_common_noun_subject_before_a_quote_is_direct() -> None:
    text = "As a phone rang, the announcer said, “It is late, and your children are asleep.”"
    statements = extract(text, "en").statements
    st = with_text(statements, "“It is late, and your children are asleep.”")
    assert st.kind == "direct"
    assert st.speaker is not None and st.speaker.name == "the announcer"
    assert not [s for s in statements if s.text == "As a phone rang"]


@pytest.mark.parametrize(
    ("text", "content", "kind", "speaker"),
    [
        (
            "“The budget is a mess,” Ana Ruiz said on Friday, “and we will fix it soon.”",
            "“and we will fix it soon.”",
            "direct",
            "Ana Ruiz",
        ),
        (
            "“If the audit is right,” Ruiz said, pointing to the report, “the fund lost money "
            "for three years.”",
            "“the fund lost money for three years.”",
            "direct",
            "Ruiz",
        ),
        (
            "“I like the plan,” Ana Ruiz told the panel in Denver, “but it costs too much.”",
            "“but it costs too much.”",
            "direct",
            "Ana Ruiz",
        ),
        (
            'Pike "signed a deal with the city," Ana Ruiz said, and still "kept the old '
            'contract for himself."',
            'and still "kept the old contract for himself."',
            "mixed",
            "Ana Ruiz",
        ),
        (
            '"I have known Tom for years," Ana Ruiz said, but "on roads his numbers do not '
            'add up."',
            'but "on roads his numbers do not add up."',
            "mixed",
            "Ana Ruiz",
        ),
    ],
)
def test_quote_resumed_after_its_attribution(
    text: str, content: str, kind: str, speaker: str
) -> None:
    st = with_text(extract(text, "en").statements, content)
    assert (st.kind, speaker_name(st)) == (kind, speaker)


def test_cue_up_to_ten_words_before_the_quote() -> None:
    text = 'Ruiz said while she handed out the awards in Tampa last night, "This team earned it."'
    st = with_text(extract(text, "en").statements, '"This team earned it."')
    assert (st.kind, speaker_name(st)) == ("direct", "Ruiz")


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


def _with(statements: tuple[Statement, ...], fragment: str) -> Statement:
    found = [s for s in statements if fragment in s.text and s.kind != "partial"]
    assert found, statements
    return found[0]


def test_a_title_in_quotes_is_not_a_direct_quote() -> None:
    text = 'The mayor, star of the reality TV show "Town Hall," said in May that he would run.'
    assert all(s.kind != "direct" for s in extract(text, "en").statements)


def test_a_possessive_subject_after_a_quote() -> None:
    text = 'The paranoia remained. "We live in a fallen world," my father often said.'
    stmt = _with(extract(text, "en").statements, "fallen world")
    assert stmt.speaker_surface == "my father"


def test_a_noun_cue_before_a_quote_is_no_attribution() -> None:
    text = (
        "With rivals worried about a lack of energy among young voters in the northern "
        'counties, President Lopez is rolling out a plan: "It is about me."'
    )
    stmt = _with(extract(text, "en").statements, "It is about me")
    assert stmt.cue != "plan"
    assert stmt.speaker is not None and stmt.speaker.name == "Lopez"


@pytest.mark.parametrize(
    ("text", "lead", "speaker"),
    [
        (
            "Whether the issue is taxes, roads or schools, Lopez said, “we will not back down.”",
            "Whether the issue is taxes, roads or schools",
            "Lopez",
        ),
        (
            "The county has never paid its share of the bridge, Ana Lopez said, “and now it "
            "wants a vote.”",
            "The county has never paid its share of the bridge",
            "Ana Lopez",
        ),
    ],
)
def test_a_lead_clause_before_x_said_and_a_quote(text: str, lead: str, speaker: str) -> None:
    """The clause before "X said, “…”" is X's claim too."""
    stmt = _with(extract(text, "en").statements, lead)
    assert stmt.text == lead and stmt.kind == "indirect"
    assert stmt.speaker is not None and stmt.speaker.name == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Later in the day, Lopez said, “we will not back down on the bridge.”",
        "Less than thirty minutes later, Lopez wrote, “we will not back down on it.”",
        "After the long meeting with the council, Lopez said, “we will not back down.”",
    ],
)
def test_an_adverbial_lead_is_no_statement(text: str) -> None:
    assert [s.kind for s in extract(text, "en").statements if s.kind != "partial"] == ["direct"]


def test_audience_is_not_the_speaker() -> None:
    ex = extract("“Kami siap bekerja,” kata Rahmat kepada wartawan di Bandung.", "id")
    assert ex.statements[0].speaker is not None
    assert ex.statements[0].speaker.name == "Rahmat"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Said Lopez: “The plan is sound and the money is there.”", "Lopez"),
        ("Said the mayor: “The plan is sound and the money is there.”", "the mayor"),
    ],
)
def test_inverted_lead_in(text: str, speaker: str) -> None:
    """ "Said X: “…”": the cue opens the sentence and names its speaker after it."""
    [st] = extract(text, "en").statements
    assert (st.kind, st.rule, speaker_name(st)) == ("direct", "quote_cue_before", speaker)


@pytest.mark.parametrize(
    ("text", "lang", "content", "kind"),
    [
        # a quote after "that" is reported speech in quoted words: mixed
        (
            "Lane said that “the council will listen to us.”",
            "en",
            "“the council will listen to us.”",
            "mixed",
        ),
        (
            "Lane said, “The council will listen to us.”",
            "en",
            "“The council will listen to us.”",
            "direct",
        ),
        (
            "Lane mengatakan bahwa “dewan akan mendengar kami semua.”",
            "id",
            "“dewan akan mendengar kami semua.”",
            "mixed",
        ),
        # reported content that is one whole quote is a direct quote
        (
            "Lane left the hall early, saying, “The council will not listen to us.”",
            "en",
            "“The council will not listen to us.”",
            "direct",
        ),
    ],
)
def test_kind_of_a_quote_after_its_cue(text: str, lang: str, content: str, kind: str) -> None:
    st = with_text(extract(text, lang).statements, content)
    assert st.kind == kind
    assert speaker_name(st) == "Lane"


@pytest.mark.parametrize(
    ("text", "language", "content", "kind", "speaker"),
    [
        (
            "The board says on its website that “the new pool will open in June.”",
            "en",
            "“the new pool will open in June.”",
            "mixed",
            "The board",
        ),
        (
            "The council wrote in a letter that “no park will close this year.”",
            "en",
            "“no park will close this year.”",
            "mixed",
            "The council",
        ),
        (
            "Dewan kota menyatakan dalam suratnya bahwa “tidak ada taman yang akan ditutup "
            "tahun ini.”",
            "id",
            "“tidak ada taman yang akan ditutup tahun ini.”",
            "mixed",
            "Dewan kota",
        ),
        # no complementizer: the quote is the speaker's own words
        (
            "The board says on its website: “the new pool will open in June.”",
            "en",
            "“the new pool will open in June.”",
            "direct",
            "The board",
        ),
    ],
)
def test_quote_after_complementizer_is_mixed(
    text: str, language: str, content: str, kind: str, speaker: str
) -> None:
    """'X said that "…"' is reported speech holding quoted words, however the sieves reach
    it (a lead-in cue, or reported speech whose content is the quote alone)."""
    found = [s for s in extract(text, language).statements if s.text == content]
    whole = [s for s in found if s.kind != "partial"]
    assert len(whole) == 1, found
    assert (whole[0].kind, speaker_name(whole[0])) == (kind, speaker)
