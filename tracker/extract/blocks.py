"""Block quotes whose marks were lost: "X added:" closing a paragraph, the words below it."""

from __future__ import annotations

import regex

from tracker.extract.cues import CueMatch

# The paragraph after the lead-in must read as running prose: a quote mark (a quote the
# sentence rules attribute), markup ("<tweet …>"), a bullet or number (a list), or a short
# "Label: …" head ("Road safety: …", "HOST: …") each make it something else.
_NOT_PROSE_re = regex.compile(
    r"""
    [“”"„«‘’'<\[(•*\-–—\p{N}]           # quote mark, markup, bullet, number
    | [^\n.:!?]{1,40}+:                   # a label or speaker turn before a colon
    """,
    regex.VERBOSE,
)
_WORD_re = regex.compile(r"[\p{L}\p{N}]++")
MIN_BLOCK_WORDS = 8  # a lone line after "X said:" is a heading more often than speech


def lead_in_cue(
    text: str, s: int, e: int, cues: list[CueMatch], speech: frozenset[str]
) -> CueMatch | None:
    """The cue of a paragraph that ends "X added:", when a speech verb stands right
    before the colon: "The mayor added:" introduces the paragraph below as the mayor's words,
    but "The report lists the following:" or "X points out some figures:" does not."""
    if e <= s or text[e - 1] != ":" or not cues:
        return None
    k = e
    while k < len(text) and text[k] in " \t\u00a0":
        k += 1
    if k < len(text) and text[k] != "\n":
        return None  # the colon does not close the paragraph
    last = cues[-1]
    if last.lastgroup not in ("verb", "post") or last.group().lower().rstrip(":") not in speech:
        return None
    if text[last.end() : e].strip(" \t\u00a0:"):
        return None  # words between the cue and the colon: an object, not a lead-in
    return last


def block_after(text: str, colon_end: int) -> tuple[int, int] | None:
    """The next paragraph after a lead-in colon, when it reads as running prose."""
    n = len(text)
    k = colon_end
    while k < n and text[k] in " \t\u00a0\r\n":
        k += 1
    if k >= n or "\n" not in text[colon_end:k]:
        return None
    if _NOT_PROSE_re.match(text, k) is not None:
        return None
    end = text.find("\n", k)
    end = n if end < 0 else end
    while end > k and text[end - 1] in " \t\u00a0\r":
        end -= 1
    if len(_WORD_re.findall(text, k, end)) < MIN_BLOCK_WORDS:
        return None
    return k, end
