"""Word rarity from PostgreSQL's statistics: what the lookup's candidate query avoids."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from tests.integration.helpers import doc_with_chain, hop, person
from tracker.db import transaction
from tracker.provenance.identity import candidate_query
from tracker.provenance.matching import find_matches
from tracker.provenance.rarity import common_words, forget
from tracker.store.writer import store_document

UNIQUE = ["amber", "basalt", "cobalt", "dune", "ember", "fjord", "garnet", "harbor"]


def _store_analyzed(session_factory: sessionmaker[Session]) -> None:
    """40 statements sharing most of their words, then ANALYZE and a fresh reading."""
    for i in range(40):
        quote = f"Reservoir levels remain stable near {UNIQUE[i % 8]} ridge number{i}"
        body = f'The engineer spoke. "{quote}," she said.'
        with transaction(session_factory) as session:
            store_document(session, doc_with_chain(body, quote, [hop(person("Dewi Lestari"))]))
    engine = session_factory.kw["bind"]
    with engine.begin() as conn:
        conn.execute(text("ANALYZE statement"))
    forget(engine)  # one reading serves for minutes: read the new statistics now


def test_words_most_statements_hold_are_common_after_analyze(
    session_factory: sessionmaker[Session],
) -> None:
    with transaction(session_factory) as session:
        assert common_words(session) == {}  # never analyzed: nothing known, nothing avoided
    _store_analyzed(session_factory)
    with transaction(session_factory) as session:
        shares = common_words(session)
    assert shares["reservoir"] == 1.0 and shares["stable"] == 1.0
    query = candidate_query("Reservoir levels remain stable near cobalt ridge number7", shares)
    assert query is not None and query.split(" | ")[0] == "('number7' & 'cobalt')"


def test_a_quote_with_two_words_edited_is_still_found(
    session_factory: sessionmaker[Session],
) -> None:
    """Its two edited words are the rarest (nothing holds them), so two of the four words
    the query pairs are dead: the pair of the other two still finds it."""
    _store_analyzed(session_factory)
    edited = "Reservoir levels remian stable near cobalt ridge numbr10"
    with transaction(session_factory) as session:
        query = candidate_query(edited, common_words(session))
        assert query is not None and "'numbr10' & 'remian'" in query
        found = find_matches(session, edited)
    assert "Reservoir levels remain stable near cobalt ridge number10" in {m.text for m in found}
