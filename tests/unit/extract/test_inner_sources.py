"""Words that open with someone else's saying relay that source: '"The sources said …," the
daily said' is [the daily, the sources] (texts written for these tests)."""

from __future__ import annotations

import pytest

from tracker.extract import extract


@pytest.mark.parametrize(
    ("text", "language", "chain", "kinds"),
    [
        (
            '"The sources said the plan would fail by May," the Bernama news agency said.',
            "en",
            ["Bernama", "sources"],
            ["news_outlet", "anonymous"],
        ),
        (
            'The Bernama news agency said, "Reliable sources disclosed that the plan would fail."',
            "en",
            ["Bernama", "Reliable sources"],
            ["news_outlet", "anonymous"],
        ),
        (
            '"The sources believed the plan would fail by May," the newspaper said.',
            "en",
            ["the newspaper", "sources"],
            ["news_outlet", "anonymous"],
        ),
        # a headline's present tense: a strong verb of saying
        (
            "The Bernama news agency reported that night Finance Minister Ahmad Rahim testifies"
            " the plan was sound.",
            "en",
            ["Bernama", "Ahmad Rahim"],
            ["news_outlet", "person"],
        ),
        # a participle clause set off between the subject and its verb
        (
            '"Rahim, recalling his own years in office, said the plan would fail," the Bernama'
            " news agency reported.",
            "en",
            ["Bernama", "Rahim"],
            ["news_outlet", "person"],
        ),
        # an according-to phrase inside the outlet's quoted words
        (
            '"The final count was 699, according to the Interior Ministry. The rest is'
            ' disputed," the Bernama news agency reported.',
            "en",
            ["Bernama", "the Interior Ministry"],
            ["news_outlet", "government_body"],
        ),
        (
            'The Bernama news agency wrote: "Of its 7,000 voters, according to data from the'
            ' Interior Ministry, 3,290 are registered."',
            "en",
            ["Bernama", "the Interior Ministry"],
            ["news_outlet", "government_body"],
        ),
        (
            '"Jumlah korban mencapai 20 orang, menurut Badan Nasional Penanggulangan Bencana,"'
            " tulis harian Kompas.",
            "id",
            ["Kompas", "Badan Nasional Penanggulangan Bencana"],
            ["news_outlet", "government_body"],
        ),
        (
            '"Sumber-sumber itu mengatakan rencana itu akan gagal pada Mei," tulis harian Kompas.',
            "id",
            ["Kompas", "Sumber-sumber itu"],
            ["news_outlet", "anonymous"],
        ),
        (
            'Harian Kompas menulis, "Sejumlah pejabat mengatakan bahwa rencana itu akan gagal."',
            "id",
            ["Kompas", "pejabat"],
            ["news_outlet", "anonymous"],
        ),
    ],
)
def test_the_outlet_relays_the_source_its_words_name(
    text: str, language: str, chain: list[str], kinds: list[str]
) -> None:
    (statement,) = extract(text, language).statements
    assert [h.source.name for h in statement.chain] == chain
    assert [h.source.kind for h in statement.chain] == kinds
    assert statement.speaker is not None and statement.speaker.kind == "news_outlet"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a pronoun: whom it stands for is unclear inside the outlet's words
        ('"He said the plan would fail by May," the newspaper said.', "en"),
        # no subject right before a verb of saying: a passive, an auxiliary, a plan
        ('"Britain was expected to offer the submarine," the newspaper said.', "en"),
        ('"Dealers were waiting to see if the plan would fail," the newspaper said.', "en"),
        ('"The ministry plans to cut the subsidy," the newspaper said.', "en"),
        ('"The ministry expects the subsidy to fall," the newspaper said.', "en"),
        # a comma first: the outlet's own clause
        ('"Dealers, the sources said, were worried," the newspaper said.', "en"),
        ('"Pemerintah akan memangkas subsidi," tulis harian Kompas.', "id"),
        # a relative clause is no participle clause; a pronoun after "according to" names
        # nobody
        ('"Rahim, who was in office, said the plan would fail," the newspaper said.', "en"),
        ('"The final count was 699, according to him," the newspaper said.', "en"),
    ],
)
def test_the_outlet_alone_when_its_words_name_nobody_saying(text: str, language: str) -> None:
    statement = extract(text, language).statements[0]
    assert len(statement.chain) == 1
    assert statement.chain[0].source.kind == "news_outlet"


@pytest.mark.parametrize(
    ("text", "language", "chain"),
    [
        (
            '"The sources said the plan would fail," Finance Minister Ahmad Rahim said.',
            "en",
            ["Ahmad Rahim", "sources"],
        ),
        (
            "Finance Minister Ahmad Rahim said Prime Minister Tan Lee said the plan would fail.",
            "en",
            ["Ahmad Rahim", "Tan Lee"],
        ),
        (
            "Menteri Keuangan Budi Santoso mengatakan Presiden Joko Susilo mengatakan rencana itu"
            " akan gagal.",
            "id",
            ["Budi Santoso", "Joko Susilo"],
        ),
    ],
)
def test_a_person_relays_whom_their_words_say_said(
    text: str, language: str, chain: list[str]
) -> None:
    (statement,) = extract(text, language).statements
    assert [h.source.name for h in statement.chain] == chain


def test_a_person_reporting_an_act_is_first_hand() -> None:
    text = "Finance Minister Ahmad Rahim said Tan Lee rejected the plan."
    (statement,) = extract(text, "en").statements
    assert [h.source.name for h in statement.chain] == ["Ahmad Rahim"]


@pytest.mark.parametrize(
    ("text", "chain"),
    [
        (
            '"Rahim said that the plan would fail," the ministry statement said.',
            ["ministry", "Rahim"],
        ),
        (
            'The Finance Ministry said in a statement: "Rahim said that the plan would fail."',
            ["The Finance Ministry", "Rahim"],
        ),
    ],
)
def test_a_body_relays_whom_its_words_say_said(text: str, chain: list[str]) -> None:
    (statement,) = extract(text, "en").statements
    assert [h.source.name for h in statement.chain] == chain


def test_a_body_reporting_an_act_is_first_hand() -> None:
    # "rejected" is a cue for an outlet's words, an act in a body's: only "said" relays
    text = '"Rahim rejected the plan," the Finance Ministry said.'
    (statement,) = extract(text, "en").statements
    assert [h.source.name for h in statement.chain] == ["the Finance Ministry"]
