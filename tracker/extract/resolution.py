"""Resolution: a sieve's finding becomes a statement, its speaker and chain resolved.

A sieve hands over a span, an attribution (cue and speaker mention) and the relays of its
sentence; here a pronoun speaker is resolved through the salience list, the mention
enters the source table (where aliases merge), and the relay frames become the chain.
"""

from __future__ import annotations

import regex

from tracker.extract.attribution import Attribution
from tracker.extract.channels import own_channel
from tracker.extract.company_descriptions import company_described_before
from tracker.extract.content_subjects import note_content_subject
from tracker.extract.definites import authored_document, described_document, resolve_definite
from tracker.extract.described_persons import named_before
from tracker.extract.frames import opens_frame
from tracker.extract.later_authors import author_named_after
from tracker.extract.later_outlets import outlet_named_after
from tracker.extract.noun_phrases import np_after, opens_named_np
from tracker.extract.outlet_names import whole_outlet
from tracker.extract.outlet_voices import heard_through_outlet, note_interview
from tracker.extract.own_outlet import is_own_outlet
from tracker.extract.party_members import party_member
from tracker.extract.patterns import TOKEN_ASCII_re, TOKEN_FLAT_re
from tracker.extract.poll_findings import ACCORDING, poll_finding
from tracker.extract.pronouns import Antecedent, InternalHop, fits
from tracker.extract.quotes import QuoteSpan
from tracker.extract.recordings import without_recordings
from tracker.extract.relays import HopDraft, Relays
from tracker.extract.report_authors import note_report
from tracker.extract.run import Draft, Run
from tracker.extract.spans import one_word, words_of
from tracker.extract.speakers import Mention, classify
from tracker.extract.tokens import Token, plain_window, tokenize, vocab


def hop(run: Run, draft: HopDraft) -> InternalHop:
    """The hop with its source entered in the table (aliases merge there; a definite
    description is the source it describes)."""
    return InternalHop(
        source_id(run, draft.mention), draft.relation, draft.cue, draft.start, draft.end
    )


def source_id(run: Run, mention: Mention) -> int:
    """The source a (non-pronoun) mention names: "the agency" the agency named before, "the
    statement" the author of the statement named before, any other mention its own entry
    of the table."""
    mention = whole_outlet(run.text, mention, run.pats)
    sid = resolve_definite(run.lex, run.table, run.salience, mention, run.text)
    if sid is None:
        sid = party_member(run, mention)  # "the Democrat": the politician named before
    if sid is None:
        sid = company_described_before(run, mention)  # "the oil giant X … the company"
    if sid is not None:
        return sid
    noun = described_document(run.lex, mention)
    if noun is not None and noun in run.document_authors:
        return run.document_authors[noun]
    if noun is not None and noun in run.lex.outcome_nouns and run.document_authors:
        return next(reversed(run.document_authors.values()))  # "the results": of the last
    later = author_named_after(run.text, mention, run.vocab) or outlet_named_after(
        run.text, mention, run.vocab
    )
    if later is not None:
        return run.table.add(later)  # "a new poll. A Gallup poll found …": Gallup's
    named = named_before(run.text, mention, run.vocab, run.language)
    if named is not None:
        return run.table.add(named)  # "the campaign manager": the one a title named before
    if mention.kind == "person" and " " not in mention.name and not run.table.known(mention):
        _named_subject_before(run, mention.name)
    sid = run.table.add(mention)
    noun = authored_document(run.lex, mention)
    if noun is not None:
        run.document_authors.pop(noun, None)  # the last one written stays last
        run.document_authors[noun] = sid  # "a statement by X": X wrote the statement
    return sid


SUBJECT_WINDOW = 120  # the words of a sentence `leading_subject` reads
NAME_LOOKBACK_ITEMS = 8  # recent speakers and sentences a one-word name looks back over
NAME_LOOKBACK = 1500  # how far back a one-word name looks for the full name's sentence
_NAME_NEIGHBOUR_re = regex.compile(r"\p{Lu}[\p{L}\p{M}'’.\-]*+")


def _in_longer_name(text: str, name: str, since: int, here: int) -> bool:
    """Whether `name` stands in text[since:here] next to another capitalised word ("Kim
    Jong Un", "Hillary Clinton"), as a part of a longer name."""
    k = text.rfind(name, since, here)
    while k >= 0:
        after = k + len(name)
        if after < here and text[after] == " " and _NAME_NEIGHBOUR_re.match(text, after + 1):
            return True
        before = text.rfind(" ", max(since, k - 30), k - 1) + 1 if k > since else k
        if 0 < k - 1 and text[k - 1] == " " and _NAME_NEIGHBOUR_re.match(text, before, k - 1):
            return True
        k = text.rfind(name, since, k)
    return False


def _named_subject_before(run: Run, name: str) -> None:
    """ "Pemimpin Korea Utara, Kim Jong Un, memuji …" then "Kim menyatakan …": a one-word
    name that no speaker so far bears is looked for among the persons earlier sentences were
    about; the one found joins the source table, so the short name merges with it there."""
    text, here = run.text, run.frames.sentence
    since = max(0, here - NAME_LOOKBACK)
    if name in run.unmatched_names or not _in_longer_name(text, name, since, here):
        return  # not written shortly before inside a longer name: no subject bears it

    def names_it(item: Antecedent) -> bool:
        if item.kind != "person" or item.sid is None:
            return False
        words = run.table.name(item.sid).split()
        return len(words) > 1 and name in words

    def lacks_name(start: int, end: int) -> bool:
        # the sentence being read is no earlier one ("Said Lopez: …" names no "Said Lopez")
        # a subject is parsed from a sentence's first words only (`leading_subject`)
        head_end = min(end, start + SUBJECT_WINDOW)
        return start >= here or start < since or text.find(name, start, head_end) < 0

    if run.salience.find(names_it, lacks_name, NAME_LOOKBACK_ITEMS) is None:
        run.unmatched_names.add(name)


def _hops(run: Run, drafts: tuple[HopDraft, ...]) -> tuple[InternalHop, ...]:
    """Hops of the drafts that are not the document's own outlet (never a hop)."""
    own = run.own_outlet
    return tuple(
        hop(run, h) for h in drafts if not is_own_outlet(own, h.mention.name, h.mention.kind)
    )


def _told_own_outlet(run: Run, relays: Relays | None) -> bool:
    """Whether the sentence names the document's own outlet as a relay ("X told POLITICO"
    in a Politico story): the speaker spoke to the writer, so no earlier frame carries on."""
    if relays is None or not run.own_outlet:
        return False
    own = run.own_outlet
    return any(is_own_outlet(own, h.mention.name, h.mention.kind) for h in relays.prefix)


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
    """Build a statement, resolving pronouns and descriptions and assembling the chain (its
    sentence's relays, or the relay frame it continues: `frames`)."""
    start, end = run.trim(start, end)
    if start >= end:
        return None
    prefix = _hops(run, relays.prefix) if relays else ()
    suffix = _hops(run, relays.suffix) if relays else ()
    if attribution is not None and attribution.via:
        prefix = _with_quoters(run, prefix, attribution.via)
    _push_relays(run, prefix)
    cue = attribution.cue if attribution else None
    cs = attribution.cue_start if attribution else None
    ce = attribution.cue_end if attribution else None
    mention = attribution.speaker if attribution else None
    surface = mention.surface if mention else None
    sid: int | None = None
    by_pronoun = inherited is not None
    if mention is not None and mention.pronoun is not None:
        inherited = _resolve_past_relays(run, mention.pronoun, prefix)
        if inherited is None:
            # an unresolved "dia"/"he" still marks a claim: keep it, speaker unknown
            return _bare(rule, kind, start, end, attribution)
        by_pronoun = True
    elif mention is not None:
        if is_own_outlet(run.own_outlet, mention.name, mention.kind):
            return None  # "Reuters reported" in a Reuters story: the writer's own words
        sid = source_id(run, mention)
        by_pronoun = False
    if sid is None and inherited is not None:
        sid = inherited.sid
        if sid is None and inherited.mention is not None:
            sid = run.table.add(inherited.mention)
    if sid is None and relays is not None and relays.according:
        return _according(run, rule, kind, start, end, relays, suffix)
    if sid is None:
        return _bare(rule, kind, start, end, attribution)
    finding = poll_finding(run, mention, sid, prefix)
    if finding is not None:  # "55 percent said …, according to a Gallup poll": Gallup's
        sid, start, prefix = finding
    speaker_hop = InternalHop(sid, "said", cue, cs, ce)
    # nobody relays their own words, nor is the speaker's "according to" read again as one
    prefix = tuple(
        h for h in prefix if h.sid != sid and not (h.relation == ACCORDING and h.start == cs)
    )
    prefix = without_recordings(run, prefix)  # nor does a recording of them
    if prefix:
        note_interview(run, sid, prefix)
    # an anonymous source, or one heard through an outlet it spoke to, keeps its relay
    keeps_relay = run.table.kind(sid) == "anonymous" or heard_through_outlet(run, sid)
    # the channel matters only to a frame opened in an earlier sentence, or to a source
    # that keeps its relay ("the spokesman said in a statement")
    channel = not prefix and (
        _told_own_outlet(run, relays)
        or (
            (run.frames.open_before() or (keeps_relay and sid in run.frames.relayed))
            and own_channel(run.text, attribution, run.language)
        )
    )
    hops = run.frames.chain(
        prefix, speaker_hop, suffix, by_pronoun, _opens(run, prefix), channel, keeps_relay
    )
    stmt = Draft(kind, start, end, cue, cs, ce, sid, surface, hops, rule)
    _remember(run, stmt)
    note_report(run, sid, cue)
    return stmt


QUOTED_BY = "quoted_by"


def _resolve_past_relays(
    run: Run, pronoun: str, prefix: tuple[InternalHop, ...]
) -> Antecedent | None:
    """Whom a pronoun speaker stands for, never a quoter of its own sentence: in "He was
    also quoted as saying …, the spokesman said" the spokesman quoted "he" and cannot be
    him (nobody quotes their own words), though the spokesman was named last. Other relays
    ("…, according to the sources") are left to the salience list as before."""
    own = {h.sid for h in prefix if h.relation == QUOTED_BY}
    if not own:
        return run.salience.resolve(pronoun)
    return run.salience.find(lambda item: item.sid not in own and fits(pronoun, item))


def _according(
    run: Run,
    rule: str,
    kind: str,
    start: int,
    end: int,
    relays: Relays,
    suffix: tuple[InternalHop, ...],
) -> Draft | None:
    """ "Menurut X, …", "According to the agency, …": the last according-to source speaks,
    the ones before it relay it."""
    last = relays.according[-1]
    pronoun = _according_pronoun(run, last)
    if pronoun is not None:
        return _pronoun_source(run, rule, kind, start, end, last, pronoun)
    hops = _hops(run, relays.according)
    if not hops:
        return None  # "menurut Kompas" in a Kompas story: the writer's own words
    speaker = hops[-1]
    _push_relays(run, hops[:-1])
    chain = run.frames.chain(hops[:-1], speaker, suffix, False, _opens(run, hops[:-1]))
    surface = run.text[speaker.start or 0 : speaker.end or 0]
    cs, ce = speaker.start, speaker.end
    stmt = Draft(kind, start, end, speaker.cue, cs, ce, speaker.sid, surface, chain, rule)
    _remember(run, stmt)
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
            quoters.extend(_hops(run, (draft,)))  # never the document's own outlet
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
    chain = run.frames.chain((), source_hop, (), True)
    stmt = Draft(kind, start, end, draft.cue, draft.start, draft.end, sid, surface, chain, rule)
    _remember(run, stmt)
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


def _opens(run: Run, prefix: tuple[InternalHop, ...]) -> bool:
    return opens_frame(prefix, [run.table.kind(h.sid) for h in prefix])


def _push_relays(run: Run, relays: tuple[InternalHop, ...]) -> None:
    """A sentence's relays are what a later "it" or "the agency" may stand for ("…,
    according to the Washington Post. The paper said …"), even when no statement of the
    sentence has a speaker."""
    table, lex = run.table, run.lex
    for h in relays:
        name = table.name(h.sid).lower()
        if name not in lex.pronouns and name not in lex.object_pronouns:  # "menurut dia"
            run.salience.push(Antecedent(h.sid, table.kind(h.sid), (), (), False))


def _remember(run: Run, stmt: Draft) -> None:
    """The statement's speaker is whom a later "he", "it" or "the agency" may stand for."""
    if stmt.sid is None:
        return
    kind = run.table.kind(stmt.sid)
    singular = run.singular(kind, run.table.name(stmt.sid))
    # "The radio said Minister X had …": X may be a later "he"; pushed first, so that a
    # quote with no cue still continues the radio
    note_content_subject(run, stmt)
    run.salience.push(Antecedent(stmt.sid, kind, (), (), True, None, singular))


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
    """Emit a statement; a lone word reports no claim. Content holding a quote is mixed,
    unless the quote is all of it ('…, saying, "We will win."'): that is a direct quote,
    except after a complementizer ('X said that "we will win."': quoted words in reported
    speech, as `quote_cue_before` reads the same lead-in)."""
    if any(start <= q.start and q.end <= end + 1 for q in partials):
        whole = _whole_quote(run, start, end, partials)
        direct = whole and not _after_complementizer(run, attribution, start)
        kind = "direct" if direct else "mixed"
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


def _after_complementizer(run: Run, attribution: Attribution | None, start: int) -> bool:
    """Whether the last word between the cue and `start` is a complementizer ("that")."""
    if attribution is None or attribution.cue_end is None or attribution.cue_end > start:
        return False
    words = words_of(run.text[attribution.cue_end : start])
    return bool(words) and words[-1].lower() in run.lex.complementizers


def _whole_quote(run: Run, start: int, end: int, partials: list[QuoteSpan]) -> bool:
    """Whether the content from `start` to `end` is one quotation and nothing else."""
    a, b = run.trim(start, end)
    return any(q.start == a and b <= q.end <= b + 1 for q in partials)


def _embedded_source(run: Run, start: int, end: int) -> HopDraft | None:
    """ "… mengungkapkan bahwa militer Seoul telah mendeteksi bahwa …": the content opens
    with an institution that itself reports; it becomes the primary source."""
    text = run.text
    v = vocab(run.language)
    hi = min(end, start + 90)
    # the first token, by the faster stdlib pattern on a plain window (`tokenize`'s rule)
    first = (TOKEN_ASCII_re if plain_window(text, start, hi) else TOKEN_FLAT_re).search(
        text, start, hi
    )
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
