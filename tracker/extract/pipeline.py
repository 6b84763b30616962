"""The extraction pipeline: quotes, sentences, attribution, relays, pronouns -> Extraction."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from tracker.extract.assembly import assemble
from tracker.extract.attribution import (
    Attribution,
    attribution_after,
    subject_before,
)
from tracker.extract.blocks import block_after, lead_in_cue
from tracker.extract.cues import CueMatch, find_cues, noun_use, spot
from tracker.extract.language import detect_language
from tracker.extract.lexicon import LANGUAGES
from tracker.extract.model import Extraction
from tracker.extract.nouns import find_claim_nouns, noun_claims
from tracker.extract.quotes import QuoteSpan, resumption, scan_quotes
from tracker.extract.relays import Relays, find_relays
from tracker.extract.resolution import emit, finish
from tracker.extract.run import Draft, Run
from tracker.extract.sentences import split_sentences
from tracker.extract.sieves.cue_context import (
    only_adverbs,
)
from tracker.extract.sieves.hedges import unattributed
from tracker.extract.sieves.reported import participle_clause, reported_speech
from tracker.extract.sieves.subject_finders import (
    after_connector,
    opening_subject,
)
from tracker.extract.spans import (
    LAST_WORD_re,
    comma_end,
    words_of,
)
from tracker.extract.speakers import (
    Mention,
    classify,
    np_after,
    tokenize,
    vocab,
)
from tracker.extract.subjects import modified_subject


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
        'A quote right after the attribution of the quote before it (\'"…," Lee said. "…"\'): '
        "the same speaker goes on.",
    ),
    Sieve(
        "quote_resumed",
        '\'"…," Lee said at the rally, "but …"\': the words between two quotes are the first '
        "attribution's tail, so the second quote is the same speaker speaking on.",
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
        "according_to_inline",
        "The poll is tied according to a new survey: an according-to phrase with no comma "
        "before it, read as a cue.",
    ),
    Sieve(
        "speaker_after_cue",
        "…, said Ana Ruiz. / …, said a handful of growers: the speaker follows the cue.",
    ),
    Sieve(
        "parenthetical_cue",
        "The bridge, Mr. Osei said, could carry … : the content surrounds the attribution "
        "(one statement before it, one after it).",
    ),
    Sieve(
        "reported_cue_after",
        "…, he said Friday.: only adverbs follow the cue, so the content came before it.",
    ),
    Sieve(
        "reported_speech",
        "X said (that) …, X mengatakan bahwa …: the content follows the cue.",
    ),
    Sieve(
        "same_speaker_clause",
        "X said A and warned that B: a second cue of the same subject, attributed in turn.",
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
        'Lee called the plan "a disgrace": a short quote just after a cue and its subject.',
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
)
RULES: frozenset[str] = frozenset(s.rule for s in SIEVES)

# Cues examined per sentence: the outermost attribution comes first, and a bound keeps a
# 1 MB paragraph full of cue words linear.
MAX_RELAYS_SCANNED = 12


# "Pat Caddell: Democrat voters worry …", "Jokowi: Harga beras …": a line that opens with
# a short capitalised name and a colon gives that name's claim (headlines, transcripts).
LINE_SPEAKER_re = regex.compile(
    r"""
    (?P<name>\p{Lu}[\p{L}\p{M}.'’\-]*+(?:[ \t]++\p{Lu}[\p{L}\p{M}.'’\-]*+){0,3}+)
    [ \t]*+(?P<colon>:)[ \t]++(?=[\p{L}\p{N}“"‘'«„])
    """,
    regex.VERBOSE,
)
# "WALLACE: …" / "PENCE: …": a speaker turn at a line start inside a quoted transcript.
# Upper-case names only: a capitalised "Note:" inside a quote is no turn.
TRANSCRIPT_TURN_re = regex.compile(
    r"""
    [ \t"“]*+
    (?P<name>\p{Lu}[\p{Lu}\p{M}.'’\-]++(?:[ \t]\p{Lu}[\p{Lu}\p{M}.'’\-]++){0,2}+)
    [ \t]*+:[ \t]++
    """,
    regex.VERBOSE,
)
MIN_TRANSCRIPT_TURNS = 2
MAX_TRANSCRIPT_TURNS = 200  # bounds the line scan of a huge quoted transcript
MIN_LINE_CLAIM_WORDS = 3
MIN_LEAD_WORDS = 5  # a clause before "X said, “…”" that is content, not an adverbial
MAX_PRE_GAP_WORDS = 10  # "X said while she handed out the awards in Tampa, “…”"


class _Run(Run):
    """State of one extraction; lives only inside `extract`."""

    # -- hops and speakers -------------------------------------------------------------

    # -- sentences ---------------------------------------------------------------------

    def sentence(
        self,
        s: int,
        e: int,
        quotes: list[QuoteSpan],
        cues: list[CueMatch],
        relay_marks: list[CueMatch],
        media: list[CueMatch],
    ) -> None:
        text = self.text
        self.salience.push((s, e))
        relays = find_relays(text, s, e, self.language, relay_marks, media)
        direct_found = False
        partials: list[QuoteSpan] = []
        prev_end = s
        prev_attr: Attribution | None = None
        prev_stmt: Draft | None = None
        attr_end = s  # where the text after the last attribution starts
        quoted: list[QuoteSpan] = []  # quoted sentences left unattributed
        for q in quotes:
            before = text[prev_end : q.start]
            inner = text[q.inner_start : q.inner_end]
            words = len(words_of(inner)) if len(inner) < 4000 else 99
            sentence_like = words >= 5 or (words >= 2 and inner.rstrip()[-1:] in ",.!?…")
            if sentence_like and words < 5 and _title_quote(before, inner):
                sentence_like = False  # 'star of the show "The Late Hour," said': a title
            if words == 0:
                continue  # "" or ‘’: nothing quoted
            if q.double and "\n" in inner and self._transcript(q):
                direct_found = True
                prev_end = q.end
                continue
            if not q.double and not sentence_like:
                partials.append(q)
                prev_end = q.end
                continue
            after = attribution_after(text, q.end, e, self.language)
            if after is not None and after.speaker is None:
                after = None
            lead_blank = not before.strip() or before.rstrip().endswith((":",))
            continued = (
                prev_attr is not None
                and prev_stmt is not None
                and not text[prev_attr.end : q.start].strip(" ,;:—–-\n")
            )
            pre = (
                None
                if continued or not before.strip()
                else self._pre_attribution(prev_end, q.start)
            )
            if continued and prev_stmt is not None and (sentence_like or q.double):
                stmt = emit(
                    self,
                    "quote_continued",
                    "direct",
                    q.start,
                    q.end,
                    prev_attr,
                    None,
                    self.last_speaker(),
                )
                self.add(stmt)
                direct_found = True
                prev_end = q.end if after is None else after.end
                prev_attr = after or prev_attr
                attr_end = prev_end
                continue
            resumed = self._resumed(prev_attr, prev_stmt, q, pre, after)
            if resumed is not None and (sentence_like or q.double):
                kind, start = resumed
                self.add(
                    emit(
                        self,
                        "quote_resumed",
                        kind,
                        start,
                        q.end,
                        prev_attr,
                        relays,
                        self.last_speaker(),
                    )
                )
                direct_found = True
                prev_end = attr_end = q.end
                continue
            is_direct = q.double or sentence_like
            if not is_direct:
                partials.append(q)
                prev_end = q.end
                continue
            if after is not None and (
                lead_blank
                or before.rstrip().endswith(",")
                or (sentence_like and words >= 8 and inner[:1].isupper())
            ):
                if sentence_like or lead_blank:
                    stmt = emit(self, "quote_cue_after", "direct", q.start, q.end, after, relays)
                    self.add(stmt)
                    direct_found = True
                    prev_end, prev_attr, prev_stmt = after.end, after, stmt
                    attr_end = prev_end
                    continue
            if (
                after is not None
                and pre is None
                and self._clause_quote(before, inner)
                and self._attribution_closes(after.end, e)
            ):
                # 'Lopez "has made her choice," Diaz said': the clause is Diaz's, in part quoted
                stmt = emit(self, "quote_in_clause", "mixed", prev_end, q.end, after, relays)
                self.add(stmt)
                direct_found = True
                prev_end, prev_attr, prev_stmt = after.end, after, stmt
                attr_end = prev_end
                continue
            found = self._outer_cue(pre, cues, prev_end) if pre is not None else None
            if found is not None:
                # 'Lopez said he wants “a fair vote.”': Lopez's claim, its words in part quoted
                outer, content_start = found
                stmt = emit(self, "quote_outer_cue", "mixed", content_start, q.end, outer, relays)
                self.add(stmt)
                direct_found = True
                prev_end, prev_attr, prev_stmt = q.end, outer, stmt
                attr_end = prev_end
                continue
            if pre is not None and sentence_like:
                if prev_end == s:
                    self._claim_before_lead_in(s, q.start, pre, cues, partials)
                stmt = emit(self, "quote_cue_before", "direct", q.start, q.end, pre, relays)
                self.add(stmt)
                if prev_end == s and stmt is not None:
                    self._lead_clause(s, pre, relays)
                direct_found = True
                prev_end, prev_attr, prev_stmt = q.end, pre, stmt
                attr_end = prev_end
                continue
            if lead_blank and sentence_like:
                stmt = emit(
                    self,
                    "quote_no_cue",
                    "direct",
                    q.start,
                    q.end,
                    None,
                    relays,
                    self.last_speaker(),
                )
                self.add(stmt)
                direct_found = True
                prev_end, prev_attr, prev_stmt = q.end, None, stmt
                attr_end = prev_end
                continue
            partials.append(q)
            prev_end = q.end
            if sentence_like:
                quoted.append(q)
        container: Draft | None = None
        if not direct_found:
            container = reported_speech(self, cues, relays, partials)
        elif prev_attr is not None and e - attr_end > 20:
            # '"…," the businessman said, arguing that …': reported speech after the quote,
            # from the end of the attribution (a partial quote after it moved `prev_end`)
            rest = Relays((), (), (), attr_end, e)
            # a cue inside a quoted sentence ('… "but, I think, …"') is the quote's own
            later = [
                c
                for c in cues
                if c.start() >= attr_end and not any(q.start < c.start() < q.end for q in quoted)
            ]
            # the participle first: in '"…," he told the group, adding that …' its speaker
            # is the quote's, not "the group" that opens the clause after the attribution
            if not participle_clause(self, attr_end, e, later, prev_attr, partials):
                reported_speech(self, later, rest, partials)
        cue_starts = [c.start() for c in cues]
        for q in partials:
            self._partial(q, s, container, cues, cue_starts)

    def line_speaker(self, s: int, e: int, quotes: list[QuoteSpan]) -> None:
        """ "Name: claim" on a line of its own, when nothing else in the sentence spoke."""
        text = self.text
        k = s - 1
        while k >= 0 and text[k] in " \t\u00a0":
            k -= 1
        if k >= 0 and text[k] != "\n":
            return  # only at the start of a line
        m = LINE_SPEAKER_re.match(text, s, e)
        if m is None:
            return
        name = m.group("name")
        low = name.lower()
        labels = self.lex.line_label_words
        if low in labels or low.split()[0] in labels or low.rstrip(".") in labels:
            return  # "Update:", "Baca juga:": a label, not a speaker
        if any(w in self.vocab.function_words for w in low.split()):
            return  # "The Latest:", "Stealth Over Health:": a headline kicker, not a name
        if len(words_of(text[m.end() : e])) < MIN_LINE_CLAIM_WORDS:
            return
        ns, ne = m.span("name")
        toks = [t for t in tokenize(text, ns, ne) if t.is_word or t.text == "."]
        mention = classify(text, toks, self.language) if toks else None
        if mention is None or mention.pronoun is not None:
            mention = Mention(name, ns, ne, name, "unknown")
        cs, ce = m.span("colon")
        attribution = Attribution(":", cs, ce, mention, ce)
        rest = Relays((), (), (), s, e)
        finish(self, "line_speaker", "indirect", m.end(), e, attribution, rest, quotes)

    def block_quote(self, s: int, e: int, cues: list[CueMatch]) -> int:
        """ "Ruiz added:" closing a paragraph, then a paragraph of her words whose quote
        marks were lost (a block quote): that paragraph is his statement.

        Returns where the block ends (its sentences are his, not the writer's), else -1."""
        cue = lead_in_cue(self.text, s, e, cues, self.vocab.post_cues)
        block = block_after(self.text, e) if cue is not None else None
        if block is None:
            return -1
        attribution = self._pre_attribution(s, block[0])
        if attribution is None:
            return -1
        stmt = emit(self, "block_quote", "indirect", block[0], block[1], attribution, None)
        if stmt is None:
            return -1
        self.add(stmt)
        return block[1]

    def noun_claims(
        self,
        s: int,
        e: int,
        found: list[regex.Match[str]],
        quotes: list[QuoteSpan],
        first: int,
    ) -> None:
        """ "Lopez's claim that …", "a warning from the agency that …": a claim named by a
        noun of saying is the possessor's statement (see extract.nouns), unless a statement
        of the sentence (those from index `first` on) already starts where the claim does."""
        spans = [(q.start, q.end) for q in quotes]
        starts = {st.start for st in self.statements[first:]}
        for claim in noun_claims(self.text, s, e, self.language, found, spans):
            if claim.start in starts:
                continue
            attribution = Attribution(
                claim.cue, claim.cue_start, claim.cue_end, claim.speaker, claim.end
            )
            rest = Relays((), (), (), s, e)
            finish(
                self, "noun_claim", "indirect", claim.start, claim.end, attribution, rest, quotes
            )

    def _outer_cue(
        self, pre: Attribution, cues: list[CueMatch], lo: int
    ) -> tuple[Attribution, int] | None:
        """The attribution whose content opens with the quote's own lead-in, and where that
        content starts, when the lead-in's subject is a pronoun right after it: in 'Lopez
        said (that) he wants “…”' the quote is part of what Lopez said, not the words of an
        unresolved "he"."""
        speaker = pre.speaker
        if speaker is None or speaker.pronoun is None:
            return None
        text = self.text
        for c in cues:
            if c.start() < lo or c.end() > speaker.start or c.lastgroup != "verb":
                continue
            gap = text[c.end() : speaker.start].strip().lower()
            if gap and gap not in self.lex.complementizers:
                continue
            outer = subject_before(text, lo, c.start(), self.language)
            if outer is not None:
                attribution = Attribution(c.group(), c.start(), c.end(), outer, c.end())
                return attribution, speaker.start
        return None

    def _claim_before_lead_in(
        self, s: int, qstart: int, pre: Attribution, cues: list[CueMatch], partials: list[QuoteSpan]
    ) -> None:
        """ "Lopez said the plan would fail and warned: “…”": a cue before the one that
        introduces the quote makes its own statement, read like any reported speech up to
        the quote (its content stops where the lead-in cue begins)."""
        text = self.text
        before = [c for c in cues if s <= c.start() and c.end() <= pre.cue_start]
        gap = text[pre.cue_start : qstart].rstrip()
        if not before or len(words_of(gap)) > 1 or not gap.endswith((":", ",")):
            return  # 'Lopez said he wants “…”': the quote belongs to the first cue
        lead = text[s : pre.cue_start].rstrip()
        last = LAST_WORD_re.search(lead)
        if not (
            lead.endswith(",")
            or (last is not None and last.group().lower() in self.lex.coordinators)
        ):
            return  # only a second verb of the same subject: "… and warned:", "…, adding:"
        clause = Relays((), (), (), s, qstart)
        lead_in = [*before, *(c for c in cues if c.start() == pre.cue_start)]
        reported_speech(self, lead_in, clause, partials)

    def _lead_clause(self, s: int, pre: Attribution, relays: Relays) -> None:
        """ "So when the vote failed, Lopez said, “…”": a clause before "X said," that opens
        the sentence is part of what X says, as its own statement. An adverbial ("Later in
        the day, X said") opens with a lexicon opener and is left out; so is a clause with a
        cue of its own before X (that one is not X's claim)."""
        speaker = pre.speaker
        if speaker is None or (speaker.pronoun is None and speaker.kind != "person"):
            return
        text = self.text
        end = comma_end(text, s, speaker.start)
        if end <= s or text[end : speaker.start].strip() != ",":
            return
        words = words_of(text[s:end])
        if len(words) < MIN_LEAD_WORDS or words[0].lower() in self.lex.adverbial_openers:
            return
        if words[-1].lower() in self.lex.time_words:
            return  # "Less than 30 minutes later, X wrote, “…”": a time, not a claim
        if find_cues(text, self.language, s, end):
            return
        self.add(emit(self, "lead_clause", "indirect", s, end, pre, relays))

    def _resumed(
        self,
        prev_attr: Attribution | None,
        prev_stmt: Draft | None,
        q: QuoteSpan,
        pre: Attribution | None,
        after: Attribution | None,
    ) -> tuple[str, int] | None:
        """The kind and start of a quote that goes on with the speaker of the quote before
        it, whose attribution came after that quote ('“…,” X said in May, “…”').

        Nothing resumes when the quote has an attribution of its own, before or after."""
        if prev_attr is None or prev_stmt is None or pre is not None or after is not None:
            return None
        if prev_attr.cue_start < prev_stmt.end or prev_attr.speaker is None:
            return None  # 'X said, “…” and “…”': the cue led; the second is not resumed
        return resumption(self.text, prev_attr.end, q.start, self.lex.coordinators)

    def _clause_quote(self, before: str, inner: str) -> bool:
        """Whether a quote closes a clause that opens in the writer's words and that the
        attribution after the quote closes: 'Lopez "has made her choice," Diaz said'.

        The quote ends with a comma (the attribution follows) and the words before it are
        a subject or a clause, not a cue phrase of their own ("X said", "X told Y that")."""
        if not inner.rstrip().endswith(","):
            return False
        lead = before.strip()
        if not lead or lead.endswith((",", ":", ";")) or "\n" in lead:
            return False
        return len(words_of(lead)) >= 1

    def _attribution_closes(self, pos: int, e: int) -> bool:
        """Whether the sentence ends (or a new comma clause starts) right after an
        attribution: 'X "…," Diaz said.' but not 'On "This Week," Diaz said that …'."""
        rest = self.text[pos:e]
        stripped = rest.strip()
        if stripped.startswith("(") and ")" in stripped:
            # 'X "…," said Mr. Lee (a view others share).': an aside closes the sentence
            stripped = stripped[stripped.index(")") + 1 :].strip()
            return not stripped or stripped[0] in ",.;!?"
        return not stripped or stripped[0] in ",.;!?" or only_adverbs(self, rest)

    def _transcript(self, q: QuoteSpan) -> bool:
        """A quoted transcript ("WALLACE: … \n"PENCE: …") is one statement per paragraph
        of each speaker turn, spoken by the turn's name, not one quote of one speaker.

        Returns whether the quote was such a transcript (two turns or more)."""
        text = self.text
        turns: list[tuple[int, int, str]] = []  # (name start, content start, name)
        first = TRANSCRIPT_TURN_re.match(text, q.inner_start, q.inner_end)
        if first is not None:
            turns.append((first.start("name"), first.end(), first.group("name")))
        k = text.find("\n", q.inner_start, q.inner_end)
        while k >= 0 and len(turns) <= MAX_TRANSCRIPT_TURNS:
            m = TRANSCRIPT_TURN_re.match(text, k + 1, q.inner_end)
            if m is not None:
                turns.append((m.start("name"), m.end(), m.group("name")))
            k = text.find("\n", k + 1, q.inner_end)
        labels = self.lex.line_label_words
        turns = [t for t in turns if t[2].lower() not in labels and len(t[2]) > 1]
        if len(turns) < MIN_TRANSCRIPT_TURNS:
            return False
        ends = [t[0] for t in turns[1:]] + [q.inner_end]
        for (ns, cs, name), ce in zip(turns, ends, strict=True):
            toks = [t for t in tokenize(text, ns, ns + len(name)) if t.is_word or t.text == "."]
            mention = classify(text, toks, self.language) if toks else None
            if mention is None or mention.pronoun is not None:
                mention = Mention(name, ns, ns + len(name), name, "unknown")
            attribution = Attribution(":", cs - 1, cs, mention, cs)
            for ps, pe in _paragraphs(text, cs, ce):
                if len(words_of(text[ps:pe])) >= MIN_LINE_CLAIM_WORDS:
                    self.add(emit(self, "transcript", "direct", ps, pe, attribution, None))
        return True

    def _pre_attribution(self, lo: int, qstart: int) -> Attribution | None:
        """X mengatakan: “…” / X said, "…" — a cue just before the opening mark."""
        text = self.text
        window_lo = max(lo, qstart - 120)
        last = None
        for m in find_cues(text, self.language, window_lo, qstart):
            last = m
        if last is None or not (last.group("verb") or last.group("acc")):
            return None
        if noun_use(text, last, self.language):
            return None  # 'rolling out a plan: "…"': the plan is no predicate
        gap = text[last.end() : qstart]
        gap_words = words_of(gap)
        stripped = gap.rstrip()
        if not gap_words and not stripped and last.group().lower() in self.lex.strict_cue_verbs:
            return None  # 'the reality TV show "…"': a cue that is also a noun, then a title
        if len(gap_words) > MAX_PRE_GAP_WORDS or (gap_words and not stripped.endswith((":", ","))):
            if gap_words and [w.lower() for w in gap_words] not in (["that"], ["bahwa"]):
                return None
        if last.group("acc"):
            toks = tokenize(text, last.end(), qstart)
            np = np_after(text, toks, 0, vocab(self.language))
            mention = classify(text, np, self.language) if np else None
            if mention is None:
                return None
            return Attribution(last.group(), last.start(), last.end(), mention, qstart)
        speaker = subject_before(text, lo, last.start(), self.language)
        if speaker is None:
            # "As a phone rang, the announcer said, “…”": a common-noun subject
            speaker = modified_subject(text, lo, last.start(), last.group(), self.language)
        if speaker is None and after_connector(self, lo, last.start()):
            # "Lopez noted that …, and added: “…”": the clause's subject speaks
            speaker = opening_subject(self, lo, last.start())
        if speaker is None:
            return None
        return Attribution(last.group(), last.start(), last.end(), speaker, qstart)

    def _partial(
        self,
        q: QuoteSpan,
        s: int,
        container: Draft | None,
        cues: list[CueMatch],
        cue_starts: list[int],
    ) -> None:
        """Scare and partial quotes belong to the statement around them, or to a nearby cue."""
        if container is not None and container.start <= q.start and q.end <= container.end + 1:
            self.statements.append(
                Draft(
                    "partial",
                    q.start,
                    q.end,
                    container.cue,
                    container.cue_start,
                    container.cue_end,
                    container.sid,
                    container.surface,
                    container.hops,
                    "partial_in_statement",
                )
            )
            return
        last = None
        # only the cues just before the quote: bounded work even in a 1 MB sentence
        k = bisect.bisect_right(cue_starts, q.start)
        for m in cues[max(0, k - 4) : k]:
            if m.end() <= q.start and q.start - m.end() < 60:
                last = m
        if last is None or last.group("acc"):
            return
        speaker = subject_before(self.text, s, last.start(), self.language)
        if speaker is None:
            return
        if speaker.kind == "unknown" and last.group().lower() in self.lex.weak_cue_verbs:
            return  # 'the reality TV show "…"': the same test as for an indirect content
        attribution = Attribution(last.group(), last.start(), last.end(), speaker, last.end())
        self.add(emit(self, "partial_after_cue", "partial", q.start, q.end, attribution, None))


def _title_quote(before: str, inner: str) -> bool:
    """A short quote inside a sentence whose words are all capitalised is a title ("The
    Late Hour,"), not speech; a quote opening its sentence or after a colon may be a short
    reply ("Yes, Sir," …) and is left alone."""
    lead = before.strip()
    if not lead or lead.endswith(":") or inner.rstrip()[-1:] in ".!?…":
        return False
    return all(w[0].isupper() or w[0].isdigit() for w in words_of(inner))


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The paragraphs of text[start:end], each without the quote mark that reopens it; a
    later paragraph that does not reopen the quote ("Follow X on Twitter") ends the quote."""
    out: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        k = text.find("\n", pos, end)
        stop = end if k < 0 else k
        ps = pos
        while ps < stop and text[ps] in " \t\u00a0":
            ps += 1
        if pos > start and ps < stop and text[ps] not in '"“':
            break
        while ps < stop and text[ps] in ' \t\u00a0"“':
            ps += 1
        if ps < stop:
            out.append((ps, stop))
        pos = stop + 1
    return out


def extract(text: str, language: str = "auto") -> Extraction:
    """Extract statements, sources and unattributed claims from one news text.

    Pure and deterministic: the same text and language always give the same Extraction,
    offsets index the input exactly, and no input string makes it raise.
    """
    if language == "auto":
        language = detect_language(text)
    elif language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; expected auto or one of {LANGUAGES}")
    run = _Run(text, language)
    quotes = scan_quotes(text)
    sentences = split_sentences(text, quotes, run.lex)
    spotted = spot(text, language)
    relays, media = spotted["relay"], spotted["medium"]
    cues = [c for c in spotted["cue"] if not noun_use(text, c, language)]
    cue_starts = [m.start() for m in cues]
    relay_starts = [m.start() for m in relays]
    media_starts = [m.start() for m in media]
    qstarts = [q.start for q in quotes]
    block_end = -1  # end of a block quote taken whole after its "X added:" lead-in
    claim_nouns = find_claim_nouns(text, language, spotted["claim"])
    claim_starts = [m.start() for m in claim_nouns]
    for s, e in sentences:
        if s < block_end:
            run.salience.push((s, e))
            continue
        qa, qb = bisect.bisect_left(qstarts, s), bisect.bisect_left(qstarts, e)
        ca, cb = bisect.bisect_left(cue_starts, s), bisect.bisect_left(cue_starts, e)
        ra, rb = bisect.bisect_left(relay_starts, s), bisect.bisect_left(relay_starts, e)
        ma, mb = bisect.bisect_left(media_starts, s), bisect.bisect_left(media_starts, e)
        before = len(run.statements)
        inside = [q for q in quotes[qa:qb] if q.end <= e]
        if qa == qb and ca == cb and ra == rb and ma == mb:
            # no quote, cue or relay: all `sentence` would do is remember it for pronouns
            run.salience.push((s, e))
        else:
            run.sentence(
                s,
                e,
                inside,
                cues[ca:cb],
                [m for m in relays[ra:rb] if m.end() <= e][:MAX_RELAYS_SCANNED],
                [m for m in media[ma:mb] if m.end() <= e][:MAX_RELAYS_SCANNED],
            )
        if len(run.statements) == before:
            run.line_speaker(s, e, inside)
        if len(run.statements) == before and ca < cb:
            block_end = run.block_quote(s, e, cues[ca:cb])
        na, nb = bisect.bisect_left(claim_starts, s), bisect.bisect_left(claim_starts, e)
        if na < nb:
            run.noun_claims(s, e, claim_nouns[na:nb], inside, before)
    hedged = unattributed(run, sentences, spotted["hedge"])
    return assemble(run, hedged)
