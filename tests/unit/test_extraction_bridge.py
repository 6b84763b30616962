"""The extraction bridge: the extractor's statements in the writer's shape (no database)."""

from __future__ import annotations

from dataclasses import replace

from tracker.extract import extract
from tracker.ingest.extraction import prepare_document, statements_from_extraction
from tracker.store.inputs import DocumentIn, SourceIn, StatementIn

TEXT = (
    "Menteri Keuangan Budi Santoso mengatakan bahwa inflasi tetap terkendali. "
    "“Kami akan menjaga harga pangan,” ujarnya di Jakarta."
)


def test_each_statement_keeps_the_rule_that_made_it() -> None:
    extraction = extract(TEXT, language="id")
    named = replace(
        extraction,
        statements=tuple(
            replace(st, rule=f"sieve_{i}") for i, st in enumerate(extraction.statements)
        ),
    )
    rules = [st.rule for st in statements_from_extraction(named)]
    assert rules == [f"sieve_{i}" for i in range(len(extraction.statements))]
    assert len(rules) == 2


def test_a_statement_without_a_rule_stores_none_not_an_empty_string() -> None:
    extraction = extract(TEXT, language="id")
    unnamed = replace(
        extraction, statements=tuple(replace(s, rule="") for s in extraction.statements)
    )
    assert {st.rule for st in statements_from_extraction(unnamed)} == {None}


def test_statements_given_are_manual_and_extracted_ones_the_extractors() -> None:
    given = StatementIn(start=0, end=7, kind="indirect", speaker=SourceIn("Budi", "person"))
    manual = prepare_document(DocumentIn(text=TEXT, statements=(given,)))
    extracted = prepare_document(DocumentIn(text=TEXT, url="https://www.antaranews.com/b/1"))
    assert manual.statement_origin == "manual" and manual.doc.statements == (given,)
    assert extracted.statement_origin.startswith("rules-") and extracted.doc.statements
    assert extracted.language == "id" and extracted.outlet == SourceIn(
        "Antara", "news_outlet", state_media=True
    )


TOLD_REUTERS = "The plant will close in May, chief executive Anna Berg told Reuters."


def _chains(prepared: object) -> list[list[str]]:
    statements = prepared.doc.statements  # type: ignore[attr-defined]
    return [[hop.source.name for hop in st.chain] for st in statements]


def test_the_documents_own_outlet_is_no_hop_of_its_chains() -> None:
    """Given by name or found from the URL's domain, the outlet the document comes from
    gathered "told Reuters" itself: a first-hand statement."""
    by_name = prepare_document(DocumentIn(text=TOLD_REUTERS, outlet="Reuters"))
    by_url = prepare_document(DocumentIn(text=TOLD_REUTERS, url="https://www.reuters.com/a/1"))
    elsewhere = prepare_document(DocumentIn(text=TOLD_REUTERS, outlet="The Daily Ledger"))
    unknown = prepare_document(DocumentIn(text=TOLD_REUTERS))
    assert _chains(by_name) == _chains(by_url) == [["Anna Berg"]]
    assert _chains(elsewhere) == _chains(unknown) == [["Reuters", "Anna Berg"]]
    assert by_url.outlet is not None and by_url.outlet.name == "Reuters"
