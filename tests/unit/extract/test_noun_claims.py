"""Claims named by a noun of saying ("Lopez's claim that …") are the owner's statements."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import with_text
from tracker.extract import extract


@pytest.mark.parametrize(
    ("text", "lang", "content", "cue", "speaker"),
    [
        (
            "Fact-checkers examined Mayor Lin's claim that burglaries doubled last year.",
            "en",
            "burglaries doubled last year",
            "claim",
            "Lin",
        ),
        (
            "Lee's claim that the vote was rigged is false.",
            "en",
            "the vote was rigged",
            "claim",
            "Lee",
        ),
        (
            "Voters shrugged off the senator's repeated warning that the pension fund would "
            "run dry.",
            "en",
            "the pension fund would run dry",
            "warning",
            "the senator",
        ),
        (
            "Diplomats backed the appeals judges’ statement that their ruling must stand, a "
            "view shared by Peru.",
            "en",
            "their ruling must stand",
            "statement",
            "the appeals judges",
        ),
        (
            "Nobody believed claims by a local blogger that the dam had cracked.",
            "en",
            "the dam had cracked",
            "claims",
            "a local blogger",
        ),
        (
            "The vote went ahead despite warnings from the weather service that roads would flood.",
            "en",
            "roads would flood",
            "warnings",
            "the weather service",
        ),
        (
            "The governor's view is that the toll must go.",
            "en",
            "the toll must go",
            "view",
            "The governor",
        ),
        (
            "Critics mocked Ruiz's pledge last week that rents would fall by half.",
            "en",
            "rents would fall by half",
            "pledge",
            "Ruiz",
        ),
        (
            "The dean rebutted Vance's accusation that essays about the firm, produced by "
            "students, were false.",
            "en",
            "essays about the firm, produced by students, were false",
            "accusation",
            "Vance",
        ),
        (
            "Warga meragukan pernyataan Kementerian Pertanian bahwa harga beras sudah turun.",
            "id",
            "harga beras sudah turun",
            "pernyataan",
            "Kementerian Pertanian",
        ),
        (
            "Peringatan dari BMKG bahwa hujan lebat akan turun diabaikan warga.",
            "id",
            "hujan lebat akan turun diabaikan warga",
            "Peringatan",
            "BMKG",
        ),
    ],
)
def test_noun_of_saying_names_its_owner(
    text: str, lang: str, content: str, cue: str, speaker: str
) -> None:
    st = with_text(extract(text, lang).statements, content)
    assert st.kind == "indirect"
    assert st.cue == cue
    assert st.speaker is not None and st.speaker.name == speaker


def test_possessive_pronoun_takes_the_last_speaker() -> None:
    text = (
        "Mayor Ana Ortiz said the budget was balanced. Contrary to her assertion that the "
        "bridge was safe, engineers found cracks."
    )
    st = with_text(extract(text, "en").statements, "the bridge was safe")
    assert st.cue == "assertion"
    assert st.speaker is not None and st.speaker.name == "Ana Ortiz"


def test_indonesian_nya_suffix_is_a_pronoun_owner() -> None:
    text = "Ia kembali mengulang klaimnya bahwa jalan tol itu selesai tahun depan."
    st = with_text(extract(text, "id").statements, "jalan tol itu selesai tahun depan")
    assert st.cue == "klaimnya"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The claim process that we run is slow.", "en"),  # no owner, "that" is relative
        ("Ortiz's statement that was read aloud upset many.", "en"),  # subject relative
        ("Ortiz's claim that he made on Sunday was wrong.", "en"),  # object relative
        ("Ortiz's claim about rents that circulated online was wrong.", "en"),
        ("Monday's statement that prices would rise surprised traders.", "en"),  # a time
        ("Critics argue that Peru's best argument is that the loan is cheap.", "en"),
        ("Pernyataan resmi bahwa stok aman tidak meyakinkan pedagang.", "id"),  # no owner
    ],
)
def test_no_noun_claim_without_an_owner_or_a_complement(text: str, lang: str) -> None:
    nouns = ("claim", "statement", "argument", "Pernyataan")
    assert not [s for s in extract(text, lang).statements if s.cue in nouns]


@pytest.mark.parametrize(
    ("text", "lang", "verb_content", "noun_content", "owner"),
    [
        (
            "Reyes rejected the company's statement that it had paid all fees.",
            "en",
            "the company's statement that it had paid all fees",
            "it had paid all fees",
            "the company",
        ),
        (
            "Polisi membantah klaim Budi Santoso bahwa rumahnya dirampok dua kali.",
            "id",
            "klaim Budi Santoso bahwa rumahnya dirampok dua kali",
            "rumahnya dirampok dua kali",
            "Budi Santoso",
        ),
    ],
)
def test_owned_complement_is_not_the_verbs(
    text: str, lang: str, verb_content: str, noun_content: str, owner: str
) -> None:
    statements = extract(text, lang).statements
    with_text(statements, verb_content)
    st = with_text(statements, noun_content)
    assert st.speaker is not None and st.speaker.name == owner


@pytest.mark.parametrize(
    ("text", "lang", "content"),
    [
        ("Lopez said in a statement that the plant would close.", "en", "the plant would close"),
        ("Lopez said in his statement that the plant would close.", "en", "the plant would close"),
        ("Kementerian menyatakan dalam pernyataan bahwa harga turun.", "id", "harga turun"),
    ],
)
def test_statement_as_medium_keeps_the_verbs_complement(text: str, lang: str, content: str) -> None:
    st = with_text(extract(text, lang).statements, content)
    assert st.cue in ("said", "menyatakan")


@pytest.mark.parametrize(
    ("text", "lang", "content", "cue", "speaker"),
    [
        (
            "The board met again after Councillor Diaz's refusal to testify before the committee.",
            "en",
            "to testify before the committee",
            "refusal",
            "Councillor Diaz",
        ),
        (
            "Senator Ruiz said the vote was fair. Voters cheered her promise to cut bus fares "
            "in half.",
            "en",
            "to cut bus fares in half",
            "promise",
            "Ruiz",
        ),
        (
            "Despite the union's sudden decision to end the strike on Friday, buses stayed idle.",
            "en",
            "to end the strike on Friday",
            "decision",
            "the union",
        ),
        (
            "Warga menyambut janji Gubernur Anies untuk memperbaiki jalan rusak itu.",
            "id",
            "untuk memperbaiki jalan rusak itu",
            "janji",
            "Anies",
        ),
        (
            "Menteri Basuki mengatakan proyek itu aman. Keputusannya untuk menutup jalan itu "
            "dikritik warga.",
            "id",
            "untuk menutup jalan itu dikritik warga",
            "Keputusannya",
            "Basuki",
        ),
    ],
)
def test_noun_of_stance_takes_its_infinitive(
    text: str, lang: str, content: str, cue: str, speaker: str
) -> None:
    st = with_text(extract(text, lang).statements, content)
    assert st.rule == "noun_claim"
    assert st.cue == cue
    assert st.speaker is not None and st.speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Lee renewed his threat to the region.", "en"),  # "to" + a noun phrase: no stance
        ("Voters praised Lee's commitment to Peru.", "en"),  # a name after "to"
        ("Their refusal to sign the treaty angered everyone.", "en"),  # nobody owns it
        ("The tolls fell. The decision to cut them was popular.", "en"),  # no possessor
        ("Keputusan untuk menutup jalan itu dikritik warga.", "id"),  # no possessor
    ],
)
def test_no_stance_without_a_verb_or_an_owner(text: str, lang: str) -> None:
    assert not [s for s in extract(text, lang).statements if s.rule == "noun_claim"]


def test_stance_inside_a_statement_is_left_to_it() -> None:
    text = "Senator Ruiz said the vote was fair. Critics praised her refusal to sign the treaty."
    statements = extract(text, "en").statements
    with_text(statements, "her refusal to sign the treaty")
    assert not [s for s in statements if s.rule == "noun_claim"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Despite Berlin's pledge to hire 7,000 more teachers by next year, schools lack staff.",
            "to hire 7,000 more teachers by next year",
        ),
        (
            "Voters doubted Mayor Lin's claim that the city built 12,500 homes last year.",
            "the city built 12,500 homes last year",
        ),
    ],
)
def test_a_comma_inside_a_number_does_not_end_the_claim(text: str, content: str) -> None:
    st = with_text(extract(text, "en").statements, content)
    assert st.rule == "noun_claim"
