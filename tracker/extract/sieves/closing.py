"""The attribution that closes a clause: "X plans A, Y said." makes A Y's content, not X's.

A cue word such as "plans", "expected" or "decided" names an act or a state; it is an
attribution only when nothing else in the clause attributes it. When the clause ends with
an attribution of its own ("…, a spokesman said.", "…, kata Budi.", "…, the Tanjug news
agency reported.", "…, according to sources."), such a cue is part of what that speaker
says: "The World Bank is expected to approve the loan, central bank sources said" is the
sources' statement, with the World Bank only its topic. A verb of saying keeps its
speaker ("Kim said A, the agency said" is still Kim's, relayed).
"""

from __future__ import annotations

from tracker.extract.cues import CueMatch
from tracker.extract.noun_phrases import is_role_segment
from tracker.extract.relays import Relays
from tracker.extract.run import TRAILING_PUNCT, Run
from tracker.extract.sieves.cue_context import attribution_ends, closes_content
from tracker.extract.spans import words_of
from tracker.extract.speakers import Mention
from tracker.extract.subject_before import subject_before
from tracker.extract.tokens import tokenize

MAX_SUBJECT_WORDS = 12  # "…, the head of a government panel which controls the shares told"
MIN_CONTENT_WORDS = 3  # words before the closing comma that make a clause
MAX_ROLE_LEAD_WORDS = 12  # "The chief economist at the Bank of Central Asia, X, said"


def closing_start(run: Run, cues: list[CueMatch], relays: Relays) -> int:
    """Where the attribution closing the clause `relays.main_start`..`main_end` begins (its
    comma), or -1 when the clause has none."""
    text = run.text
    lo, hi = relays.main_start, relays.main_end
    for hop in (*relays.prefix, *relays.according):
        # "…, the Tanjug news agency reported.", "…, according to sources.": the clause
        # was cut before them
        if hop.start >= hi or (hop.end <= lo and hop.relation == "according_to"):
            return hi  # "According to the agency, the ministry plans …" frames it whole
        if lo < hop.start < hi and not text[hop.end : hi].strip(TRAILING_PUNCT + ")"):
            comma = text.rfind(",", lo, hop.start)
            if comma > lo and not text[comma + 1 : hop.start].strip():
                return comma
    last = next((c for c in reversed(cues) if lo <= c.start() and c.end() <= hi), None)
    if last is None or last.lastgroup not in ("verb", "post"):
        return -1
    comma = text.rfind(",", lo, last.start())
    if comma < 0 or len(words_of(text[lo:comma])) < MIN_CONTENT_WORDS:
        return -1
    cue = last.group().lower()
    if last.lastgroup == "post":
        # "…, kata Budi.": the cue opens the attribution right after the comma
        return comma if not text[comma + 1 : last.start()].strip() else -1
    if cue not in run.lex.relayed_speech_verbs and cue not in run.lex.outlet_report_verbs:
        return -1
    between = text[comma + 1 : last.start()]
    if not between.strip() or len(words_of(between)) > MAX_SUBJECT_WORDS:
        return -1
    if subject_before(text, comma + 1, last.start(), run.language) is None:
        return -1
    after = text[last.end() : hi]
    if closes_content(run, cue, after) or attribution_ends(run, last.end(), hi, cue):
        return comma
    return -1


def inside_closed_clause(run: Run, m: CueMatch, closing: int) -> bool:
    """Whether cue `m` names an act or a state ("plans", "decided") inside a clause that a
    later attribution closes at `closing`: then it is no attribution of its own."""
    return 0 <= closing and m.end() <= closing and m.group().lower() in run.lex.non_speech_cues


def role_lead(run: Run, lo: int, speaker: Mention, cue_start: int) -> bool:
    """ "A senior economist at Barclays, Mark Brett, said …", "Pengamat politik dari UI,
    Rina, mengatakan …": the words before the speaker and its commas are the speaker's role,
    not a content the attribution closes; the content follows the cue."""
    text = run.text
    if text[speaker.end : cue_start].strip() != ",":
        return False
    comma = text.rfind(",", lo, speaker.start)
    if comma < 0 or text[comma + 1 : speaker.start].strip() or "," in text[lo:comma]:
        return False
    lead = tokenize(text, lo, comma)
    words = [t for t in lead if t.is_word]
    return 0 < len(words) <= MAX_ROLE_LEAD_WORDS and is_role_segment(lead, run.vocab)
