"""The extractor as an ordered list of sieves, after CoreNLP's QuoteAttributionAnnotator.

Whole-text scans come first (quote pairing, sentences, cue spotting: `scans`). Then each
sentence meets the sentence sieves in order: its quotes go through the quote sieves, its
cues through reported speech, the short quotes left over through the partial-quote
sieve; a sentence nobody spoke in may be a "Name: claim" line or lead into a block quote;
noun claims come last. A sieve skips what an earlier one settled (a span already taken,
a sentence that already has a statement) and names itself on what it makes (`rule`).
Each statement is resolved as it is made (pronouns, aliases, relay frames:
`resolution`); hedged sentences are collected (`sieves.hedges`); `assembly` keys the
sources and builds the Extraction.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.extract.according_splits import split_at_according
from tracker.extract.assembly import assemble
from tracker.extract.attribution import Attribution
from tracker.extract.colon_leads import lead_media, with_lead_medium
from tracker.extract.inner_sources import inner_citations
from tracker.extract.language import detect_language
from tracker.extract.lexicon import LANGUAGES
from tracker.extract.model import Extraction
from tracker.extract.monitors import carry_monitors
from tracker.extract.outlet_reports import with_outlet_reports
from tracker.extract.own_outlet import own_outlet_keys
from tracker.extract.quote_lists import joined_quotes
from tracker.extract.quoted_as import name_late_quoters, with_frames
from tracker.extract.quotes import QuoteSpan
from tracker.extract.reading import reading_text
from tracker.extract.relays import HopDraft, Relays, find_relays
from tracker.extract.run import Run
from tracker.extract.scans import Scans, Sentence
from tracker.extract.sieves.according_leads import according_lead_statements
from tracker.extract.sieves.hedges import unattributed
from tracker.extract.sieves.noun_claims import noun_claim_statements
from tracker.extract.sieves.partials import partial_quotes
from tracker.extract.sieves.participle_clauses import participle_clause
from tracker.extract.sieves.poll_leads import poll_lead_statements
from tracker.extract.sieves.quote_cues import (
    Quote,
    QuoteState,
    quote_continued,
    quote_cue_after,
    quote_cue_before,
    quote_in_clause,
    quote_no_cue,
    quote_outer_cue,
    quote_resumed,
    read_quotes,
)
from tracker.extract.sieves.quoted import quoted_as
from tracker.extract.sieves.reference_tails import reference_tail
from tracker.extract.sieves.relative_tails import relative_tail
from tracker.extract.sieves.reported import reported_speech
from tracker.extract.sieves.subject_says import subject_say_statements
from tracker.extract.sieves.transcripts import block_quote, line_speaker
from tracker.extract.sieves.view_leads import view_lead_statements


@dataclass(frozen=True, slots=True)
class Sieve:
    """One construction the extractor recognises; `rule` is the name its statements carry."""

    rule: str
    doc: str


# Every sieve, in the order a sentence meets them. A statement's `rule` is the name of the
# sieve that made it, so accuracy benches can break their errors down by construction.
SIEVES: tuple[Sieve, ...] = (
    # Each quote of the sentence, left to right: the first sieve that takes it wins.
    Sieve(
        "transcript",
        'A quoted transcript ("WALLACE: … PENCE: …"): one statement per paragraph of each '
        "speaker turn, spoken by the turn's name.",
    ),
    Sieve(
        "quote_continued",
        '\'"…," Lee said, "and …"\': only punctuation between the previous quote\'s '
        "attribution and this quote, so the same speaker goes on.",
    ),
    Sieve(
        "quote_resumed",
        '\'"…," Lee said at the rally, "and …"\': the words between two quotes are the first '
        "attribution's tail (a place, a time, an audience), so the same speaker speaks on.",
    ),
    Sieve(
        "quote_cue_after",
        "'\"…,\" Lee said', '\"…,\" kata Lee', '\"…\" — Lee': the attribution follows the quote.",
    ),
    Sieve(
        "quote_in_clause",
        'Lopez "has made her choice," Diaz said: a clause in the writer\'s words that the '
        "quote completes and the attribution after it closes (a mixed statement).",
    ),
    Sieve(
        "quote_outer_cue",
        'Lopez said he wants "a fair vote.": the quote is part of what the outer cue\'s '
        "subject said, not the words of the pronoun before it (a mixed statement).",
    ),
    Sieve(
        "quote_cue_before",
        'Lee said: "…", Lee mengatakan, "…": the cue and its speaker lead into the quote.',
    ),
    Sieve(
        "lead_clause",
        'So when the vote failed, Lopez said, "…": the clause that opens the sentence before '
        '"X said," is X\'s too.',
    ),
    Sieve(
        "quote_no_cue",
        "A quote opening its sentence (or after a colon) with no cue: the last speaker goes on.",
    ),
    # Reported speech: the sentence's cues in order (or those after the last attribution
    # when the sentence had a direct quote).
    Sieve(
        "participle_clause",
        '"…," Lee said, adding that …; X said A, citing B: a participle cue after an '
        "attribution is the same speaker's next statement.",
    ),
    Sieve(
        "relative_tail",
        '"…," said Lee, who noted that …: a relative clause on the quote\'s speaker, after '
        "its attribution, is the same speaker's next statement.",
    ),
    Sieve(
        "reference_tail",
        '"…," Lee said, referring to the audit: a reference phrase after a quote\'s '
        "attribution names what its speaker spoke of.",
    ),
    Sieve(
        "quoted_as",
        "X quoted Y as saying …, Y was quoted by X as saying …, …, Y was quoted as saying: Y "
        "speaks, X (or the outlet named nearby) relays it; the content follows or precedes.",
    ),
    Sieve(
        "according_to_inline",
        "The poll is tied according to a new survey: an according-to phrase with no comma "
        "before it, read as a cue.",
    ),
    Sieve(
        "speaker_after_cue",
        "…, said Ana Ruiz. / …, said a handful of growers: the speaker follows the cue.",
    ),
    Sieve(
        "reported_cue_after",
        "The bridge will open, Lopez said. / The bridge, Lopez said, could carry …: the "
        "content comes before the attribution and its comma (and resumes after it).",
    ),
    Sieve(
        "reported_cue_last",
        "That is what the campaign hopes.: the cue, with only adverbs after it, closes the "
        "sentence, so the content came before its subject.",
    ),
    Sieve(
        "reported_speech",
        "X said (that) …, X mengatakan bahwa …: the content follows the cue.",
    ),
    Sieve(
        "same_speaker_clause",
        "X said A and warned that B: a second cue of the same subject, attributed in turn.",
    ),
    Sieve(
        "passive_agent_cue",
        "The plan was rejected by the council.: a passive speech verb with its agent after "
        '"by"; the subject is what the agent spoke of.',
    ),
    Sieve(
        "participle_lead",
        "Citing the audit, Lopez rejected the plan.: a participle cue opening the sentence; "
        "its object is what the main clause's subject said.",
    ),
    Sieve(
        "question_lead",
        "Asked about the audit, Lopez said …: what was asked, up to the lead's comma, is the "
        "unnamed questioner's (no speaker).",
    ),
    Sieve("post_cue", "…, kata Lee.: an Indonesian cue before its speaker, after the content."),
    Sieve("nya_cue", "…, ujarnya.: a cue with -nya, whose pronoun speaker is resolved."),
    Sieve(
        "according_to",
        "Menurut polisi, … / According to the agency, … / As first reported by X, …: a "
        "relay phrase is the only attribution of the sentence.",
    ),
    # Partial and scare quotes left over by the quote sieves.
    Sieve(
        "partial_in_statement",
        "A short quote inside a statement of the sentence: the statement's speaker said it.",
    ),
    Sieve(
        "partial_after_cue",
        'Budi menyebut rencana itu "memalukan": a short quote no statement holds, just after '
        "a cue and its subject.",
    ),
    # Whole sentences nothing above took.
    Sieve(
        "line_speaker",
        '"Lee: the plan will fail" on a line of its own (headlines, transcripts).',
    ),
    Sieve(
        "block_quote",
        '"Ruiz added:" closing a paragraph, then a paragraph of her words whose quote marks '
        "were lost.",
    ),
    Sieve(
        "noun_claim",
        "Lopez's claim that …, a warning from the agency that …: a claim named by a noun of "
        "saying is the possessor's statement.",
    ),
    Sieve(
        "poll_lead",
        "In a new Gallup poll, 40 percent back Lee: a sentence nobody spoke in that opens "
        "with a poll reports its finding.",
    ),
    Sieve(
        "view_lead",
        "In Lee's view, the tax will fail: a sentence nobody spoke in that opens with a "
        "possessed view is the possessor's.",
    ),
    Sieve(
        "according_lead",
        "According to state law, no one may …: a sentence nobody spoke in that opens with "
        "an according-to phrase whose source the relay reading did not name.",
    ),
    Sieve(
        "subject_say",
        "Several people I have met said the mill will close: a sentence nobody spoke in "
        "that is a subject, a plain verb of saying and a clause.",
    ),
    Sieve(
        "coordinated_say",
        "The judge rubbed his chin, and then said the case was odd: a sentence nobody spoke "
        "in whose verb of saying follows a coordinator shares the opening subject.",
    ),
)
RULES: frozenset[str] = frozenset(s.rule for s in SIEVES)
# A line break after these ends a paragraph; after a word it is a line wrapped mid-sentence
# (wire copy) or a headline, neither of which is the writer's narration taking over.
PARAGRAPH_ENDS = frozenset('.!?…"”’»)')
# Relay phrases that, opening a quote, name whom its speaker cites ("Menurut X, …")
OPENING_RELATIONS = frozenset({"according_to", "reported_by"})


def quote_sieves(run: Run, state: QuoteState, quote: Quote) -> bool:
    """The quote sieves in order (a quoted transcript is recognised before them, from its
    marks alone); the first that takes a quote makes its statement."""
    return (
        quote_continued(run, state, quote)
        or quote_resumed(run, state, quote)
        or quote_cue_after(run, state, quote)
        or quote_in_clause(run, state, quote)
        or quote_outer_cue(run, state, quote)
        or quote_cue_before(run, state, quote)
        or quote_no_cue(run, state, quote)
    )


def speech(run: Run, sentence: Sentence, first: int) -> None:
    """Quotes first, each through `quote_sieves`; then reported speech, over the whole
    sentence when no quote was direct, else after the last attribution; then the short
    quotes nobody took, through the partial-quote sieve."""
    s, e = sentence.start, sentence.end
    run.salience.push((s, e))
    if not sentence.marked:
        return  # no quote, cue or relay: the sentence is only remembered for pronouns
    relays = find_relays(run.text, s, e, run.language, sentence.relay_marks, sentence.media)
    if run.lead_media and sentence.quotes:
        relays = with_lead_medium(run, relays, run.lead_media)
    if relays.prefix and sentence.quotes:
        relays = _outside_quotes(run.text, relays, sentence.quotes)
    if sentence.relay_marks:
        relays = with_frames(run, relays, sentence.relay_marks, s, e)
    if len(sentence.cues) > 1:
        relays = with_outlet_reports(run, relays, sentence.cues, sentence.quotes)
    state = QuoteState(s, e, sentence.cues, relays, s, s)
    quotes = joined_quotes(run, sentence.quotes)
    read_quotes(run, state, quotes, quote_sieves)
    container = None
    if not state.direct_found:
        taken, container = (
            quoted_as(run, sentence.cues, relays, state.partials)
            if relays.frames
            else (False, None)
        )
        if not taken:
            if relays.according and not sentence.quotes:
                relays = split_at_according(run, sentence.cues, relays, state.partials, e)
            container = reported_speech(run, sentence.cues, relays, state.partials)
    elif state.prev_attr is not None and e - state.attr_end > 20:
        _after_last_attribution(run, state, state.prev_attr)
    partial_quotes(run, sentence, _outside_media(state.partials, relays), container)


def _outside_quotes(text: str, relays: Relays, quotes: list[QuoteSpan]) -> Relays:
    """ "… prices quoted by some publications are wrong," the firm said: a relay phrase in
    the quoted words is what they are about, never a relay of whoever speaks them; one
    that opens the quote ('"Menurut pengakuan sopir, …," ujarnya', '"According to the
    driver, …," he said') is whom the speaker cites."""
    prefix: list[HopDraft] = []
    cited: list[HopDraft] = []
    for h in relays.prefix:
        q = next((q for q in quotes if q.start < h.start < q.end), None)
        if q is None:
            prefix.append(h)
        elif h.relation in OPENING_RELATIONS and not text[q.inner_start : h.start].strip():
            cited.append(HopDraft(h.mention, "citing", h.cue, h.start, h.end))
    if len(prefix) == len(relays.prefix):
        return relays
    according = tuple(h for h in relays.according if h in prefix)
    return Relays(
        tuple(prefix),
        (*relays.suffix, *cited),
        according,
        relays.main_start,
        relays.main_end,
        relays.frames,
    )


def _outside_media(partials: list[QuoteSpan], relays: Relays) -> list[QuoteSpan]:
    """A quoted programme title inside a medium hop ('told NBC's "Meet the Press"') is
    part of the hop, no partial quote of the speaker."""
    spans = [(h.start, h.end) for h in relays.prefix if h.relation == "told"]
    if not spans:
        return partials
    return [q for q in partials if not any(s <= q.start and q.end <= e for s, e in spans)]


def _after_last_attribution(run: Run, state: QuoteState, last: Attribution) -> None:
    """'"…," the businessman said, arguing that …': reported speech after the quotes,
    from the end of the last attribution (a partial quote after it moved `prev_end`)."""
    attr_end, e = state.attr_end, min(state.end, state.relays.main_end)
    rest = Relays((), (), (), attr_end, e)
    # a cue inside a quoted sentence ('… "but, I think, …"') is the quote's own
    later = [
        c
        for c in state.cues
        if c.start() >= attr_end and not any(q.start < c.start() < q.end for q in state.quoted)
    ]
    # the participle first: in '"…," he told the group, adding that …' its speaker is
    # the quote's, not "the group" that opens the clause after the attribution
    if not participle_clause(run, attr_end, e, later, last, state.partials) and not (
        relative_tail(run, attr_end, e, later, last, state.partials)  # ", who noted that …"
        or reference_tail(run, attr_end, e, last, state.partials)  # ", referring to …"
    ):
        reported_speech(run, later, rest, state.partials)


def sentence_sieves(run: Run, sentence: Sentence, first: int) -> None:
    """The sentence sieves in order. Each gets the index of the sentence's first statement
    (`first`), so it can tell whether an earlier sieve spoke."""
    speech(run, sentence, first)
    line_speaker(run, sentence, first)
    block_quote(run, sentence, first)
    noun_claim_statements(run, sentence, first)
    poll_lead_statements(run, sentence, first)
    view_lead_statements(run, sentence, first)
    according_lead_statements(run, sentence, first)
    subject_say_statements(run, sentence, first)


def extract(text: str, language: str = "auto", outlet: str | None = None) -> Extraction:
    """Extract statements, sources and unattributed claims from one news text.

    Pure and deterministic: the same text, language and outlet always give the same
    Extraction, offsets index the input exactly, and no input string makes it raise.
    `outlet` names the document's own outlet (any name of the outlet list), which is never
    a hop: "told Reuters" in a Reuters story is first-hand.
    """
    if language == "auto":
        language = detect_language(text)
    elif language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; expected auto or one of {LANGUAGES}")
    run = Run(reading_text(text, language), language, text, own_outlet_keys(outlet))
    scans = Scans(run)
    narration = True  # the paragraph so far has no statement
    prev_end = 0
    for k, (s, e) in enumerate(scans.sentences):
        read = run.text
        if prev_end and read[prev_end - 1] in PARAGRAPH_ENDS and "\n" in read[prev_end:s]:
            if narration:
                run.frames.close()  # a paragraph of the writer's own words ends a frame
            narration = True
        prev_end = e
        if s < run.block_end:
            run.salience.push((s, e))  # inside a block quote its lead-in took whole
            narration = False
            continue
        first = len(run.statements)
        run.frames.sentence = s
        sentence = scans.sentence(k)
        run.lead_media = lead_media(run, scans, k)
        run.previous_sentence = scans.sentences[k - 1] if k else (s, s)
        sentence_sieves(run, sentence, first)
        narration = narration and len(run.statements) == first
    name_late_quoters(run)
    carry_monitors(run)
    inner_citations(run)
    hedged = unattributed(run, scans.sentences, scans.hedges)
    extraction = assemble(run, hedged)
    run.salience.close()  # frees the run's state now, by reference counting
    return extraction
