"""Quote identity: normalized fingerprints, fuzzy similarity, word diffs, search terms."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Mapping
from itertools import combinations
from typing import Any

import regex
from rapidfuzz import fuzz

SEARCH_CONFIGS = {"id": "indonesian", "en": "english"}
"""PostgreSQL text search configuration per document language (else `simple`)."""

_quote_marks_re = regex.compile(r"[\"'“”„‟‘’‚‛«»‹›`´]")
_ellipsis_re = regex.compile(r"…|\.{2,}")
_non_word_re = regex.compile(r"[^\p{L}\p{N}]+")
_word_re = regex.compile(r"[\p{L}\p{N}]+")

MATCH_THRESHOLD = 0.8
"""Similarity at or above which two statements are taken to be the same quote."""
MIN_TRUNCATION_SHARE = 0.4
"""A truncated quote must keep this share of the longer one to count as the same."""


def search_config(language: str | None) -> str:
    """The text search configuration for a document language."""
    return SEARCH_CONFIGS.get(language or "", "simple")


def fingerprint(text: str) -> str:
    """Case, punctuation, whitespace, quote-mark style and ellipses folded away.

    “Kami siap…” and "kami siap" share a fingerprint; so do the same words
    quoted with Kompas-style ”…” marks.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = _ellipsis_re.sub(" ", _quote_marks_re.sub(" ", folded))
    return str(_non_word_re.sub(" ", folded)).strip()


def words(text: str) -> list[str]:
    """The words of a text, casefolded, in order."""
    return [w.casefold() for w in _word_re.findall(unicodedata.normalize("NFKC", text))]


def similarity(a: str, b: str) -> float:
    """How alike two statements are, 0..1, robust to small edits.

    A changed or dropped word lowers the plain ratio a little; clauses reordered in
    indirect speech keep the token-sorted ratio high; a quote truncated with "…" keeps
    the partial ratio high as long as it holds a fair share of the original.
    """
    fa, fb = fingerprint(a), fingerprint(b)
    if not fa or not fb:
        return 0.0
    if fa == fb:
        return 1.0
    score = max(fuzz.ratio(fa, fb), fuzz.token_sort_ratio(fa, fb))
    shorter, longer = sorted((len(fa), len(fb)))
    if shorter / longer >= MIN_TRUNCATION_SHARE:
        score = max(score, fuzz.partial_ratio(fa, fb) * 0.98)
    return round(score / 100.0, 4)


def word_diff(first: str, later: str) -> list[dict[str, Any]]:
    """Word-level edits turning ``first`` into ``later`` (equal runs omitted)."""
    a, b = words(first), words(later)
    ops = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        ops.append({"op": tag, "from": " ".join(a[i1:i2]), "to": " ".join(b[j1:j2])})
    return ops


def word_runs(first: str, later: str) -> list[dict[str, str]]:
    """``later`` against ``first`` word by word, every run kept, for an inline diff.

    Words are compared casefolded (as ``word_diff`` does) but shown as written:
    ``{"op": "equal" | "delete" | "insert" | "replace", "from": ..., "to": ...}``, with
    ``from`` the first's words and ``to`` the later's. Reading the ``to`` of every run
    gives the later words; reading every ``from`` gives the first's.
    """
    shown_a = _word_re.findall(unicodedata.normalize("NFKC", first))
    shown_b = _word_re.findall(unicodedata.normalize("NFKC", later))
    a, b = [w.casefold() for w in shown_a], [w.casefold() for w in shown_b]
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return [
        {"op": tag, "from": " ".join(shown_a[i1:i2]), "to": " ".join(shown_b[j1:j2])}
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]


MAX_QUERY_WORDS = 4
"""Words a candidate query pairs (the rarest): any two may be edited and a pair remains.

Six until 2026-12-03. The full-text index reads every word of a query of alternatives
whole, so each word costs its share of the corpus, more the more common it is: at a
million statements six words made the lookup's candidates 8.8 ms at p99 against 4.2 at
100 thousand, four words 5.1 against 3.2, the same matches found (docs/SCALING.md)."""


def candidate_query(text: str, common: Mapping[str, float] | None = None) -> str | None:
    """A tsquery (text form) that finds the same quote despite one or two edited words.

    Takes the ``MAX_QUERY_WORDS`` rarest distinct words and asks for any two of them
    together: one changed word breaks only the pairs that contain it. Rarest by
    ``common`` (the share of stored statements holding a word, from the database's
    statistics; a word not listed is rarer than any listed), then by length (long words
    are rare): a pair of rare words is a handful of statements however large the corpus,
    a pair of common ones a share of it.
    """
    shares = common or {}
    distinct = sorted(
        {w for w in words(text) if len(w) >= 3}, key=lambda w: (shares.get(w, 0.0), -len(w), w)
    )
    chosen = distinct[:MAX_QUERY_WORDS]
    if not chosen:
        return None
    if len(chosen) == 1:
        return _lexeme(chosen[0])
    pairs = [f"({_lexeme(x)} & {_lexeme(y)})" for x, y in combinations(chosen, 2)]
    return " | ".join(pairs)


def _lexeme(word: str) -> str:
    return "'" + word.replace("'", "''").replace("\\", "") + "'"
