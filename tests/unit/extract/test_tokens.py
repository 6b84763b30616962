"""Tokens, word runs and the word before a cue: the fast paths give what the patterns give."""

from __future__ import annotations

import pytest
import regex

from tracker.extract.cues import PREV_WORD_WINDOW, word_before
from tracker.extract.patterns import NOT_PLAIN_re, TOKEN_FLAT_re
from tracker.extract.run import _occurs_between
from tracker.extract.spans import WORD_re, words_of
from tracker.extract.tokens import tokenize

TEXTS = [
    "The mayor said “we’re ready,” and left — twice… (2024).",
    "“Kami siap,” kata Budi—dan ‘semua’ ikut; U.S. dan Jong-un’s tim.",
    "Plain ASCII: don't stop, it's 3.5 o'clock -- fine.",
    "Tail ’ apostrophe’ and dash – at the end…",
    # not plain: an accented letter, a no-break space, a combining mark, guillemets
    "José said “sí,” then\u00a0left; cafe\u0301 «ouvert» today.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_tokens_are_the_unicode_patterns_tokens_in_every_window(text: str) -> None:
    for lo in range(len(text)):
        for hi in range(lo, len(text) + 1, 3):
            got = [(t.start, t.end, t.text) for t in tokenize(text, lo, hi)]
            assert [t for _, _, t in got] == _expected(text, lo, hi)
            assert all(text[s:e] == t for s, e, t in got)


def _expected(text: str, lo: int, hi: int) -> list[str]:
    toks: list[str] = TOKEN_FLAT_re.findall(text, lo, hi)
    if toks and hi < len(text) and text[hi].isalnum() and toks[-1][0].isalnum():
        if text[:hi].endswith(toks[-1]):
            toks.pop()  # a word cut by the window's end
    return toks


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("“Quoted,” he said — twice… ‘fine’ – ok ―", True),
        ("Café", False),
        ("no\u00a0break", False),
        ("«guillemets»", False),
    ],
)
def test_plain_text_is_ascii_and_typographic_marks(text: str, plain: bool) -> None:
    assert (NOT_PLAIN_re.search(text) is None) is plain


@pytest.mark.parametrize("text", TEXTS)
def test_word_runs_are_the_unicode_patterns_runs(text: str) -> None:
    assert words_of(text) == WORD_re.findall(text)


@pytest.mark.parametrize(
    ("text", "word", "found"),
    [
        ("They met the mayor, then left.", "mayor", True),
        ("(mayor) of the town", "mayor", False),  # ")" is no word end
        ("At (mayor; later", "mayor", True),
        ("mayor, at the very start", "mayor", False),  # nothing before it
        ("the town mayor", "mayor", False),  # nothing after it
        ("xmayor, the mayors and the mayor.", "mayor", True),  # the third occurrence
        ("the mayormayor and mayorx", "mayor", False),
    ],
)
def test_occurs_between_is_the_pairwise_substring_test(text: str, word: str, found: bool) -> None:
    pairs = any(f"{pre}{word}{post}" in text for pre in " (" for post in " ,.;:")
    assert pairs is found
    assert _occurs_between(text, word, " (", " ,.;:") is found


# What `cues.word_before` reads without a search: this pattern's match over the window.
PREV_WORD_re = regex.compile(r"(?<![\p{L}\p{M}\p{N}'’\-])[\p{L}\p{M}\p{N}'’\-]++[ \t]++$")


@pytest.mark.parametrize(
    "text",
    [
        "the plan said",
        "Lopez’s warning came",
        "word \nsaid it",  # a newline right before the position
        "word \n\nsaid it",
        "(his) claims, “her”  \t views",
        "a-very-long-hyphenated-compound-word-indeed claims",  # starts before the window
        "x a-very-long-hyphenated-compound-word-indee claims",
        "Café’s café\u0301 1990s ñandú report",
        "  leading spaces",
    ],
)
def test_word_before_is_the_pattern_search(text: str) -> None:
    for pos in range(len(text) + 1):
        m = PREV_WORD_re.search(text, max(0, pos - PREV_WORD_WINDOW), pos)
        expected = None if m is None else m.group().rstrip()
        assert word_before(text, pos) == expected, pos
