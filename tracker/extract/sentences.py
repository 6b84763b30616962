"""Sentence segmentation that never cuts inside a quotation and knows abbreviations."""

from __future__ import annotations

import bisect
import functools

import regex

from tracker.extract.lexicon import Lexicon, load_lexicon, outlet_index
from tracker.extract.quotes import QuoteSpan

# A sentence ends at terminal punctuation (plus any closing marks) followed by spaces and
# something that can start a sentence, or at a paragraph break.
SENTENCE_END_re = regex.compile(
    r"""
    (?P<end>[.!?…]++['"”’»)]*+)(?=[ \t\u00a0]++[\p{Lu}\p{N}“”"‘'«„(\[—–-])   # punctuation
    | (?P<para>\n)                                                          # paragraph
    """,
    regex.VERBOSE,
)
_WORD_BEFORE_re = regex.compile(r"(?r)[\p{L}.]{1,12}+")


def split_sentences(text: str, quotes: list[QuoteSpan], lexicon: Lexicon) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence, trimmed of surrounding whitespace.

    Boundaries inside a quote span are ignored, so a multi-sentence quote stays one unit with
    its attribution; that is what lets “A. B,” kata X attribute the whole quote.
    """
    starts = [q.start for q in quotes]
    cuts: list[int] = []
    for m in SENTENCE_END_re.finditer(text):
        pos = m.start()
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and quotes[i].start < pos and m.end() < quotes[i].end:
            continue  # inside a quote; a stop right before its closing mark still counts
        # the `end` group by its number: `regex` looks a group name up only after trying
        # to read it as a number, which raises (and clears) a TypeError on every match
        stop = m.group(1)
        if stop is not None:
            if stop == "!" and _named_exclamation(text, pos):
                continue  # "told Yahoo! News": the mark is part of a name
            if stop[0] == "." and _is_abbreviation(text, pos, lexicon):
                if not _place_before_quote(text, pos, m.end(), starts, lexicon):
                    continue
            if (
                i >= 0
                and m.end() == quotes[i].end
                and _opens_sentence(text, cuts[-1] if cuts else 0, quotes[i].start)
                and _attribution_follows(text, m.end(), lexicon)
            ):
                continue  # “…?” Borger asked. — the attribution belongs to the quote
            cuts.append(m.end())
        else:
            cuts.append(pos)
    spans: list[tuple[int, int]] = []
    prev = 0
    for cut in [*cuts, len(text)]:
        start, end = _trim(text, prev, cut)
        if start < end:
            spans.append((start, end))
        prev = cut
    return spans


@functools.cache
def _attribution_re(language: str) -> regex.Pattern[str]:
    lex = load_lexicon(language)
    cues = sorted({c for c in (*lex.post_cues, *lex.cue_verbs) if c}, key=len, reverse=True)
    return regex.compile(
        r"""
        [ \t]++
        (?:(?:\p{Lu}[\p{L}\p{M}.'’\-]*+ | \([^)\n]{0,24}+\))[ \t]++){0,4}   # Rep. John Mica (R)
        (?:\p{Lu}[\p{L}\p{M}.'’\-]*+ | \([^)\n]{0,24}+\))
        (?:,[^,;!?\n"“”]{1,160}+,)?+[ \t]++                                 # , director of …,
        (?:\L<cue>)(?![\p{L}\p{N}])                                        # said / asked
        """,
        regex.VERBOSE,
        cue=cues,
    )


def _opens_sentence(text: str, prev_cut: int, quote_start: int) -> bool:
    """Whether a quote opens its sentence: only then may a following "X said" be its
    attribution. A quote closing a narrative sentence (Lopez called it “a farce.” Diaz
    said …) is followed by a new sentence with its own subject."""
    return quote_start - prev_cut < 400 and not text[prev_cut:quote_start].strip(" \t\n\u00a0—–-")


def _attribution_follows(text: str, pos: int, lexicon: Lexicon) -> bool:
    return _attribution_re(lexicon.language).match(text, pos, pos + 220) is not None


@functools.cache
def _exclaimed_names() -> frozenset[str]:
    """The lower-cased words of listed outlet names that end in "!" ("yahoo!")."""
    return frozenset(
        word for alias in outlet_index() for word in alias.lower().split() if word[-1:] == "!"
    )


def _named_exclamation(text: str, mark: int) -> bool:
    """Whether the "!" at `mark` ends a word of a listed outlet name ("Yahoo! News")."""
    word = _word_before(text, mark)
    return word is not None and word.lower() + "!" in _exclaimed_names()


def _word_before(text: str, end: int) -> str | None:
    r"""What `_WORD_BEFORE_re.match(text, max(0, end - 12), end)` matches, read back by hand
    over ASCII (where \p{L} is [A-Za-z]); a non-ASCII character leaves it to the pattern.
    Every dot of the text asks, so the pattern's call is saved on nearly all of them."""
    lo = max(0, end - 12)
    k = end
    while k > lo:
        ch = text[k - 1]
        if ch == ".":
            k -= 1
        elif not ch.isascii():
            m = _WORD_BEFORE_re.match(text, lo, end)
            return m.group() if m is not None else None
        elif ch.isalpha():
            k -= 1
        else:
            break
    return text[k:end] if k < end else None


def _is_abbreviation(text: str, dot: int, lexicon: Lexicon) -> bool:
    word = _word_before(text, dot)
    if word is None:
        return False
    word = word.strip(".")
    if not word:
        return False
    if all(len(part) == 1 and part.isupper() for part in word.split(".")):
        return True  # an initial: Donald J. Trump, G.K. Lane
    return word in lexicon.abbreviations


def _place_before_quote(
    text: str, dot: int, after: int, starts: list[int], lexicon: Lexicon
) -> bool:
    """ "…," Ruiz said in Albany, N.Y. "We will …": a place's abbreviation ends the
    sentence when a quote opens right after it (a title's, "Sen. “Chuck” …", never does)."""
    word = _word_before(text, dot)
    if word is None or word.strip(".") not in lexicon.place_abbreviations:
        return False
    k = after
    while k < len(text) and text[k] in " \t\u00a0":
        k += 1
    i = bisect.bisect_left(starts, k)
    return i < len(starts) and starts[i] == k


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
