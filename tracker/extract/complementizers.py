"""The complementizer after a cue ("that", "bahwa"), found only where one can start."""

from __future__ import annotations

import functools

import regex

from tracker.extract.gates import WordGate, skip_separators
from tracker.extract.lexicon import load_lexicon
from tracker.extract.patterns import patterns_for


def complementizer_at(language: str, text: str, pos: int, hi: int) -> regex.Match[str] | None:
    """`patterns_for(language).complementizer_re.match(text, pos, hi)`, tried only where a
    complementizer, in some case, starts after the spaces, commas and colons at `pos`: most
    cues have none, and the pattern's named list is probed at every length otherwise."""
    k = skip_separators(text, pos, hi, ",:")
    if not _gate(language).may_start(text, k, hi):
        return None
    return patterns_for(language).complementizer_re.match(text, pos, hi)


@functools.cache
def _gate(language: str) -> WordGate:
    return WordGate(load_lexicon(language).complementizers)
