"""A direct quote running over several paragraphs: one statement per paragraph, same speaker."""

from __future__ import annotations

from itertools import pairwise

# Marks that reopen a quote at the start of its next paragraph ('"…¶"…¶"…," she said').
REOPENING_MARKS = "“„«”\"'‘’"
_BLANK = " \t\r\n\u00a0"


def paragraph_bounds(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of a quote's paragraphs, when it reopens at the start of a paragraph
    (a line break, blanks, then a mark that continues it); one span when it does not.

    Why: by the convention of news copy a long quotation opens every paragraph with a mark
    and closes only the last; each paragraph is a statement of its own (a reader cites,
    checks and finds them one by one), all with the speaker and chain of the attribution
    that closes (or opens) the quote."""
    bounds = [start]
    pos = text.find("\n", start, end)
    while pos >= 0:
        j = pos + 1
        while j < end and text[j] in _BLANK:
            j += 1
        if j < end - 1 and text[j] in REOPENING_MARKS:
            bounds.append(j)
        pos = text.find("\n", j, end)
    if len(bounds) == 1:
        return [(start, end)]
    bounds.append(end)
    spans: list[tuple[int, int]] = []
    for lo, hi in pairwise(bounds):
        while hi > lo and text[hi - 1] in _BLANK:
            hi -= 1
        if hi > lo:
            spans.append((lo, hi))
    return spans
