"""Definite descriptions ("the agency", "the paper", "kementerian tersebut") stand for the
named source they describe, never for a source of their own (texts written for these
tests)."""

from __future__ import annotations

import pytest

from tracker.extract import extract
from tracker.extract.definites import definite_head
from tracker.extract.lexicon import load_lexicon


@pytest.mark.parametrize(
    ("text", "language", "speaker", "kind"),
    [
        (
            "The official agency MENA said talks resumed on Monday. The agency said both"
            " delegations met for three hours.",
            "en",
            "Middle East News Agency",
            "news_outlet",
        ),
        (
            "The daily Al-Ahram said the minister would resign. The paper said two aides had quit.",
            "en",
            "Al-Ahram",
            "news_outlet",
        ),
        (
            "The New York Times said the deal was close. The newspaper said talks went on"
            " overnight.",
            "en",
            "The New York Times",
            "news_outlet",
        ),
        (
            "Volvo AB said its shares will be listed in Zurich. The company said the listing"
            " would widen its investor base.",
            "en",
            "Volvo AB",
            "organization",
        ),
        (
            "The Foreign Ministry said the envoy was recalled. The ministry said talks were"
            " suspended.",
            "en",
            "The Foreign Ministry",
            "government_body",
        ),
        (
            "The Farmers Federation said prices fell. The federation said in its request that"
            " aid was needed.",
            "en",
            "The Farmers Federation",
            "organization",
        ),
        (
            "A Foreign Ministry spokesman said the talks would resume. The spokesman said both"
            " sides agreed on an agenda.",
            "en",
            "A Foreign Ministry spokesman",
            "anonymous",
        ),
        (
            "Kementerian Kesehatan menyatakan bahwa vaksin tiba pekan depan. Kementerian"
            " tersebut mengatakan bahwa distribusi dimulai Senin.",
            "id",
            "Kementerian Kesehatan",
            "government_body",
        ),
        (
            "Bank Mandiri menyatakan bahwa layanan kembali normal. Bank itu mengatakan bahwa"
            " gangguan berasal dari pusat data.",
            "id",
            "Bank Mandiri",
            "organization",
        ),
        (
            "Kantor berita Antara melaporkan bahwa banjir merendam 300 rumah. Kantor berita itu"
            " menyebutkan bahwa dua warga hilang.",
            "id",
            "Antara",  # an outlet named as an outlet: its canonical name
            "news_outlet",
        ),
        (
            "Lembaga Survei Nusantara menyatakan bahwa tingkat kepuasan naik. Lembaga itu"
            " mengatakan bahwa survei digelar sepekan.",
            "id",
            "Lembaga Survei Nusantara",
            None,
        ),
    ],
)
def test_a_description_is_the_source_named_before(
    text: str, language: str, speaker: str, kind: str | None
) -> None:
    ex = extract(text, language)
    first, last = ex.statements[0], ex.statements[-1]
    assert first.speaker is not None and last.speaker is not None
    assert first.speaker.name == speaker
    assert last.speaker.key == first.speaker.key  # one source, not two
    assert last.speaker_surface is not None and last.speaker_surface != speaker
    if kind is not None:
        assert last.speaker.kind == kind
    assert [h.source.key for h in last.chain] == [first.speaker.key]


@pytest.mark.parametrize(
    ("text", "language", "surface"),
    [
        # nobody named before fits: the description stays a source of its own
        ("The agency said the talks resumed.", "en", "The agency"),
        # a person's title needs the word itself: the mayor is no spokesman
        ("Mayor Lena Park opened the bridge. The spokesman said traffic would ease.", "en", None),
        # a government body needs its head word: Congress is not "the ministry"
        ("Congress passed the bill. The ministry said it would comply.", "en", None),
        ("Kementerian tersebut mengatakan bahwa distribusi dimulai Senin.", "id", None),
    ],
)
def test_a_description_with_no_antecedent_stays_itself(
    text: str, language: str, surface: str | None
) -> None:
    ex = extract(text, language)
    last = ex.statements[-1]
    assert last.speaker is not None
    assert last.speaker.name == last.speaker_surface
    if surface is not None:
        assert last.speaker.name == surface


def test_the_description_takes_the_frame_up_to_the_hop_it_names() -> None:
    text = (
        "The cut will start in May, Finance Minister Ahmad Rahim told the Bernama news agency."
        " The agency said the cabinet approved the plan."
    )
    last = extract(text, "en").statements[-1]
    assert [(h.source.name, h.source.kind) for h in last.chain] == [("Bernama", "news_outlet")]


@pytest.mark.parametrize(
    ("surface", "language", "head"),
    [
        ("the agency", "en", "agency"),
        ("The official news agency", "en", "news agency"),
        ("the state-run paper", "en", "paper"),
        ("the Bernama news agency", "en", None),  # a name, not a description
        ("the agency's chief", "en", None),
        ("kementerian tersebut", "id", "kementerian"),
        ("Kantor berita itu", "id", "kantor berita"),
        ("Kementerian Luar Negeri tersebut", "id", None),
        ("Kementerian Kesehatan", "id", None),
    ],
)
def test_definite_head(surface: str, language: str, head: str | None) -> None:
    assert definite_head(load_lexicon(language), surface) == head


def test_it_after_a_description_in_a_sentence_with_no_cue_is_the_source_described() -> None:
    """ "The paper put …. It quoted …": "it" stands for the subject "The paper", which is
    the paper named before (Indonesian "ia" is a person, so it has no such sentence)."""
    text = (
        "The official Harbor Gazette newspaper last month said sugar output would fall.\n"
        "The paper put output at 4.8 mln tonnes.\n"
        "It quoted the ministry of industry as blaming the drop on low prices."
    )
    statements = extract(text, "en").statements
    [st] = [s for s in statements if s.text.startswith("the drop")]
    assert st.chain[0].source.name == "Harbor Gazette"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Betacorp, the parent company of Gamma Foods, rose 3 percent. The company reported"
            " sales of $2 billion.",
            "Betacorp",
        ),
        (
            "Norvale, the mining firm, cut its forecast. The company said output would fall"
            " by a tenth.",
            "Norvale",
        ),
        (
            "Skyloft, the regional carrier behind the new route, added six jets. The company"
            " said demand had doubled.",
            "Skyloft",
        ),
    ],
)
def test_the_company_is_the_subject_an_apposition_called_a_company(text: str, speaker: str) -> None:
    """A bare name the classifier cannot type ("Betacorp") is a company once its apposition
    says so, and a later "the company" stands for it."""
    last = extract(text, "en").statements[-1]
    assert last.speaker is not None
    assert (last.speaker.name, last.speaker.kind) == (speaker, "organization")
    assert [h.source.name for h in last.chain] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        # the apposition's head is a role: a person, whom "the company" cannot mean
        "Dana Whitfield, the company's chief executive, resigned. The company said sales fell.",
        # a company in a phrase after "of" is no head: the subject stays unknown
        "Rowan Pike, the head of a mining company, resigned. The company said sales fell.",
    ],
)
def test_an_apposition_without_a_company_head_makes_no_company(text: str) -> None:
    last = extract(text, "en").statements[-1]
    assert last.speaker is not None
    assert last.speaker.name == "The company"
