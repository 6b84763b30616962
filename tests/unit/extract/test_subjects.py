"""Subjects before a cue that are no plain name: "The state auditor says", documents, …"""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import speaker_name, with_text
from tracker.extract import extract
from tracker.extract.model import Statement

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


# ("In a statement, the network said …" does give "the network": an adverbial opener
# before a common-noun subject, see test_common_noun_subject_with_a_modifier)
NOT_COMMON_SUBJECT_CASES = [
    "The state auditor also says nothing.",
]


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


@pytest.mark.parametrize(("text", "content", "speaker"), DOCUMENT_SUBJECT_CASES)
def test_document_subject(text: str, content: str, speaker: str) -> None:
    found = [s for s in extract(text, "en").statements if s.text == content]
    assert found, extract(text, "en").statements
    assert found[0].speaker is not None
    assert found[0].speaker.name == speaker
    assert found[0].speaker.kind == "document"


@pytest.mark.parametrize(("text", "content", "speaker", "kind"), SUBJECT_CASES)
def test_subject_forms(text: str, content: str, speaker: str, kind: str) -> None:
    found = [s for s in extract(text, "en").statements if s.text == content]
    assert found, extract(text, "en").statements
    assert found[0].speaker is not None
    assert found[0].speaker.name == speaker
    assert found[0].speaker.kind == kind


@pytest.mark.parametrize(
    ("text", "lang", "content", "speaker", "kind"),
    [
        (
            "Political observers in Ohio and around the country say the mayor deserves a "
            "second term.",
            "en",
            "the mayor deserves a second term",
            "Political observers in Ohio and around the country",
            "anonymous",
        ),
        (
            "Experts on trade and tariffs said the new levy could change that.",
            "en",
            "the new levy could change that",
            "Experts on trade and tariffs",
            "anonymous",
        ),
        (
            "All the economists I interviewed said her plan was more detailed than his.",
            "en",
            "her plan was more detailed than his",
            "All the economists I interviewed",
            "anonymous",
        ),
        (
            "Those close to him say that he will pick a running mate next week.",
            "en",
            "he will pick a running mate next week",
            "Those close to him",
            "anonymous",
        ),
        (
            "The station and its defenders say that the channel is no more biased than others.",
            "en",
            "the channel is no more biased than others",
            "The station and its defenders",
            "anonymous",
        ),
        (
            "Most of the growers in the valley say the levy should go.",
            "en",
            "the levy should go",
            "Most of the growers in the valley",
            "anonymous",
        ),
        (
            "However, 41 percent said the council was right to wait.",
            "en",
            "the council was right to wait",
            "41 percent",
            "anonymous",
        ),
        (
            # a broadcaster named by its medium noun is a news outlet (issue 11)
            "In a statement, the network said the description was false.",
            "en",
            "the description was false",
            "the network",
            "news_outlet",
        ),
        (
            "In a statement, the ministry said that the talks would resume in June.",
            "en",
            "the talks would resume in June",
            "the ministry",
            "government_body",
        ),
        (
            "Para pengamat politik di Surabaya mengatakan bahwa partai itu akan pecah.",
            "id",
            "partai itu akan pecah",
            "Para pengamat politik di Surabaya",
            "anonymous",
        ),
    ],
)
def test_common_noun_subject_with_a_modifier(
    text: str, lang: str, content: str, speaker: str, kind: str
) -> None:
    st = with_text(extract(text, lang).statements, content)
    assert st.speaker is not None
    assert (st.speaker.name, st.speaker.kind) == (speaker, kind)


@pytest.mark.parametrize(
    "text",
    [
        # no speech: an unnamed group is a source only for speech and written positions
        "The size of the bounce in the polls appears likely to grow.",
        "Fees from advising clients declined to $2 million last year.",
        # a verb phrase, not a modifier: "goes on to"
        "The letter goes on to say the plan is dead.",
        # a name and its verb, then an object with a modifier
        "Later on Sunday, Lane shared a syllabus for a 2002 class called “Perception” online.",
        # a clause with a verb of its own before the cue
        "The plan he signed in May says that taxes will rise.",
    ],
)
def test_no_group_subject_without_speech(text: str) -> None:
    for st in extract(text, "en").statements:
        assert st.speaker is None or st.speaker.kind != "anonymous", st


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "A state audit released last year found that the agency could not track the money.",
            "the agency could not track the money",
            "A state audit released last year",
        ),
        (
            "Video of the incident shows him with his hands in the air.",
            "him with his hands in the air",
            "Video of the incident",
        ),
    ],
)
def test_document_subjects_with_a_modifier(text: str, content: str, speaker: str) -> None:
    """A document speaks through what it shows: its head may hold capitals ("Ledger poll"),
    stand bare ("Video") and take a participle of publication or a prepositional phrase."""
    [st] = extract(text, "en").statements
    assert st.text == content
    assert st.speaker is not None
    assert (st.speaker.name, st.speaker.kind) == (speaker, "document")


@pytest.mark.parametrize(
    ("text", "content", "speaker", "kind"),
    [
        (
            "The latest Ledger poll released Friday shows that Lane leads Ruiz by five points.",
            "Lane leads Ruiz by five points",
            "Ledger",
            "news_outlet",
        ),
        (
            "A State Accountability Office report released last year found that the agency "
            "could not track the money.",
            "the agency could not track the money",
            "State Accountability Office",
            "government_body",
        ),
    ],
)
def test_a_document_with_a_named_author_is_the_authors(
    text: str, content: str, speaker: str, kind: str
) -> None:
    """A poll or report with its author named speaks for the author (CHAINS_GUIDE.md:
    "a report / survey by X found" is [X]); the subject keeps the document's words."""
    [st] = extract(text, "en").statements
    assert st.text == content
    assert st.speaker is not None
    assert (st.speaker.name, st.speaker.kind) == (speaker, kind)


def _found(text: str, content: str) -> Statement:
    statements = extract(text, "en").statements
    found = [s for s in statements if s.text == content]
    assert found, [(s.text, s.speaker.name if s.speaker else None) for s in statements]
    return found[0]


# (text, content, speaker name)
MISSED_SUBJECT_CASES = [
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


@pytest.mark.parametrize(("text", "content", "speaker"), MISSED_SUBJECT_CASES)
def test_subject_before_cue(text: str, content: str, speaker: str) -> None:
    assert speaker_name(_found(text, content)) == speaker


def test_clause_before_a_titled_name_is_no_role() -> None:
    """ "The company is cutting jobs, Chief Executive Sara Moss said": the clause before the
    comma is the content, not an apposition giving Moss the role "company is cutting jobs";
    an apposition with a relative clause still is one."""
    [st] = extract(
        "The company is cutting 500 jobs, Chief Executive Sara Moss said.", "en"
    ).statements
    assert st.speaker is not None
    assert (st.speaker.name, st.speaker.role) == ("Sara Moss", "Chief Executive")
    [st] = extract(
        "An economist who is now at the institute, Dan Ode said the plan would fail.", "en"
    ).statements
    assert st.speaker is not None and st.speaker.role is not None
    assert st.speaker.role.startswith("economist")


@pytest.mark.parametrize(
    ("text", "lang", "content", "speaker"),
    [
        (
            "Among likely voters, 41 percent said the levy was too high.",
            "en",
            "the levy was too high",
            "41 percent",
        ),
        (
            "Twenty-six percent said the ferry should stay public.",
            "en",
            "the ferry should stay public",
            "Twenty-six percent",
        ),
        (
            "Nearly seven in 10 registered voters overall said the bridge was needed.",
            "en",
            "the bridge was needed",
            "Nearly seven in 10 registered voters overall",
        ),
        (
            "A third of independents, 35%, say the mayor deserves a second term.",
            "en",
            "the mayor deserves a second term",
            "A third of independents",
        ),
        (
            "Prices rose in May, while just under half of the growers said it came too late.",
            "en",
            "it came too late",
            "just under half of the growers",
        ),
        (
            "By 58%-30%, those surveyed said the library should open on Sundays.",
            "en",
            "the library should open on Sundays",
            "those surveyed",
        ),
        (
            "The vote was close, with 22 percent saying they had not decided.",
            "en",
            "they had not decided",
            "22 percent",
        ),
        (
            "All but three said the museum should charge no fee.",
            "en",
            "the museum should charge no fee",
            "All but three",
        ),
        (
            "Sebanyak 63 persen responden mengatakan tarif angkutan terlalu mahal.",
            "id",
            "tarif angkutan terlalu mahal",
            "Sebanyak 63 persen responden",
        ),
        (
            "Empat dari 10 warga mengatakan jalan desa itu rusak parah.",
            "id",
            "jalan desa itu rusak parah",
            "Empat dari 10 warga",
        ),
    ],
)
def test_poll_share_subject(text: str, lang: str, content: str, speaker: str) -> None:
    st = with_text(extract(text, lang).statements, content)
    assert st.speaker is not None
    assert (st.speaker.name, st.speaker.kind) == (speaker, "anonymous")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a number that is no share, a share inside a clause of its own: no share speaks
        (
            "The 12 members of the board said the fee would rise.",
            "the fee would rise",
            "The 12 members of the board",
        ),
        ("Lopez, who won 52 percent, said the fee would rise.", "the fee would rise", "Lopez"),
        (
            "The survey found that 40 percent said the fee would rise.",
            "40 percent said the fee would rise",
            "The survey",
        ),
    ],
)
def test_no_poll_share_subject(text: str, content: str, speaker: str) -> None:
    assert speaker_name(with_text(extract(text, "en").statements, content)) == speaker


@pytest.mark.parametrize(
    ("text", "language", "surface"),
    [
        # an unnamed source with where it was: the place is no speaker
        ("A senior naval source in the Baltic said the drill was cut short.", "en", "source"),
        ("Western bankers in Nairobi say the loan will be signed this week.", "en", "bankers"),
        # market and trade sources of wire copy are unnamed groups
        ("Dealers said the bond market ended lower on Friday.", "en", "Dealers"),
        ("Economists and bankers said the rate cut came too late.", "en", "bankers"),
        ("One Dutch trader said demand for cocoa was rising.", "en", "trader"),
        ("Seorang sumber di Istana Bogor mengatakan rapat itu ditunda.", "id", "sumber"),
        ("Para pedagang di Pasar Minggu mengatakan harga bawang naik.", "id", "pedagang"),
    ],
)
def test_unnamed_sources_of_wire_copy_are_anonymous(text: str, language: str, surface: str) -> None:
    (statement,) = [s for s in extract(text, language).statements if s.kind != "partial"]
    assert statement.speaker is not None
    assert statement.speaker.kind == "anonymous" and surface in statement.speaker.name
