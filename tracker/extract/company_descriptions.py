"""Companies named after a descriptor: "a drop in the oil giant Exxon" then "The company said"."""

from __future__ import annotations

import functools

import regex

from tracker.extract.definites import definite_head
from tracker.extract.lexicon import load_lexicon
from tracker.extract.run import Run
from tracker.extract.speakers import Mention

LOOKBACK = 400  # how far back "the company" looks for the descriptor that named it
MAX_NAME_WORDS = 5


@functools.cache
def _described_re(language: str) -> regex.Pattern[str]:
    """ "the oil giant Exxon Mobil", "the retailer Amazon": a determiner, at most two
    lower-case modifiers, a company descriptor and the capitalised name it describes."""
    lex = load_lexicon(language)
    return regex.compile(
        r"""(?<![\p{L}\p{N}])(?:\L<det>)\s+(?:[\p{Ll}][\p{L}\-]*\s+){0,2}?(?:\L<noun>)\s+
        (?P<name>\p{Lu}[\p{L}\p{N}&.'’\-]*(?:\s+\p{Lu}[\p{L}\p{N}&.'’\-]*){0,4})""",
        regex.VERBOSE,
        det=sorted(lex.determiners),
        noun=sorted(lex.company_descriptors),
    )


def company_described_before(run: Run, mention: Mention) -> int | None:
    """The source id of the company a description such as "the company" or "the firm"
    stands for when no earlier speaker, relay or sentence subject fits, or None.

    Why: news copy names a company once as the object of a clause ("shares fell after a
    drop in the oil giant Exxon Mobil") and goes on with "The company reported …"; the guide
    resolves the description to that company. Only a company descriptor of the lexicon
    right before a capitalised name counts, within `LOOKBACK` characters and with one such
    name only (two companies described: no guess)."""
    lex = run.lex
    if mention.pronoun is not None or not lex.company_descriptors:
        return None
    head = definite_head(lex, mention.surface)
    if head is None or "organization" not in lex.definite_heads[head]:
        return None
    since = max(0, mention.start - LOOKBACK)
    found = {
        m.group("name").rstrip(".'’"): m
        for m in _described_re(run.language).finditer(run.text, since, mention.start)
    }
    if len(found) != 1:
        return None
    name, m = next(iter(found.items()))
    if len(name.split()) > MAX_NAME_WORDS:
        return None
    start = m.start("name")
    return run.table.add(Mention(name, start, start + len(name), name, "organization"))
