"""Language identification between the lexicon languages by function-word counts."""

from __future__ import annotations

import functools
from collections import Counter

import regex

from tracker.extract.lexicon import LANGUAGES, load_lexicon

# Only the first stretch of a text is read: a few thousand characters settle the vote, and
# the cost stays constant however long the article is.
_SAMPLE_CHARS = 20_000

_WORD_re = regex.compile(r"\p{L}++")


@functools.cache
def _function_words() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for lang in LANGUAGES:
        for word in load_lexicon(lang).function_words:
            table[word] = (*table.get(word, ()), lang)
    return table


def detect_language(text: str) -> str:
    """Return "id" or "en": whichever lexicon's function words occur more (ties go to "id")."""
    table = _function_words()
    counts = dict.fromkeys(LANGUAGES, 0)
    # Count each distinct word once: `findall` skips building a match object per word, and
    # a news sample repeats its words many times over.
    for word, n in Counter(_WORD_re.findall(text, 0, _SAMPLE_CHARS)).items():
        langs = table.get(word.lower())
        if langs is not None and len(langs) == 1:
            counts[langs[0]] += n
    return max(LANGUAGES, key=lambda lang: (counts[lang], lang == "id"))
