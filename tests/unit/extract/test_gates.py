"""Cheap checks before patterns: each says "no" only where the pattern behind it fails."""

from __future__ import annotations

import sys

import pytest
import regex

from tracker.extract.complementizers import complementizer_at
from tracker.extract.cues import WORD_RUN_re, _NEXT_WORD_re, _particle_after, spot, word_run_end
from tracker.extract.gates import (
    FOLD_EXCEPTIONS,
    WordGate,
    lower_window,
    next_word_may_be,
    skip_separators,
)
from tracker.extract.lexicon import load_lexicon
from tracker.extract.nouns import (
    _suffixed_intent,
    claim_noun_re,
    find_claim_nouns,
    intent_noun_re,
)
from tracker.extract.patterns import NOT_PLAIN_re, anonymous_tail_search, patterns_for
from tracker.extract.sentences import _word_before, _WORD_BEFORE_re
from tracker.extract.shares import _word_before as _share_word_before
from tracker.extract.shares import _WORD_BEFORE_re as _SHARE_WORD_BEFORE_re
from tracker.extract.sieves.quote_cues import _opens_lower
from tracker.extract.spans import words_of
from tracker.extract.tokens import plain_window

ALL_CHARS = "".join(chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF)


@pytest.mark.parametrize("letter", "abcdefghijklmnopqrstuvwxyz0123456789 -'.")
def test_only_the_fold_exceptions_match_a_plain_character_their_lower_case_does_not(
    letter: str,
) -> None:
    folded = regex.findall(regex.escape(letter), ALL_CHARS, regex.IGNORECASE)
    odd = {ch for ch in folded if ch.lower() != letter}
    assert odd <= set(FOLD_EXCEPTIONS)


def test_a_character_lowering_to_an_ascii_letter_or_digit_is_a_letter_or_digit() -> None:
    """What a bounded gate rests on: a letter or digit beside a word in the lower case
    comes from a letter or digit of the text, where the pattern's edge fails too."""
    letter_or_digit = regex.compile(r"[\p{L}\p{N}]")
    odd = [
        ch
        for ch in ALL_CHARS
        if any("a" <= c <= "z" or "0" <= c <= "9" for c in ch.lower())
        and not letter_or_digit.match(ch)
    ]
    assert odd == []


GATE = WordGate(["said", "Told", "according to"])


@pytest.mark.parametrize(
    ("text", "lo", "hi", "expected"),
    [
        ("The mayor SAID nothing new.", 0, 27, True),
        ("The mayor SAID nothing new.", 0, 12, False),  # the word is cut by the window
        ("He told the court, ACCORDING TO the clerk.", 0, 42, True),
        ("He was tolled for it.", 0, 21, False),
        ("Nobody spoke at the hearing.", 0, 28, False),
        ("“Ready,” he SAİD.", 0, 17, True),  # İ: its lower case hides the match, so perhaps
        ("The ſaid clerk", 0, 14, True),  # long s folds to s: perhaps
    ],
)
def test_may_occur(text: str, lo: int, hi: int, expected: bool) -> None:
    assert GATE.may_occur(text, lo, hi) is expected


@pytest.mark.parametrize(
    ("text", "pos", "hi", "expected"),
    [
        ("Officials Said the plan was fine", 10, 32, True),
        ("Officials Said the plan was fine", 9, 32, False),  # a space first
        ("Officials Said the plan was fine", 10, 12, False),  # no room for the word
        ("according to the plan", 0, 21, True),
        ("accordingly, the plan", 0, 21, False),
    ],
)
def test_may_start(text: str, pos: int, hi: int, expected: bool) -> None:
    assert GATE.may_start(text, pos, hi) is expected


def test_a_gate_whose_words_it_cannot_vouch_for_always_says_perhaps() -> None:
    assert WordGate([]).may_occur("anything at all", 0, 15)
    assert WordGate(["menurut", "señal"]).may_occur("nothing of either", 0, 17)
    assert WordGate(["x_y"]).may_start("q", 0, 1)


def test_lower_window() -> None:
    assert lower_window("Ana SAID so", 4, 8) == "said"
    assert lower_window("“Ana” SAID", 0, 10) == "“ana” said"
    assert lower_window("SAİD", 0, 4) is None


@pytest.mark.parametrize(
    ("text", "pos", "hi", "expected"),
    [(" ,: that", 0, 8, 4), ("\n\t, bahwa", 0, 9, 4), ("that", 0, 4, 0), ("   ", 0, 2, 2)],
)
def test_skip_separators(text: str, pos: int, hi: int, expected: int) -> None:
    assert skip_separators(text, pos, hi, ",:") == expected


GATED_TEXTS = [
    "Ana said that the bridge would open, and that it was safe.",
    "Ana said, That is all: that, THAT and Thatcher.",
    "Budi mengatakan bahwa harga naik, Bahwa semua siap; bahwasanya tidak.",
    "He warned: \u00a0that the plan, ſo to speak, would fail.",
]


@pytest.mark.parametrize("text", GATED_TEXTS)
@pytest.mark.parametrize("language", ["en", "id"])
def test_complementizer_at_matches_the_pattern_everywhere(text: str, language: str) -> None:
    pattern = patterns_for(language).complementizer_re
    for pos in range(len(text)):
        for hi in range(pos, len(text) + 1, 4):
            got = complementizer_at(language, text, pos, hi)
            want = pattern.match(text, pos, hi)
            assert (got and got.span()) == (want and want.span())


PARTICLE_TEXTS = [
    "The senator backed out of the deal and called off the vote.",
    "He backed  OUT, then showed\tup late; she pointed outward.",
    "They called. Later they called offline and backed up.",
]


@pytest.mark.parametrize("text", PARTICLE_TEXTS)
def test_particle_after_matches_the_pattern_alone(text: str) -> None:
    particles = load_lexicon("en").verb_particles
    assert particles
    for end in range(len(text)):
        for hi in (len(text), min(len(text), end + 4)):
            m = _NEXT_WORD_re.match(text, end, hi)
            want = m is not None and m.group(1).lower() in particles
            assert _particle_after(text, end, hi, particles) is want


WORD_BEFORE_TEXTS = [
    "Sen. J.R. Lane and Gov. Ruiz met at 9 a.m. in Va. today.",
    "Dr. José Núñez. Ir. Budi, S.H. datang. ¿Sí. Ökonom. x1.",
    "A very.long.dotted.abbreviation.here. End.",
]


@pytest.mark.parametrize("text", WORD_BEFORE_TEXTS)
def test_word_before_matches_the_reverse_pattern(text: str) -> None:
    for end in range(len(text) + 1):
        m = _WORD_BEFORE_re.match(text, max(0, end - 12), end)
        assert _word_before(text, end) == (m.group() if m is not None else None)


def test_plain_window_alternating_texts() -> None:
    plain = "“Ready,” she said — and left…"
    mixed = "“Listo,” dijo José — y salió."
    for _ in range(2):  # the remembered answer of one text never serves the other
        for text in (plain, mixed, plain[:10]):
            for lo in range(len(text)):
                for hi in range(lo, len(text) + 1):
                    expected = NOT_PLAIN_re.search(text, lo, hi) is None
                    assert plain_window(text, lo, hi) is expected


TAIL_TEXTS = [
    "The plan was backed, a senior official  said",
    "Kata Sumber di kepolisian, SUMBER\tmenyebut",
    "What officials, and the Officials, told us",
    "An anonymous source: an official",
]


@pytest.mark.parametrize("text", TAIL_TEXTS)
@pytest.mark.parametrize("language", ["en", "id"])
def test_anonymous_tail_search_matches_the_pattern_in_every_window(
    text: str, language: str
) -> None:
    pats = patterns_for(language)
    for pos in range(len(text)):
        for end in range(pos, len(text) + 1):
            got = anonymous_tail_search(pats, text, pos, end)
            want = pats.anonymous_tail_re.search(text, pos, end)
            assert (got and got.span("anon")) == (want and want.span("anon"))


SHARE_TEXTS = [
    "Among voters, 41 percent  said",
    "a third, 33%, say",
    "of Democrats\u00a0and 12.5 %\tsay",
]


@pytest.mark.parametrize("text", SHARE_TEXTS)
def test_share_word_before_matches_the_pattern(text: str) -> None:
    for lo in range(len(text)):
        for end in range(lo, len(text) + 1):
            m = _SHARE_WORD_BEFORE_re.search(text, lo, end)
            assert _share_word_before(text, lo, end) == (m.group(1) if m else None)


CLAIM_TEXTS = [
    "Lopez's claim that the vote was rigged, and her promise to testify, were denied.",
    "The report by the agency last week that prices rose (and the claim) stood.",
    "Klaim Budi bahwa harga naik dibantah; janjinya untuk mundur batal.",
]


@pytest.mark.parametrize("text", CLAIM_TEXTS)
@pytest.mark.parametrize("language", ["en", "id"])
def test_claim_nouns_are_those_the_patterns_find(text: str, language: str) -> None:
    spotted = spot(text, language)["claim"]
    got = [m.span() for m in find_claim_nouns(text, language, spotted)]
    want: list[tuple[int, int]] = []
    lex = load_lexicon(language)
    for c in spotted:
        if want and c.start() < want[-1][1]:
            continue
        m = None
        if c.group().lower() in lex.intent_nouns or _suffixed_intent(c.group().lower(), lex):
            m = intent_noun_re(language).match(text, c.start())
        m = m or claim_noun_re(language).match(text, c.start())
        if m is not None:
            want.append(m.span())
    assert got == want
    assert language != "en" or "Klaim" in text or got  # the English sentences hold claims


RUN_TEXTS = ["said-so, Jong-un’s 3rd café—CAFÉ x", "“Kata”  mengatakan\tbahwa: e\u0301l"]


@pytest.mark.parametrize("text", RUN_TEXTS)
def test_word_run_end_matches_the_pattern(text: str) -> None:
    for pos in range(len(text) + 1):
        for hi in range(pos, len(text) + 3):
            m = WORD_RUN_re.match(text, pos, hi)
            assert word_run_end(text, pos, hi) == (m.end() if m is not None else -1)


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("was backed by the council", 10, True),
        ("was backed  BY the council", 10, True),
        ("was backed, by the council", 10, False),
        ("was backed bypassing it", 10, True),  # a prefix: perhaps (the pattern decides)
        ("was backed for the council", 10, False),
        ("was backed", 10, False),
    ],
)
def test_next_word_may_be(text: str, end: int, expected: bool) -> None:
    assert next_word_may_be(text, end, len(text), frozenset({"by", "oleh"})) is expected


@pytest.mark.parametrize(
    ("inner", "expected"),
    [
        ("the plan is dead", True),
        ("  ...and 3 more", True),
        ("  …and 3 more", False),  # a non-ASCII ellipsis first: left to the full test
        ("The Plan", False),
        ("“Émile” wrote", False),  # a non-ASCII mark first: left to the full test
        ("...", False),
    ],
)
def test_opens_lower_only_when_the_first_word_is_no_capital(inner: str, expected: bool) -> None:
    assert _opens_lower(inner) is expected
    words = words_of(inner)
    if expected:
        assert words and not words[0][0].isupper()
