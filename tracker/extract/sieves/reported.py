"""Reported speech: "X said (that) …", "…, he said.", "…, said Ana Ruiz.", "…, kata X".

The sieve reads a sentence's cues in order and takes the first that makes a statement:
each cue is tried as a construction (inverted speaker, parenthetical attribution, content
before the cue, content after it), and the content after a cue is cut where a second
attributed clause begins, which is read in turn.
"""

from __future__ import annotations

import regex

from tracker.extract.attribution import Attribution, speaker_after_cue
from tracker.extract.complementizers import complementizer_at
from tracker.extract.conditional_cues import in_opening_condition
from tracker.extract.cues import CueMatch
from tracker.extract.document_cues import document_cue_fits
from tracker.extract.noun_phrases import np_after
from tracker.extract.quotes import QuoteSpan
from tracker.extract.relays import Relays
from tracker.extract.resolution import finish
from tracker.extract.run import TRAILING_PUNCT, Draft, Run
from tracker.extract.shares import share_may_hold, share_subject
from tracker.extract.sieves.according import according_to, according_to_inline
from tracker.extract.sieves.clause_subjects import participle_subject
from tracker.extract.sieves.clauses import MAX_CUES_PER_SENTENCE, next_clause
from tracker.extract.sieves.closing import closing_start, inside_closed_clause, role_lead
from tracker.extract.sieves.cue_context import (
    COMPLEMENTIZER_WINDOW,
    MAX_ADJUNCT_WORDS,
    MIN_TAIL_WORDS,
    SPEAKER_CUES,
    adverbial_lead,
    after_audience,
    after_coordinator,
    after_medium,
    as_lead,
    attribution_ends,
    clause_follows,
    closed_by_adjuncts,
    closes_content,
    cue_between,
    late_complementizer,
    main_cue_after,
    passive,
    relative_cue,
    resume_after_adjuncts,
    subject_clause_follows,
    subject_lead,
    verb_follows,
)
from tracker.extract.sieves.participle_leads import lead_statement
from tracker.extract.sieves.passive_speech import passive_speech
from tracker.extract.sieves.post_cues import post_cue
from tracker.extract.sieves.relatives import relative_speech
from tracker.extract.sieves.subject_finders import (
    after_connector,
    bare_subject,
    chain_subject,
    common_subject,
    long_subject,
    opening_subject,
)
from tracker.extract.spans import after_comma, comma_end, quote_within, words_of
from tracker.extract.speakers import Mention, classify
from tracker.extract.subject_before import dash_apposition_start, subject_before
from tracker.extract.subjects import modified_subject
from tracker.extract.tokens import tokenize

MAX_CLAUSES = 4  # attributed clauses split off one sentence ("X said A, but Y said B")

# What a cue's reading returns: whether the cue was taken, and the statement it made (a
# taken cue may make none: "The plan said nothing." ends the search all the same).
Outcome = tuple[bool, Draft | None]
_NEXT_CUE: Outcome = (False, None)


def reported_speech(
    run: Run,
    cues: list[CueMatch],
    relays: Relays,
    partials: list[QuoteSpan],
    depth: int = 0,
) -> Draft | None:
    """X mengatakan bahwa … / menurut X, … / …, X said / according to X, …: the first cue
    of the clause (`relays.main_start` to `main_end`) that makes a statement; else the
    clause is the source of its according-to relay, if it has one."""
    lo, hi = relays.main_start, relays.main_end
    tried = 0
    closing = closing_start(run, cues, relays) if len(cues) > 1 or relays.prefix else -1
    for m in cues:
        if m.start() < lo or m.end() > hi or inside_closed_clause(run, m, closing):
            continue
        tried += 1
        if tried > MAX_CUES_PER_SENTENCE:
            break
        group = m.lastgroup or ""
        if group == "acc":
            if any(h.start == m.start() for h in relays.according):
                # "X, according to Y, …", "Kejadian itu, menurut Ahmad, …": read already
                continue  # as the clause's relay
            stmt = according_to_inline(run, m, lo, hi, relays, partials)
            taken = stmt is not None
        elif group == "verb":
            taken, stmt = _verb_cue(run, m, cues, relays, partials, depth)
        elif group in ("post", "nya"):
            taken, stmt = post_cue(run, m, relays, partials)
        else:
            continue
        if taken and (stmt is not None or closing < 0 or not relays.according):
            return stmt
        if taken:
            break  # "He returned and said little, according to an attendee.": the relay's
    return according_to(run, relays, partials)


class _VerbCue:
    """What the reading of one verb cue knows before its construction is chosen.

    A plain class, not a dataclass: mypyc compiles this `__init__`, never a generated one.
    """

    __slots__ = ("after_text", "comp", "content_start", "m", "relative", "weak")

    def __init__(
        self,
        m: CueMatch,
        comp: regex.Match[str] | None,
        content_start: int,
        relative: bool,
        weak: bool,
        after_text: str,
    ) -> None:
        self.m = m
        self.comp = comp  # "that", "bahwa" after the cue
        self.content_start = content_start
        self.relative = relative  # the cue opens inside a relative clause
        self.weak = weak  # "called", "showed": speech only with a complement
        self.after_text = after_text  # the clause after the cue


def _subject_end(run: Run, lo: int, m: CueMatch, relays: Relays) -> int:
    """Where the subject of the cue `m` ends: before dashes around an apposition
    ("Okafor -- a curator at … -- said"), before a medium hop right before the cue ("Ani
    dalam acara X di Kompas TV mengatakan"), else at the cue."""
    subj_end = dash_apposition_start(run.text, lo, m.start(), run.language)
    if subj_end is None:
        subj_end = m.start()
    for hop in relays.prefix:
        if hop.relation == "told" and lo < hop.start and 0 <= m.start() - hop.end <= 3:
            subj_end = hop.start
    return subj_end


def _verb_cue(
    run: Run,
    m: CueMatch,
    cues: list[CueMatch],
    relays: Relays,
    partials: list[QuoteSpan],
    depth: int,
) -> Outcome:
    """A speech verb: find its speaker (before it, or after it when it follows the
    content), then read the construction it stands in."""
    text = run.text
    lo, hi = relays.main_start, relays.main_end
    if passive(run, lo, m):
        # "The plan was rejected by the council, which said …": the agent's statement is
        # made, and the sentence's later cues are still read
        passive_speech(run, m, relays, partials)
        return _NEXT_CUE
    relative = relative_cue(run, lo, m)
    if relative and main_cue_after(run, m, cues, hi):
        relative_speech(run, m, lo, hi, relays, partials)  # "X, who said A, voted …"
        return _NEXT_CUE  # "X, who has endorsed Y, said Z": the main verb speaks
    if in_opening_condition(run, lo, m) and main_cue_after(run, m, cues, hi, SPEAKER_CUES):
        return _NEXT_CUE  # "If X says no, …, Y said": the condition claims nothing
    if any(h.start == m.start() for h in relays.suffix) and main_cue_after(run, m, cues, hi):
        return _NEXT_CUE  # "Tass, citing the ministry, reported …": the relay is no cue
    comp, content_start = _content_start(run, m, relays)
    cue = m.group()
    weak = cue.lower() in run.lex.weak_cue_verbs
    after_text = text[m.end() : hi].lstrip()
    if weak and comp is None and _weak_without_complement(run, lo, m, after_text):
        return _NEXT_CUE  # cheap rejection before any subject parsing
    subj_end = _subject_end(run, lo, m, relays)
    speaker = subject_before(text, lo, subj_end, run.language)
    participle = cue.lower().endswith(run.lex.participle_suffixes or ("\0",))
    # "Among likely voters, 41 percent said", "Nearly half of Democrats say", "with 22
    # percent saying": a poll's share, whose group ("Democrats") the name parser took for
    # the speaker
    if speaker is None or share_may_hold(text, lo, speaker.start, run.language):
        share = share_subject(text, lo, subj_end, run.language)
        if share is not None and (speaker is None or share.start <= speaker.start < share.end):
            speaker = share
    if (
        speaker is None
        and not participle  # "…, saying it …" never names its speaker after it
        and comp is None  # "…, said that the plan …": the content follows
        and cue.lower() not in run.lex.medium_markers  # "…, told reporters"
        and text[lo : m.start()].rstrip().endswith(",")
    ):
        # "…, said Smith." — the speaker follows the cue
        after_spk = _speaker_after(run, m, hi)
        if after_spk is not None:
            end = comma_end(text, lo, m.start())
            attribution = Attribution(cue, m.start(), m.end(), after_spk, after_spk.end)
            rule = "speaker_after_cue"
            return True, finish(run, rule, "indirect", lo, end, attribution, relays, partials)
        if not weak:
            speaker = long_subject(run, lo, subj_end)
        if speaker is None:
            speaker = chain_subject(run, lo, subj_end, cue)
    elif speaker is None:
        speaker = _fallback_subject(run, m, cues, lo, subj_end, after_text)
    if speaker is None:
        lead_statement(run, m, cues, relays, partials)  # "Citing the audit, Lopez …"
        return _NEXT_CUE
    if not document_cue_fits(run, cue, lo, speaker):
        return _NEXT_CUE
    reading = _VerbCue(m, comp, content_start, relative, weak, after_text)
    return _construction(run, reading, speaker, cues, relays, partials, depth)


def _construction(
    run: Run,
    reading: _VerbCue,
    speaker: Mention,
    cues: list[CueMatch],
    relays: Relays,
    partials: list[QuoteSpan],
    depth: int,
) -> Outcome:
    """The construction a verb cue and its speaker stand in: the content before it and its
    comma ("…, Lopez said." and "…, Mr. Clarke said, he …"), a content the cue closes with
    only adverbs after it, or the content after the cue ("X said that …")."""
    text = run.text
    lo, hi = relays.main_start, relays.main_end
    m, comp, after_text = reading.m, reading.comp, reading.after_text
    cue = m.group()
    attribution = Attribution(cue, m.start(), m.end(), speaker, m.end())
    before_words = len(words_of(text[lo : speaker.start]))
    lead = before_words < 3 and subject_lead(run, m.end(), hi, cue)
    # "On Monday, Lee spoke …, promising …": the participle's subject opens the clause
    far = (
        cue.lower().endswith(run.lex.participle_suffixes or ("\0",))
        and "," in text[speaker.end : m.start()]
    )
    if (
        not far
        and after_comma(text, lo, speaker.start)
        and (before_words >= 3 or lead)
        and comp is None
        and not role_lead(run, lo, speaker, m.start())
        and attribution_ends(run, m.end(), hi, cue)
        and closed_by_adjuncts(run, m.end(), hi, cue)
        and not adverbial_lead(run, lo, speaker.start, cue)
    ):
        stmt = _content_before_cue(run, m, cues, speaker, lead, relays, partials, depth)
        return True, stmt
    if closes_content(run, cue, after_text):
        # "…, he said." — content before the attribution
        end = comma_end(text, lo, speaker.start)
        if end <= lo:
            return _NEXT_CUE
        rule = "reported_cue_last"
        stmt = finish(run, rule, "indirect", lo, end, attribution, relays, partials)
        if stmt is not None:
            participle_tail(run, m, cues, hi, speaker, partials, depth)
        return True, stmt
    if reading.weak and comp is None and not after_text.startswith((":", ",")):
        if _weak_claimless(run, lo, m, speaker, after_text, hi, partials):
            return _NEXT_CUE
    content_start = reading.content_start
    if comp is None and as_lead(run, lo, speaker.start):
        # "As Lee reported in his book, the mayor …": the adjunct is the cue's
        resume = resume_after_adjuncts(run, cue, m.end(), hi)
        content_start = resume if resume is not None else content_start
    close = text.find(",", content_start, hi) if reading.relative else -1
    # "X, who has endorsed Y, voted …": the content ends with the relative clause
    stmt = content_clauses(
        run,
        "reported_speech",
        content_start,
        close if close > 0 else hi,
        cues,
        attribution,
        relays,
        partials,
        depth,
    )
    return True, stmt


def _content_start(run: Run, m: CueMatch, relays: Relays) -> tuple[regex.Match[str] | None, int]:
    """The complementizer after the cue ("that", "bahwa"), if any, and where the content
    after the cue starts: past the complementizer, the audience of "told", or a relay
    right after the cue."""
    text = run.text
    hi = relays.main_end
    content_start = m.end()
    comp = complementizer_at(run.language, text, m.end(), min(hi, m.end() + COMPLEMENTIZER_WINDOW))
    if comp is None:
        comp = late_complementizer(run, m.end(), hi)
    if comp is not None:
        content_start = comp.end()
    elif m.group().lower() in run.lex.medium_markers:
        content_start = after_audience(run, m.end(), hi)
    for hop in relays.suffix:
        if m.end() <= hop.start <= m.end() + 3:
            # "Reuters reported, quoting a spokesman, that …": skip the relay
            k = hop.end
            while k < hi and text[k] in " ,":
                k += 1
            after = complementizer_at(run.language, text, k, hi)
            content_start = max(content_start, after.end() if after else k)
            comp = comp or after
    for hop in relays.prefix:
        if hop.relation == "told" and m.start() <= hop.start <= m.end() + 3:
            # "said in an interview with a Tokyo daily that …": past the medium
            after, k = after_medium(run, hop.end, hi)
            content_start = max(content_start, after.end() if after else k)
            comp = comp or after
    return comp, content_start


def _weak_without_complement(run: Run, lo: int, m: CueMatch, after_text: str) -> bool:
    """A weak cue ("called", "showed") with no complementizer, no colon or comma after it
    and no comma before it, in a language where such cues need one: no speech."""
    return bool(
        run.lex.weak_cues_need_complementizer
        and not after_text.startswith((":", ","))
        and not after_comma(run.text, lo, m.start())
        and after_text.strip(TRAILING_PUNCT)
        and not _bare_clause(run, lo, m, after_text)
    )


def _bare_clause(run: Run, lo: int, m: CueMatch, after_text: str) -> bool:
    """ "Zudan memastikan tidak ada …": a clause after a weak cue with no complementizer,
    its speaker a plain subject right before it (no apposition or lead set off by commas,
    where the subject finders guess worst)."""
    before = words_of(run.text[max(lo, m.start() - 24) : m.start()])[-2:]
    if any(w.lower() in run.lex.negations for w in before):
        return False  # "polisi tidak bisa memastikan apakah …": no claim made
    return "," not in run.text[lo : m.start()] and clause_follows(run, after_text)


def _weak_claimless(
    run: Run,
    lo: int,
    m: CueMatch,
    speaker: Mention,
    after_text: str,
    hi: int,
    partials: list[QuoteSpan],
) -> bool:
    """Whether a weak cue with no complementizer names no claim: "member states for …",
    "a government plan similar to …" (but "X called Trump “unhinged.”" does)."""
    if run.lex.weak_cues_need_complementizer:
        return not _bare_clause(run, lo, m, after_text)
    if m.group().lower() in run.lex.strict_cue_verbs and speaker.pronoun is None:
        return True
    if speaker.pronoun is None and speaker.kind in ("unknown",):
        return not subject_clause_follows(run, after_text)  # "The women say guards are …"
    return len(words_of(after_text[:200])) < 3 and not quote_within(partials, m.end(), hi)


def _speaker_after(run: Run, m: CueMatch, hi: int) -> Mention | None:
    """The speaker of "…, said Smith." after the cue: the noun phrase there, unless it is
    the content's own subject ("…, said they were worried", "…, say the rule is …"), or
    the longer inverted speaker of a post cue ("said lobbyist and strategist Ana Ruiz")."""
    text = run.text
    cue = m.group()
    toks = tokenize(text, m.end(), min(hi, m.end() + 120))
    np = np_after(text, toks, 0, run.vocab)
    after_spk = classify(text, np, run.language) if np else None
    if np and verb_follows(run, toks, np[-1]):
        return None  # "…, said the mayor failed to …": the content's subject
    if after_spk is not None and after_spk.pronoun is not None:
        after_spk = None
    # "said lobbyist and strategist Ana Ruiz", "said a handful of Democrats …"
    inverted = (
        speaker_after_cue(text, m.end(), hi, run.language)
        if cue.lower() in run.vocab.post_cues  # not "…, he feels a payoff …"
        else None
    )
    if inverted is not None and (after_spk is None or inverted.end > after_spk.end):
        after_spk = inverted
    return after_spk


def _fallback_subject(
    run: Run,
    m: CueMatch,
    cues: list[CueMatch],
    lo: int,
    subj_end: int,
    after_text: str,
) -> Mention | None:
    """The subject finders tried in turn when the name parser found no speaker before
    the cue: a clause's opener, a long subject, a common noun phrase, a modified one."""
    text = run.text
    cue = m.group()
    weak = cue.lower() in run.lex.weak_cue_verbs
    participle = cue.lower().endswith(run.lex.participle_suffixes or ("\0",))
    if cue.lower().endswith(("ing", "kan")) and after_comma(text, lo, m.start()):
        # "…, claiming that …" / "…, promising to …": the clause subject speaks
        speaker = opening_subject(run, lo, m.start())
        if speaker is None and participle:
            # "On Monday, however, Lee spoke …, promising …", "The nurse later sued, claiming"
            speaker = participle_subject(run, lo, m.start())
        if speaker is not None:
            return speaker
    if participle and after_connector(run, lo, m.start()):
        # "… by saying that …", "… while saying …", "sambil mengatakan …"
        speaker = opening_subject(run, lo, m.start())
        if speaker is not None:
            return speaker
    if subj_end < m.start() and not weak:
        # "Two officials at the market — both from … — said": the named head
        speaker = long_subject(run, lo, m.start())
        if speaker is not None:
            return speaker
    speaker = common_subject(run, lo, subj_end)
    if speaker is None and not participle and not cue_between(run, cues, lo, m):
        # "Experts on trade said", "All the experts I interviewed said"
        speaker = modified_subject(text, lo, subj_end, cue, run.language)
    if speaker is None and (after_text.startswith(",") or closes_content(run, cue, after_text)):
        # "…, another source said.", "…, participants said, …": the clause after the last comma
        comma = text.rfind(",", lo, m.start())
        if comma >= 0:
            speaker = common_subject(run, comma + 1, m.start())
    if speaker is None and not weak:
        speaker = long_subject(run, lo, subj_end)
    if speaker is None and not participle:
        speaker = chain_subject(run, lo, subj_end, cue)
    if speaker is None and cue.lower() in run.lex.group_cue_verbs:
        speaker = bare_subject(run, lo, subj_end)
    return speaker


def _content_before_cue(
    run: Run,
    m: CueMatch,
    cues: list[CueMatch],
    speaker: Mention,
    lead: bool,
    relays: Relays,
    partials: list[QuoteSpan],
    depth: int,
) -> Draft | None:
    """ "…, Lopez said.", "The bridge, Lopez said, could carry …": the content comes before
    the attribution (a statement), and goes on after its adjuncts when the sentence resumes
    there (a second one, or a participle clause: "…, Lopez said, adding that …")."""
    text = run.text
    lo, hi = relays.main_start, relays.main_end
    cue = m.group()
    attribution = Attribution(cue, m.start(), m.end(), speaker, m.end())
    end = comma_end(text, lo, speaker.start)
    stmt = finish(run, "reported_cue_after", "indirect", lo, end, attribution, relays, partials)
    rest = text[m.end() : hi]
    cut = rest.find(",")  # what comes before it is adjuncts (checked by the caller)
    if (stmt is not None or lead) and cut >= 0 and len(words_of(rest[cut:])) >= MIN_TAIL_WORDS:
        # a one-word lead ("Potholes, the mayor says, are …") is no statement;
        # "…, he told me on Tuesday, is that …": past the attribution's adjuncts
        tail_start = after_coordinator(run, m.end() + cut + 1, hi)
        again = Attribution(cue, m.start(), m.end(), speaker, m.end())
        if participle_tail(run, m, cues, hi, speaker, partials, depth):
            return stmt  # "…, Lane said on Sunday, adding that …"
        tail = finish(
            run, "reported_cue_after", "indirect", tail_start, hi, again, relays, partials
        )
        stmt = stmt or tail
    elif stmt is not None:
        participle_tail(run, m, cues, hi, speaker, partials, depth)
    return stmt


def participle_tail(
    run: Run,
    m: CueMatch,
    cues: list[CueMatch],
    hi: int,
    speaker: Mention,
    partials: list[QuoteSpan],
    depth: int,
) -> bool:
    """ "…, Lane said on Sunday, adding that …", "…," X said in June, citing …": a
    participle cue a few adverbs after the attribution is the same speaker's next
    statement, attributed like "X said A, adding that B". Returns whether it was one."""
    text = run.text
    suffixes = run.lex.participle_suffixes or ("\0",)
    for c in cues:
        if c.start() <= m.end() or c.end() > hi:
            continue
        gap = text[m.end() : c.start()]
        if (
            c.lastgroup != "verb"
            or not c.group().lower().endswith(suffixes)
            or c.group().lower() in run.lex.document_cue_verbs  # "…, data X menunjukkan"
            or "," not in gap
            or len(words_of(gap)) > MAX_ADJUNCT_WORDS
            or any(ch in gap for ch in ".;!?")
        ):
            return False
        comp = complementizer_at(
            run.language, text, c.end(), min(hi, c.end() + COMPLEMENTIZER_WINDOW)
        )
        again = Attribution(c.group(), c.start(), c.end(), speaker, c.end())
        rest = Relays((), (), (), c.end(), hi)
        later = [x for x in cues if x.start() > c.start()]
        tail = comp.end() if comp is not None else c.end()
        rule = "participle_clause"
        content_clauses(run, rule, tail, hi, later, again, rest, partials, depth + 1)
        return True
    return False


def content_clauses(
    run: Run,
    rule: str,
    start: int,
    hi: int,
    cues: list[CueMatch],
    attribution: Attribution,
    relays: Relays,
    partials: list[QuoteSpan],
    depth: int,
) -> Draft | None:
    """The content from `start`, cut where a second attributed clause begins: another
    subject's ("X said A, but Y denied B") or the same speaker's ("X said A and warned
    that B", "X said A, adding that B"), which is attributed in turn."""
    split = next_clause(run, start, hi, cues) if depth < MAX_CLAUSES else None
    if split is None:
        return finish(run, rule, "indirect", start, hi, attribution, relays, partials)
    end, clause_start, same = split
    stmt = finish(run, rule, "indirect", start, end, attribution, relays, partials)
    later = [c for c in cues if c.start() >= clause_start]
    if same is None:
        clause = Relays((), (), (), clause_start, hi)
        reported_speech(run, later, clause, partials, depth + 1)
        return stmt
    comp = complementizer_at(
        run.language, run.text, same.end(), min(hi, same.end() + COMPLEMENTIZER_WINDOW)
    )
    again = Attribution(same.group(), same.start(), same.end(), attribution.speaker, same.end())
    rest = Relays((), (), (), same.end(), hi)
    tail = comp.end() if comp is not None else same.end()
    rule = "same_speaker_clause"
    content_clauses(run, rule, tail, hi, later[1:], again, rest, partials, depth + 1)
    return stmt
