"""What stands around a cue: adjuncts, audiences, relative clauses, passives, the rest.

The reported-speech sieves ask these questions of the text before and after a cue to
tell a content from an object, a parenthetical attribution from a clause, a speaker's
relative clause from the main one.
"""

from __future__ import annotations

import functools
import re

import regex

from tracker.extract.complementizers import complementizer_at
from tracker.extract.cues import CueMatch
from tracker.extract.gates import next_word_may_be
from tracker.extract.lexicon import load_lexicon
from tracker.extract.nouns import owns_complement
from tracker.extract.run import TRAILING_PUNCT, Run
from tracker.extract.spans import NEXT_WORD_re, WORD_re, comma_end, words_of
from tracker.extract.tokens import Token, tokenize, vocab

COMPLEMENTIZER_WINDOW = 40
MAX_ADJUNCT_WORDS = 4  # "said in its annual survey", "told me on Tuesday"
MIN_TAIL_WORDS = 2  # "…, the mayor says, would be $12": content resuming after it


@functools.cache
def _relative_opening_re(language: str) -> re.Pattern[str]:
    """A comma or parenthesis, then a relative marker: what `relative_cue` needs before it
    is worth tokenising the window (a necessary condition, so same results)."""
    words = sorted(load_lexicon(language).relative_markers, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words) or "(?!)"
    return re.compile(rf"[,(]\s*+(?:{alternatives})", re.IGNORECASE)


def resume_after_adjuncts(run: Run, cue: str, cue_end: int, hi: int) -> int | None:
    """Where the content resumes after the attribution's adjuncts and their comma ("As
    Lee reported in his book, the mayor …"), when at least two words follow."""
    rest = run.text[cue_end:hi]
    cut = rest.find(",")
    if cut < 0 or not adjuncts(run, rest[:cut], cue):
        return None
    start = cue_end + cut + 1
    return start if len(words_of(run.text[start:hi])) >= MIN_TAIL_WORDS else None


def as_lead(run: Run, lo: int, speaker_start: int) -> bool:
    """Whether only "as" opens the clause before the speaker ("As Lee reported …, …")."""
    words = words_of(run.text[lo:speaker_start])
    return len(words) == 1 and words[0].lower() == "as"


def adjunct(run: Run, word: str) -> bool:
    """Whether a word after a cue opens an adjunct of it ("Friday", "then", "in an
    interview", "on CNN"), not an object or an infinitive ("to bolster …")."""
    low = word.lower()
    return (
        word[:1].isupper()
        or low in run.vocab.adverbs
        or low in run.lex.time_words
        or low in run.lex.location_links
        or low in run.lex.object_pronouns  # "he told me, …"
    )


def adverbial_lead(run: Run, lo: int, speaker_start: int, cue: str) -> bool:
    """Whether the lead before "…, X criticized Y" is one adverbial clause ("At the
    time, X called Y …", "In his interviews, X criticized …"): the time or setting of a
    verb that takes an object, not its content. After a verb that may close a quote or a
    clause ("In his state, X said, taxes …") the lead is part of the content, as the
    corpora annotate it; so is a lead with a clause after the adverbial."""
    if cue.lower() in run.vocab.post_cues:
        return False
    end = comma_end(run.text, lo, speaker_start)
    m = WORD_re.search(run.text, lo, end)
    if m is None or m.group().lower() not in run.lex.adverbial_openers:
        return False
    return "," not in run.text[lo:end]


def cue_between(run: Run, cues: list[CueMatch], lo: int, m: CueMatch) -> bool:
    """Whether another cue stands between `lo` and cue `m`: the clause before `m` then has
    a predicate of its own and is no bare subject. A document noun that a participle or
    the cue itself follows ("A state audit report released last year found") is the
    subject's head, no predicate."""
    text = run.text
    for c in cues:
        if not lo <= c.start() < m.start():
            continue
        if run.vocab.heads.get(c.group().lower()) == "document":
            nxt = NEXT_WORD_re.match(text, c.end())
            word = nxt.group(1) if nxt is not None else ""
            if nxt is not None and (
                nxt.start(1) == m.start() or word.lower() in run.lex.document_participles
            ):
                continue
        return True
    return False


def closed_by_adjuncts(run: Run, pos: int, hi: int, cue: str) -> bool:
    """Whether what stands between the cue and the next comma only completes the
    attribution ("said Friday,", "told me on Tuesday,"): "wrote a detailed, six-page
    letter" and "accused Cruz, the senator …" have an object, so the clause before the
    subject is no content around a parenthetical attribution."""
    rest = run.text[pos:hi]
    cut = rest.find(",")
    return cut < 0 or adjuncts(run, rest[:cut], cue)


def after_audience(run: Run, pos: int, hi: int) -> int:
    """Where the content starts after "told"/"tells" with no "that": past the audience
    ("X told reporters it is clear …", "told him the plan …", "told the Associated Press
    on Sunday the talks …"), which is neither the speaker nor part of what was said.

    The audience is an object pronoun, a determiner with the words after it, a run of
    capitalised words, or one plain noun, then any time words; it counts only when what
    follows opens a clause (a determiner, pronoun, capital or number). Otherwise the
    content keeps its start, as before ("told reporters prices would rise")."""
    toks = [t for t in tokenize(run.text, pos, min(hi, pos + 80)) if t.is_word]
    lex, v = run.lex, run.vocab
    n = len(toks)
    k = 0
    if n and toks[0].lower in lex.object_pronouns:
        k = 1
    elif n and toks[0].lower in lex.determiners:
        k = 1
        while k < n and k < 5 and (toks[k].is_cap or toks[k].lower not in v.not_audience):
            k += 1
    else:
        while k < n and k < 4 and toks[k].is_cap and toks[k].lower not in v.not_audience:
            k += 1
        if k == 0 and n and toks[0].lower not in v.not_audience:
            k = 1  # "reporters", "lawmakers"
    while k < n and toks[k].lower in lex.time_words:
        k += 1  # "Wednesday", "on Sunday", "last week"
    if k == 0 or k >= n:
        return pos
    nxt = toks[k]
    if nxt.is_cap or nxt.text[0].isdigit() or nxt.lower in v.clause_openers:
        return toks[k - 1].end
    return pos


def after_medium(run: Run, pos: int, hi: int) -> tuple[regex.Match[str] | None, int]:
    """Where the content starts after a medium hop that follows its cue ("told the Gazeta
    newspaper in an interview on Sunday the plan …", "said on CNN's State of the Union
    that …"): past times and an interview adjunct, and the complementizer if one follows."""
    toks = tokenize(run.text, pos, min(hi, pos + 80))
    k = 0
    while k < len(toks):
        tok = toks[k]
        if tok.text == "," or tok.lower in run.lex.time_words:
            k += 1
            continue
        if tok.lower in run.lex.attribution_adjuncts:
            # "in an interview", "dalam wawancara": a preposition and a programme noun
            j = next(
                (
                    j
                    for j in range(k + 1, min(len(toks), k + 5))
                    if toks[j].lower in run.lex.programme_nouns
                ),
                None,
            )
            if j is not None:
                k = j + 1
                continue
        break
    start = toks[k].start if k < len(toks) else hi
    comp = complementizer_at(run.language, run.text, start, hi)
    return comp, comp.end() if comp is not None else start


MAX_CLAUSE_SUBJECT_WORDS = 6  # "UU Cipta Kerja menciptakan …": the subject before its verb
_QUOTE_MARKS = "\"“”‘’'«»„"


def clause_follows(run: Run, after: str) -> bool:
    """Whether a clause, not an object, follows a weak cue with no complementizer:
    "Zudan memastikan tidak ada mekanisme rumit …", "Dani menilai UU itu akan …" (an
    auxiliary, a negation or a copula among the first words, a lexicon list), against
    "Polisi memastikan keamanan warga." (an object)."""
    markers = run.lex.clause_markers
    if not markers:
        return False
    head = after[:160]
    mark = next((k for k, ch in enumerate(head) if ch in _QUOTE_MARKS), -1)
    if mark >= 0:
        head = head[:mark]  # 'menyebut rencana itu “memalukan”': a quoted word names
    words = [w.lower() for w in words_of(head)[: MAX_CLAUSE_SUBJECT_WORDS + 1]]
    if any(w in markers for w in words):
        return True
    # "UU Cipta Kerja menciptakan …": a subject, then a verb with its prefix (not the
    # speaker's own next verb: "memuji hubungan itu dan menyatakan …")
    if not words or _prefixed_verb(run, words[0]):
        return False
    return any(
        _prefixed_verb(run, w) and words[k].lower() not in run.lex.coordinators
        for k, w in enumerate(words[1:])
    )


def subject_clause_follows(run: Run, after: str) -> bool:
    """Whether a clause with its own subject follows a weak cue: "say the ward will
    close" (a noun phrase, then an auxiliary before any comma), not "worries of the town,
    residents said, are …" (a preposition first) nor "say a prayer" (no auxiliary)."""
    cut = min((k for k in (after.find(","), after.find(";")) if k >= 0), default=len(after))
    words = words_of(after[:cut])
    if not words:
        return False
    first = words[0].lower()
    lex = run.lex
    opener = first in lex.determiners or first in lex.pronouns or first in lex.possessive_pronouns
    if first in run.vocab.function_words and not opener and first != "there":
        return False
    return clause_follows(run, after[:cut])


def _prefixed_verb(run: Run, word: str) -> bool:
    lex = run.lex
    return (
        word.startswith(lex.verb_prefixes or ("\0",))
        and len(word) > 5
        and word not in run.vocab.cue_words
        and word not in lex.prefixed_non_verbs
        and word not in run.vocab.roles
        and word not in run.vocab.titles
    )


def closes_content(run: Run, cue: str, after: str) -> bool:
    """Whether only adverbs follow a cue ("…, he said Friday."), so the content came
    before it. A capitalised word passes as an adverb ("said Friday on CNN") only after
    a verb that closes a quote; after one that takes an object it is the object ("…
    after it backed Ruiz."), and the words before are no claim of the subject."""
    if not after.strip(TRAILING_PUNCT):
        return True
    comma = after.find(",", 0, 60)
    if comma > 0:
        nxt = WORD_re.search(after, comma)
        suffixes = run.lex.participle_suffixes or ("\0",)
        if nxt is not None and nxt.group().lower().endswith(suffixes):
            # "…," X said in June 2012, citing …: a participle clause after the adverbs
            # hangs on the attribution, so the content still came before the cue
            return closes_content(run, cue, after[:comma] + ".")
    if not only_adverbs(run, after):
        return False
    if cue.lower() in run.vocab.post_cues:
        return True
    times = run.lex.time_words
    return not any(w[0].isupper() and w.lower() not in times for w in words_of(after[:80]))


def attribution_ends(run: Run, pos: int, hi: int, cue: str) -> bool:
    """After "X said": only a few adverbs ("Friday afternoon") before a comma or the end.

    With no comma, a rest opening with a pronoun or determiner is a short content ("Later
    in the day, the FBI said it would cooperate.": "Later in the day" is no claim),
    unless the cue takes an object ("told a Senate panel Wednesday")."""
    rest = run.text[pos : min(hi, pos + 80)]
    cut = min((k for k in (rest.find(","), rest.find(";")) if k >= 0), default=-1)
    if cue.lower() in run.lex.medium_markers and audience_closes(run, pos, hi):
        return True
    if cut < 0:
        words = words_of(rest)
        if hi - pos > 80 or len(words) > 4:
            return False
        first = words[0].lower() if words else ""
        opens_clause = first in run.lex.pronouns or first in run.lex.determiners
        return not opens_clause or cue.lower() in run.lex.medium_markers
    return len(words_of(rest[:cut])) <= 4


def audience_closes(run: Run, pos: int, hi: int) -> bool:
    """Whether only an audience and an adjunct follow "told" before the sentence ends
    ("…, Ruiz told The Daily Ledger in an interview."): the content came before."""
    rest = run.text[pos:hi]
    if rest.rstrip(TRAILING_PUNCT).count(",") or len(rest) > 120:
        return False
    start = after_audience(run, pos, hi)
    words = words_of(run.text[pos:hi])
    if start == pos:
        first = 1 if words and words[0].lower() in run.lex.determiners else 0
        k = first
        while k < len(words) and words[k][:1].isupper():
            k += 1
        if k == first and first and k < len(words):
            k += 1  # "the committee"
        if k == first:
            return False
        after = words[k:]
    else:
        after = words_of(run.text[start:hi])
    return not after or (len(after) <= 6 and adjunct(run, after[0]))


def passive(run: Run, lo: int, m: CueMatch) -> bool:
    """Whether cue `m` is a passive participle with its agent or charge after it ("is
    backed by X", "was charged with"): the grammatical subject is what was
    spoken of, never the speaker, and the phrase after the cue is no claim."""
    if m.group().lower().endswith(run.lex.participle_suffixes or ("\0",)):
        return False  # "is saying": progressive, not passive
    links = run.lex.passive_links
    if not next_word_may_be(run.text, m.end(), len(run.text), links):
        return False  # no link after the cue: most cues are decided here
    nxt = NEXT_WORD_re.match(run.text, m.end())
    if nxt is None or nxt.group(1).lower() not in links:
        return False
    auxiliaries = run.lex.passive_auxiliaries
    leading: list[str] = []  # the auxiliaries and adverbs right before the cue
    for tok in reversed(tokenize(run.text, max(lo, m.start() - 32), m.start())):
        if not tok.is_word or not (tok.lower in run.vocab.adverbs or tok.lower in auxiliaries):
            break
        leading.append(tok.lower)
    return any(w in auxiliaries for w in leading)


def subject_lead(run: Run, pos: int, hi: int, cue: str) -> bool:
    """Whether a short lead before "…, X said," is the subject of the clause that
    resumes after the attribution: "The bridge, Mr. Osei said, could carry …",
    "Potholes, the mayor says, are cheaper …". The rest must open with a verb (no
    subject, no determiner, no name of its own); "Still, she said, the dam …" keeps its
    lead out."""
    rest = run.text[pos:hi].lstrip()
    cut = rest.find(",")
    if cut < 0 or not adjuncts(run, rest[:cut], cue):
        return False  # "…, the senator said then, was final": past the adjuncts
    rest = rest[cut:]
    words = words_of(rest[:80])
    if len(words) < MIN_TAIL_WORDS:
        return False
    first = words[0]
    low = first.lower()
    return not (
        first[0].isupper()
        or first[0].isdigit()
        or low in run.lex.pronouns
        or low in run.lex.determiners
        or low in run.lex.complementizers
        or low in run.lex.coordinators
        or low in run.lex.adverbial_openers
    )


def relative_cue(run: Run, lo: int, m: CueMatch) -> bool:
    """Whether cue `m` opens inside a relative clause: "X, who has endorsed Y, …",
    "X, yang telah mendukung Y, …" (a relative marker after a comma, then only
    auxiliaries and adverbs before the cue)."""
    window_lo = max(lo, m.start() - 48)
    if _relative_opening_re(run.language).search(run.text, window_lo, m.start()) is None:
        return False  # no ", who" / "(yang" in the window: skip tokenising it
    toks = tokenize(run.text, window_lo, m.start())
    v = vocab(run.language)
    i = len(toks) - 1
    while i >= 0 and toks[i].is_word and toks[i].lower in v.adverbs:
        i -= 1
    return i >= 1 and toks[i].lower in run.lex.relative_markers and toks[i - 1].text in (",", "(")


VERB_CUES = frozenset({"verb"})
SPEAKER_CUES = frozenset({"verb", "post", "nya"})
"""Cues that name a clause's speaker after it: a verb ("…, Y said"), a cue before its
speaker ("…, said Y", Indonesian "…, kata Y") or "-nya" ("…, katanya")."""


def main_cue_after(
    run: Run, m: CueMatch, cues: list[CueMatch], hi: int, groups: frozenset[str] = VERB_CUES
) -> bool:
    """Whether a cue of ``groups`` (a verb cue unless told) follows the comma that closes
    the clause of `m`."""
    close = run.text.find(",", m.end(), hi)
    if close < 0:
        return False
    return any(c.lastgroup in groups and c.start() > close for c in cues)


def adjuncts(run: Run, span: str, cue: str) -> bool:
    """Whether the words after a cue and before a comma only complete the attribution:
    none, an audience pronoun, a time or a phrase opening like an adverbial ("told me
    on Tuesday", "said in its annual survey"), or the named audience of "told" ("told
    CNN on Sunday"). "compared the fee to a tollbooth," has an object."""
    words = words_of(span)
    if not words:
        return True
    first = words[0].lower()
    audience = words[0][0].isupper() and cue.lower() in run.lex.medium_markers
    return len(words) <= MAX_ADJUNCT_WORDS and (
        first in run.lex.attribution_adjuncts or first in run.lex.time_words or audience
    )


def after_coordinator(run: Run, pos: int, hi: int) -> int:
    """Past a coordinator opening the content ("…, the bureau said, and the south …")."""
    m = WORD_re.search(run.text, pos, min(hi, pos + 16))
    if m is not None and not run.text[pos : m.start()].strip():
        if m.group().lower() in run.lex.coordinators:
            end: int = m.end()
            return end
    return pos


def late_complementizer(run: Run, pos: int, hi: int) -> regex.Match[str] | None:
    """ "menyatakan secara terpisah bahwa": allow a few adverbs before the complementizer."""
    window = run.text[pos : min(hi, pos + COMPLEMENTIZER_WINDOW)]
    for comp in run.lex.complementizers:
        k = window.find(f" {comp} ")
        if k >= 0 and "," not in window[:k] and len(window[:k].split()) <= 3:
            if owns_complement(run.text, pos, pos + k + 1, run.language):
                return None  # "rejected Lopez's claim that …": the noun's clause
            if _clause_before(run, window[:k]):
                return None  # "said it is likely that …": the clause owns its "that"
            return complementizer_at(run.language, run.text, pos + k, hi)
    return None


def _clause_before(run: Run, words: str) -> bool:
    """Whether the words between a cue and a later complementizer hold a subject pronoun, a
    finite verb or a predicate that takes a clause ("said it is likely that …", "said
    there was evidence that …", "mengatakan sangat mungkin bahwa …"): they open the
    content, which then runs from the cue, not from the complementizer."""
    lex = vocab(run.language).lex
    return any(
        w.lower() in lex.finite_auxiliaries
        or w.lower() in lex.pronouns
        or w.lower() in lex.complement_predicates
        for w in words_of(words)
    )


def verb_follows(run: Run, toks: list[Token], last: Token) -> bool:
    """Whether an auxiliary or a past tense ("…, said the mayor failed to …") follows the
    noun phrase ending at `last`: that phrase is the content's subject, not a speaker."""
    k = toks.index(last) + 1
    if k >= len(toks) or not toks[k].is_word or toks[k].is_cap:
        return False
    low = toks[k].lower
    past = low.endswith(run.lex.past_participle_suffixes or ("\0",)) and len(low) > 4
    return low in run.lex.finite_auxiliaries or past


def only_adverbs(run: Run, after: str) -> bool:
    """Whether the rest of a sentence after an attribution holds only adverbs, times and
    names ("… said on Friday in Tampa.") before its final stop."""
    words = words_of(after[:80])
    if len(words) > 4:
        return False
    v = vocab(run.language)
    return (
        all(
            w.lower() in v.adverbs
            or w[0].isupper()
            or w[0].isdigit()  # "in June 2012"
            or w.lower() in v.lex.time_words
            or w.lower() in ("on", "pada", "in", "at")
            for w in words
        )
        and bool(after.strip(TRAILING_PUNCT))
        and after.rstrip()[-1:] in ".!?"
    )
