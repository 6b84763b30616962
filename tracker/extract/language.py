"""Language identification between the lexicon languages by function-word counts."""

from __future__ import annotations

import functools
from collections import Counter

import regex

from tracker.extract.lexicon import LANGUAGES, load_lexicon

# Only the first stretch of a text is read, so the cost stays constant however long the
# article is: the first 1,000 characters usually settle the vote (a clear lead), and
# only an undecided vote reads on to 20,000.
_FIRST_SAMPLE_CHARS = 1_000
_SAMPLE_CHARS = 20_000
# A lead is clear when the winner has this many hits and this many times the runner-up.
_CLEAR_HITS = 12
_CLEAR_RATIO = 3

_WORD_re = regex.compile(r"\p{L}++")


@functools.cache
def _function_words() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for lang in LANGUAGES:
        for word in load_lexicon(lang).function_words:
            table[word] = (*table.get(word, ()), lang)
    return table


def _vote(text: str, end: int) -> dict[str, int]:
    """Function-word hits per language in text[:end]."""
    table = _function_words()
    counts = dict.fromkeys(LANGUAGES, 0)
    # Count each distinct word once: `findall` skips building a match object per word, and
    # a news sample repeats its words many times over.
    for word, n in Counter(_WORD_re.findall(text, 0, end)).items():
        langs = table.get(word.lower())
        if langs is not None and len(langs) == 1:
            counts[langs[0]] += n
    return counts


def _clear(counts: dict[str, int]) -> bool:
    first, second = [*sorted(counts.values(), reverse=True), 0][:2]
    return first >= _CLEAR_HITS and first >= _CLEAR_RATIO * second


def detect_language(text: str) -> str:
    """Return "id" or "en": whichever lexicon's function words occur more (ties go to "id")."""
    counts = _vote(text, _FIRST_SAMPLE_CHARS)
    if len(text) > _FIRST_SAMPLE_CHARS and not _clear(counts):
        counts = _vote(text, _SAMPLE_CHARS)
    return max(LANGUAGES, key=lambda lang: (counts[lang], lang == "id"))
