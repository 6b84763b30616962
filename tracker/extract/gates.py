"""Cheap necessary conditions for case-insensitive word-list patterns, checked before them.

A `regex` named list under IGNORECASE probes a set for every candidate length at every
position it is tried, and some of those patterns run once per sentence or per candidate
speaker although the words they look for are rare. Such a pattern can only match where
one of its words occurs, in some case, inside the window it is given; on the lower case of
that window the test is one stdlib substring search. The gate answers "perhaps" whenever
it cannot be sure (a word that is not plain ASCII, a window with a character whose lower
case is not its case fold), so a pattern behind it finds exactly what it found before.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from tracker.extract.patterns import literal_trie

# The characters that `regex` IGNORECASE (simple case folding, its default) matches to a
# plain ASCII letter although `str.lower` does not give that letter: "İ" (U+0130) lowers
# to "i" and a combining dot, "ſ" (U+017F) stays itself. Checked against every code point
# (tests/unit/extract/test_gates.py); the Kelvin sign lowers to "k" and needs no care.
FOLD_EXCEPTIONS = ("\u0130", "\u017f")
# Characters a gated word may hold besides ASCII letters and digits: under IGNORECASE each
# matches only itself.
_PLAIN_MARKS = frozenset(" -'.%")


def _gateable(word: str) -> bool:
    return all(("a" <= ch <= "z") or ("0" <= ch <= "9") or ch in _PLAIN_MARKS for ch in word)


def lower_window(text: str, lo: int, hi: int) -> str | None:
    """text[lo:hi] in lower case, or None when that lower case may hide a case-insensitive
    match (the window holds one of `FOLD_EXCEPTIONS`)."""
    window = text[lo:hi]
    if not window.isascii() and ("\u0130" in window or "\u017f" in window):
        return None  # FOLD_EXCEPTIONS
    return window.lower()


class WordGate:
    """The words of a case-insensitive pattern, for a test that may only say "no" when the
    pattern cannot match.

    A plain class, not a dataclass: mypyc compiles this `__init__`, never a generated one.
    """

    __slots__ = ("_bounded", "_finder", "_longest", "_words", "enabled")

    def __init__(self, words: Iterable[str], *, bounded: bool = False) -> None:
        """`bounded`: the pattern's words stand between characters that are no letter or
        digit (a look-behind and look-ahead of \\p{L}\\p{N}, \\b, or \\s): `may_occur` then
        wants no ASCII letter or digit on either side in the lower case either. A letter or
        digit there lowers from a letter or digit (or the Kelvin sign, a letter too), where
        the pattern fails as well; the window's edges count as no letter."""
        lowered = sorted({w.lower() for w in words if w})
        # a word with other characters (non-ASCII, or marks IGNORECASE might fold) is
        # never ruled out: the gate then always says "perhaps"
        self.enabled = bool(lowered) and all(_gateable(w) for w in lowered)
        self._words = tuple(lowered)
        self._longest = max((len(w) for w in lowered), default=0)
        trie = literal_trie(lowered) if self.enabled else "(?!)"
        # the words alone first: a pattern opening with them lets `re` skip to the
        # characters a word can start with, which a look-behind first would not
        self._finder = re.compile(trie)
        self._bounded = re.compile(f"(?<![a-z0-9])(?:{trie})(?![a-z0-9])") if bounded else None

    def may_occur(self, text: str, lo: int, hi: int) -> bool:
        """False only when none of the words occurs, in any case, inside text[lo:hi]."""
        if not self.enabled:
            return True
        low = lower_window(text, lo, hi)
        if low is None:
            return True
        found = self._finder.search(low)
        if found is None or self._bounded is None:
            return found is not None
        # a bounded occurrence is an occurrence, so none starts before the first one
        return self._bounded.search(low, found.start()) is not None

    def may_start(self, text: str, pos: int, hi: int) -> bool:
        """False only when none of the words starts at `pos`, in any case, and ends by
        `hi`."""
        if not self.enabled:
            return True
        low = lower_window(text, pos, min(hi, pos + self._longest))
        return low is None or low.startswith(self._words)


def skip_separators(text: str, pos: int, hi: int, separators: str) -> int:
    r"""The first position from `pos` (up to `hi`) that is neither a space (`str.isspace`)
    nor one of `separators`. Every character `regex` counts as \s is a `str.isspace`
    character, so a pattern opening with `[\s<separators>]*+` and then a word reaches its
    word at this very position whenever it matches."""
    k = pos
    while k < hi and (text[k] in separators or text[k].isspace()):
        k += 1
    return k


@functools.lru_cache(maxsize=16)
def _heads(words: frozenset[str]) -> tuple[tuple[str, ...], int]:
    """A lexicon set as a tuple for `str.startswith`, and its longest word's length."""
    heads = tuple(sorted(words))
    return heads, max((len(w) for w in heads), default=0)


def next_word_may_be(text: str, end: int, hi: int, words: frozenset[str]) -> bool:
    r"""False only when the word after `end` (what `[ \t]++(\p{L}++)` matches there, up to
    `hi`) cannot be one of the lower-case `words` once lower-cased: there is no space or
    tab at `end`, or the text after them does not start, lower-cased, with one of them
    (the word is a prefix of that text, and lower casing never shortens a string)."""
    if end >= hi or text[end] not in " \t":
        return False
    k = end + 1
    while k < hi and text[k] in " \t":
        k += 1
    heads, longest = _heads(words)
    return text[k : min(hi, k + longest)].lower().startswith(heads)
