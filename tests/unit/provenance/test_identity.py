"""Quote identity without a database: fingerprints, similarity, word diffs, search terms."""

from __future__ import annotations

from itertools import combinations

import pytest

from tracker.provenance.identity import (
    MATCH_THRESHOLD,
    candidate_query,
    fingerprint,
    search_config,
    similarity,
    word_diff,
    words,
)

QUOTE = "Persahabatan kita tidak akan pernah goyah oleh tekanan apa pun dari Barat"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("“Kami siap…”", '"kami siap"'),
        ("”Kami siap,” ", "KAMI   SIAP"),
        ("Kami... siap!", "kami siap"),
        ("‘Ｋａｍｉ’ siap", "kami siap"),  # full-width letters fold (NFKC)
    ],
)
def test_same_words_share_a_fingerprint(a: str, b: str) -> None:
    assert fingerprint(a) == fingerprint(b)


def test_a_text_without_words_has_no_fingerprint() -> None:
    assert fingerprint("…!! “ ”") == ""
    assert words("Kim's 3 ways") == ["kim", "s", "3", "ways"]


@pytest.mark.parametrize(
    ("other", "same_quote"),
    [
        (QUOTE, True),
        (QUOTE.upper() + "!", True),
        (QUOTE.replace("Barat", "Amerika"), True),  # one word changed
        (QUOTE[: QUOTE.index(" oleh")] + "…", True),  # truncated, a fair share kept
        ("dari Barat", False),  # too little of it kept
        ("Harga beras akan turun bulan depan di seluruh provinsi", False),
        ("", False),
    ],
)
def test_similarity_tells_the_same_quote(other: str, same_quote: bool) -> None:
    score = similarity(QUOTE, other)
    assert 0.0 <= score <= 1.0
    assert (score >= MATCH_THRESHOLD) is same_quote
    assert similarity(other, QUOTE) == score or not other


def test_identical_fingerprints_are_similarity_one() -> None:
    assert similarity("“Kami siap…”", "kami siap") == 1.0


def test_word_diff_names_each_edit() -> None:
    edited = QUOTE.replace("Barat", "Amerika").replace("pernah ", "")
    assert word_diff(QUOTE, edited) == [
        {"op": "delete", "from": "pernah", "to": ""},
        {"op": "replace", "from": "barat", "to": "amerika"},
    ]
    assert word_diff(QUOTE, QUOTE.lower()) == []


def test_candidate_query_pairs_the_longest_words() -> None:
    query = candidate_query("Our friendship is unbreakable, said the foreign minister")
    assert query is not None
    pairs = query.split(" | ")
    assert len(pairs) == 6  # the 4 longest words of 3+ letters, any two of them
    assert pairs[0] == "('unbreakable' & 'friendship')"
    assert "'minister'" in query and "'foreign'" in query
    assert "'is'" not in query and "'the'" not in query  # too short
    assert "'our'" not in query and "'said'" not in query  # the 5th and 6th words


def test_candidate_query_escapes_and_handles_few_words() -> None:
    assert candidate_query("it is") is None
    assert candidate_query("Kim") == "'kim'"
    assert candidate_query("O'Neil said") == "('neil' & 'said')"


@pytest.mark.parametrize(
    ("language", "config"),
    [("id", "indonesian"), ("en", "english"), ("fr", "simple"), (None, "simple")],
)
def test_search_config(language: str | None, config: str) -> None:
    assert search_config(language) == config


def test_word_runs_keep_every_word_as_written() -> None:
    from tracker.provenance.identity import word_runs

    runs = word_runs("Our ties are Strong and eternal", "our ties are strong and LASTING forever")
    assert [r["op"] for r in runs] == ["equal", "replace"]
    assert runs[0]["to"] == "our ties are strong and"
    assert runs[1] == {"op": "replace", "from": "eternal", "to": "LASTING forever"}
    assert " ".join(r["to"] for r in runs if r["to"]) == "our ties are strong and LASTING forever"
    assert word_runs("same words", "Same, words!") == [
        {"op": "equal", "from": "same words", "to": "Same words"}
    ]


def test_candidate_query_prefers_the_words_the_corpus_rarely_holds() -> None:
    """Common words (a share of the statements, from the database's statistics) go last,
    however long: a pair of them would make the index return a share of the corpus."""
    quote = "Ministers announced tariffs regarding agricultural cooperation between provinces"
    plain = candidate_query(quote)
    common = {"agricultural": 0.02, "cooperation": 0.03, "ministers": 0.01}
    ranked = candidate_query(quote, common)
    assert plain is not None and ranked is not None
    assert "'agricultural'" in plain and "'cooperation'" in plain
    assert "'agricultural'" not in ranked and "'cooperation'" not in ranked
    assert ranked.split(" | ")[0] == "('announced' & 'provinces')"  # rare, longest first
    assert candidate_query(quote, {}) == plain


def _pairs_of(query: str | None) -> set[frozenset[str]]:
    assert query is not None
    return {frozenset(p.strip("()").replace("'", "").split(" & ")) for p in query.split(" | ")}


COMMON = {"minister": 0.01, "government": 0.05, "people": 0.08, "today": 0.1, "said": 0.2}


def test_candidate_query_pairs_the_four_rarest_words() -> None:
    """Four words, so two may be edited and a pair remains; a common word (its share
    of the corpus read whole by the index) only when fewer than four rare ones."""
    many_rare = candidate_query(
        "Minister said reforms stalled in government gridlock again", COMMON
    )
    assert _pairs_of(many_rare) == {
        frozenset(pair) for pair in combinations(["reforms", "stalled", "gridlock", "again"], 2)
    }
    two_rare = candidate_query("Minister said reforms stalled in government today", COMMON)
    assert _pairs_of(two_rare) == {
        frozenset(pair)
        for pair in combinations(["reforms", "stalled", "minister", "government"], 2)
    }
