"""A quote that ends the writer's clause ('said that if it rains, "…"', 'described her as, "…"')."""

from __future__ import annotations

import regex

from tracker.extract.run import Run

MAX_LEAD_WORDS_BEFORE = 2  # 'said Friday that …', 'said last week that …'
_WORD_re = regex.compile(r"[\p{L}\p{N}’'-]++")


def reported_content_start(run: Run, cue_end: int, qstart: int) -> int | None:
    """Where the reported clause starts when a complementizer follows the cue and words of
    the writer's stand between it and the opening mark ('said Friday that if she wins,
    “…”'): the quote only ends the speaker's clause, so the statement is mixed and spans
    the clause from the complementizer. None when the quote follows the cue directly or
    right after the complementizer ('said that "…"', which the caller reads already).
    An object and "as" before the mark make the quote a predicate of the object: the
    clause from the object on is the statement."""
    words = list(_WORD_re.finditer(run.text, cue_end, qstart))
    for k, word in enumerate(words[: MAX_LEAD_WORDS_BEFORE + 1]):
        if word.group().lower() in run.lex.complementizers:
            return word.start() if k + 1 < len(words) else None
    if len(words) > 1 and words[-1].group().lower() in run.lex.predicative_markers:
        # 'characterized the senator as, "…"', 'says things such as, "…"': the quote names
        # what the object is; the object is the writer's, so the statement is mixed
        first: int = words[0].start()
        return first
    return None
