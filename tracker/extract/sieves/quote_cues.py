"""Direct quotes: '"…," Lee said', 'Lee said: "…"', a quote continued or resumed, mixed.

Each quote of a sentence is read left to right: its words, then the attributions around
it (after its closing mark, before its opening one); then the quote sieves are tried in
the order `pipeline.quote_sieves` gives, and the first that takes the quote makes its
statement. A quote none takes is left to the partial-quote sieve.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from tracker.extract.attribution import Attribution, attribution_after, frame_attribution
from tracker.extract.colon_names import colon_name
from tracker.extract.cues import CueMatch, find_cues
from tracker.extract.quotes import QuoteSpan, resumption
from tracker.extract.relays import Frame, Relays
from tracker.extract.resolution import emit
from tracker.extract.run import Draft, Run
from tracker.extract.sieves.cue_context import only_adverbs
from tracker.extract.sieves.lead_in import lead_in_attribution
from tracker.extract.sieves.possessive_views import view_attribution
from tracker.extract.sieves.reported import reported_speech
from tracker.extract.sieves.reported_leads import reported_content_start
from tracker.extract.sieves.transcripts import transcript
from tracker.extract.spans import LAST_WORD_re, comma_end, count_words, words_of
from tracker.extract.subject_before import subject_before

WORDS_AHEAD_re = regex.compile(r"[^ .,;:!?\n]")
"""A character that is not closing punctuation or space: text of the sentence goes on."""

MIN_LEAD_WORDS = 5  # a clause before "X said, “…”" that is content, not an adverbial
MAX_TITLE_WORDS = 8  # "“Make Your Kid a Millionaire,”": a work's title after "book"
# A quote's words are counted up to this many: the sieves only ask whether it has none,
# one, two, five or eight (`Quote.words`)
COUNTED_WORDS = 8


class QuoteState:
    """What the quote sieves of one sentence hand on from one quote to the next.

    A plain class, not a dataclass: mypyc compiles this `__init__`, never a generated one.
    """

    __slots__ = (
        "attr_end",
        "cues",
        "direct_found",
        "end",
        "partials",
        "prev_attr",
        "prev_end",
        "prev_stmt",
        "quoted",
        "relays",
        "start",
    )

    def __init__(
        self,
        start: int,
        end: int,
        cues: list[CueMatch],
        relays: Relays,
        prev_end: int,
        attr_end: int,
    ) -> None:
        self.start = start  # the sentence
        self.end = end
        self.cues = cues
        self.relays = relays
        self.prev_end = prev_end  # where the text before the next quote starts
        self.attr_end = attr_end  # where the text after the last attribution starts
        self.prev_attr: Attribution | None = None
        self.prev_stmt: Draft | None = None
        self.direct_found: bool = False
        self.partials: list[QuoteSpan] = []  # left to the partial sieve
        self.quoted: list[QuoteSpan] = []  # quoted sentences nobody took

    def took(self, stmt: Draft | None, resume: int, attribution: Attribution | None) -> None:
        """A sieve made the quote a statement; the text goes on at `resume`."""
        self.direct_found = True
        self.prev_end = self.attr_end = resume
        self.prev_attr = attribution
        self.prev_stmt = stmt


class Quote:
    """One quote as the sieves see it: its words and the attributions around it.

    A plain class, not a dataclass: mypyc compiles this `__init__`, never a generated one.
    """

    __slots__ = (
        "after",
        "before",
        "continued",
        "inner",
        "lead_blank",
        "pre",
        "sentence_like",
        "span",
        "words",
    )

    def __init__(
        self,
        span: QuoteSpan,
        before: str,
        inner: str,
        words: int,
        sentence_like: bool,
        after: Attribution | None,
        pre: Attribution | None,
        lead_blank: bool,
        continued: bool,
    ) -> None:
        self.span = span
        self.before = before  # the text since the previous quote or attribution
        self.inner = inner
        self.words = words  # its words, counted up to COUNTED_WORDS
        self.sentence_like = sentence_like
        self.after = after  # '"…," Lee said'
        self.pre = pre  # 'Lee said: "…"'
        self.lead_blank = lead_blank  # nothing (or a colon) before the quote
        self.continued = continued  # right after the previous quote's attribution


QuoteSieves = Callable[[Run, QuoteState, Quote], bool]


def read_quotes(run: Run, state: QuoteState, quotes: list[QuoteSpan], sieves: QuoteSieves) -> None:
    """Each quote of the sentence through the quote sieves (`sieves` tries them in order
    and says whether one took the quote), left to right."""
    text = run.text
    for q in quotes:
        before = text[state.prev_end : q.start]
        inner = text[q.inner_start : q.inner_end]
        words = count_words(inner, COUNTED_WORDS) if len(inner) < 4000 else COUNTED_WORDS
        sentence_like = words >= 5 or (words >= 2 and inner.rstrip()[-1:] in ",.!?…")
        sentence_like = sentence_like or _one_word_sentence(words, inner)
        if sentence_like and words < 5 and _title_quote(before, inner):
            sentence_like = False  # 'star of the show "The Late Hour," said': a title
        if words == 0:
            continue  # "" or ‘’: nothing quoted
        if q.double and "\n" in inner and transcript(run, q):
            state.direct_found = True
            state.prev_end = q.end
            continue
        if (not q.double and not sentence_like) or _not_speech(run, state.start, q, inner):
            state.partials.append(q)  # a short quote in single marks: a scare quote
            state.prev_end = q.end
            continue
        quote = _read(run, state, q, before, inner, words, sentence_like)
        if not sieves(run, state, quote):  # no sieve took it: the partial-quote sieve will
            state.partials.append(q)
            state.prev_end = q.end
            if sentence_like:
                state.quoted.append(q)


def _read(
    run: Run,
    state: QuoteState,
    q: QuoteSpan,
    before: str,
    inner: str,
    words: int,
    sentence_like: bool,
) -> Quote:
    """The attributions around a quote that is speech (double marks, or a sentence)."""
    text = run.text
    frames = state.relays.frames
    after = _frame_after(run, frames, q.end) if frames else None
    if after is None:
        after = attribution_after(text, q.end, state.end, run.language)
    if after is not None and after.speaker is None:
        after = None
    lead_blank = not before.strip() or before.rstrip().endswith((":",))
    prev_attr = state.prev_attr
    continued = (
        prev_attr is not None
        and state.prev_stmt is not None
        and not text[prev_attr.end : q.start].strip(" ,;:—–-\n")
    )
    pre = _frame_before(text, frames, state.prev_end, q.start) if frames else None
    if pre is None and not continued and before.strip():
        # the clause's subject may speak a quote that closes the sentence ("…, remarking, “…”")
        closes = _closes_sentence(text, q.end, state.end)
        pre = view_attribution(run, state.prev_end, q.start)  # 'in her words, “…”'
        if pre is None:
            pre = lead_in_attribution(run, state.prev_end, q.start, state.start if closes else None)
    if after is not None and not lead_blank and _closing_relay(state.relays, after):
        after = None  # '… said, "No comment," the Herald reported.': the paper relays it
    return Quote(q, before, inner, words, sentence_like, after, pre, lead_blank, continued)


def _closes_sentence(text: str, qend: int, end: int) -> bool:
    """Whether only punctuation and spaces follow a quote to its sentence's end. Read up
    to the first other character, so that a long sentence of many quotes stays linear."""
    return WORDS_AHEAD_re.search(text, qend, end) is None


def _closing_relay(relays: Relays, after: Attribution) -> bool:
    """Whether the attribution after a quote is the outlet's verb that closes the sentence
    ("…, the Herald reported."), which `extract.outlet_reports` made a relay."""
    return any(
        h.relation == "reported_by" and h.start <= after.cue_start < h.end for h in relays.prefix
    )


def _frame_after(run: Run, frames: tuple[Frame, ...], qend: int) -> Attribution | None:
    """'"…," the paper quoted the minister as saying.': a quoted-as frame right after
    the quote attributes it, unless content of its own follows ("as saying that …")."""
    text = run.text
    for frame in frames:
        if qend <= frame.start and not text[qend : frame.start].strip(" ,\n"):
            rest = text[frame.end : frame.end + 16].lstrip()
            first = rest.split(" ", 1)[0].lower() if rest else ""
            if not rest.startswith(":") and first not in run.lex.complementizers:
                return frame_attribution(frame)
    return None


def _frame_before(text: str, frames: tuple[Frame, ...], lo: int, qstart: int) -> Attribution | None:
    """'The paper quoted him as saying: "…"': a quoted-as frame that leads into the quote."""
    for frame in frames:
        if lo <= frame.start and frame.end <= qstart:
            gap = text[frame.end : qstart].strip(" \n")
            if gap in ("", ":", ",") or gap.lower() in ("that", "bahwa"):
                return frame_attribution(frame)
    return None


def quote_continued(run: Run, state: QuoteState, quote: Quote) -> bool:
    """'"…," Lee said. "…"': nothing but punctuation since the previous quote's
    attribution, so the same speaker goes on (with the chain the first quote had)."""
    if not quote.continued:
        return False
    q, after = quote.span, quote.after
    stmt = emit(
        run,
        "quote_continued",
        "direct",
        q.start,
        q.end,
        state.prev_attr,
        None,
        run.last_speaker(),
    )
    run.add(stmt)
    state.direct_found = True
    state.prev_end = state.attr_end = q.end if after is None else after.end
    state.prev_attr = after or state.prev_attr
    return True


def quote_resumed(run: Run, state: QuoteState, quote: Quote) -> bool:
    """'"…," Lee said at the rally, "but …"': the words between two quotes are the
    previous attribution's tail, so the quote goes on with its speaker."""
    resumed = _resumed(run, state.prev_attr, state.prev_stmt, quote)
    if resumed is None:
        return False
    kind, start = resumed
    q = quote.span
    stmt = emit(
        run,
        "quote_resumed",
        kind,
        start,
        q.end,
        state.prev_attr,
        state.relays,
        run.last_speaker(),
    )
    run.add(stmt)
    state.direct_found = True
    state.prev_end = state.attr_end = q.end
    return True


def quote_cue_after(run: Run, state: QuoteState, quote: Quote) -> bool:
    """'"…," Lee said', '"…," kata Lee', '"…" — Lee': the attribution follows the quote,
    which opens its clause (or follows a comma, or is a long sentence of its own)."""
    after, before = quote.after, quote.before
    if after is None or not (
        quote.lead_blank
        or before.rstrip().endswith(",")
        or (quote.sentence_like and quote.words >= 8 and quote.inner[:1].isupper())
    ):
        return False
    if not (quote.sentence_like or quote.lead_blank):
        return False
    q = quote.span
    stmt = emit(run, "quote_cue_after", "direct", q.start, q.end, after, state.relays)
    run.add(stmt)
    state.took(stmt, after.end, after)
    return True


def quote_in_clause(run: Run, state: QuoteState, quote: Quote) -> bool:
    """'Lopez "has made her choice," Diaz said': the clause is Diaz's, in part quoted."""
    after = quote.after
    if (
        after is None
        or quote.pre is not None
        or not _clause_quote(quote.before, quote.inner)
        or not _attribution_closes(run, after.end, state.end)
    ):
        return False
    q = quote.span
    stmt = emit(run, "quote_in_clause", "mixed", state.prev_end, q.end, after, state.relays)
    run.add(stmt)
    state.took(stmt, after.end, after)
    return True


def quote_outer_cue(run: Run, state: QuoteState, quote: Quote) -> bool:
    """'Lopez said he wants “a fair vote.”': Lopez's claim, its words in part quoted."""
    pre = quote.pre
    found = _outer_cue(run, pre, state.cues, state.prev_end) if pre is not None else None
    if found is None:
        return False
    outer, content_start = found
    q = quote.span
    stmt = emit(run, "quote_outer_cue", "mixed", content_start, q.end, outer, state.relays)
    run.add(stmt)
    state.took(stmt, q.end, outer)
    return True


def quote_cue_before(run: Run, state: QuoteState, quote: Quote) -> bool:
    """'Lee said: "…"', 'Lee mengatakan, "…"': a cue and its speaker lead into the quote.
    At the start of the sentence, a claim before the lead-in and a clause before "X said,"
    are statements too."""
    pre = quote.pre
    if pre is None or not quote.sentence_like:
        return False
    q, s = quote.span, state.start
    opens = state.prev_end == s
    if opens:
        _claim_before_lead_in(run, s, q.start, pre, state.cues, state.partials)
    kind = "mixed" if _reported_lead_in(run, pre, q.start) else "direct"
    start = reported_content_start(run, pre.cue_end, q.start)
    if start is not None:  # 'Lee said that if it rains, "…"': the writer's words lead
        kind = "mixed"
    stmt = emit(run, "quote_cue_before", kind, start or q.start, q.end, pre, state.relays)
    run.add(stmt)
    if opens and stmt is not None:
        _lead_clause(run, s, pre, state.relays)
    state.took(stmt, q.end, pre)
    return True


def quote_no_cue(run: Run, state: QuoteState, quote: Quote) -> bool:
    """A quoted sentence opening its clause (or after a colon) with no cue around it:
    the last speaker goes on."""
    if not (quote.lead_blank and quote.sentence_like):
        return False
    q = quote.span
    named = colon_name(run.text, state.prev_end, q.start, run.language)
    # 'Ana Ruiz: "…"': the name before the colon speaks, not the last speaker
    label = Attribution(":", q.start - 1, q.start - 1, named, q.start) if named else None
    inherited = None if named else run.last_speaker()
    stmt = emit(run, "quote_no_cue", "direct", q.start, q.end, label, state.relays, inherited)
    run.add(stmt)
    state.took(stmt, q.end, label)
    return True


def _reported_lead_in(run: Run, pre: Attribution, qstart: int) -> bool:
    """'Lee said that "we will win."': a complementizer makes the quote the content of
    reported speech (its pronouns and tenses are the writer's to shift), quoted words in
    an indirect statement, which is a mixed statement, not a direct one."""
    words = words_of(run.text[pre.cue_end : qstart])
    return bool(words) and words[-1].lower() in run.lex.complementizers


def _title_quote(before: str, inner: str) -> bool:
    """A short quote inside a sentence whose words are all capitalised is a title ("The
    Late Hour,"), not speech; a quote opening its sentence or after a colon may be a short
    reply ("Yes, Sir," …) and is left alone."""
    lead = before.strip()
    if not lead or lead.endswith(":") or inner.rstrip()[-1:] in ".!?…":
        return False
    return all(w[0].isupper() or w[0].isdigit() for w in words_of(inner))


def _one_word_sentence(words: int, inner: str) -> bool:
    """'“Blacklisted?”', '"Probably."': one capitalised word closed by its own stop is a
    whole reply, not a scare quote (those end without one: "a “hoax”")."""
    core = inner.strip()
    return words == 1 and core[-1:] in ".!?" and core[:1].isupper()


def _not_speech(run: Run, lo: int, q: QuoteSpan, inner: str) -> bool:
    """A quote that is a work's title or a section head, whatever its words."""
    return _work_title(run, lo, q.start, inner) or _subhead(run.text, q)


def _subhead(text: str, q: QuoteSpan) -> bool:
    """ "'A Fight From Start to Finish.'" alone on its line: papers set a section head
    quoting the text below in single marks; the quote is made where it is said, not here."""
    if q.double:
        return False
    line_start = text.rfind("\n", 0, q.start) + 1
    line_end = text.find("\n", q.end)
    rest = text[q.end :] if line_end < 0 else text[q.end : line_end]
    return not text[line_start : q.start].strip() and not rest.strip()


def _opens_lower(inner: str) -> bool:
    """Whether the first letter or digit of `inner` is plain ASCII and no capital, so its
    first word is none (False when a non-ASCII character comes first: not decided here)."""
    for ch in inner:
        if not ch.isascii():
            return False
        if ch.isalnum():
            return not ch.isupper()
    return False


def _work_title(run: Run, lo: int, qstart: int, inner: str) -> bool:
    """'In his 2012 book, “An American Son.”', 'said Lee, the author of “Hacked World
    Order,”': a short quote in Title Case right after a noun naming a work (a lexicon
    list) is that work's title, not speech, however it is punctuated."""
    if _opens_lower(inner):
        return False  # no Title Case: decided before counting the words
    if count_words(inner, MAX_TITLE_WORDS + 1) > MAX_TITLE_WORDS:
        return False  # a long quote, told from its first words without finding them all
    words = words_of(inner)
    if not 1 <= len(words) <= MAX_TITLE_WORDS or not words[0][0].isupper():
        return False
    small = run.vocab.function_words | run.lex.determiners
    if not all(w[0].isupper() or w[0].isdigit() or w.lower() in small for w in words):
        return False
    before = [w.lower() for w in words_of(run.text[max(lo, qstart - 48) : qstart])][-4:]
    for noun in run.lex.title_nouns:
        parts = noun.split()
        n = len(parts)
        if any(before[k : k + n] == parts for k in range(len(before) - n + 1)):
            return True
    return False


def _outer_cue(
    run: Run, pre: Attribution, cues: list[CueMatch], lo: int
) -> tuple[Attribution, int] | None:
    """The attribution whose content opens with the quote's own lead-in, and where that
    content starts, when the lead-in's subject is a pronoun right after it: in 'Lopez
    said (that) he wants “…”' the quote is part of what Lopez said, not the words of an
    unresolved "he"."""
    speaker = pre.speaker
    if speaker is None or speaker.pronoun is None:
        return None
    text = run.text
    for c in cues:
        if c.start() < lo or c.end() > speaker.start or c.lastgroup != "verb":
            continue
        gap = text[c.end() : speaker.start].strip().lower()
        if gap and gap not in run.lex.complementizers:
            continue
        outer = subject_before(text, lo, c.start(), run.language)
        if outer is not None:
            attribution = Attribution(c.group(), c.start(), c.end(), outer, c.end())
            return attribution, speaker.start
    return None


def _claim_before_lead_in(
    run: Run,
    s: int,
    qstart: int,
    pre: Attribution,
    cues: list[CueMatch],
    partials: list[QuoteSpan],
) -> None:
    """ "Lopez said the plan would fail and warned: “…”": a cue before the one that
    introduces the quote makes its own statement, read like any reported speech up to
    the quote (its content stops where the lead-in cue begins)."""
    text = run.text
    before = [c for c in cues if s <= c.start() and c.end() <= pre.cue_start]
    gap = text[pre.cue_start : qstart].rstrip()
    if not before or len(words_of(gap)) > 1 or not gap.endswith((":", ",")):
        return  # 'Lopez said he wants “…”': the quote belongs to the first cue
    lead = text[s : pre.cue_start].rstrip()
    last = LAST_WORD_re.search(lead)
    if not (
        lead.endswith(",") or (last is not None and last.group().lower() in run.lex.coordinators)
    ):
        return  # only a second verb of the same subject: "… and warned:", "…, adding:"
    clause = Relays((), (), (), s, qstart)
    lead_in = [*before, *(c for c in cues if c.start() == pre.cue_start)]
    reported_speech(run, lead_in, clause, partials)


def _lead_clause(run: Run, s: int, pre: Attribution, relays: Relays) -> None:
    """ "So when the vote failed, Lopez said, “…”": a clause before "X said," that opens
    the sentence is part of what X says, as its own statement. An adverbial ("Later in
    the day, X said") opens with a lexicon opener and is left out; so is a clause with a
    cue of its own before X (that one is not X's claim)."""
    speaker = pre.speaker
    if speaker is None or (speaker.pronoun is None and speaker.kind != "person"):
        return
    text = run.text
    end = comma_end(text, s, speaker.start)
    if end <= s or text[end : speaker.start].strip() != ",":
        return
    words = words_of(text[s:end])
    if len(words) < MIN_LEAD_WORDS or words[0].lower() in run.lex.adverbial_openers:
        return
    if words[-1].lower() in run.lex.time_words:
        return  # "Less than 30 minutes later, X wrote, “…”": a time, not a claim
    if find_cues(text, run.language, s, end):
        return
    run.add(emit(run, "lead_clause", "indirect", s, end, pre, relays))


def _resumed(
    run: Run,
    prev_attr: Attribution | None,
    prev_stmt: Draft | None,
    quote: Quote,
) -> tuple[str, int] | None:
    """The kind and start of a quote that goes on with the speaker of the quote before
    it, whose attribution came after that quote ('“…,” X said in May, “…”').

    Nothing resumes when the quote has an attribution of its own, before or after."""
    if prev_attr is None or prev_stmt is None or quote.pre is not None or quote.after is not None:
        return None
    if prev_attr.cue_start < prev_stmt.end or prev_attr.speaker is None:
        return None  # 'X said, “…” and “…”': the cue led; the second is not resumed
    return resumption(run.text, prev_attr.end, quote.span.start, run.lex.coordinators)


def _clause_quote(before: str, inner: str) -> bool:
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


def _attribution_closes(run: Run, pos: int, e: int) -> bool:
    """Whether the sentence ends (or a new comma clause starts, or a relative clause
    describing the speaker) right after an attribution: 'X "…," Diaz said.' but not 'On
    "This Week," Diaz said that …'."""
    rest = run.text[pos:e]
    stripped = rest.strip()
    if stripped.startswith("(") and ")" in stripped:
        # 'X "…," said Mr. Lee (a view others share).': an aside closes the sentence
        stripped = stripped[stripped.index(")") + 1 :].strip()
        return not stripped or stripped[0] in ",.;!?"
    if not stripped or stripped[0] in ",.;!?" or only_adverbs(run, rest):
        return True
    # 'X "…," said a former aide who asked not to be named.': the relative clause
    # describes the speaker, and the sentence ends with it
    first = stripped.split(maxsplit=1)[0].lower()
    return first in run.lex.relative_markers
