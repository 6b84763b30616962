"""Reported speech ("X said that …", "…, he said.", "…, said X"), audiences, cue words."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import speaker_name, with_text
from tracker.extract import Statement, extract

ID_CASES = [
    (
        "Gubernur Lina Marpaung mengatakan bahwa anggaran pendidikan akan dinaikkan.",
        "anggaran pendidikan akan dinaikkan",
        "Lina Marpaung",
    ),
    (
        "Direktur utama PT Maju Jaya, Rudi Hartono, menegaskan perusahaan"
        " tidak akan mem-PHK karyawan.",
        "perusahaan tidak akan mem-PHK karyawan",
        "Rudi Hartono",
    ),
    (
        "Ekonom senior Faisal Akbar menilai, inflasi masih terkendali.",
        "inflasi masih terkendali",
        "Faisal Akbar",
    ),
    (
        "Menurut Kepala Dinas Kesehatan Yuni Astuti, kasus demam berdarah menurun.",
        "kasus demam berdarah menurun",
        "Yuni Astuti",
    ),
    ("Polisi menyatakan bahwa pelaku sudah ditangkap.", "pelaku sudah ditangkap", "Polisi"),
    (
        "Wakil Ketua DPRD Anton Simanjuntak menambahkan, rapat akan dilanjutkan besok.",
        "rapat akan dilanjutkan besok",
        "Anton Simanjuntak",
    ),
]


EN_CASES = [
    (
        "Senator Paul Grant said that the bill would pass next month.",
        "the bill would pass next month",
        "Paul Grant",
    ),
    ("The deal is almost done, Maria Lopez said.", "The deal is almost done", "Maria Lopez"),
    (
        "According to Sheriff Dan Ruiz, the road will stay closed until Friday.",
        "the road will stay closed until Friday",
        "Dan Ruiz",
    ),
    (
        "The factory will close in March, according to the company.",
        "The factory will close in March",
        "the company",
    ),
]


@pytest.mark.parametrize(("text", "content", "speaker"), ID_CASES)
def test_indonesian_indirect(text: str, content: str, speaker: str) -> None:
    ex = extract(text, "id")
    assert len(ex.statements) == 1
    st = ex.statements[0]
    assert st.kind == "indirect"
    assert st.text == content
    assert st.speaker is not None and st.speaker.name == speaker


@pytest.mark.parametrize(("text", "content", "speaker"), EN_CASES)
def test_english_indirect(text: str, content: str, speaker: str) -> None:
    ex = extract(text, "en")
    assert len(ex.statements) == 1
    st = ex.statements[0]
    assert (st.kind, st.text) == ("indirect", content)
    assert st.speaker is not None and st.speaker.name == speaker


def test_unresolved_pronoun_keeps_the_claim_with_unknown_speaker() -> None:
    ex = extract("Dia mengatakan bahwa hujan akan turun.", "id")
    (st,) = ex.statements
    assert st.text == "hujan akan turun"
    assert st.speaker is None and st.speaker_surface == "Dia" and st.chain == ()


# (text, content, cue, speaker name)
CUE_VERB_CASES = [
    (
        "Lopez now says the budget plan goes too far.",
        "the budget plan goes too far",
        "says",
        "Lopez",
    ),
    (
        "Lopez has long said that she would never raise the sales tax.",
        "she would never raise the sales tax",
        "said",
        "Lopez",
    ),
    (
        "Lopez does not believe the budget is balanced.",
        "the budget is balanced",
        "believe",
        "Lopez",
    ),
    (
        "The mayor disputes that the river was ever polluted by the plant.",
        "the river was ever polluted by the plant",
        "disputes",
        "The mayor",
    ),
    (
        "Union leaders denounced the deal as a betrayal of the workers.",
        "the deal as a betrayal of the workers",
        "denounced",
        "Union leaders",
    ),
    (
        "Lopez suspects that the figures were changed after the audit.",
        "the figures were changed after the audit",
        "suspects",
        "Lopez",
    ),
]


# A cue word after an article or a possessive is a noun, never the predicate.
NOUN_USE_CASES = [
    "The plan, however, said nothing.",
    "His claims drew little notice in the city.",
    "Lopez's warning came too late for the farmers.",
    "The reports of flooding reached the capital on Monday.",
]


# (text, content, cue, speaker name): intent phrases and "in the view of X"
PHRASE_CASES = [
    (
        "Lopez would like the council to approve the budget this week.",
        "the council to approve the budget this week",
        "would like",
        "Lopez",
    ),
    (
        "In the view of most economists, the plan will raise prices.",
        "the plan will raise prices",
        "In the view of",
        "most economists",
    ),
]


@pytest.mark.parametrize(("text", "content", "cue", "speaker"), CUE_VERB_CASES)
def test_more_cue_verbs(text: str, content: str, cue: str, speaker: str) -> None:
    found = [s for s in extract(text, "en").statements if s.text == content]
    assert found, extract(text, "en").statements
    assert found[0].cue == cue
    assert found[0].speaker is not None
    assert found[0].speaker.name == speaker


@pytest.mark.parametrize("text", NOUN_USE_CASES)
def test_cue_word_as_noun_names_no_speaker(text: str) -> None:
    for st in extract(text, "en").statements:
        assert st.speaker is None or st.speaker.name.split()[0] not in ("The", "His", "Lopez's")


def test_plan_saying_nothing_is_no_statement() -> None:
    # A newsroom wants no statement here: nothing was claimed, and "The" is nobody.
    assert extract("The plan, however, said nothing.", "en").statements == ()


@pytest.mark.parametrize(("text", "content", "cue", "speaker"), PHRASE_CASES)
def test_intent_and_view_phrases(text: str, content: str, cue: str, speaker: str) -> None:
    found = [s for s in extract(text, "en").statements if s.text == content]
    assert found, extract(text, "en").statements
    assert found[0].cue == cue
    assert found[0].speaker is not None
    assert found[0].speaker.name == speaker


def test_pronoun_after_said_is_not_an_inverted_speaker() -> None:
    text = "The bridge will be late, said they were worried about the costs."
    for st in extract(text, "en").statements:
        assert not (st.cue == "said" and st.speaker_surface == "they")


@pytest.mark.parametrize(
    ("text", "lang", "content", "cue", "speaker"),
    [
        (
            "Sen. Ana Lopez (D-Mo.), who has endorsed the governor, said the party must unite.",
            "en",
            "the party must unite",
            "said",
            "Ana Lopez",
        ),
        (
            "Ana Lopez, who long opposed the plan, now says it is the best option.",
            "en",
            "it is the best option",
            "says",
            "Ana Lopez",
        ),
        (
            "Ana Lopez, yang telah mendukung Budi, mengatakan bahwa partai itu akan menang.",
            "id",
            "partai itu akan menang",
            "mengatakan",
            "Ana Lopez",
        ),
    ],
)
def test_cue_in_relative_clause_yields_to_main_verb(
    text: str, lang: str, content: str, cue: str, speaker: str
) -> None:
    statements = extract(text, lang).statements
    found = [s for s in statements if s.text == content]
    assert found, statements
    assert found[0].cue == cue
    assert found[0].speaker is not None
    assert found[0].speaker.name == speaker
    assert all(s.cue in (cue, None) for s in statements if s.kind != "partial"), statements


def test_relative_clause_cue_alone_keeps_to_its_clause() -> None:
    text = "Ana Lopez, who has endorsed the mayor, voted for the bill."
    statements = extract(text, "en").statements
    assert [s.text for s in statements] == ["the mayor"], statements


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Later in the day, the agency said it would cooperate.",
            "it would cooperate",
            "the agency",
        ),
        (
            "The museum will open in May, the mayor told a council panel Tuesday.",
            "The museum will open in May",
            "the mayor",
        ),
    ],
)
def test_short_content_after_said(text: str, content: str, speaker: str) -> None:
    statements = extract(text, "en").statements
    assert [s.text for s in statements if s.kind != "partial"] == [content]
    assert statements[0].speaker is not None
    assert statements[0].speaker.name.lower() == speaker.lower()


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        (
            "Lopez vetoed the bill on Friday, calling the tax cuts reckless and unfair.",
            "the tax cuts reckless and unfair",
            "calling",
            "Lopez",
        ),
        (
            "Lopez made it clear that she would not run again.",
            "she would not run again",
            "made it clear",
            "Lopez",
        ),
        (
            "Lopez refers to the new levy as a tax on the poor.",
            "the new levy as a tax on the poor",
            "refers to",
            "Lopez",
        ),
    ],
)
def test_more_cue_phrases(text: str, content: str, cue: str, speaker: str) -> None:
    statements = extract(text, "en").statements
    found = [s for s in statements if s.text == content]
    assert found, statements
    assert found[0].cue == cue
    assert found[0].speaker is not None
    assert found[0].speaker.name == speaker


def _found(text: str, content: str) -> Statement:
    statements = extract(text, "en").statements
    found = [s for s in statements if s.text == content]
    assert found, [(s.text, s.speaker.name if s.speaker else None) for s in statements]
    return found[0]


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


def test_that_after_a_cue_is_no_speaker() -> None:
    """ "…, said that the files …": the content follows the cue, nobody is named after it."""
    text = (
        "Nadia Petrov, a retired ferry captain who now sits on the harbor advisory panel and"
        " teaches navigation at night, said that the council was studying the plan."
    )
    statements = extract(text, "en").statements
    assert [s.text for s in statements] == ["the council was studying the plan"]
    assert speaker_name(statements[0]) == "Nadia Petrov"


@pytest.mark.parametrize(("text", "content", "speaker"), HEADLINE_CASES)
def test_headline_verbs(text: str, content: str | None, speaker: str | None) -> None:
    if content is None:
        assert extract(text, "en").statements == ()
        return
    stmt = _found(text, content)
    assert speaker is not None and speaker in (speaker_name(stmt) or "")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The union thanked Pike, who says the field will reopen in May.",
            "the field will reopen in May",
            "Pike",
        ),
        (
            "The mayor praised Ana Ruiz, who said the budget was short.",
            "the budget was short",
            "Ana Ruiz",
        ),
    ],
)
def test_relative_clause_inside_content_is_the_antecedents(
    text: str, content: str, speaker: str
) -> None:
    sts = extract(text, "en").statements
    st = with_text(sts, content)
    assert speaker_name(st) == speaker
    assert not [s for s in sts if ", who" in s.text], sts


@pytest.mark.parametrize(
    "text",
    [
        "After a week of talks, the council backed out of the deal.",
        "Farmers blocked the road to the Tribune office after it backed Ruiz.",
        "The levy was supported by most farmers in the valley.",
        "The board will hire Tom Pike, who was charged with fraud in 2010.",
        "Ruiz showed up at the hearing an hour late.",
    ],
)
def test_no_statement_from_phrasal_passive_or_object_cues(text: str) -> None:
    sts = extract(text, "en").statements
    bad = {"backed", "supported", "charged", "showed"}
    assert not [s for s in sts if (s.cue or "").lower() in bad], sts


@pytest.mark.parametrize(
    "text",
    [
        "Lane appeared on a Spanish reality show in 2003.",
        "Reporting by Ana Ruiz; Editing by Tom Lee.",
        "Another eight states, with 83 votes, have split control.",
        "Twenty-seven states led by Ohio are challenging the rules.",
        "He met a mix of lawmakers and other party figures in an attempt to smooth relations.",
    ],
)
def test_cue_words_used_otherwise_make_no_statement(text: str) -> None:
    """A guest appearance, a credit line and counted or listed nouns ("eight states",
    "party figures in …") report no claim."""
    assert extract(text, "en").statements == ()


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Lane appears to be embracing the plan.", "appears"),
        ("Lane states in the memo that the plan failed.", "states"),
    ],
)
def test_cue_words_still_cues_before_other_followers(text: str, cue: str) -> None:
    """Only what follows decides: "appears to" keeps its evidential reading, and "states in
    the memo that" is the verb."""
    [st] = extract(text, "en").statements
    assert st.cue == cue


def _spans(text: str) -> list[tuple[str, str | None]]:
    ex = extract(text, "en")
    return [
        (s.text, s.speaker.name if s.speaker else None)
        for s in ex.statements
        if s.kind != "partial"
    ]


def test_aside_after_inverted_speaker() -> None:
    text = (
        "However noble the aim, using the sales tax ''is a poor approach,'' said Mr. Lamb"
        " (a view shared by others)."
    )
    st = [s for s in extract(text, "en").statements if s.kind != "partial"]
    assert len(st) == 1
    assert st[0].text.startswith("However noble the aim")
    assert st[0].speaker is not None and st[0].speaker.name == "Lamb"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Holding that district is squarely within the governor's reach, said a handful of"
            " Democrats who point to his ties with labor.",
            "Holding that district is squarely within the governor's reach",
            "a handful of Democrats",
        ),
        (
            "The firm lobbied for the hotel group on taxes in Ohio and Texas, said lobbyist and"
            " strategist Carl Bloom, Lane's former partner.",
            "The firm lobbied for the hotel group on taxes in Ohio and Texas",
            "Carl Bloom",
        ),
        (
            "The new ferry will run twice a day, said two aides to the governor.",
            "The new ferry will run twice a day",
            "two aides to the governor",
        ),
    ],
)
def test_inverted_speaker_opening_lower_case(text: str, content: str, speaker: str) -> None:
    assert _spans(text) == [(content, speaker)]


def test_no_inverted_group_after_a_verb_taking_an_object() -> None:
    got = _spans("The governor lost the primary, but in Iowa, he, too, feels a payoff coming.")
    assert all(name != "a payoff coming" for _, name in got)


@pytest.mark.parametrize(
    ("text", "content", "chain"),
    [
        (
            "The mayor could back a clean energy plan, but only if it pays, Sen. Dana Ruiz"
            " (R-Ohio) told The Daily Ledger in an interview.",
            "The mayor could back a clean energy plan, but only if it pays",
            [("Daily Ledger", "news_outlet", "told"), ("Dana Ruiz", "person", "said")],
        ),
        (
            "The port deal is dead, Gov. Amir Haddad told the Valley Herald on Tuesday.",
            "The port deal is dead",
            [("Valley Herald", "news_outlet", "told"), ("Amir Haddad", "person", "said")],
        ),
        (
            "The levy is too steep, Dana Ruiz told the committee in a hearing on the bill.",
            "The levy is too steep",
            [("Dana Ruiz", "person", "said")],
        ),
    ],
)
def test_told_audience_after_the_content(
    text: str, content: str, chain: list[tuple[str, str, str]]
) -> None:
    st = [s for s in extract(text, "en").statements if s.kind != "partial"]
    assert [s.text for s in st] == [content]
    assert [(h.source.name, h.source.kind, h.relation) for h in st[0].chain] == chain


@pytest.mark.parametrize(
    ("text", "content", "chain"),
    [
        (
            "Lane told reporters it is clear that the bill will pass.",
            "it is clear that the bill will pass",
            ["Lane"],
        ),
        ("Lopez told him the plan was dead.", "the plan was dead", ["Lopez"]),
        ("Lopez told a Senate panel Wednesday the plan was dead.", "the plan was dead", ["Lopez"]),
        (
            "Lopez told the Associated Press the bill would pass.",
            "the bill would pass",
            ["Associated Press", "Lopez"],
        ),
        ("Kim told CNN on Sunday the talks had failed.", "the talks had failed", ["CNN", "Kim"]),
        ("Lopez told lawmakers on Tuesday that the deal was done.", "the deal was done", ["Lopez"]),
    ],
)
def test_the_audience_is_not_content(text: str, content: str, chain: list[str]) -> None:
    [statement] = [s for s in extract(text, "en").statements if s.kind != "partial"]
    assert statement.text == content
    assert [hop.source.name for hop in statement.chain] == chain


def test_an_unclear_audience_keeps_the_content_whole() -> None:
    """ "told reporters prices would rise": no clause opener after "reporters", so the
    extractor does not guess where the audience ends."""
    [statement] = extract("Lopez told reporters prices would rise.", "en").statements
    assert statement.text.endswith("prices would rise")
    assert statement.speaker is not None and statement.speaker.name == "Lopez"


def test_the_audience_after_a_long_subject_is_never_the_speaker() -> None:
    text = (
        "Lane, 56, who has served on the committee for a decade, told reporters it is clear "
        "that the bill will pass."
    )
    speakers = {s.speaker.name for s in extract(text, "en").statements if s.speaker}
    assert "reporters" not in speakers


@pytest.mark.parametrize(
    ("text", "language", "content", "speaker"),
    [
        # a weak cue with no complementizer takes a clause (an auxiliary, a negation or a
        # prefixed verb after its subject), never an object
        (
            "Rudi Hartono memastikan tidak ada biaya tambahan bagi keluarga korban.",
            "id",
            "tidak ada biaya tambahan bagi keluarga korban",
            "Rudi Hartono",
        ),
        (
            "Ketua KNTI Dani Setiawan menilai UU Perikanan menciptakan kekeliruan besar.",
            "id",
            "UU Perikanan menciptakan kekeliruan besar",
            "Dani Setiawan",
        ),
        (
            "Mayor Ana Ruiz expects the bridge will open in May.",
            "en",
            "the bridge will open in May",
            "Ana Ruiz",
        ),
    ],
)
def test_weak_cue_with_a_clause_and_no_complementizer(
    text: str, language: str, content: str, speaker: str
) -> None:
    [st] = extract(text, language).statements
    assert st.text == content
    assert st.speaker is not None and st.speaker.name == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Polisi memastikan keamanan warga.",  # an object, no clause
        "Polisi tidak bisa memastikan apakah para pelajar itu akan berunjuk rasa.",  # denied
        "Budi menyebut rencana itu “memalukan” di depan dewan.",  # a quoted word names it
        # a subject set off by commas: the subject finders guess worst there
        "Agus, pegiat wisata di Desa Karangrejo, berharap bandara itu bisa menarik wisatawan.",
    ],
)
def test_weak_cue_without_a_bare_clause_makes_no_statement(text: str) -> None:
    assert [s.kind for s in extract(text, "id").statements if s.kind == "indirect"] == []


@pytest.mark.parametrize(
    ("text", "language", "content", "absent"),
    [
        (
            # an adverbial lead is the setting; the clause resumes after the attribution
            "Dalam pelaksanaan aturan itu, lanjut Teguh, polisi harus mengacu pada peraturan"
            " gubernur.",
            "id",
            "polisi harus mengacu pada peraturan gubernur",
            "Dalam pelaksanaan aturan itu",
        ),
        (
            "In the first week, Lopez said, the ferry will carry only freight.",
            "en",
            "the ferry will carry only freight",
            None,
        ),
    ],
)
def test_a_clause_resumes_after_an_attribution_set_inside_it(
    text: str, language: str, content: str, absent: str | None
) -> None:
    texts = [s.text for s in extract(text, language).statements]
    assert content in texts
    assert absent is None or absent not in texts


@pytest.mark.parametrize(
    "text",
    [
        # a role or a time after the speaker is no resumed clause
        "Harga beras naik lagi pekan ini, kata Juriah, pengelola warung itu.",
        "Harga beras naik lagi pekan ini, kata Budi, Senin (5/10/2020).",
    ],
)
def test_an_apposition_or_time_after_a_post_cue_is_no_statement(text: str) -> None:
    texts = [s.text for s in extract(text, "id").statements]
    assert texts == ["Harga beras naik lagi pekan ini"]
