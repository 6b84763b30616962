"""Resolution: a sieve's finding becomes a statement, its speaker and chain resolved.

A sieve hands over a span, an attribution (cue and speaker mention) and the relays of its
sentence; here a pronoun speaker is resolved through the salience list, the mention
enters the source table (where aliases merge), and the relay frames become the chain.
"""

from __future__ import annotations

from tracker.extract.attribution import Attribution
from tracker.extract.noun_phrases import np_after, opens_named_np
from tracker.extract.patterns import TOKEN_FLAT_re
from tracker.extract.pronouns import Antecedent, InternalHop
from tracker.extract.quotes import QuoteSpan
from tracker.extract.relays import HopDraft, Relays
from tracker.extract.run import SINGULAR, Draft, Run
from tracker.extract.spans import one_word
from tracker.extract.speakers import classify
from tracker.extract.tokens import Token, tokenize, vocab


def hop(run: Run, draft: HopDraft) -> InternalHop:
    """The hop with its source entered in the table (aliases merge there)."""
    sid = run.table.add(draft.mention)
    return InternalHop(sid, draft.relation, draft.cue, draft.start, draft.end)


def emit(
    run: Run,
    rule: str,
    kind: str,
    start: int,
    end: int,
    attribution: Attribution | None,
    relays: Relays | None,
    inherited: Antecedent | None = None,
) -> Draft | None:
    """Build a statement, resolving pronouns and assembling the chain."""
    start, end = run.trim(start, end)
    if start >= end:
        return None
    prefix = tuple(hop(run, h) for h in relays.prefix) if relays else ()
    suffix = tuple(hop(run, h) for h in relays.suffix) if relays else ()
    if attribution is not None and attribution.via:
        prefix = _with_quoters(run, prefix, attribution.via)
    cue = attribution.cue if attribution else None
    cs = attribution.cue_start if attribution else None
    ce = attribution.cue_end if attribution else None
    mention = attribution.speaker if attribution else None
    surface = mention.surface if mention else None
    sid: int | None = None
    if mention is not None and mention.pronoun is not None:
        inherited = run.salience.resolve(mention.pronoun)
        if inherited is None:
            # an unresolved "dia"/"he" still marks a claim: keep it, speaker unknown
            return _bare(rule, kind, start, end, attribution)
    elif mention is not None:
        sid = run.table.add(mention)
    if sid is None and inherited is not None:
        sid = inherited.sid
        if sid is None and inherited.mention is not None:
            sid = run.table.add(inherited.mention)
        if inherited.from_statement:
            prefix = prefix if prefix else (*inherited.prefix, *prefix)
            suffix = suffix or inherited.suffix
    if sid is None and relays is not None and relays.according:
        last = relays.according[-1]
        pronoun = _according_pronoun(run, last)
        if pronoun is not None:
            return _pronoun_source(run, rule, kind, start, end, last, pronoun)
        hops = tuple(hop(run, h) for h in relays.according)
        sid = hops[-1].sid
        stmt = Draft(
            kind,
            start,
            end,
            hops[-1].cue,
            hops[-1].start,
            hops[-1].end,
            sid,
            run.text[hops[-1].start or 0 : hops[-1].end or 0],
            (*hops, *suffix),
            rule,
        )
        _remember(run, stmt, hops[:-1], suffix)
        return stmt
    if sid is None:
        return _bare(rule, kind, start, end, attribution)
    relation = "said"
    speaker_hop = InternalHop(sid, relation, cue, cs, ce)
    prefix = tuple(h for h in prefix if h.sid != sid)  # nobody relays their own words
    hops = (*prefix, speaker_hop, *suffix)
    stmt = Draft(kind, start, end, cue, cs, ce, sid, surface, hops, rule)
    _remember(run, stmt, prefix, suffix)
    return stmt


def _with_quoters(
    run: Run, prefix: tuple[InternalHop, ...], via: tuple[HopDraft, ...]
) -> tuple[InternalHop, ...]:
    """The sentence's relays, then the quoters of "X quoted Y as saying", then the media
    Y told: "the radio quoted him as saying in an interview with the daily X" is [radio,
    X, him]. A quoter named by a pronoun ("It quoted …") is whom it stands for, or no hop."""
    quoters: list[InternalHop] = []
    for draft in via:
        pronoun = draft.mention.pronoun
        if pronoun is None:
            quoters.append(hop(run, draft))
            continue
        ante = run.salience.resolve(pronoun)
        sid = ante.sid if ante is not None else None
        if sid is None and ante is not None and ante.mention is not None:
            sid = run.table.add(ante.mention)
        if sid is not None:
            quoters.append(InternalHop(sid, draft.relation, draft.cue, draft.start, draft.end))
    told = tuple(h for h in prefix if h.relation == "told")
    others = tuple(h for h in prefix if h.relation != "told")
    return (*others, *quoters, *told)


def _according_pronoun(run: Run, draft: HopDraft) -> str | None:
    """The pronoun kind when "menurut X" / "according to X" names X by a pronoun."""
    mention = draft.mention
    if mention.pronoun is not None:
        return mention.pronoun
    return run.lex.object_pronouns.get(mention.name.lower())


def _pronoun_source(
    run: Run, rule: str, kind: str, start: int, end: int, draft: HopDraft, pronoun: str
) -> Draft:
    """ "Menurut dia, …", "According to her, …": the source is whom the pronoun stands
    for (a source named "dia" or "her" helps nobody), or unknown when nobody fits."""
    ante = run.salience.resolve(pronoun)
    sid = ante.sid if ante is not None else None
    if sid is None and ante is not None and ante.mention is not None:
        sid = run.table.add(ante.mention)
    surface = run.text[draft.start : draft.end]
    if sid is None:
        return Draft(kind, start, end, draft.cue, draft.start, draft.end, None, surface, (), rule)
    source_hop = InternalHop(sid, draft.relation, draft.cue, draft.start, draft.end)
    stmt = Draft(
        kind, start, end, draft.cue, draft.start, draft.end, sid, surface, (source_hop,), rule
    )
    _remember(run, stmt, (), ())
    return stmt


def _bare(rule: str, kind: str, start: int, end: int, attribution: Attribution | None) -> Draft:
    surface = attribution.speaker.surface if attribution and attribution.speaker else None
    return Draft(
        kind,
        start,
        end,
        attribution.cue if attribution else None,
        attribution.cue_start if attribution else None,
        attribution.cue_end if attribution else None,
        None,
        surface,
        (),
        rule,
    )


def _remember(
    run: Run, stmt: Draft, prefix: tuple[InternalHop, ...], suffix: tuple[InternalHop, ...]
) -> None:
    if stmt.sid is None:
        return
    kind = run.table.kind(stmt.sid)
    singular = kind != "anonymous" or run.table.name(stmt.sid).split()[0].lower() in SINGULAR
    run.salience.push(Antecedent(stmt.sid, kind, prefix, suffix, True, None, singular))


def finish(
    run: Run,
    rule: str,
    kind: str,
    start: int,
    end: int,
    attribution: Attribution | None,
    relays: Relays,
    partials: list[QuoteSpan],
) -> Draft | None:
    """Emit a statement; a lone word reports no claim."""
    if any(start <= q.start and q.end <= end + 1 for q in partials):
        kind = "mixed"
    elif kind == "indirect" and one_word(run.text, start, end):
        return None  # "The plan said nothing.": a lone word reports no claim
    embedded = _embedded_source(run, start, end)
    if embedded is not None:
        relays = Relays(
            relays.prefix,
            (*relays.suffix, embedded),
            relays.according,
            relays.main_start,
            relays.main_end,
        )
    stmt = emit(run, rule, kind, start, end, attribution, relays)
    run.add(stmt)
    return stmt


def _embedded_source(run: Run, start: int, end: int) -> HopDraft | None:
    """ "… mengungkapkan bahwa militer Seoul telah mendeteksi bahwa …": the content opens
    with an institution that itself reports; it becomes the primary source."""
    text = run.text
    v = vocab(run.language)
    hi = min(end, start + 90)
    first = TOKEN_FLAT_re.search(text, start, hi)
    if first is None or not opens_named_np(Token(first.start(), first.end(), first.group()), v):
        return None  # most contents open with a common word: no need to tokenise them
    toks = tokenize(text, start, hi)
    np = np_after(text, toks, 0, v)
    if not np:
        return None
    mention = classify(text, np, run.language)
    if mention is None or mention.pronoun is not None or mention.kind == "person":
        return None
    if mention.kind == "unknown":
        return None
    k = toks.index(np[-1]) + 1
    for j in range(k, min(len(toks), k + 6)):
        if toks[j].lower in run.lex.complementizers:
            verb = next((t for t in toks[k:j] if t.lower not in v.adverbs), toks[j - 1])
            return HopDraft(mention, "according_to", verb.text, mention.start, verb.end)
        if not toks[j].is_word:
            return None
    return None
