"""Every statement names the sieve that made it (`rule`), one of those pipeline.SIEVES lists."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from tracker.cli import main
from tracker.extract import extract
from tracker.extract.pipeline import RULES, SIEVES
from tracker.synthetic import generate

# (rule, language, text, the text of a statement that rule makes): one example per sieve,
# written for this test.
EXAMPLES = [
    (
        "transcript",
        "en",
        'The hearing went on.\n"LANE: We have waited two years for this bridge.\n'
        '"RUIZ: The money was never there to build it."',
        "We have waited two years for this bridge",
    ),
    (
        "quote_continued",
        "en",
        '"We will rebuild the pier," Lane said, "and the storm will not stop us."',
        '"and the storm will not stop us."',
    ),
    (
        "quote_resumed",
        "en",
        '"We will rebuild the pier," Lane said at the harbor, "and the market will open."',
        '"and the market will open."',
    ),
    (
        "quote_cue_after",
        "en",
        '"The bridge will open in June," said Mayor Ana Lopez.',
        '"The bridge will open in June,"',
    ),
    (
        "quote_in_clause",
        "en",
        'The council "has made its choice on the bridge," Lane said.',
        'The council "has made its choice on the bridge,"',
    ),
    (
        "quote_outer_cue",
        "en",
        'Lopez said he wants "a fair vote on the bridge."',
        'he wants "a fair vote on the bridge."',
    ),
    (
        "quote_cue_before",
        "en",
        'Mayor Ana Lopez said: "The bridge will open in June."',
        '"The bridge will open in June."',
    ),
    (
        "lead_clause",
        "en",
        'So when the vote on the bridge failed, Lopez said, "We will try again next year."',
        "So when the vote on the bridge failed",
    ),
    (
        "quote_no_cue",
        "en",
        'Mayor Ana Lopez spoke on Monday.\n"The bridge will open in June and the ferry will stop."',
        '"The bridge will open in June and the ferry will stop."',
    ),
    (
        "participle_clause",
        "en",
        '"We are ready," Lopez said, adding that the ferry would stop in July.',
        "the ferry would stop in July",
    ),
    (
        "quoted_as",
        "en",
        "The Harbor Gazette quoted the mayor as saying the pier would reopen in June.",
        "the pier would reopen in June",
    ),
    (
        "according_to_inline",
        "en",
        "The bridge will cost more according to a new state audit.",
        "The bridge will cost more",
    ),
    (
        "speaker_after_cue",
        "en",
        "The bridge will open in June, said Mayor Ana Lopez.",
        "The bridge will open in June",
    ),
    (
        "reported_cue_after",
        "en",
        "The bridge, Mayor Ana Lopez said, could carry trucks by June.",
        "could carry trucks by June",
    ),
    (
        "reported_cue_last",
        "en",
        "That is what the Lopez campaign now hopes.",
        "That is what",
    ),
    (
        "reported_speech",
        "en",
        "Mayor Ana Lopez said that the bridge will open in June.",
        "the bridge will open in June",
    ),
    (
        "same_speaker_clause",
        "en",
        "Lopez said the budget was balanced but warned that taxes could rise next year.",
        "taxes could rise next year",
    ),
    (
        "passive_agent_cue",
        "en",
        "The harbor plan was rejected by the city council.",
        "The harbor plan",
    ),
    (
        "participle_lead",
        "en",
        "Promising a new pier, Mayor Ana Lopez rejected the harbor budget.",
        "a new pier",
    ),
    (
        "relative_tail",
        "en",
        '"The port is dying," said Ana Lopez, who noted that traffic fell by half.',
        "traffic fell by half",
    ),
    (
        "question_lead",
        "en",
        "Asked about the harbor budget, Mayor Ana Lopez said the port would stay open.",
        "about the harbor budget",
    ),
    (
        "post_cue",
        "id",
        "Jembatan itu akan dibuka pada bulan Juni, kata Budi Santoso.",
        "Jembatan itu akan dibuka pada bulan Juni",
    ),
    (
        "nya_cue",
        "id",
        "Budi Santoso meninjau jembatan itu. Jembatan itu akan dibuka pada bulan Juni, ujarnya.",
        "Jembatan itu akan dibuka pada bulan Juni",
    ),
    (
        "according_to",
        "id",
        "Menurut polisi, jembatan itu ditutup sejak Senin.",
        "jembatan itu ditutup sejak Senin",
    ),
    (
        "partial_in_statement",
        "en",
        'Lopez said the plan was "a disgrace to the city" and must change.',
        '"a disgrace to the city"',
    ),
    (
        "partial_after_cue",
        "id",
        "Budi menyebut rencana itu “memalukan” di depan dewan.",
        "“memalukan”",
    ),
    (
        "line_speaker",
        "en",
        "Council meeting\nAna Lopez: The bridge will open in June after all.",
        "The bridge will open in June after all",
    ),
    (
        "block_quote",
        "en",
        "Ruiz spoke after the vote. Ruiz added:\nThe bridge has waited ten years for money and "
        "the city will not wait another ten for it.",
        "The bridge has waited ten years for money and the city will not wait another ten for it",
    ),
    (
        "noun_claim",
        "en",
        "The fact-checkers looked at Lopez's claim that the bridge is safe for trucks.",
        "the bridge is safe for trucks",
    ),
    (
        "poll_lead",
        "en",
        "In a new Gallup poll released Monday, 40 percent of voters back Lee.",
        "40 percent of voters back Lee",
    ),
    (
        "view_lead",
        "en",
        "In Professor Amal Haddad's view, the levy would cut fuel use by a tenth.",
        "the levy would cut fuel use by a tenth",
    ),
    (
        "according_lead",
        "en",
        "According to the book and the film, the guards loaded the boats at dawn.",
        "the guards loaded the boats at dawn",
    ),
    (
        "reference_tail",
        "en",
        '"The bridge was the biggest job," Lee Park said, referring to the rail crossing.',
        "the rail crossing",
    ),
    (
        "subject_say",
        "en",
        "Mrs. Ortiz's neighbours say it is only fair that she faces a rival.",
        "it is only fair that she faces a rival",
    ),
    (
        "coordinated_say",
        "en",
        "The judge rubbed his chin, and then said the case was very strange.",
        "the case was very strange",
    ),
]


@pytest.mark.parametrize(("rule", "language", "text", "content"), EXAMPLES)
def test_each_sieve_names_its_statements(rule: str, language: str, text: str, content: str) -> None:
    statements = extract(text, language).statements
    assert (content, rule) in [(s.text, s.rule) for s in statements], statements


def test_every_sieve_has_an_example() -> None:
    assert {rule for rule, *_ in EXAMPLES} == RULES


def test_the_registry_names_each_sieve_once_in_snake_case() -> None:
    names = [s.rule for s in SIEVES]
    assert len(names) == len(set(names)) == len(RULES)
    assert all(re.fullmatch(r"[a-z]+(?:_[a-z]+)*", name) for name in names)
    assert all(s.doc.strip() for s in SIEVES)


def test_every_statement_of_any_article_has_a_registered_rule() -> None:
    texts = [a.text for a in generate(120, seed=5)] + [text for _, _, text, _ in EXAMPLES]
    rules = [s.rule for text in texts for s in extract(text).statements]
    assert rules
    assert set(rules) <= RULES


def test_the_cli_json_carries_the_rule() -> None:
    text = "\n\n".join(text for _, language, text, _ in EXAMPLES if language == "en")
    result = CliRunner().invoke(main, ["extract", "--lang", "en", "--format", "json", "-"], text)
    assert result.exit_code == 0, result.output
    statements = json.loads(result.output)["statements"]
    assert statements
    assert all(s["rule"] in RULES for s in statements)
