"""Quote-mark scanning: balanced top-level quote spans in one linear pass."""

from __future__ import annotations

import regex

from tracker.extract.records import fields_repr

# Every character that can open or close a quotation, plus the paragraph break, which
# ends an unclosed quote unless the next paragraph re-opens it (multi-paragraph quotes).
QUOTE_MARK_re = regex.compile(
    r"""
    (?P<nl>\n)                      # paragraph break
    | (?P<dbl>''|[“”"„«»])          # double family; '' is the NYT-style double mark
    | (?P<sgl>[‘’'‚‹›])             # single family (also the apostrophe, sorted out below)
    """,
    regex.VERBOSE,
)

_SINGLE_MARKS = frozenset("‘’'‚‹›")  # the `sgl` group; every other mark but "\n" is `dbl`
_OPEN_ONLY = frozenset("“„«‘‚‹")
_CLOSE_ONLY = frozenset("»›")
# Bidirectional-text controls (U+202A–U+202E) that web copy leaves before an opening mark
_OPENING_CONTEXT = frozenset(" \t\n\r([{—–-/:;,\u00a0“„«‘‚‹\"'\u202a\u202b\u202c\u202d\u202e")
# '” … what I learned is …': a quote that opens on an elision has a space after its mark
_ELIDED_OPENINGS = (" …", " ...")
# What may stand before the space of a spaced closing mark: 'the 'long road,' " she said'
_SPACED_CLOSE_AFTER = frozenset("’'.,!?…")
_TYPED_CLOSE_AFTER = frozenset(".,!?…")
# Adversarial nesting is cut off here: deeper openers are skipped, never recursed into.
MAX_DEPTH = 16


class QuoteSpan:
    """A balanced top-level quotation, marks included; `double` tells scare quotes apart.

    A plain class, not a dataclass (see `records`); nothing mutates it."""

    __slots__ = ("double", "end", "inner_end", "inner_start", "start")

    def __init__(
        self,
        start: int,
        end: int,
        inner_start: int,
        inner_end: int,
        double: bool,
    ) -> None:
        self.start = start
        self.end = end
        self.inner_start = inner_start
        self.inner_end = inner_end
        self.double = double

    def _key(self) -> tuple[object, ...]:
        return (self.start, self.end, self.inner_start, self.inner_end, self.double)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, QuoteSpan):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        names = ("start", "end", "inner_start", "inner_end", "double")
        return fields_repr(self, names, self._key())


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _spaced_close(text: str, pos: int, nxt: str, stack: list[tuple[bool, int, int]]) -> bool:
    """Whether a double mark with a space before it closes the open double quote: typists
    put a space between a nested quote's closing mark (or the final comma) and the outer
    one ('"… the 'long road,' " she said'). Only when a space or punctuation follows,
    so the mark cannot be opening a quote of its own."""
    if pos < 2 or not text[pos - 1].isspace() or text[pos - 2] not in _SPACED_CLOSE_AFTER:
        return False
    if not (nxt.isspace() or nxt in ",.;:"):
        return False
    return any(entry[0] for entry in stack)


def scan_quotes(text: str) -> list[QuoteSpan]:
    """Pair quote marks left to right with a bounded stack; unbalanced marks are dropped.

    Kompas writes ” as an opening mark too, so ” and " are decided by context: they close
    when a quote of their family is open and a non-space precedes them, else open when a
    word follows. Apostrophes (letter on both sides) are never quote marks.
    """
    spans: list[QuoteSpan] = []
    # stack entries: (family_is_double, mark_start, mark_end)
    stack: list[tuple[bool, int, int]] = []
    n = len(text)
    absorb_at = -1  # position of a paragraph-opening mark that continues the open quote
    scan_until = -1  # end of the whitespace run already examined after a paragraph break
    for m in QUOTE_MARK_re.finditer(text):
        pos, end = m.span()
        mark = m.group()  # its family from the mark itself: group look-ups by name cost more
        if mark == "\n":
            if not stack or pos < scan_until:
                continue
            reopen_at, scan_until = _paragraph_break(text, pos, stack)
            if reopen_at >= 0:
                absorb_at = reopen_at
            continue
        if pos == absorb_at:
            continue
        double = mark not in _SINGLE_MARKS
        prev = text[pos - 1] if pos > 0 else " "
        nxt = text[end] if end < n else " "
        if not double and _is_word(prev) and _is_word(nxt):
            continue  # apostrophe inside a word: don't, Clinton’s
        can_close, can_open = _roles(text, mark, pos, prev, nxt, double, stack)
        closed = can_close and _close(stack, spans, double, pos, end)
        if not closed and can_open and len(stack) < MAX_DEPTH:
            stack.append((double, pos, end))
    return spans


def _paragraph_break(text: str, pos: int, stack: list[tuple[bool, int, int]]) -> tuple[int, int]:
    """A paragraph break with a quote open: the quote goes on if the next paragraph opens
    with a mark of its family (a multi-paragraph quote), else every open quote is dropped.

    Returns where that reopening mark is (-1 if none) and where the paragraph starts."""
    n = len(text)
    j = pos + 1
    while j < n and text[j] in " \t\r\n\u00a0":
        j += 1
    bottom_double = stack[0][0]
    nxt = text[j] if j < n else ""
    reopen = nxt in '“„«”"' if bottom_double else nxt in "‘’'"
    if bottom_double and text.startswith("''", j):
        reopen = True
    if reopen:
        del stack[1:]
        return j, j
    stack.clear()
    return -1, j


def _roles(
    text: str,
    mark: str,
    pos: int,
    prev: str,
    nxt: str,
    double: bool,
    stack: list[tuple[bool, int, int]],
) -> tuple[bool, bool]:
    """Whether the mark at `pos` (between the characters `prev` and `nxt`) may close an
    open quote, and whether it may open one."""
    end = pos + len(mark)
    can_close = not prev.isspace() and pos > 0
    opens_words = not nxt.isspace() or text.startswith(_ELIDED_OPENINGS, end)
    can_open = opens_words and end < len(text) and (prev in _OPENING_CONTEXT or pos == 0)
    if double and not can_close and _spaced_close(text, pos, nxt, stack):
        can_close = True
    if mark == "“" and stack and stack[-1][0] and text[stack[-1][1]] == "„":
        can_close, can_open = True, False  # German „…“ closes with “
    elif mark == "“" and _typed_close(text, prev, nxt, end, stack):
        can_close, can_open = True, False
    elif mark in _OPEN_ONLY:
        can_close, can_open = False, True
    elif mark in _CLOSE_ONLY:
        can_close, can_open = True, False
    if can_close and not double and _is_word(nxt):
        can_close = False
    return can_close, can_open


def _typed_close(
    text: str, prev: str, nxt: str, end: int, stack: list[tuple[bool, int, int]]
) -> bool:
    """'“It is unusual,“ said Lee': an opening mark typed for the closing one, right after
    the quote's last punctuation, with a space (or the end) after it and a double quote
    open; an opening mark never stands there."""
    if not stack or not stack[-1][0] or prev not in _TYPED_CLOSE_AFTER:
        return False
    return end >= len(text) or nxt.isspace()


def _close(
    stack: list[tuple[bool, int, int]],
    spans: list[QuoteSpan],
    double: bool,
    pos: int,
    end: int,
) -> bool:
    """Close the innermost open quote of the mark's family; a top-level one becomes a span.
    Returns whether a quote was closed."""
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][0] == double:
            _, qs, qe = stack[depth]
            outer = [entry for entry in stack[:depth] if entry[0]]
            if double and not outer:
                # A top-level double quote; stray single openers below it were
                # apostrophes ('90s, 'tis) and must not swallow it.
                stack.clear()
                spans.append(QuoteSpan(qs, end, qe, pos, double))
            else:
                del stack[depth:]
                if not stack:
                    spans.append(QuoteSpan(qs, end, qe, pos, double))
            return True
    return False


# '“…,” X said in March, “…”': the attribution's own tail before the next quote is short.
MAX_RESUME_GAP_WORDS = 12
_RESUME_WORD_re = regex.compile(r"[\p{L}\p{N}]++")


def resumption(
    text: str, attr_end: int, quote_start: int, coordinators: frozenset[str]
) -> tuple[str, int] | None:
    """Whether a quote resumes the speaker's sentence after the attribution that closed
    the previous quote, and as what: ``("direct", start)`` or ``("mixed", start)``.

    '“…,” Lopez said at the rally, “but …”': the writer's words between the two quotes
    are the attribution's own tail (a time, a place, an audience) closed by a comma, so
    the second quote is Lopez speaking on, not a scare quote. '“…,” Lopez said, and
    still “…”' joins the quote with a coordinator: the speaker's clause, part quoted.
    """
    gap = text[attr_end:quote_start]
    if "\n" in gap:
        return None
    words = _RESUME_WORD_re.findall(gap)
    if len(words) > MAX_RESUME_GAP_WORDS:
        return None
    if gap.rstrip().endswith(","):
        return "direct", quote_start
    body = gap.lstrip(" ,")
    if gap[: len(gap) - len(body)].strip() != "," or not words or len(words) > 2:
        return None
    if words[0] not in coordinators:  # lower case only: "and", "but"
        return None
    return "mixed", attr_end + len(gap) - len(body)
