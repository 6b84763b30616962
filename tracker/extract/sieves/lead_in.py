"""The cue and speaker just before an opening quote mark: 'Lee said: "…"', 'X mengatakan, "…"'.

Read for a direct quote, and for a block quote whose marks were lost after "X added:".
"""

from __future__ import annotations

import functools

import regex

from tracker.extract.adjunct_cues import in_time_adjunct
from tracker.extract.attribution import Attribution
from tracker.extract.cues import CueMatch, find_cues, noun_use
from tracker.extract.gates import WordGate
from tracker.extract.lexicon import load_lexicon
from tracker.extract.noun_phrases import np_after
from tracker.extract.run import Run
from tracker.extract.sieves.subject_finders import (
    after_connector,
    bare_subject,
    relative_antecedent,
    subject_past_opener,
)
from tracker.extract.spans import words_of
from tracker.extract.speakers import classify
from tracker.extract.subject_before import subject_before
from tracker.extract.subjects import modified_subject
from tracker.extract.tokens import tokenize

MAX_PRE_GAP_WORDS = 10  # "X said while she handed out the awards in Tampa, “…”"
# The verb (and an object pronoun) that end the text before an opening quote mark.
_LEAD_TAIL_re = regex.compile(
    r"(?<![\p{L}\p{N}])(?P<verb>\p{L}++)(?:[ \t]++(?P<obj>\p{L}++))?[ \t]*+[,:]?[ \t]*+$"
)


@functools.cache
def _lead_verb_gate(language: str) -> WordGate:
    """The manner verbs, to pass over most quotes before `_LEAD_TAIL_re` runs: the verb it
    reads is a whole word of the window and its lower case one of them."""
    return WordGate(load_lexicon(language).quote_lead_verbs, bounded=True)


def lead_in_attribution(
    run: Run, lo: int, qstart: int, clause_lo: int | None = None
) -> Attribution | None:
    """X mengatakan: “…” / X said, "…" — a cue just before the opening mark. `clause_lo`
    is where the sentence starts when an earlier quote of it set `lo` after its mark."""
    text = run.text
    last = _last_cue(run, max(lo, qstart - 120), qstart)
    if last is None or not (last.group("verb") or last.group("acc")):
        return None
    if noun_use(text, last, run.language):
        return None  # 'rolling out a plan: "…"': the plan is no predicate
    gap = text[last.end() : qstart]
    gap_words = words_of(gap)
    stripped = gap.rstrip()
    if not gap_words and not stripped and last.group().lower() in run.lex.strict_cue_verbs:
        return None  # 'the reality TV show "…"': a cue that is also a noun, then a title
    if len(gap_words) > MAX_PRE_GAP_WORDS or (gap_words and not stripped.endswith((":", ","))):
        if gap_words and [w.lower() for w in gap_words] not in (["that"], ["bahwa"]):
            return None
    if last.group("acc"):
        toks = tokenize(text, last.end(), qstart)
        np = np_after(text, toks, 0, run.vocab)
        mention = classify(text, np, run.language) if np else None
        if mention is None:
            return None
        return Attribution(last.group(), last.start(), last.end(), mention, qstart)
    speaker = subject_before(text, lo, last.start(), run.language)
    if speaker is None and not text[lo : last.start()].strip():
        # "Said Ellis: “…”": the cue opens the sentence and its speaker follows it
        toks = tokenize(text, last.end(), qstart)
        np = np_after(text, toks, 0, run.vocab)
        inverted = classify(text, np, run.language) if np else None
        if inverted is not None and inverted.pronoun is None and inverted.kind == "person":
            return Attribution(last.group(), last.start(), last.end(), inverted, qstart)
    if speaker is None:
        # "As a phone rang, the announcer said, “…”": a common-noun subject
        speaker = modified_subject(text, lo, last.start(), last.group(), run.language)
    if speaker is None and (
        after_connector(run, lo, last.start()) or _infinitive(run, lo, last, qstart)
    ):
        # "Lopez noted that …, and added: “…”": the clause's subject speaks
        speaker = subject_past_opener(run, lo, last.start())
    if speaker is None:
        # "Protesters outside the gate chanted", "An aide who asked not to be named said"
        speaker = bare_subject(run, lo, last.start()) or relative_antecedent(run, lo, last.start())
    if speaker is None and clause_lo is not None and _participle_lead(run, last):
        # 'Lee ended with a nod to “Star Wars,” remarking, “…”': the clause's subject
        speaker = subject_past_opener(run, clause_lo, last.start())
    if speaker is None:
        return None
    return Attribution(last.group(), last.start(), last.end(), speaker, qstart)


def _infinitive(run: Run, lo: int, cue: CueMatch, qstart: int) -> bool:
    """ "Lee went on to say, “…”": an infinitive speech verb right before the quote, whose
    subject is its clause's (not "… to defend the Gulf, “…”", whose object comes first)."""
    if cue.group().lower() not in run.lex.group_cue_verbs or words_of(run.text[cue.end() : qstart]):
        return False
    words = words_of(run.text[max(lo, cue.start() - 8) : cue.start()])
    return bool(words) and words[-1].lower() in run.lex.infinitive_markers


def _participle_lead(run: Run, cue: CueMatch) -> bool:
    """Whether the cue is a participle set off by a comma or joined by "and" ("…,
    remarking", "… and telling her"), whose subject is its clause's."""
    if not cue.group().lower().endswith(run.lex.participle_suffixes or ("\0",)):
        return False
    # '… the film “Star Wars,” remarking': the comma may sit inside a closing mark
    before = run.text[max(0, cue.start() - 40) : cue.start()].rstrip().rstrip("\"”’'")
    words = words_of(before[-8:])
    return before.endswith(",") or (bool(words) and words[-1].lower() in run.lex.coordinators)


def _last_cue(run: Run, lo: int, qstart: int) -> CueMatch | None:
    """The cue nearest before the quote, past a time adjunct's ('X told Congress when asked
    about it: "…"': "told" leads in), or a manner verb right before the mark."""
    last = None
    for m in find_cues(run.text, run.language, lo, qstart):
        adjunct = in_time_adjunct(run.text, m, run.language)
        if last is None or not adjunct or not run.text[m.end() : qstart].strip(" ,:"):
            last = m  # 'X dodged questions before saying, "…"': right before the mark, it leads
    manner = _manner_lead(run, lo, qstart)
    if manner is not None and (last is None or manner.start() >= last.start()):
        return manner  # 'Protesters chanted "What curfew?"', 'before asking her, "…"'
    return last


def _manner_lead(run: Run, lo: int, qstart: int) -> CueMatch | None:
    """A verb of the manner of speaking right before an opening quote, an object pronoun
    and a comma or colon at most between ('the crowd chanted "…"', 'before asking her,
    "…"'; `lexicon.quote_lead_verbs`): the quote is what was said. Elsewhere these verbs
    ("asking for tax breaks") report no speech, so only this position reads them."""
    start = max(lo, qstart - 40)
    if not _lead_verb_gate(run.language).may_occur(run.text, start, qstart):
        return None  # no manner verb in any case: neither word before the mark is one
    m = _LEAD_TAIL_re.search(run.text, start, qstart)
    if m is None:
        return None
    group = "verb"
    obj = m.group("obj")
    if obj is not None and obj.lower() not in run.lex.object_pronouns:
        group = "obj"  # 'the crowd chanted "…"': the last word alone is the verb
    verb = m.group(group)
    if verb.lower() not in run.lex.quote_lead_verbs:
        return None
    return CueMatch(m.start(group), m.end(group), verb, "verb")
