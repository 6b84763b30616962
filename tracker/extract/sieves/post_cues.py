"""Post cues: "…, kata Lee.", "…, ujarnya.", "…, lanjut Teguh, …": the cue after the
content, its speaker after the cue."""

from __future__ import annotations

from tracker.extract.anonymous_complements import anonymous_open_after
from tracker.extract.attribution import Attribution
from tracker.extract.cues import CueMatch
from tracker.extract.noun_phrases import np_after
from tracker.extract.quotes import QuoteSpan
from tracker.extract.relays import Relays
from tracker.extract.resolution import finish
from tracker.extract.run import Draft, Run
from tracker.extract.sieves.cue_context import MIN_TAIL_WORDS, clause_follows
from tracker.extract.spans import words_of
from tracker.extract.speakers import Mention, classify
from tracker.extract.tokens import tokenize

_NOT_TAKEN: tuple[bool, Draft | None] = (False, None)


def post_cue(
    run: Run, m: CueMatch, relays: Relays, partials: list[QuoteSpan]
) -> tuple[bool, Draft | None]:
    """ "…, kata Lee.", "…, ujarnya.": a cue after the content and its comma, its speaker
    after it (or its -nya, a pronoun resolved like any other). Whether the cue was taken,
    and the statement it made (reported.py's reading of a cue)."""
    text = run.text
    lo, hi = relays.main_start, relays.main_end
    cue = m.group()
    before = text[lo : m.start()].rstrip()
    if not before.endswith(","):
        return _NOT_TAKEN
    end = len(before) + lo
    if m.lastgroup == "nya":
        spk: Mention | None = Mention(cue, m.start(), m.end(), cue, "person", pronoun="person")
    else:
        toks = tokenize(text, m.end(), min(hi, m.end() + 120))
        np = np_after(text, toks, 0, run.vocab)
        spk = classify(text, np, run.language) if np else None
        if toks and (spk is None or spk.kind == "anonymous"):
            # "…, kata sumber yang dekat dengan wali kota": the source and whom it is near
            spk = anonymous_open_after(text, toks[0].start, hi, run.language) or spk
    if spk is None:
        return _NOT_TAKEN
    attribution = Attribution(cue, m.start(), m.end(), spk, m.end())
    rule = "nya_cue" if m.lastgroup == "nya" else "post_cue"
    tail = _post_cue_tail(run, max(m.end(), spk.end), hi)
    if tail is None:
        return True, finish(run, rule, "indirect", lo, end, attribution, relays, partials)
    # "Dalam pelaksanaan PSBB, lanjut Teguh, polisi harus …": the clause resumes after the
    # attribution; an adverbial lead is only its setting
    lead = None
    if not _adverbial_opener(run, lo, end):
        lead = finish(run, rule, "indirect", lo, end, attribution, relays, partials)
    again = Attribution(cue, m.start(), m.end(), spk, m.end())
    return True, finish(run, rule, "indirect", tail, hi, again, relays, partials) or lead


def _post_cue_tail(run: Run, pos: int, hi: int) -> int | None:
    """Where a clause resumes after "…, lanjut Teguh," set inside the sentence: a comma,
    then a clause with its own verb (not a role of the speaker, "kata Juriah, pengelola
    gang itu", nor a time, "kata Budi, Senin (5/10)")."""
    rest = run.text[pos:hi]
    stripped = rest.lstrip()
    if not stripped.startswith(","):
        return None
    start = pos + len(rest) - len(stripped) + 1
    after = run.text[start:hi]
    if len(words_of(after)) < MIN_TAIL_WORDS + 1 or not clause_follows(run, after):
        return None
    return start + len(after) - len(after.lstrip())


def _adverbial_opener(run: Run, lo: int, end: int) -> bool:
    """Whether the words before an attribution open with an adverbial ("Dalam …")."""
    words = words_of(run.text[lo:end])
    return bool(words) and words[0].lower() in run.lex.adverbial_openers
