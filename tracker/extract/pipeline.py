"""The extraction pipeline: quotes, sentences, attribution, relays, pronouns -> Extraction."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

import regex

from tracker.extract.assembly import assemble
from tracker.extract.attribution import (
    Attribution,
    attribution_after,
    dash_apposition_start,
    speaker_after_cue,
    subject_before,
)
from tracker.extract.blocks import block_after, lead_in_cue
from tracker.extract.cues import CueMatch, find_cues, noun_use, spot
from tracker.extract.language import detect_language
from tracker.extract.lexicon import LANGUAGES, load_lexicon
from tracker.extract.model import Extraction
from tracker.extract.nouns import find_claim_nouns, noun_claims, owns_complement
from tracker.extract.quotes import QuoteSpan, resumption, scan_quotes
from tracker.extract.relays import Relays, find_relays
from tracker.extract.resolution import emit, finish
from tracker.extract.run import TRAILING_PUNCT, Draft, Run
from tracker.extract.sentences import split_sentences
from tracker.extract.sieves.hedges import unattributed
from tracker.extract.spans import (
    CLOSING_QUOTES,
    LAST_WORD_re,
    NEXT_WORD_re,
    WORD_re,
    after_comma,
    comma_end,
    named,
    quote_within,
    words_of,
)
from tracker.extract.speakers import (
    Mention,
    Token,
    Vocab,
    classify,
    np_after,
    tokenize,
    vocab,
)
from tracker.extract.subjects import apposition_chain_end, modified_subject


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
MAX_CUES_PER_SENTENCE = 6
MAX_RELAYS_SCANNED = 12
MAX_CLAUSES = 4  # attributed clauses split off one sentence ("X said A, but Y said B")
COMPLEMENTIZER_WINDOW = 40


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
MAX_COMMON_SUBJECT_WORDS = 5
MAX_COMMON_SUBJECT_CHARS = 60
MAX_PARTICIPLE_GAP_WORDS = 8  # "told CBS' Face the Nation on Sunday, saying"
MAX_LONG_SUBJECT_WORDS = 40  # a subject and its appositions before a speech verb
MAX_ADJUNCT_WORDS = 4  # "said in its annual survey", "told me on Tuesday"
MIN_TAIL_WORDS = 2  # "…, the mayor says, would be $12": content resuming after it
MIN_LEAD_WORDS = 5  # a clause before "X said, “…”" that is content, not an adverbial
MAX_PRE_GAP_WORDS = 10  # "X said while she handed out the awards in Tampa, “…”"


@functools.cache
def _relative_opening_re(language: str) -> re.Pattern[str]:
    """A comma or parenthesis, then a relative marker: what `_Run._relative_cue` needs
    before it is worth tokenising the window (a necessary condition, so same results)."""
    words = sorted(load_lexicon(language).relative_markers, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words) or "(?!)"
    return re.compile(rf"[,(]\s*+(?:{alternatives})", re.IGNORECASE)


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
            container = self._indirect(s, e, cues, relays, partials)
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
            if not self._participle_clause(attr_end, e, later, prev_attr, partials):
                self._indirect(s, e, later, rest, partials)
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
        self._indirect(
            s, qstart, [*before, *(c for c in cues if c.start() == pre.cue_start)], clause, partials
        )

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

    def _tail_start(self, cue: str, cue_end: int, hi: int) -> int | None:
        """Where the content resumes after the attribution's adjuncts and their comma ("As
        Lee reported in his book, the mayor …"), when at least two words follow."""
        rest = self.text[cue_end:hi]
        cut = rest.find(",")
        if cut < 0 or not self._adjuncts(rest[:cut], cue):
            return None
        start = cue_end + cut + 1
        return start if len(words_of(self.text[start:hi])) >= MIN_TAIL_WORDS else None

    def _as_lead(self, lo: int, speaker_start: int) -> bool:
        """Whether only "as" opens the clause before the speaker ("As Lee reported …, …")."""
        words = words_of(self.text[lo:speaker_start])
        return len(words) == 1 and words[0].lower() == "as"

    def _adjunct(self, word: str) -> bool:
        """Whether a word after a cue opens an adjunct of it ("Friday", "then", "in an
        interview", "on CNN"), not an object or an infinitive ("to bolster …")."""
        low = word.lower()
        return (
            word[:1].isupper()
            or low in self.vocab.adverbs
            or low in self.lex.time_words
            or low in self.lex.location_links
            or low in self.lex.object_pronouns  # "he told me, …"
        )

    def _adverbial_lead(self, lo: int, speaker_start: int, cue: str) -> bool:
        """Whether the lead before "…, X criticized Y" is one adverbial clause ("At the
        time, X called Y …", "In his interviews, X criticized …"): the time or setting of a
        verb that takes an object, not its content. After a verb that may close a quote or a
        clause ("In his state, X said, taxes …") the lead is part of the content, as the
        corpora annotate it; so is a lead with a clause after the adverbial."""
        if cue.lower() in self.vocab.post_cues:
            return False
        end = comma_end(self.text, lo, speaker_start)
        m = WORD_re.search(self.text, lo, end)
        if m is None or m.group().lower() not in self.lex.adverbial_openers:
            return False
        return "," not in self.text[lo:end]

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
        return not stripped or stripped[0] in ",.;!?" or _only_adverbs(rest, self)

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

    def _participle_clause(
        self,
        lo: int,
        e: int,
        cues: list[CueMatch],
        attr: Attribution,
        partials: list[QuoteSpan],
    ) -> bool:
        """ "“…,” Lopez said, adding that …": the quote's speaker also says the clause.

        Returns whether it took the clause."""
        if attr.speaker is None:
            return False
        text = self.text
        m = next((c for c in cues if c.lastgroup == "verb"), None)
        if m is None or not m.group().lower().endswith(self.lex.participle_suffixes or ("\0",)):
            return False
        gap = text[lo : m.start()]
        comma_in_quote = not gap.strip() and lo >= 2 and text[lo - 2] == ","  # '…,” adding'
        if not (gap.rstrip().endswith(",") or comma_in_quote) or (
            len(words_of(gap)) > MAX_PARTICIPLE_GAP_WORDS
        ):
            return False  # only a comma and a few words ("in a statement,") before it
        comp = self.pats.complementizer_re.match(text, m.end(), min(e, m.end() + 40))
        start = comp.end() if comp is not None else m.end()
        if len(words_of(text[start:e])) < MIN_LINE_CLAIM_WORDS:
            return False
        attribution = Attribution(m.group(), m.start(), m.end(), attr.speaker, m.end())
        rest = Relays((), (), (), start, e)
        stmt = finish(self, "participle_clause", "indirect", start, e, attribution, rest, partials)
        return stmt is not None

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
        if speaker is None and self._after_connector(lo, last.start()):
            # "Lopez noted that …, and added: “…”": the clause's subject speaks
            speaker = self._clause_subject(lo, last.start())
        if speaker is None:
            return None
        return Attribution(last.group(), last.start(), last.end(), speaker, qstart)

    def _indirect(
        self,
        s: int,
        e: int,
        cues: list[CueMatch],
        relays: Relays,
        partials: list[QuoteSpan],
        depth: int = 0,
    ) -> Draft | None:
        """X mengatakan bahwa … / menurut X, … / …, X said / according to X, …"""
        text = self.text
        lo, hi = relays.main_start, relays.main_end
        tried = 0
        for m in cues:
            if m.start() < lo or m.end() > hi:
                continue
            tried += 1
            if tried > MAX_CUES_PER_SENTENCE:
                break
            group = m.lastgroup or ""
            cue = m.group()
            if group == "acc":
                stmt = self._according(m, s, lo, hi, relays, partials)
                if stmt is not None:
                    return stmt
                continue
            if group == "verb":
                if self._passive(lo, m):
                    continue
                relative = self._relative_cue(lo, m)
                if relative and self._main_cue_after(m, cues, hi):
                    continue  # "X, who has endorsed Y, said Z": the main verb speaks
                content_start = m.end()
                comp = self.pats.complementizer_re.match(
                    text, m.end(), min(hi, m.end() + COMPLEMENTIZER_WINDOW)
                )
                if comp is None:
                    comp = self._late_complementizer(m.end(), hi)
                if comp is not None:
                    content_start = comp.end()
                elif cue.lower() in self.lex.medium_markers:
                    content_start = self._after_audience(m.end(), hi)
                for hop in relays.suffix:
                    if m.end() <= hop.start <= m.end() + 3:
                        # "Reuters reported, quoting a spokesman, that …": skip the relay
                        k = hop.end
                        while k < hi and text[k] in " ,":
                            k += 1
                        after = self.pats.complementizer_re.match(text, k, hi)
                        content_start = max(content_start, after.end() if after else k)
                        comp = comp or after
                weak = cue.lower() in self.lex.weak_cue_verbs
                after_text = text[m.end() : hi].lstrip()
                if (
                    weak
                    and comp is None
                    and self.lex.weak_cues_need_complementizer
                    and not after_text.startswith((":", ","))
                    and not after_comma(text, lo, m.start())
                    and after_text.strip(TRAILING_PUNCT)
                ):
                    continue  # cheap rejection before any subject parsing
                # "Okafor -- a curator at … -- said": the subject stands before the dashes
                subj_end = dash_apposition_start(text, lo, m.start(), self.language)
                if subj_end is None:
                    subj_end = m.start()
                speaker = subject_before(text, lo, subj_end, self.language)
                participle = cue.lower().endswith(self.lex.participle_suffixes or ("\0",))
                if (
                    speaker is None
                    and not participle  # "…, saying it …" never names its speaker after it
                    and comp is None  # "…, said that the plan …": the content follows
                    and cue.lower() not in self.lex.medium_markers  # "…, told reporters"
                    and text[lo : m.start()].rstrip().endswith(",")
                ):
                    # "…, said Smith." — the speaker follows the cue
                    toks = tokenize(text, m.end(), min(hi, m.end() + 120))
                    np = np_after(text, toks, 0, vocab(self.language))
                    after_spk = classify(text, np, self.language) if np else None
                    if after_spk is not None and (
                        after_spk.pronoun is not None or self._verb_follows(toks, np[-1])
                    ):
                        # "…, said they were worried", "…, say the rule is unclear":
                        # the content's subject, not an inverted speaker
                        after_spk = None
                    # "said lobbyist and strategist Ana Ruiz", "said a handful of Democrats …"
                    inverted = (
                        speaker_after_cue(text, m.end(), hi, self.language)
                        if cue.lower() in self.vocab.post_cues  # not "…, he feels a payoff …"
                        else None
                    )
                    if inverted is not None and (after_spk is None or inverted.end > after_spk.end):
                        after_spk = inverted
                    if after_spk is not None:
                        end = comma_end(text, lo, m.start())
                        attribution = Attribution(cue, m.start(), m.end(), after_spk, after_spk.end)
                        return finish(
                            self,
                            "speaker_after_cue",
                            "indirect",
                            lo,
                            end,
                            attribution,
                            relays,
                            partials,
                        )
                    if not weak:
                        speaker = self._long_subject(lo, subj_end)
                    if speaker is None:
                        speaker = self._chain_subject(lo, subj_end, cue)
                    if speaker is None:
                        continue
                if (
                    speaker is None
                    and cue.lower().endswith(("ing", "kan"))
                    and after_comma(text, lo, m.start())
                ):
                    # "…, claiming that …" / "…, promising to …": the clause subject speaks
                    speaker = self._clause_subject(lo, m.start())
                if speaker is None and participle and self._after_connector(lo, m.start()):
                    # "… by saying that …", "… while saying …", "sambil mengatakan …"
                    speaker = self._clause_subject(lo, m.start())
                if speaker is None and subj_end < m.start() and not weak:
                    # "Two officials at the market — both from … — said": the named head
                    speaker = self._long_subject(lo, m.start())
                if speaker is None:
                    speaker = self._common_subject(lo, subj_end)
                if speaker is None and not participle and not self._cue_between(cues, lo, m):
                    # "Experts on trade said", "All the experts I interviewed said"
                    speaker = modified_subject(text, lo, subj_end, cue, self.language)
                if speaker is None and self._closes_content(cue, after_text):
                    # "…, another source said.": the clause after the last comma
                    comma = text.rfind(",", lo, m.start())
                    if comma >= 0:
                        speaker = self._common_subject(comma + 1, m.start())
                if speaker is None and not weak:
                    speaker = self._long_subject(lo, subj_end)
                if speaker is None and not participle:
                    speaker = self._chain_subject(lo, subj_end, cue)
                if speaker is None:
                    continue
                attribution = Attribution(cue, m.start(), m.end(), speaker, m.end())
                before_words = len(words_of(text[lo : speaker.start]))
                lead = before_words < 3 and self._subject_lead(m.end(), hi, cue)
                if (
                    after_comma(text, lo, speaker.start)
                    and (before_words >= 3 or lead)
                    and comp is None
                    and self._attribution_ends(m.end(), hi, cue)
                    and self._closed_by_adjuncts(m.end(), hi, cue)
                    and not self._adverbial_lead(lo, speaker.start, cue)
                ):
                    # "…, Mr. Clarke said, he decided …": the content surrounds the attribution
                    end = comma_end(text, lo, speaker.start)
                    stmt = finish(
                        self,
                        "parenthetical_cue",
                        "indirect",
                        lo,
                        end,
                        attribution,
                        relays,
                        partials,
                    )
                    rest = text[m.end() : hi]
                    cut = rest.find(",")  # what comes before it is adjuncts (checked above)
                    if (
                        (stmt is not None or lead)
                        and cut >= 0
                        and len(words_of(rest[cut:])) >= MIN_TAIL_WORDS
                    ):
                        # a one-word lead ("Potholes, the mayor says, are …") is no statement;
                        # "…, he told me on Tuesday, is that …": past the attribution's adjuncts
                        tail_start = self._after_coordinator(m.end() + cut + 1, hi)
                        again = Attribution(cue, m.start(), m.end(), speaker, m.end())
                        if self._participle_tail(m, cues, hi, speaker, partials, s, e, depth):
                            return stmt  # "…, Lane said on Sunday, adding that …"
                        tail = finish(
                            self,
                            "parenthetical_cue",
                            "indirect",
                            tail_start,
                            hi,
                            again,
                            relays,
                            partials,
                        )
                        stmt = stmt or tail
                    elif stmt is not None:
                        self._participle_tail(m, cues, hi, speaker, partials, s, e, depth)
                    return stmt
                if self._closes_content(cue, after_text):
                    # "…, he said." — content before the attribution
                    end = comma_end(text, lo, speaker.start)
                    if end <= lo:
                        continue
                    stmt = finish(
                        self,
                        "reported_cue_after",
                        "indirect",
                        lo,
                        end,
                        attribution,
                        relays,
                        partials,
                    )
                    if stmt is not None:
                        self._participle_tail(m, cues, hi, speaker, partials, s, e, depth)
                    return stmt
                if weak and comp is None and not after_text.startswith((":", ",")):
                    if self.lex.weak_cues_need_complementizer:
                        continue
                    if cue.lower() in self.lex.strict_cue_verbs and speaker.pronoun is None:
                        continue  # "member states for …", "a government plan similar to …"
                    if speaker.pronoun is None and speaker.kind in ("unknown",):
                        continue
                    if len(words_of(after_text[:200])) < 3 and not quote_within(
                        partials, m.end(), hi
                    ):
                        continue  # but "X called Trump “unhinged.”" names its claim
                if comp is None and self._as_lead(lo, speaker.start):
                    # "As Lee reported in his book, the mayor …": the adjunct is the cue's
                    resume = self._tail_start(cue, m.end(), hi)
                    content_start = resume if resume is not None else content_start
                close = self.text.find(",", content_start, hi) if relative else -1
                # "X, who has endorsed Y, voted …": the content ends with the relative clause
                return self._content(
                    "reported_speech",
                    s,
                    e,
                    content_start,
                    close if close > 0 else hi,
                    cues,
                    attribution,
                    relays,
                    partials,
                    depth,
                )
            if group in ("post", "nya"):
                before = text[lo : m.start()].rstrip()
                if not before.endswith(","):
                    continue
                end = len(before) + lo
                if group == "nya":
                    spk: Mention | None = Mention(
                        cue, m.start(), m.end(), cue, "person", pronoun="person"
                    )
                else:
                    toks = tokenize(text, m.end(), min(hi, m.end() + 120))
                    np = np_after(text, toks, 0, vocab(self.language))
                    spk = classify(text, np, self.language) if np else None
                if spk is None:
                    continue
                attribution = Attribution(cue, m.start(), m.end(), spk, m.end())
                rule = "nya_cue" if group == "nya" else "post_cue"
                return finish(self, rule, "indirect", lo, end, attribution, relays, partials)
        if relays.according and not relays.prefix[len(relays.according) :]:
            return finish(self, "according_to", "indirect", lo, hi, None, relays, partials)
        return None

    def _cue_between(self, cues: list[CueMatch], lo: int, m: CueMatch) -> bool:
        """Whether another cue stands between `lo` and cue `m`: the clause before `m` then has
        a predicate of its own and is no bare subject. A document noun that a participle or
        the cue itself follows ("A state audit report released last year found") is the
        subject's head, no predicate."""
        text = self.text
        for c in cues:
            if not lo <= c.start() < m.start():
                continue
            if self.vocab.heads.get(c.group().lower()) == "document":
                nxt = NEXT_WORD_re.match(text, c.end())
                word = nxt.group(1) if nxt is not None else ""
                if nxt is not None and (
                    nxt.start(1) == m.start() or word.lower() in self.lex.document_participles
                ):
                    continue
            return True
        return False

    def _closed_by_adjuncts(self, pos: int, hi: int, cue: str) -> bool:
        """Whether what stands between the cue and the next comma only completes the
        attribution ("said Friday,", "told me on Tuesday,"): "wrote a detailed, six-page
        letter" and "accused Cruz, the senator …" have an object, so the clause before the
        subject is no content around a parenthetical attribution."""
        rest = self.text[pos:hi]
        cut = rest.find(",")
        return cut < 0 or self._adjuncts(rest[:cut], cue)

    def _participle_tail(
        self,
        m: CueMatch,
        cues: list[CueMatch],
        hi: int,
        speaker: Mention,
        partials: list[QuoteSpan],
        s: int,
        e: int,
        depth: int,
    ) -> bool:
        """ "…, Lane said on Sunday, adding that …", "…," X said in June, citing …": a
        participle cue a few adverbs after the attribution is the same speaker's next
        statement, attributed like "X said A, adding that B". Returns whether it was one."""
        text = self.text
        suffixes = self.lex.participle_suffixes or ("\0",)
        for c in cues:
            if c.start() <= m.end() or c.end() > hi:
                continue
            gap = text[m.end() : c.start()]
            if (
                c.lastgroup != "verb"
                or not c.group().lower().endswith(suffixes)
                or "," not in gap
                or len(words_of(gap)) > MAX_ADJUNCT_WORDS
                or any(ch in gap for ch in ".;!?")
            ):
                return False
            comp = self.pats.complementizer_re.match(
                text, c.end(), min(hi, c.end() + COMPLEMENTIZER_WINDOW)
            )
            again = Attribution(c.group(), c.start(), c.end(), speaker, c.end())
            rest = Relays((), (), (), c.end(), hi)
            later = [x for x in cues if x.start() > c.start()]
            tail = comp.end() if comp is not None else c.end()
            self._content(
                "participle_clause", s, e, tail, hi, later, again, rest, partials, depth + 1
            )
            return True
        return False

    def _content(
        self,
        rule: str,
        s: int,
        e: int,
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
        split = self._next_clause(start, hi, cues) if depth < MAX_CLAUSES else None
        if split is None:
            return finish(self, rule, "indirect", start, hi, attribution, relays, partials)
        end, clause_start, same = split
        stmt = finish(self, rule, "indirect", start, end, attribution, relays, partials)
        later = [c for c in cues if c.start() >= clause_start]
        if same is None:
            clause = Relays((), (), (), clause_start, hi)
            self._indirect(s, e, later, clause, partials, depth + 1)
            return stmt
        comp = self.pats.complementizer_re.match(
            self.text, same.end(), min(hi, same.end() + COMPLEMENTIZER_WINDOW)
        )
        again = Attribution(same.group(), same.start(), same.end(), attribution.speaker, same.end())
        rest = Relays((), (), (), same.end(), hi)
        tail = comp.end() if comp is not None else same.end()
        self._content(
            "same_speaker_clause", s, e, tail, hi, later[1:], again, rest, partials, depth + 1
        )
        return stmt

    def _same_speaker(self, lo: int, m: CueMatch) -> int | None:
        """Where the first content ends when cue `m` continues the speaker's clause with no
        subject of its own: "… and warned that …", "…, adding that …", "… while insisting …".
        """
        text = self.text
        pos = m.start()
        word = LAST_WORD_re.search(text, max(lo, pos - 16), pos - 1) if pos - 1 > lo else None
        participle = m.group().lower().endswith(self.lex.participle_suffixes or ("\0",))
        if word is not None and word.end() == pos - 1 and text[pos - 1] == " ":
            low = word.group().lower()
            if low in self.lex.coordinators or (
                participle and low in self.lex.participle_connectors
            ):
                end = comma_end(text, lo, word.start())
                return end if end > lo else None
        if participle and after_comma(text, lo, pos):
            end = comma_end(text, lo, pos)
            return end if end > lo else None
        return None

    def _next_clause(
        self, lo: int, hi: int, cues: list[CueMatch]
    ) -> tuple[int, int, CueMatch | None] | None:
        """ "X said A, but Y denied B": where a second attributed clause starts, if any.

        Returns (end of the first content, start of the second clause, and the cue when the
        second clause has the same speaker)."""
        text = self.text
        tried = 0
        for m in cues:
            if m.start() <= lo or m.end() > hi or m.lastgroup != "verb":
                continue
            tried += 1
            if tried > MAX_CUES_PER_SENTENCE:
                return None
            same = self._same_speaker(lo, m)
            if same is not None:
                return same, m.start(), m
            split = self._object_relative(lo, m)
            if split is not None:
                return split
            speaker = subject_before(text, lo, m.start(), self.language)
            if speaker is None:
                continue
            if self._relative_cue(lo, m):
                # "X endorsed Y, who said B": the relative clause is Y's own statement
                comma = text.rfind(",", lo, m.start())
                if comma > lo:
                    return comma, speaker.start, None
            k = speaker.start
            while k > lo and text[k - 1] in " \t\u00a0":
                k -= 1
            word = LAST_WORD_re.search(text, max(lo, k - 12), k)
            if word is not None and word.group().lower() in self.lex.clause_splitters:
                k = word.start()
                while k > lo and text[k - 1] in " \t\u00a0":
                    k -= 1
                if k > lo + 1 and text[k - 1] in CLOSING_QUOTES and text[k - 2] in ",;":
                    return k, speaker.start, None  # "… as “Mr. Lee,” while Lee calls him …"
                before = LAST_WORD_re.search(text, max(lo, k - 24), k)
                if (
                    text[k - 1] not in ",;—–"
                    and named(speaker)
                    and not (before is not None and before.group()[:1].isupper())
                ):
                    # "X accuses Y of A and Ana Ruiz says B": a named subject and its own
                    # cue after "and" open a new statement even without a comma (but
                    # "Lopez and Ruiz argued" is one coordinated subject)
                    return k, speaker.start, None
            if k > lo and text[k - 1] in ",;—–":
                return k - 1, speaker.start, None
            # "X said they support A, but warned B": an embedded subject and cue are content;
            # a later clause may still split off
        return None

    def _object_relative(self, lo: int, m: CueMatch) -> tuple[int, int, None] | None:
        """ "… the test, which state media claimed now allows …": the relative word is the
        cue's object, the noun phrase between it and the cue its subject, and the clause from
        there on that subject's statement (its content is what follows the cue). Returns the
        split like `_next_clause`."""
        text = self.text
        window = max(lo, m.start() - 80)
        rel = None
        for w in WORD_re.finditer(text, window, m.start()):
            if w.group().lower() in self.lex.object_relatives:
                rel = w
        if rel is None:
            return None
        speaker = subject_before(text, rel.end(), m.start(), self.language)
        if speaker is None or text[rel.end() : speaker.start].strip():
            return None  # the subject must follow the relative word directly
        k = rel.start()
        while k > lo and text[k - 1] in " \t\u00a0":
            k -= 1
        if not (k > lo and text[k - 1] == ","):
            return None  # "the plan which X said …" restricts a noun; ", which" adds a claim
        if self._resumes_after(m.end()):
            # "the announcement, which some have argued was a ploy, was an insult": the
            # relative clause sits inside the content, which goes on after it
            return None
        return k - 1, speaker.start, None

    def _resumes_after(self, pos: int) -> bool:
        """Whether the next comma after `pos` in this sentence (within 200 characters) is
        followed by an auxiliary ("…, was an insult"): a clause resuming there."""
        text = self.text
        comma = text.find(",", pos, min(len(text), pos + 200))
        if comma < 0 or any(c in text[pos:comma] for c in ".;!?"):
            return False
        word = NEXT_WORD_re.match(text, comma + 1)
        return word is not None and word.group(1).lower() in self.lex.finite_auxiliaries

    def _after_audience(self, pos: int, hi: int) -> int:
        """Where the content starts after "told"/"tells" with no "that": past the audience
        ("X told reporters it is clear …", "told him the plan …", "told the Associated Press
        on Sunday the talks …"), which is neither the speaker nor part of what was said.

        The audience is an object pronoun, a determiner with the words after it, a run of
        capitalised words, or one plain noun, then any time words; it counts only when what
        follows opens a clause (a determiner, pronoun, capital or number). Otherwise the
        content keeps its start, as before ("told reporters prices would rise")."""
        toks = [t for t in tokenize(self.text, pos, min(hi, pos + 80)) if t.is_word]
        lex, v = self.lex, self.vocab
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

    def _closes_content(self, cue: str, after: str) -> bool:
        """Whether only adverbs follow a cue ("…, he said Friday."), so the content came
        before it. A capitalised word passes as an adverb ("said Friday on CNN") only after
        a verb that closes a quote; after one that takes an object it is the object ("…
        after it backed Ruiz."), and the words before are no claim of the subject."""
        if not after.strip(TRAILING_PUNCT):
            return True
        comma = after.find(",", 0, 60)
        if comma > 0:
            nxt = WORD_re.search(after, comma)
            suffixes = self.lex.participle_suffixes or ("\0",)
            if nxt is not None and nxt.group().lower().endswith(suffixes):
                # "…," X said in June 2012, citing …: a participle clause after the adverbs
                # hangs on the attribution, so the content still came before the cue
                return self._closes_content(cue, after[:comma] + ".")
        if not _only_adverbs(after, self):
            return False
        if cue.lower() in self.vocab.post_cues:
            return True
        times = self.lex.time_words
        return not any(w[0].isupper() and w.lower() not in times for w in words_of(after[:80]))

    def _attribution_ends(self, pos: int, hi: int, cue: str) -> bool:
        """After "X said": only a few adverbs ("Friday afternoon") before a comma or the end.

        With no comma, a rest opening with a pronoun or determiner is a short content ("Later
        in the day, the FBI said it would cooperate.": "Later in the day" is no claim),
        unless the cue takes an object ("told a Senate panel Wednesday")."""
        rest = self.text[pos : min(hi, pos + 80)]
        cut = min((k for k in (rest.find(","), rest.find(";")) if k >= 0), default=-1)
        if cue.lower() in self.lex.medium_markers and self._audience_closes(pos, hi):
            return True
        if cut < 0:
            words = words_of(rest)
            if hi - pos > 80 or len(words) > 4:
                return False
            first = words[0].lower() if words else ""
            opens_clause = first in self.lex.pronouns or first in self.lex.determiners
            return not opens_clause or cue.lower() in self.lex.medium_markers
        return len(words_of(rest[:cut])) <= 4

    def _audience_closes(self, pos: int, hi: int) -> bool:
        """Whether only an audience and an adjunct follow "told" before the sentence ends
        ("…, Ruiz told The Daily Ledger in an interview."): the content came before."""
        rest = self.text[pos:hi]
        if rest.rstrip(TRAILING_PUNCT).count(",") or len(rest) > 120:
            return False
        start = self._after_audience(pos, hi)
        words = words_of(self.text[pos:hi])
        if start == pos:
            first = 1 if words and words[0].lower() in self.lex.determiners else 0
            k = first
            while k < len(words) and words[k][:1].isupper():
                k += 1
            if k == first and first and k < len(words):
                k += 1  # "the committee"
            if k == first:
                return False
            after = words[k:]
        else:
            after = words_of(self.text[start:hi])
        return not after or (len(after) <= 6 and self._adjunct(after[0]))

    def _passive(self, lo: int, m: CueMatch) -> bool:
        """Whether cue `m` is a passive participle with its agent or charge after it ("is
        backed by X", "was charged with"): the grammatical subject is what was
        spoken of, never the speaker, and the phrase after the cue is no claim."""
        if m.group().lower().endswith(self.lex.participle_suffixes or ("\0",)):
            return False  # "is saying": progressive, not passive
        nxt = NEXT_WORD_re.match(self.text, m.end())
        if nxt is None or nxt.group(1).lower() not in self.lex.passive_links:
            return False
        auxiliaries = self.lex.passive_auxiliaries
        run: list[str] = []  # the auxiliaries and adverbs right before the cue
        for tok in reversed(tokenize(self.text, max(lo, m.start() - 32), m.start())):
            if not tok.is_word or not (tok.lower in self.vocab.adverbs or tok.lower in auxiliaries):
                break
            run.append(tok.lower)
        return any(w in auxiliaries for w in run)

    def _subject_lead(self, pos: int, hi: int, cue: str) -> bool:
        """Whether a short lead before "…, X said," is the subject of the clause that
        resumes after the attribution: "The bridge, Mr. Osei said, could carry …",
        "Potholes, the mayor says, are cheaper …". The rest must open with a verb (no
        subject, no determiner, no name of its own); "Still, she said, the dam …" keeps its
        lead out."""
        rest = self.text[pos:hi].lstrip()
        cut = rest.find(",")
        if cut < 0 or not self._adjuncts(rest[:cut], cue):
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
            or low in self.lex.pronouns
            or low in self.lex.determiners
            or low in self.lex.complementizers
            or low in self.lex.coordinators
            or low in self.lex.adverbial_openers
        )

    def _relative_cue(self, lo: int, m: CueMatch) -> bool:
        """Whether cue `m` opens inside a relative clause: "X, who has endorsed Y, …",
        "X, yang telah mendukung Y, …" (a relative marker after a comma, then only
        auxiliaries and adverbs before the cue)."""
        window_lo = max(lo, m.start() - 48)
        if _relative_opening_re(self.language).search(self.text, window_lo, m.start()) is None:
            return False  # no ", who" / "(yang" in the window: skip tokenising it
        toks = tokenize(self.text, window_lo, m.start())
        v = vocab(self.language)
        i = len(toks) - 1
        while i >= 0 and toks[i].is_word and toks[i].lower in v.adverbs:
            i -= 1
        return (
            i >= 1 and toks[i].lower in self.lex.relative_markers and toks[i - 1].text in (",", "(")
        )

    def _main_cue_after(self, m: CueMatch, cues: list[CueMatch], hi: int) -> bool:
        """Whether a verb cue follows the comma that closes the relative clause of `m`."""
        close = self.text.find(",", m.end(), hi)
        if close < 0:
            return False
        return any(c.lastgroup == "verb" and c.start() > close for c in cues)

    def _after_connector(self, lo: int, pos: int) -> bool:
        """Whether the word before `pos` links a participle to its clause ("by", "while")."""
        word = LAST_WORD_re.search(self.text, max(lo, pos - 16), pos - 1) if pos > lo else None
        if word is None or word.end() != pos - 1 or self.text[pos - 1] != " ":
            return False
        return word.group().lower() in self.lex.participle_connectors

    def _common_subject(self, lo: int, cue_start: int) -> Mention | None:
        """ "The state auditor says …", "Ohio’s tax commissioner says …": a short noun phrase
        of common nouns, led by a determiner or a possessive name, that is the whole clause
        before the cue. The speaker parser only knows listed role and institution nouns."""
        text = self.text
        if cue_start - lo > MAX_COMMON_SUBJECT_CHARS:
            return None
        toks = tokenize(text, lo, cue_start)  # the whole clause: "In a statement, the …" is not
        v = vocab(self.language)
        while len(toks) > 1 and not toks[-1].is_cap and self._drops_before_cue(toks[-1], v):
            toks.pop()  # "The state auditor is confirming", "Rural conservatives have long said"
        if not 1 <= len(toks) <= MAX_COMMON_SUBJECT_WORDS or not all(t.is_word for t in toks):
            return None
        first, rest = toks[0], toks[1:]
        possessive = first.is_cap and first.lower.endswith(self.lex.possessive_suffixes or ("\0",))
        if (
            first.lower not in self.lex.determiners
            and not possessive
            and not self._bare_plural(toks, v)
        ):
            return None
        for t in rest:
            low = t.lower
            if t.is_cap or low in self.vocab.function_words or low in v.adverbs:
                return None  # a name, a verb phrase or an adverb: not this construction
            if low in self.lex.complementizers or low in self.lex.pronouns:
                return None
        surface = text[toks[0].start : toks[-1].end]
        # "another source", "Rural conservatives": an unnamed group is an anonymous source
        bare = first.lower not in self.lex.determiners and not possessive
        kind = "anonymous" if bare or first.lower in self.lex.indefinites else "unknown"
        return Mention(surface, toks[0].start, toks[-1].end, surface, kind)

    def _adjuncts(self, span: str, cue: str) -> bool:
        """Whether the words after a cue and before a comma only complete the attribution:
        none, an audience pronoun, a time or a phrase opening like an adverbial ("told me
        on Tuesday", "said in its annual survey"), or the named audience of "told" ("told
        CNN on Sunday"). "compared the fee to a tollbooth," has an object."""
        words = words_of(span)
        if not words:
            return True
        first = words[0].lower()
        audience = words[0][0].isupper() and cue.lower() in self.lex.medium_markers
        return len(words) <= MAX_ADJUNCT_WORDS and (
            first in self.lex.attribution_adjuncts or first in self.lex.time_words or audience
        )

    def _after_coordinator(self, pos: int, hi: int) -> int:
        """Past a coordinator opening the content ("…, the bureau said, and the south …")."""
        m = WORD_re.search(self.text, pos, min(hi, pos + 16))
        if m is not None and not self.text[pos : m.start()].strip():
            if m.group().lower() in self.lex.coordinators:
                end: int = m.end()
                return end
        return pos

    def _verb_follows(self, toks: list[Token], last: Token) -> bool:
        """Whether an auxiliary follows the noun phrase ending at `last`."""
        k = toks.index(last) + 1
        return k < len(toks) and toks[k].is_word and toks[k].lower in self.lex.finite_auxiliaries

    def _chain_subject(self, lo: int, cue_start: int, cue: str) -> Mention | None:
        """A common-noun subject before a chain of appositions ("The baker of ten years,
        a lifelong resident who …, said"), which the name parser cannot read."""
        end = apposition_chain_end(self.text, lo, cue_start, self.language)
        if end is None:
            return None
        found = modified_subject(self.text, lo, end, cue, self.language)
        return found if found is not None else self._common_subject(lo, end)

    def _drops_before_cue(self, tok: Token, v: Vocab) -> bool:
        """An auxiliary or adverb between a subject and its cue: "has long", and any "-ly"
        adverb ("The cycling club has consistently argued", "Four lifeguards independently told"),
        which the adverb list cannot hold in full; "family" and "assembly" are nouns."""
        low = tok.lower
        if low in v.adverbs:
            return True
        suffixes = self.lex.adverb_suffixes
        if not suffixes or len(low) <= 4 or not low.endswith(suffixes):
            return False
        return low not in self.lex.ly_nouns

    def _long_subject(self, lo: int, cue_start: int) -> Mention | None:
        """ "Officials at the agency, a branch of …, said", "Rep. X (D-Mo.), who has …,
        said", "Two officials — both from … — said": a speech verb whose subject sits behind
        a long apposition or relative clause takes the noun phrase opening the clause."""
        text = self.text
        if after_comma(text, lo, cue_start) is False and text[lo:cue_start].count(",") < 2:
            if "—" not in text[lo:cue_start] and "(" not in text[lo:cue_start]:
                return None
        if len(words_of(text[lo:cue_start])) > MAX_LONG_SUBJECT_WORDS:
            return None
        mention = self._clause_subject(lo, cue_start)
        if mention is None or mention.pronoun is not None or mention.end >= cue_start:
            return None
        if mention.name.lower() in self.lex.determiners:
            return None  # "Several" of "Several growers at …": a determiner is nobody
        if mention.kind == "person" and not self.name_like(mention):
            return None
        return mention

    def _bare_plural(self, toks: list[Token], v: Vocab) -> bool:
        """ "Rural conservatives say …", "Growers worry …": a plural common noun
        with at most a few modifiers and no determiner (the capital of a sentence start is
        allowed on the first word only)."""
        last = toks[-1]
        if last.is_cap and len(toks) > 1:
            return False
        plural = last.lower.endswith(self.lex.plural_suffixes or ("\0",))
        if not plural or last.lower.endswith(("ss", "'s", "’s")) or len(last.lower) < 4:
            return False
        return not any(t.lower in v.lex.pronouns for t in toks)

    def _clause_subject(self, lo: int, hi: int) -> Mention | None:
        """The noun phrase opening the clause, past a leading "But"/"And" ("But Tomas
        Reyes, the person most anglers trust …, said"), which the name parser stops at."""
        toks = tokenize(self.text, lo, min(hi, lo + 120))
        k = 0
        while k < len(toks) and toks[k].is_word and toks[k].lower in self.lex.coordinators:
            k += 1
        v = vocab(self.language)
        np = np_after(self.text, toks, k, v)
        found = classify(self.text, np, self.language) if np else None
        if found is None and k < len(toks) and toks[k].lower in self.lex.determiners:
            # "The conservative magazine has been …, arguing": adjectives before a head noun
            j = k + 1
            while j < min(len(toks), k + 4) and toks[j].is_word and not toks[j].is_cap:
                if toks[j].lower in v.heads or toks[j].lower in v.roles:
                    return classify(self.text, toks[k : j + 1], self.language)
                j += 1
        return found

    def _late_complementizer(self, pos: int, hi: int) -> regex.Match[str] | None:
        """ "menyatakan secara terpisah bahwa": allow a few adverbs before the complementizer."""
        window = self.text[pos : min(hi, pos + COMPLEMENTIZER_WINDOW)]
        for comp in self.lex.complementizers:
            k = window.find(f" {comp} ")
            if k >= 0 and "," not in window[:k] and len(window[:k].split()) <= 3:
                if owns_complement(self.text, pos, pos + k + 1, self.language):
                    return None  # "rejected Lopez's claim that …": the noun's clause
                return self.pats.complementizer_re.match(self.text, pos + k, hi)
        return None

    def _according(
        self,
        m: CueMatch,
        s: int,
        lo: int,
        hi: int,
        relays: Relays,
        partials: list[QuoteSpan],
    ) -> Draft | None:
        text = self.text
        toks = tokenize(text, m.end(), min(hi, m.end() + 120))
        np = np_after(text, toks, 0, vocab(self.language))
        if not np:
            if toks and toks[0].lower.endswith("nya"):
                return None
            return None
        speaker = classify(text, np, self.language)
        if speaker is None:
            return None
        attribution = Attribution(m.group(), m.start(), m.end(), speaker, np[-1].end)
        k = toks.index(np[-1]) + 1
        if not text[lo : m.start()].strip():
            if k < len(toks) and toks[k].text == ",":
                return finish(
                    self,
                    "according_to_inline",
                    "indirect",
                    toks[k].end,
                    hi,
                    attribution,
                    relays,
                    partials,
                )
            return None
        end = comma_end(text, lo, m.start())
        return finish(
            self, "according_to_inline", "indirect", lo, end, attribution, relays, partials
        )

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


def _only_adverbs(after: str, run: _Run) -> bool:
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
