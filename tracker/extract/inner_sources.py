"""Sources inside a speaker's words: '"The sources said …," the daily said' relays them."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import regex

from tracker.extract.conditional_cues import MAX_OPENER_WORDS, condition_opener_words
from tracker.extract.gates import WordGate
from tracker.extract.lexicon import load_lexicon
from tracker.extract.pronouns import InternalHop
from tracker.extract.relays import source_phrase
from tracker.extract.subject_before import subject_before
from tracker.extract.tokens import tokenize

if TYPE_CHECKING:
    from tracker.extract.run import Draft, Run
    from tracker.extract.tokens import Token

OUTLET = "news_outlet"
# Speakers whose words name another speaker relay them: outlets, the bodies and documents
# that issue statements ("A central bank statement … \"X said that …\""), and people
RELAYING_KINDS = frozenset(
    {"news_outlet", "document", "organization", "government_body", "person", "anonymous"}
)
OPENING_WINDOW = 160  # "Perry, recalling his experience vetoing a long list of bills …, said"
MAX_SUBJECT_WORDS = 8  # words before the cue verb
MAX_PARTICIPLE_WORDS = 20  # "recalling his own experience vetoing a long list of bills early in …"
LINKS = frozenset({"from", "by", "of", "dari", "oleh"})  # "data from X", "data dari X"
OPENING_MARKS = "\"'“‘«„ "
# Speakers whose quoted words cite by "according to" inside them: an outlet's or a body's
# report; a person's "according to X" in a quote is what the words are about
DOCUMENT_KINDS = frozenset({"news_outlet", "document", "organization", "government_body"})
# Statements in the outlet's own quoted words: a relay phrase there is the outlet's citing
# ('"The count was 699, according to the party," the paper reported'), while in reported
# speech the sentence's relays were read already.
QUOTED_KINDS = frozenset({"direct", "mixed"})


def inner_citations(run: Run) -> None:
    """An outlet's statement whose words open with someone else's saying ('The paper said,
    "Reliable sources disclosed that …"', '"The sources said …," the daily said') is the
    outlet's relay of them: they are the last hop (CHAINS_GUIDE.md: "Y said …, X reported"
    is [X, Y], whoever wrote the words "Y said"). Anyone else relays whom their words say
    said: "Rahim said Tan Lee said the plan would fail" is [Rahim, Tan Lee]."""
    for draft in run.statements:
        hops = draft.hops
        sid = draft.sid
        if sid is None or not hops or hops[-1].sid != sid:
            continue  # no speaker, or the speaker already cites someone
        kind = run.table.kind(sid)
        if kind not in RELAYING_KINDS:
            continue
        outlet = kind == OUTLET
        if not outlet and not _plain_saying(run, draft.start, draft.end):
            continue  # most words hold no plain verb of saying: no need to tokenise them
        cited = _opening_source(run, draft, outlet)
        if cited is None and draft.kind in QUOTED_KINDS and kind in DOCUMENT_KINDS:
            cited = _according_inside(run, draft)
        if cited is not None and all(h.sid != cited.sid for h in hops):
            draft.hops = (*hops, cited)


def _opening_source(run: Run, draft: Draft, outlet: bool) -> InternalHop | None:
    """The source named by the clause that opens the statement's words: a few words (and a
    participle clause set off by commas: "Perry, recalling his own vetoes, said …"), a cue
    verb of saying in the past, then more words; its subject is no pronoun. In the words of
    anyone but an outlet only a plain verb of saying ("said", "told") relays: "Chang
    rejected the request, a spokesman said" is the spokesman's account of an act."""
    text = run.text
    start = draft.start
    while start < draft.end and text[start] in OPENING_MARKS:
        start += 1
    toks = tokenize(text, start, min(draft.end, start + OPENING_WINDOW))
    if _opens_condition(run, toks):
        return None  # "If the bank says no, …": a saying supposed, not one reported
    for k, tok in enumerate(toks[: MAX_SUBJECT_WORDS + 1]):
        if k and tok.text == ",":
            verb = _after_participle(run, toks, k + 1, outlet)
            return None if verb is None else _cited(run, toks, start, k, verb)
        if not tok.is_word:
            return None  # "Dealers: …": no clause of saying opens the words
        if k and _saying_at(run, toks, k, outlet):
            return _cited(run, toks, start, k, tok)
    return None


def _opens_condition(run: Run, toks: list[Token]) -> bool:
    """The words open with a condition ("If", "As long as", Indonesian "Jika"): a verb of
    saying in it states nothing (conditional_cues.py), so its subject relays nothing."""
    words: list[str] = []
    for tok in toks[:MAX_OPENER_WORDS]:
        if not tok.is_word:
            break
        words.append(tok.lower)
    return condition_opener_words(run, words) > 0


def _saying_at(run: Run, toks: list[Token], k: int, outlet: bool) -> bool:
    if k + 1 >= len(toks) or not toks[k + 1].is_word:
        return False
    word = toks[k].lower
    return _saying(word, run) if outlet else word in run.lex.relayed_speech_verbs


def _after_participle(run: Run, toks: list[Token], k: int, outlet: bool) -> Token | None:
    """The cue verb right after a participle clause set off at token k ("recalling his
    vetoes, said"), else None ("Dealers, he said, …" is the outlet's own clause)."""
    if k >= len(toks) or not toks[k].lower.endswith(run.lex.participle_suffixes):
        return None
    for j in range(k + 1, min(len(toks) - 1, k + MAX_PARTICIPLE_WORDS)):
        if toks[j].text == ",":
            return toks[j + 1] if _saying_at(run, toks, j + 1, outlet) else None
        if not toks[j].is_word:
            return None
    return None


def _cited(run: Run, toks: list[Token], start: int, k: int, cue: Token) -> InternalHop | None:
    """The subject right before token k (at the opening, no pronoun) cited with `cue`."""
    mention = subject_before(run.text, start, toks[k].start, run.language)
    if mention is None or mention.pronoun is not None:
        return None
    if mention.start > toks[1].end or mention.end != toks[k - 1].end:
        return None  # "Britain was expected to …": no subject right before the verb
    source = run.table.add(mention)
    return InternalHop(source, "citing", cue.text, mention.start, cue.end)


def _saying(word: str, run: Run) -> bool:
    """A verb that reports what was said: in the past ("said", "disclosed", "warned";
    Indonesian "mengatakan"), or a strong one in the present of a headline ("Petraeus
    testifies …"); no auxiliary, no plan ("plans to", "was expected to")."""
    lex = run.lex
    if word in lex.relayed_speech_verbs:
        return True
    if run.language != "en" or word.endswith("ed"):
        return word in run.vocab.cue_words
    return word.endswith("s") and word in run.vocab.cue_words and word not in lex.weak_cue_verbs


def _according_inside(run: Run, draft: Draft) -> InternalHop | None:
    """The source of the first according-to phrase inside the outlet's quoted words
    ("…, according to the Iowa Democratic Party.", "according to data from the county
    office"), when it names one."""
    text = run.text
    m = _according_re(run.language).search(text, draft.start, draft.end)
    if m is None:
        return None
    toks = tokenize(text, m.end(), draft.end)
    k = 0
    if len(toks) > 2 and toks[0].lower in run.lex.report_nouns and toks[1].lower in LINKS:
        k = 2  # "according to data from X", "menurut data dari X"
    mention, _ = source_phrase(text, toks, k, run.language)
    if mention is None or mention.pronoun is not None or mention.kind == "unknown":
        return None
    source = run.table.add(mention)
    return InternalHop(source, "citing", m.group().strip(), m.start(), mention.end)


def _plain_saying(run: Run, start: int, end: int) -> bool:
    """Whether a plain verb of saying opens the words (within `OPENING_WINDOW`); the
    pattern runs only where the lower case of the window holds one of its verbs."""
    hi = min(end, start + OPENING_WINDOW)
    if not _plain_saying_gate(run.language).may_occur(run.text, start, hi):
        return False
    return _plain_saying_re(run.language).search(run.text, start, hi) is not None


@functools.cache
def _plain_saying_gate(language: str) -> WordGate:
    return WordGate(load_lexicon(language).relayed_speech_verbs, bounded=True)


@functools.cache
def _plain_saying_re(language: str) -> regex.Pattern[str]:
    """Any plain verb of saying ("said", "mengatakan"), the only ones that relay in the
    words of anyone but an outlet: a quick test before the words are tokenised."""
    return regex.compile(
        r"(?<![\p{L}\p{N}])(?:\L<verb>)(?![\p{L}\p{N}])",
        regex.IGNORECASE,
        verb=sorted(load_lexicon(language).relayed_speech_verbs),
    )


@functools.cache
def _according_re(language: str) -> regex.Pattern[str]:
    return regex.compile(
        r"(?<![\p{L}\p{N}])(?:\L<phrase>)[ \t]++",
        regex.IGNORECASE,
        phrase=sorted(load_lexicon(language).according_to),
    )
