"""Claims named by a noun of saying: "Lopez's claim that …", "a warning from the agency that …".

A fact-checker checks "the mayor's claim that burglaries doubled" as surely as "the mayor
said burglaries doubled", but no speech verb carries it: the speaker is the possessor of a
noun of saying (or the phrase after "by"/"from"), and the claim is the noun's "that" clause.
Only listed nouns count, and only with a "that" complement right after them, so "the claim
process" or "her statement on Friday" never fire; a "that" opening a relative clause ("the
claim that was rejected", "the statement that he made on Sunday") is no claim either.
Indonesian puts the possessor after the noun ("klaim Lopez bahwa …", "klaimnya bahwa …").

A noun of stated stance with an infinitive ("Lopez's refusal to testify", "her promise to
cut fares", "janji Lopez untuk …") states the owner's position the same way: PolNeAR marks
it as an attribution, and a reader asks who refused. Its content is the infinitive, "to"
and all; a verb must follow the marker ("his threat to the region" names no stance).
"""

from __future__ import annotations

import functools
import re

import regex

from tracker.extract.cues import CueMatch
from tracker.extract.gates import WordGate
from tracker.extract.lexicon import Lexicon, load_lexicon
from tracker.extract.noun_phrases import np_after, np_before
from tracker.extract.patterns import _EDGE, _EDGE_END, _words
from tracker.extract.records import fields_repr
from tracker.extract.speakers import Mention, classify
from tracker.extract.tokens import Token, Vocab, tokenize, vocab

MAX_AGENT_CHARS = 60  # "a claim by the state's largest teachers' union that …"
MAX_MODIFIERS = 2  # "Lopez's repeated public claim that …"
MAX_COMMON_POSSESSOR_WORDS = 3  # "the appeals judges' statement that …"
MIN_CLAIM_WORDS = 3
MAX_PREDICATE_WORDS = 5  # "… is false." closing a claim that opens its sentence
POSSESSOR_WINDOW = 120
RELATIVE_SUBJECT_WORDS = 4  # "that the former mayor made on …": the words before the verb
MAX_CLAIM_CHARS = 1500  # bounds the clause scan: a 1 MB "sentence" stays linear
MAX_CLAIMS_PER_SENTENCE = 6
_SHORT_CHARS = 40  # tokenising this much of a span tells whether it has MIN_CLAIM_WORDS
_CLAUSE_BREAKS = (";", " — ", " – ", " (", "\n")


class NounClaim:
    """One claim: the noun (the cue), who owns it, and the span of its "that" clause.

    A plain class, not a dataclass (see `records`); nothing mutates it."""

    __slots__ = ("cue", "cue_end", "cue_start", "end", "intent", "speaker", "start")

    def __init__(
        self,
        cue: str,
        cue_start: int,
        cue_end: int,
        speaker: Mention,
        start: int,
        end: int,
        intent: bool = False,
    ) -> None:
        self.cue = cue
        self.cue_start = cue_start
        self.cue_end = cue_end
        self.speaker = speaker
        self.start = start
        self.end = end
        self.intent = intent  # "her refusal to …": a stance, not words said

    def _key(self) -> tuple[object, ...]:
        return (
            self.cue,
            self.cue_start,
            self.cue_end,
            self.speaker,
            self.start,
            self.end,
            self.intent,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NounClaim):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        names = ("cue", "cue_start", "cue_end", "speaker", "start", "end", "intent")
        return fields_repr(self, names, self._key())


@functools.cache
def claim_noun_re(language: str) -> regex.Pattern[str]:
    """A noun of saying, then a copula ("Lopez's view is that"), or a short phrase ("by X",
    "from X", a time: "last week"; in Indonesian the possessor itself), then the
    complementizer. The phrase never opens with the complementizer, so it ends at the first
    one after the noun."""
    lex = load_lexicon(language)
    return regex.compile(
        rf"""
        {_EDGE}(?P<noun>\L<noun>)(?P<suffix>\L<suffix>)?{_EDGE_END}
        (?:[ \t]++(?P<copula>\L<copula>)
          | [ \t]++(?:(?P<agent>\L<agent>)[ \t]++)?
            (?!\L<comp>{_EDGE_END})(?P<np>[^\n,;:!?"“”()]{{1,{MAX_AGENT_CHARS}}}?))?
        [ \t]++(?P<comp>\L<comp>){_EDGE_END}
        """,
        regex.VERBOSE,
        noun=_words(tuple(lex.claim_nouns)),
        suffix=_words(tuple(lex.possessive_pronoun_suffixes)),
        agent=_words(tuple(lex.claim_agents)),
        copula=_words(tuple(lex.claim_copulas)),
        comp=_words(lex.complementizers),
    )


@functools.cache
def intent_noun_re(language: str) -> regex.Pattern[str]:
    """A noun of stated stance and its infinitive ("refusal to", "janji Jokowi untuk"): the
    shape of `claim_noun_re` without a copula, the infinitive marker for the "that"."""
    lex = load_lexicon(language)
    return regex.compile(
        rf"""
        {_EDGE}(?P<noun>\L<noun>)(?P<suffix>\L<suffix>)?{_EDGE_END}
        (?:[ \t]++(?:(?P<agent>\L<agent>)[ \t]++)?
            (?!\L<comp>{_EDGE_END})(?P<np>[^\n,;:!?"“”()]{{1,{MAX_AGENT_CHARS}}}?))?
        [ \t]++(?P<comp>\L<comp>){_EDGE_END}
        """,
        regex.VERBOSE,
        noun=_words(tuple(lex.intent_nouns)),
        suffix=_words(tuple(lex.possessive_pronoun_suffixes)),
        agent=_words(tuple(lex.claim_agents)),
        comp=_words(tuple(lex.intent_markers)),
    )


def find_claim_nouns(text: str, language: str, spotted: list[CueMatch]) -> list[regex.Match[str]]:
    """The "noun of saying … that" phrases of the text ("noun of stance … to" first, for a
    noun of both lists: "his promise to"), tried only where the one-pass phrase spotter
    (`cues.spot`, category "claim") found a claim noun."""
    pattern = claim_noun_re(language)
    lex = load_lexicon(language)
    out: list[regex.Match[str]] = []
    for c in spotted:
        if out and c.start() < out[-1].end():
            continue
        m = None
        stop = _PHRASE_STOP_re.search(text, c.start(), c.start() + MAX_GATED_CHARS)
        limit = stop.start() if stop is not None else -1
        if c.group().lower() in lex.intent_nouns or _suffixed_intent(c.group().lower(), lex):
            if _may_close(text, c.start(), limit, _closing_gate(language, True)):
                m = intent_noun_re(language).match(text, c.start())
        if m is None and _may_close(text, c.start(), limit, _closing_gate(language, False)):
            m = pattern.match(text, c.start())
        if m is not None:
            out.append(m)
    return out


# No part of a claim-noun phrase holds one of these (its noun phrase excludes them, the rest
# are lexicon words checked by `_closing_gate`): the phrase ends before the first after its
# noun, and its complementizer stands before it too.
_PHRASE_STOP_re = re.compile(r'[\n,;:!?"“”()]')
MAX_GATED_CHARS = 400  # farther than this the stop is not looked for: the pattern decides


def _may_close(text: str, start: int, limit: int, gate: WordGate) -> bool:
    """Whether the complementizer a claim-noun phrase ends with may stand between its
    noun at `start` and the stop at `limit` (-1: none near, so perhaps)."""
    return limit < 0 or gate.may_occur(text, start, limit)


@functools.cache
def _closing_gate(language: str, intent: bool) -> WordGate:
    """The words closing `intent_noun_re` (`intent`) or `claim_noun_re` phrases."""
    lex = load_lexicon(language)
    closing = lex.intent_markers if intent else lex.complementizers
    parts = (
        *lex.claim_nouns,
        *lex.intent_nouns,
        *lex.possessive_pronoun_suffixes,
        *lex.claim_agents,
        *lex.claim_copulas,
        *closing,
    )
    if any(_PHRASE_STOP_re.search(w) for w in parts):
        return WordGate(())  # a word that may hold a stop: the window proves nothing
    return WordGate(closing, bounded=True)


def _suffixed_intent(word: str, lex: Lexicon) -> bool:
    """ "keputusannya": an intent noun with a possessive suffix (one word run)."""
    return any(
        word.endswith(x) and word[: -len(x)] in lex.intent_nouns
        for x in lex.possessive_pronoun_suffixes
    )


def owns_complement(text: str, lo: int, comp_start: int, language: str) -> bool:
    """Whether the complementizer at `comp_start` is the "that" of a noun of saying with a
    named owner ("rejected the company's statement that …"): its clause is the owner's, not
    the content of a verb before the noun. A pronoun owner ("said in his statement that")
    leaves the clause to the verb's subject, who is the same speaker."""
    lex = load_lexicon(language)
    if not lex.claim_nouns:
        return False
    window = max(lo, comp_start - POSSESSOR_WINDOW - MAX_AGENT_CHARS)
    for m in claim_noun_re(language).finditer(text, window, comp_start + 16):
        if m.start("comp") == comp_start:
            speaker = _speaker(text, lo, m, language)
            return speaker is not None and speaker.pronoun is None
        if m.start() > comp_start:
            break
    return False


def noun_claims(
    text: str,
    lo: int,
    hi: int,
    language: str,
    found: list[regex.Match[str]],
    quotes: list[tuple[int, int]],
) -> list[NounClaim]:
    """The claims of the sentence text[lo:hi] among the matches `found` there; `quotes` are
    its quote spans (a claim noun inside a quotation is part of the quoted words)."""
    out: list[NounClaim] = []
    for m in found[:MAX_CLAIMS_PER_SENTENCE]:
        if m.start() < lo or m.end() > hi or any(qs < m.start() < qe for qs, qe in quotes):
            continue
        claim = _claim(text, lo, hi, m, language, quotes)
        if claim is not None:
            out.append(claim)
    return out


def _claim(
    text: str,
    lo: int,
    hi: int,
    m: regex.Match[str],
    language: str,
    quotes: list[tuple[int, int]],
) -> NounClaim | None:
    lex = load_lexicon(language)
    intent = m.re is intent_noun_re(language)
    if intent:
        start = m.start("comp")  # "to cut fares": the infinitive with its marker
        if not _infinitive(text, m.end(), hi, lex):
            return None
    else:
        start = m.end()
        while start < hi and text[start] in " \t,":
            start += 1
        if _relative_clause(text, start, hi, lex):
            return None
    speaker = _speaker(text, lo, m, language)
    if speaker is None:
        return None
    end = _claim_end(text, start, hi, quotes, lex)
    if not m.group("agent") and speaker.start < m.start() and not text[lo : speaker.start].strip():
        end = _predicate_cut(text, start, end, lex)  # "Lopez's claim that … is false."
    if _short(text, start, end):
        return None
    ns, ne = m.span("noun")
    if m.group("suffix"):
        ne = m.end("suffix")
    return NounClaim(text[ns:ne], ns, ne, speaker, start, end, intent)


def _speaker(text: str, lo: int, m: regex.Match[str], language: str) -> Mention | None:
    """Who owns the claim: the phrase after "by"/"from" (or, in Indonesian, right after the
    noun), a possessive suffix ("klaimnya"), else the possessor before the noun."""
    lex = load_lexicon(language)
    suffix = m.group("suffix")
    np_span = m.span("np") if m.group("np") else None
    if suffix:
        if np_span is not None:
            return None  # "klaimnya soal pajak bahwa": the words between are no possessor
        kind = lex.possessive_pronoun_suffixes[suffix.lower()]
        s, e = m.span("suffix")
        return Mention(suffix, s, e, suffix, kind, pronoun=kind)
    if m.group("agent") or lex.claim_possessor_after:
        if np_span is None:
            return None
        return _agent(text, np_span[0], np_span[1], language)
    # "Lopez's view is that": with a copula the phrase is no more than that; "Mexico's best
    # argument is that" is the writer's judgement of what would persuade, not Mexico's claim
    modifiers = 0 if m.groupdict().get("copula") else MAX_MODIFIERS
    if np_span is not None and not _time_phrase(text, np_span[0], np_span[1], lex):
        return None  # "Lopez's claim about taxes that …": the "that" is no complement
    return _possessor(text, max(lo, m.start() - POSSESSOR_WINDOW), m.start(), language, modifiers)


def _time_phrase(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """ "earlier this year", "on Sunday": a time between the noun and its "that"."""
    toks = tokenize(text, start, end)
    return bool(toks) and all(t.is_word and t.lower in lex.time_words for t in toks)


def _agent(text: str, start: int, end: int, language: str) -> Mention | None:
    """ "by the ministry", "from his lawyer": the whole phrase must be one noun phrase."""
    v = vocab(language)
    toks = tokenize(text, start, end)
    np = np_after(text, toks, 0, v, loose=True)
    if not np or np[-1].end != toks[-1].end:
        return None
    mention = classify(text, np, language) or _common_possessor(text, np, load_lexicon(language))
    if mention is None or mention.pronoun is not None:
        return None
    return mention


def possessor_before(text: str, lo: int, noun_start: int, language: str) -> Mention | None:
    """The possessor right before a noun ("Lopez's", "his", "the judges'"), or None."""
    return _possessor(text, lo, noun_start, language, 0)


def _possessor(
    text: str, lo: int, noun_start: int, language: str, modifiers: int
) -> Mention | None:
    """ "Lopez's", "the judges'", "his": the possessor right before the noun, past up to
    `modifiers` words ("repeated", "earlier"). A time ("Monday's claim") owns nothing."""
    lex = load_lexicon(language)
    v = vocab(language)
    toks = tokenize(text, lo, noun_start)
    i = len(toks) - 1
    skipped = 0
    while i >= 0 and skipped < modifiers and _modifier(toks[i], lex, v):
        i -= 1
        skipped += 1
    if i < 0:
        return None
    tok = toks[i]
    kind = lex.possessive_pronouns.get(tok.lower)
    if kind is not None:
        return Mention(tok.text, tok.start, tok.end, tok.text, kind, pronoun=kind)
    stem = _possessive_stem(toks, i, lex)
    if stem is None or stem.lower in lex.time_words:
        return None
    j = i - 1 if not tok.is_word else i  # "judges ’": the mark is a token of its own
    seq = [*toks[:j], stem]
    np = np_before(text, seq, j, v)
    mention = classify(text, np, language) if np else None
    if mention is None:
        mention = _common_possessor(text, seq, lex)
    if mention is None or mention.pronoun is not None:
        return None
    return mention


def _modifier(tok: Token, lex: Lexicon, v: Vocab) -> bool:
    """A lower-case word that may stand between a possessor and its noun."""
    if not tok.is_word or tok.is_cap:
        return False
    low = tok.lower
    if low in v.function_words or low in lex.determiners or low in lex.possessive_pronouns:
        return False
    return not low.endswith(lex.possessive_suffixes or ("\0",))


def _possessive_stem(toks: list[Token], i: int, lex: Lexicon) -> Token | None:
    """The possessor word without its possessive ending: "Lopez" of "Lopez's", "judges" of
    "judges’" (where the tokenizer splits the closing apostrophe off)."""
    tok = toks[i]
    if not tok.is_word:
        prev = toks[i - 1] if i > 0 else None
        if tok.text in "'’" and prev is not None and prev.end == tok.start and prev.is_word:
            if (prev.lower + tok.text).endswith(lex.possessive_suffixes or ("\0",)):
                return prev
        return None
    for suffix in lex.possessive_suffixes:
        if tok.lower.endswith(suffix) and len(tok.text) > len(suffix):
            cut = tok.end - len(suffix)
            return Token(tok.start, cut, tok.text[: len(tok.text) - len(suffix)])
    return None


def _common_possessor(text: str, seq: list[Token], lex: Lexicon) -> Mention | None:
    """ "the judges'", "from the weather service": a determiner and a few lower-case words
    ending `seq` that the name parser does not list; an unnamed but definite source."""
    k = len(seq) - 1
    while k >= 0 and len(seq) - k <= MAX_COMMON_POSSESSOR_WORDS:
        tok = seq[k]
        if not tok.is_word:
            return None
        if tok.lower in lex.determiners:
            if k == len(seq) - 1:
                return None
            first, last = seq[k], seq[-1]
            surface = text[first.start : last.end]
            kind = "anonymous" if tok.lower in lex.indefinites else "unknown"
            return Mention(surface, first.start, last.end, surface, kind)
        if tok.is_cap or tok.lower in lex.function_words:
            return None
        k -= 1
    return None


def _relative_clause(text: str, start: int, hi: int, lex: Lexicon) -> bool:
    """Whether the "that" before `start` opens a relative clause, not the claim: a verb
    right after it ("the claim that was rejected", "that angered voters"), or a listed verb
    with no object after a short subject ("the statement that he made on Sunday")."""
    toks = tokenize(text, start, min(hi, start + 80))
    if not toks or not toks[0].is_word:
        return not toks
    first = toks[0]
    past = lex.past_participle_suffixes or ("\0",)
    opens_relative = first.lower in lex.claim_relative_openers or first.lower.endswith(past)
    if opens_relative and not first.is_cap:
        return True
    for k in range(1, min(len(toks), RELATIVE_SUBJECT_WORDS + 2)):
        tok = toks[k]
        if not tok.is_word:
            return False
        if tok.lower in lex.claim_relative_verbs:
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            return nxt is None or not nxt.is_word or nxt.lower in lex.claim_relative_tails
    return False


def _infinitive(text: str, pos: int, hi: int, lex: Lexicon) -> bool:
    """Whether a verb follows the "to" ending at `pos`: a lower-case word that is no
    determiner or pronoun ("his threat to the region", "her call to Lee" name no stance)."""
    toks = tokenize(text, pos, min(hi, pos + 30))
    if not toks or not toks[0].is_word or toks[0].is_cap:
        return False
    low = toks[0].lower
    return not (
        low in lex.determiners
        or low in lex.possessive_pronouns
        or low in lex.pronouns
        or low in lex.object_pronouns
    )


def _claim_end(text: str, start: int, hi: int, quotes: list[tuple[int, int]], lex: Lexicon) -> int:
    """Where the "that" clause ends: a semicolon, dash or parenthesis, or the first comma
    outside a quotation after a few words ("Contrary to Lopez's claim that A, B …") that
    does not open an insertion."""
    end = min(hi, start + MAX_CLAIM_CHARS)
    for mark in _CLAUSE_BREAKS:
        k = text.find(mark, start, end)
        if k >= 0:
            end = k
    k = text.find(",", start, end)
    while k >= 0:
        # "7,000": a comma between digits is part of the number
        inside = any(qs < k < qe for qs, qe in quotes) or _in_number(text, k)
        if not inside and _insertion(text, k + 1, end, lex):
            k = text.find(",", k + 1, end)  # "articles, written by X, were …": skip past it
        elif not inside and not _short(text, start, k):
            return k
        if k >= 0:
            k = text.find(",", k + 1, end)
    while end > start and text[end - 1] in " \t.!?…":
        end -= 1
    return end


def _in_number(text: str, k: int) -> bool:
    return 0 < k < len(text) - 1 and text[k - 1].isdigit() and text[k + 1].isdigit()


def _insertion(text: str, pos: int, hi: int, lex: Lexicon) -> bool:
    """Whether a comma before `pos` opens an insertion inside the clause: a participle or a
    relative marker ("articles, written by the staff, were …"), closed by the next comma."""
    toks = tokenize(text, pos, min(hi, pos + 30))
    if not toks or not toks[0].is_word or toks[0].is_cap:
        return False
    low = toks[0].lower
    suffixes = (*lex.participle_suffixes, *lex.past_participle_suffixes) or ("\0",)
    return low in lex.relative_markers or low.endswith(suffixes)


def _short(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] has fewer than MIN_CLAIM_WORDS tokens (tokenising at most a
    short prefix: a long span has enough)."""
    return len(tokenize(text, start, min(end, start + _SHORT_CHARS))) < MIN_CLAIM_WORDS


def _predicate_cut(text: str, start: int, end: int, lex: Lexicon) -> int:
    """ "Lopez's claim that taxes fell is false.": when the claim noun opens the sentence,
    a final copula with a short predicate belongs to the writer, not to the claim."""
    toks = tokenize(text, max(start, end - 80), end)
    for k in range(len(toks) - 1, max(-1, len(toks) - MAX_PREDICATE_WORDS - 2), -1):
        if toks[k].lower in lex.claim_copulas and not _short(text, start, toks[k].start):
            cut = toks[k].start
            while cut > start and text[cut - 1] in " \t":
                cut -= 1
            return cut
    return end
