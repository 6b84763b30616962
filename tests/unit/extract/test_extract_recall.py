"""Rules added in rules-0.3.0 for recall on non-speech and nominal attributions: more cue
verbs and pre-cue adverbs, cue words used as nouns, document subjects, and a second cue
of the same speaker ("X said A and warned B"). All texts are written for these tests."""

from __future__ import annotations

import pytest

from tracker.extract import extract

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


@pytest.mark.parametrize(("text", "content", "cue", "speaker"), CUE_VERB_CASES)
def test_more_cue_verbs(text: str, content: str, cue: str, speaker: str) -> None:
    found = [s for s in extract(text, "en").statements if s.text == content]
    assert found, extract(text, "en").statements
    assert found[0].cue == cue
    assert found[0].speaker is not None
    assert found[0].speaker.name == speaker


# A cue word after an article or a possessive is a noun, never the predicate.
NOUN_USE_CASES = [
    "The plan, however, said nothing.",
    "His claims drew little notice in the city.",
    "Lopez's warning came too late for the farmers.",
    "The reports of flooding reached the capital on Monday.",
]


@pytest.mark.parametrize("text", NOUN_USE_CASES)
def test_cue_word_as_noun_names_no_speaker(text: str) -> None:
    for st in extract(text, "en").statements:
        assert st.speaker is None or st.speaker.name.split()[0] not in ("The", "His", "Lopez's")


def test_plan_saying_nothing_is_no_statement() -> None:
    # A newsroom wants no statement here: nothing was claimed, and "The" is nobody.
    assert extract("The plan, however, said nothing.", "en").statements == ()


# Documents, plans and polls are sources of kind "document".
DOCUMENT_SUBJECT_CASES = [
    ("The plan, however, said that taxes would rise.", "taxes would rise", "The plan"),
    (
        "A new poll found that most residents oppose the stadium.",
        "most residents oppose the stadium",
        "A new poll",
    ),
    (
        "The audit concluded that the agency lost track of its trucks.",
        "the agency lost track of its trucks",
        "The audit",
    ),
]


@pytest.mark.parametrize(("text", "content", "speaker"), DOCUMENT_SUBJECT_CASES)
def test_document_subject(text: str, content: str, speaker: str) -> None:
    found = [s for s in extract(text, "en").statements if s.text == content]
    assert found, extract(text, "en").statements
    assert found[0].speaker is not None
    assert found[0].speaker.name == speaker
    assert found[0].speaker.kind == "document"


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


# (text, content, speaker name, speaker kind)
SUBJECT_CASES = [
    (
        "Rural conservatives say the zoning rules will hurt small churches.",
        "the zoning rules will hurt small churches",
        "Rural conservatives",
        "anonymous",
    ),
    (
        "The county auditor is confirming that the fund was never audited.",
        "the fund was never audited",
        "The county auditor",
        "unknown",
    ),
    (
        "Officials at the port authority, a branch of the transport ministry, said they were"
        " worried about the new rules.",
        "they were worried about the new rules",
        "Officials",
        "anonymous",
    ),
    (
        "Two officials at the market — both from the trade ministry — said the cuts had"
        " gone too far.",
        "the cuts had gone too far",
        "Two officials",
        "anonymous",
    ),
]


@pytest.mark.parametrize(("text", "content", "speaker", "kind"), SUBJECT_CASES)
def test_subject_forms(text: str, content: str, speaker: str, kind: str) -> None:
    found = [s for s in extract(text, "en").statements if s.text == content]
    assert found, extract(text, "en").statements
    assert found[0].speaker is not None
    assert found[0].speaker.name == speaker
    assert found[0].speaker.kind == kind


def test_pronoun_after_said_is_not_an_inverted_speaker() -> None:
    text = "The bridge will be late, said they were worried about the costs."
    for st in extract(text, "en").statements:
        assert not (st.cue == "said" and st.speaker_surface == "they")


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


@pytest.mark.parametrize(("text", "content", "cue", "speaker"), PHRASE_CASES)
def test_intent_and_view_phrases(text: str, content: str, cue: str, speaker: str) -> None:
    found = [s for s in extract(text, "en").statements if s.text == content]
    assert found, extract(text, "en").statements
    assert found[0].cue == cue
    assert found[0].speaker is not None
    assert found[0].speaker.name == speaker


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
