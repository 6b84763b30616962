"""Phrase spotting (cues, relay markers, hedges, medium markers) in one word scan.

A `regex` named list tried at every character position was the extractor's slowest step
(a set probe for each candidate length, repeated per pattern); scanning word runs once and
looking each up in one dictionary finds every lexicon phrase in a single linear pass.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import regex

from tracker.extract.gates import next_word_may_be
from tracker.extract.lexicon import load_lexicon
from tracker.extract.patterns import literal_trie
from tracker.extract.records import fields_repr

# A word run with the same edges as the patterns' (?<![\p{L}\p{N}\-]) … (?![\p{L}\p{N}\-]).
WORD_RUN_re = regex.compile(r"[\p{L}\p{M}\p{N}\-]++")
_ASCII_RUN_re = re.compile(r"[A-Za-z0-9\-]++")
_WORD_CHAR_re = regex.compile(r"[\p{L}\p{M}\p{N}\-]")
# The word right before a position (apostrophes kept, so "Lopez’s" stays one word).
_LONG_WORD_re = regex.compile(r"\p{L}[\p{L}\p{M}'’\-]{3,}+")
TITLE_LINE_CHARS = 200  # a headline is short; longer lines are prose
MIN_TITLE_WORDS = 4
_PREV_WORD_CHAR_re = regex.compile(r"[\p{L}\p{M}\p{N}'’\-]")
PREV_WORD_WINDOW = 32  # how far back `word_before` looks

# category -> groups in match priority (an earlier group wins for the same words)
CATEGORIES: dict[str, tuple[str, ...]] = {
    "cue": ("nya", "verb", "post", "acc"),
    # "quoting": the verb of "X quoted Y as saying" (see extract.quoted_as)
    "relay": ("reported_by", "citing", "referring", "based_on", "quoting"),
    "hedge": ("hedge",),
    "medium": ("medium",),
    "claim": ("claim_noun",),  # "Lopez's claim that …": see extract.nouns
}


class CueMatch:
    """A phrase occurrence; mirrors the bits of `regex.Match` the pipeline uses.

    A plain class, one per spotted phrase (see `records`); nothing mutates it."""

    __slots__ = ("begin", "finish", "lastgroup", "surface")

    def __init__(self, begin: int, finish: int, surface: str, lastgroup: str) -> None:
        self.begin = begin
        self.finish = finish
        self.surface = surface
        self.lastgroup = lastgroup

    def _key(self) -> tuple[object, ...]:
        return (self.begin, self.finish, self.surface, self.lastgroup)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CueMatch):
            return NotImplemented
        return self._key() == other._key()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        names = ("begin", "finish", "surface", "lastgroup")
        return fields_repr(self, names, self._key())

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def group(self, name: str | None = None) -> str:
        """The surface, or "" when asked for another group (falsy, like a missing group)."""
        if name is None or name == self.lastgroup:
            return self.surface
        return ""


Entry = tuple[str, str, str]  # (phrase lower case, group, category)


@functools.cache
def _table(language: str) -> dict[str, tuple[Entry, ...]]:
    """First word (lower case) -> entries, by category priority then longest phrase first."""
    lex = load_lexicon(language)
    lists = {
        "nya": lex.nya_cues,
        "verb": lex.cue_verbs,
        "post": lex.post_cues,
        "acc": lex.according_to,
        "reported_by": lex.reported_by,
        "citing": lex.citing,
        "referring": lex.referring,
        "based_on": lex.based_on,
        "quoting": tuple(sorted(lex.quote_verbs)),
        "hedge": lex.hedges,
        "medium": lex.medium_markers,
        # with a possessive suffix too: Indonesian "klaimnya" is one word run
        "claim_noun": tuple(
            sorted(
                {*lex.claim_nouns, *lex.intent_nouns}
                | {
                    n + x
                    for n in (*lex.claim_nouns, *lex.intent_nouns)
                    for x in lex.possessive_pronoun_suffixes
                }
            )
        ),
    }
    table: dict[str, list[Entry]] = {}
    for category, groups in CATEGORIES.items():
        for group in groups:
            for phrase in sorted(set(lists[group]), key=len, reverse=True):
                low = phrase.lower()
                first = WORD_RUN_re.match(low)
                if first is None:
                    continue
                entries = table.setdefault(first.group(), [])
                if (low, group, category) not in entries:
                    entries.append((low, group, category))
    return {k: tuple(v) for k, v in table.items()}


def _is_edge(text: str, pos: int) -> bool:
    if pos >= len(text):
        return True
    ch = text[pos]
    return not (ch.isalnum() or ch == "-")


def _mid_sentence(text: str, pos: int) -> bool:
    k = pos - 1
    while k >= 0 and k > pos - 8 and text[k] in " \t\u00a0":
        k -= 1
    return k >= 0 and (text[k].isalnum() or text[k] in ",;")


@functools.cache
def _first_words_re(language: str) -> re.Pattern[str] | None:
    """Where a lexicon phrase may start in lower-cased text: a trie of the phrases' first
    words between anything but ASCII letters, digits and hyphens.

    Stdlib `re` runs this about five times faster than walking every word run with `regex`
    (the word-run class is a Unicode property test at each character). It only proposes
    positions; `_word_runs` checks each against the exact word-run rule. None when a first
    word is not ASCII: the filter's argument needs ASCII words.
    """
    table = _table(language)
    words = sorted(table)
    if not words or not all(w.isascii() for w in words):
        return None
    # A first word that only opens longer phrases ("yang" of "yang mengutip", "in" of "in
    # the view of") is proposed only where one of those phrases follows: `spot` keeps a
    # phrase only if its exact lower case is there, so this drops no match it would keep.
    tails = {
        word: literal_trie(sorted({phrase[len(word) :] for phrase, _, _ in entries}))
        for word, entries in table.items()
        if all(phrase != word and phrase.startswith(word) for phrase, _, _ in entries)
    }
    # The character before the word is matched, not looked behind at: a pattern that opens
    # with a character class lets `re` skip to the characters that can precede a word
    # instead of trying the trie at every position (`_proposed`).
    return re.compile(r"[^a-z0-9-](" + literal_trie(words, tails) + r")(?![a-z0-9-])")


Run = tuple[int, int, str]  # (start, end, lower case) of a word run


def _word_runs(text: str, language: str, lo: int, hi: int) -> Iterator[Run]:
    """The word runs of text[lo:hi] whose lower case may be a lexicon first word.

    Over a whole text, a run whose lower case is a (ASCII, word-character-only) first word
    starts after a character that is not a word character, so its lower case there is not an
    ASCII letter, digit or hyphen, and the first-word trie finds it in the lower-cased text
    (same length as the text, so offsets agree), ending where the run ends. Each proposed
    position is kept only if a word run really starts there; runs the filter skips have no
    table entry. Windows and texts whose lower case changes length take every word run.
    """
    finder = _first_words_re(language)
    low = text.lower() if finder is not None and lo == 0 and hi == len(text) else ""
    if finder is None or len(low) != len(text) or not text:
        # on an ASCII window the word runs are [A-Za-z0-9-]+, which stdlib re finds faster
        runs = _ASCII_RUN_re if text[lo:hi].isascii() else WORD_RUN_re
        return ((m.start(), m.end(), m.group().lower()) for m in runs.finditer(text, lo, hi))
    return _checked_runs(text, low, _proposed(finder, low))


def _proposed(finder: re.Pattern[str], low: str) -> Iterator[tuple[int, int]]:
    """(start, end) in `low` of each first word the finder proposes. The finder matches the
    character before the word too, so the text is read after a line break (which is no
    word character); matches end with their word, so none hides the next one."""
    for m in finder.finditer("\n" + low):
        yield m.start(1) - 1, m.end(1) - 1


def _checked_runs(text: str, low: str, found: Iterator[tuple[int, int]]) -> Iterator[Run]:
    """Keep the proposed positions where a word run starts, with the run they start.

    An ASCII neighbour is decided by the filter itself: the ASCII word characters are
    exactly [A-Za-z0-9-], which the filter's character before and look-ahead exclude. Only a
    non-ASCII neighbour needs the `regex` word-character test.
    """
    run_at = WORD_RUN_re.match
    word_char_at = _WORD_CHAR_re.match
    n = len(text)
    for pos, end in found:
        if pos and not text[pos - 1].isascii() and word_char_at(text, pos - 1) is not None:
            continue
        if end == n or text[end].isascii():
            yield pos, end, low[pos:end]
            continue
        m = run_at(text, pos)
        if m is not None:
            yield pos, m.end(), m.group().lower()


_NEXT_WORD_re = regex.compile(r"[ \t]++([\p{L}]++)(?![\p{L}\p{N}\-])")


def _particle_after(text: str, end: int, hi: int, particles: frozenset[str]) -> bool:
    """Whether a particle follows a cue word at once ("backed out", "called off"): the
    phrasal verb is not the cue. A cue phrase that ends in its particle ("pointed out")
    is listed whole and matches first.

    Most cue words are followed by a comma or by a word no particle begins: the word's
    lower case must start with a particle (it is a prefix of the text there, and lower
    casing never shortens a string), which is tested before the pattern runs."""
    if not next_word_may_be(text, end, hi, particles):
        return False
    m = _NEXT_WORD_re.match(text, end, hi)
    return m is not None and m.group(1).lower() in particles


def spot(text: str, language: str, lo: int = 0, hi: int | None = None) -> dict[str, list[CueMatch]]:
    """All lexicon phrases in text[lo:hi] by category, left to right, non-overlapping."""
    table = _table(language)
    particles = load_lexicon(language).verb_particles
    hi = len(text) if hi is None else hi
    out: dict[str, list[CueMatch]] = {c: [] for c in CATEGORIES}
    floor = dict.fromkeys(CATEGORIES, lo)
    headlines = load_lexicon(language).headline_cue_verbs
    for begin, run_end, word in _word_runs(text, language, lo, hi):
        entries = table.get(word)
        if entries is None:
            continue
        done: set[str] = set()
        for phrase, group, category in entries:
            if category in done or begin < floor[category]:
                continue
            end = begin + len(phrase)
            if end > hi:
                continue
            if (
                category == "cue"
                and text[begin].isupper()
                and _mid_sentence(text, begin)
                and not (phrase in headlines and _title_line(text, begin))
            ):
                continue  # "the United States": a capitalised cue word inside a sentence
            if category == "cue" and particles and _particle_after(text, end, hi, particles):
                continue  # "backed out", "showed up": another verb, no speech
            if end == run_end or (text[begin:end].lower() == phrase and _is_edge(text, end)):
                out[category].append(CueMatch(begin, end, text[begin:end], group))
                floor[category] = end
                done.add(category)
    return out


def _title_line(text: str, pos: int) -> bool:
    """Whether `pos` sits in a headline set in title case ("Moreno Says New Library Will
    Open Next Spring"), where every word of four letters or more is capitalised: there a
    capitalised headline verb ("Says", "Warns", a lexicon list: never "Worried" or
    "Reveal", which title case also capitalises) is the verb, as at a sentence start."""
    start = text.rfind("\n", max(0, pos - TITLE_LINE_CHARS), pos) + 1
    if start == 0 and pos > TITLE_LINE_CHARS:
        return False
    end = text.find("\n", pos, pos + TITLE_LINE_CHARS)
    if end < 0:
        end = len(text)
        if end - pos > TITLE_LINE_CHARS:
            return False
    words = _LONG_WORD_re.findall(text, start, end)
    return len(words) >= MIN_TITLE_WORDS and all(w[0].isupper() for w in words)


def noun_use(text: str, cue: CueMatch, language: str) -> bool:
    """Whether a cue word stands as a noun: "the plan", "his claims", "Lopez’s warning".

    English cue verbs double as nouns; after an article, a possessive pronoun or a
    possessive name they are never the predicate, and the word before them is no speaker
    (the old "The plan, however, said nothing" gave the speaker "The"). The markers are
    lexicon data; a language without them (Indonesian cue verbs are affixed) skips this.
    """
    lex = load_lexicon(language)
    if _blocked_by_follower(text, cue, lex.non_cue_followers):
        return True
    if not lex.noun_markers and not lex.possessive_suffixes:
        return False
    before = word_before(text, cue.start())
    if before is None:
        return False
    word = before.lower()
    if cue.group().endswith("s") and all(
        part.isdigit() or part in lex.number_words for part in word.split("-")
    ):
        return True  # "eight states", "Twenty-seven states": a count of things, no predicate
    if word in lex.noun_markers:
        return True
    if word in lex.document_modifiers and cue.group().lower() in lex.document_nouns:
        return True  # "Continental's annual report showed": the document, not the verb
    suffix = next((x for x in lex.possessive_suffixes if word.endswith(x)), "")
    # "Lopez’s warning" is a noun; "He’s claiming" is "he is": a pronoun's "’s" is no
    # possessive (the pronoun's possessive is "his")
    return bool(suffix) and word[: -len(suffix)] not in lex.pronouns


def word_before(text: str, pos: int) -> str | None:
    """The word right before `pos`: a maximal run of letters, marks, digits, apostrophes
    and hyphens, then spaces or tabs up to `pos` (or up to a newline just before it), the
    run starting in the `PREV_WORD_WINDOW` characters before `pos`; None if there is none.

    Read backwards from `pos`: what the pattern search
    `(?<![\\p{L}\\p{M}\\p{N}'’\\-])[\\p{L}\\p{M}\\p{N}'’\\-]++[ \t]++$` over the window found
    (its `$` matches before a final newline too), without trying every position of it."""
    lo = max(0, pos - PREV_WORD_WINDOW)
    end = pos - 1 if pos > lo and text[pos - 1] == "\n" else pos
    k = end
    while k > lo and text[k - 1] in " \t":
        k -= 1
    if k == end:
        return None
    j = k
    while j > lo and _prev_word_char(text[j - 1]):
        j -= 1
    if j == k or (j == lo and lo > 0 and _prev_word_char(text[lo - 1])):
        return None  # no word, or one that starts before the window
    return text[j:k]


def _prev_word_char(ch: str) -> bool:
    """A character of the word `word_before` reads: a letter, mark, digit, apostrophe or
    hyphen."""
    if ch.isascii():
        return ch.isalnum() or ch in "'-"
    return ch == "’" or _PREV_WORD_CHAR_re.match(ch) is not None


def _blocked_by_follower(text: str, cue: CueMatch, followers: dict[str, frozenset[str]]) -> bool:
    """Whether the word (or comma) after the cue makes it another word (lexicon
    `non_cue_followers`): "appeared on MSNBC", "Reporting by …", "party figures, …"."""
    after = followers.get(cue.group().lower())
    if not after:
        return False
    end = cue.end()
    if text[end : end + 1] in after:
        return True  # a comma: "leading party figures, including …"
    nxt = _NEXT_WORD_re.match(text, end)
    return nxt is not None and nxt.group(1).lower() in after


def find_cues(text: str, language: str, lo: int = 0, hi: int | None = None) -> list[CueMatch]:
    """Cue occurrences only (nya / verb / post / acc)."""
    return spot(text, language, lo, hi)["cue"]


def word_run_end(text: str, pos: int, hi: int) -> int:
    """Where the word run `WORD_RUN_re.match(text, pos, hi)` finds ends, -1 when none
    starts at `pos`. Read by hand over ASCII, where the run's class is letters, digits and
    the hyphen; from a non-ASCII character on, the pattern reads it."""
    hi = min(hi, len(text))
    k = pos
    while k < hi:
        ch = text[k]
        if not ch.isascii():
            m = WORD_RUN_re.match(text, pos, hi)
            return m.end() if m is not None else -1
        if not (ch.isalnum() or ch == "-"):
            break
        k += 1
    return k if k > pos else -1


def cue_at(text: str, pos: int, language: str, hi: int | None = None) -> CueMatch | None:
    """The cue starting exactly at `pos`, if any."""
    hi = len(text) if hi is None else hi
    run_end = word_run_end(text, pos, hi)
    if run_end < 0 or (pos > 0 and not _is_edge(text, pos - 1)):
        return None
    for phrase, group, category in _table(language).get(text[pos:run_end].lower(), ()):
        if category != "cue":
            continue
        end = pos + len(phrase)
        if end > hi:
            continue
        if end == run_end or (text[pos:end].lower() == phrase and _is_edge(text, end)):
            return CueMatch(pos, end, text[pos:end], group)
    return None
