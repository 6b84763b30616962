"""Programmes named by their own title: "said on The Rick Dane Show", then "told Dane"."""

from __future__ import annotations

import functools

import regex

from tracker.extract.lexicon import load_lexicon
from tracker.extract.speakers import Mention

HOST_LOOKBACK = 3000  # how far back "told Dane" looks for the programme Dane hosts
MAX_HOST_WORDS = 3


@functools.cache
def _title_re(language: str) -> regex.Pattern[str]:
    """ "The Rick Dane Show", "Morning Program": up to four capitalised words, then a
    programme noun of the lexicon, capitalised as a title's last word is."""
    nouns = list(_title_nouns(language))
    return regex.compile(
        r"""(?<![\p{L}\p{N}])(?:The[ \t]++)?
        (?P<title>\p{Lu}[\p{L}'’.\-]*+(?:[ \t]++\p{Lu}[\p{L}'’.\-]*+){0,3}?[ \t]++\L<noun>)
        (?![\p{L}\p{N}])""",
        regex.VERBOSE,
        noun=nouns,
    )


@functools.cache
def _title_nouns(language: str) -> tuple[str, ...]:
    """The programme nouns as a title's last word is written ("Show", "Program")."""
    return tuple(sorted({n.capitalize() for n in load_lexicon(language).programme_nouns}))


_NAME_re = regex.compile(r"[ \t]++(?P<name>\p{Lu}[\p{L}'’\-]*+(?:[ \t]++\p{Lu}[\p{L}'’\-]*+){0,2})")


def titled_programme(text: str, language: str, pos: int, hi: int) -> Mention | None:
    """The programme a medium marker names by its title ("said on The Rick Dane Show"), as
    the medium hop; None when no title follows.

    Why: the guide makes the outlet or programme an interview was given on the medium hop
    ("on CNN's State of the Union"); a talk show named by its own title, missing from the
    outlets list, is one all the same."""
    start = pos
    while start < hi and text[start] in " \t":
        start += 1
    m = _title_re(language).match(text, start, hi)
    if m is None or len(m.group("title").split()) < 2:
        return None
    title = m.group("title")
    return Mention(text[m.start() : m.end()], m.start(), m.end(), title, "news_outlet")


def hosted_programme(
    text: str, language: str, marker_start: int, pos: int, hi: int
) -> Mention | None:
    """The programme a person told is the host of ("told Dane" after "The Rick Dane Show"
    was named), as the medium hop; None when the name after the marker is in no earlier
    programme title.

    Why: "X told <host>" on a talk show is what X said on that show; the guide wants the
    show as the medium, as with "told CNN". Only a title the text named before, holding
    every word of the name and more, counts."""
    m = _NAME_re.match(text, pos, hi)
    if m is None:
        return None
    name = m.group("name")
    words = name.split()
    if len(words) > MAX_HOST_WORDS:
        return None
    since = max(0, marker_start - HOST_LOOKBACK)
    if text.find(words[-1], since, marker_start) < 0:
        return None  # the name was never written before: no title holds it
    nouns = _title_nouns(language)
    if nouns and all(text.find(n, since, marker_start) < 0 for n in nouns):
        return None  # a title ends with a programme noun (case-sensitive): none was written
    found: regex.Match[str] | None = None
    for t in _title_re(language).finditer(text, since, marker_start):
        title_words = t.group("title").split()
        if len(title_words) > len(words) and all(w in title_words for w in words):
            found = t
    if found is None:
        return None
    start, end = m.start("name"), m.end("name")
    return Mention(name, start, end, found.group("title"), "news_outlet")
