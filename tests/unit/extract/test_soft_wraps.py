"""Hard-wrapped wire copy breaks lines in mid-sentence ("…secretary of the Harbour
Commission on⏎Good Governance (HCGG), said …"): `reading.unwrap_lines` joins a line as long
as wire copy wraps even when it has no lower-case word of four letters, so the subject on
the line above still speaks; a short title-case headline, a stop and a blank line still
end their sentence."""

from __future__ import annotations

from tracker.extract import extract
from tracker.extract.lexicon import load_lexicon
from tracker.extract.quotes import scan_quotes
from tracker.extract.reading import reading_text
from tracker.extract.sentences import split_sentences

WRAPPED = (
    "The harbour board met on Tuesday to discuss the state of the north pier.\n"
    "Ramon Diaz, Secretary of the Presidential Harbour Commission on\n"
    "Good Governance (HCGG), said the north pier would close for repairs in May."
)


def _sentences(text: str) -> list[str]:
    read = reading_text(text)  # what the pipeline splits: wrapped lines joined
    spans = split_sentences(read, scan_quotes(read), load_lexicon("en"))
    return [text[s:e] for s, e in spans]


def test_a_long_line_broken_in_mid_sentence_is_one_sentence() -> None:
    sentences = _sentences(WRAPPED)
    assert len(sentences) == 2
    assert sentences[1].startswith("Ramon Diaz") and sentences[1].endswith("in May.")


def test_the_subject_above_a_soft_wrap_speaks() -> None:
    [statement] = extract(WRAPPED, "en").statements
    assert statement.speaker is not None and statement.speaker.name == "Ramon Diaz"
    assert statement.text == "the north pier would close for repairs in May"


def test_headlines_stops_and_blank_lines_still_end_a_sentence() -> None:
    text = (
        "Harbour Board To Close North Pier\n"
        "The harbour board met on Tuesday to discuss the state of the north pier and\n\n"
        "Repairs will start in May, the board said on Wednesday after a long meeting.\n"
        "Ferries will use the south pier until the work on the north pier is finished."
    )
    assert _sentences(text) == [
        "Harbour Board To Close North Pier",
        "The harbour board met on Tuesday to discuss the state of the north pier and",
        "Repairs will start in May, the board said on Wednesday after a long meeting.",
        "Ferries will use the south pier until the work on the north pier is finished.",
    ]
