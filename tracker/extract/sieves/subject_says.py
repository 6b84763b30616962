"""Subject says: "Several people I met said the mill will close", "…, and then said …"."""

from __future__ import annotations

from tracker.extract.attribution import Attribution
from tracker.extract.complementizers import complementizer_at
from tracker.extract.cues import CueMatch
from tracker.extract.mentions import Mention
from tracker.extract.relays import Relays
from tracker.extract.resolution import finish
from tracker.extract.run import Run
from tracker.extract.scans import Sentence
from tracker.extract.sieves.cue_context import clause_follows
from tracker.extract.sieves.subject_finders import subject_past_opener
from tracker.extract.spans import MIN_CLAIM_WORDS, words_of
from tracker.extract.tokens import tokenize

MIN_SUBJECT_WORDS = 2  # "Critics say" is read by the subject finders already
MAX_SUBJECT_WORDS = 16
MAX_OPENER_WORDS = 8  # "In separate interviews on Monday,": an adverbial before the subject
SUBJECT_STOPS = frozenset(',;:!?"“”()[]—–')
QUOTE_OPENERS = frozenset("\"“‘'")


def subject_say_statements(run: Run, sentence: Sentence, first: int) -> None:
    """ "But many loyal Ortiz supporters who came to the city say they will back Lee.": a
    sentence nobody spoke in whose clause opens with a subject, then a plain verb of saying
    and a clause, is that subject's statement; a subject with a relative clause or a
    possessive ("Mrs. Ortiz's neighbours") defeats the subject finders, not the reading."""
    if len(run.statements) != first or not sentence.cues:
        return  # the cheap test first: an earlier sieve spoke, or no cue
    text = run.text
    cue = _plain_cue(run, sentence)
    if cue is None:
        return
    rule = "subject_say"
    speaker = _coordinated_speaker(run, sentence.start, cue)
    if speaker is not None:
        rule = "coordinated_say"
    else:
        speaker = _bare_subject(run, sentence, cue)
    if speaker is None:
        return
    e = sentence.end
    comp = complementizer_at(run.language, text, cue.end(), min(e, cue.end() + 12))
    start, end = run.trim(comp.end() if comp is not None else cue.end(), e)
    if start >= end or text[start] in QUOTE_OPENERS:
        return  # a quote after the cue is the quote sieves' to read
    if len(words_of(text[start:end])) < MIN_CLAIM_WORDS:
        return
    shows = cue.group().lower() in run.lex.document_say_verbs  # "shows a wide divide"
    if comp is None and not shows and _object_follows(run, text[start:end]):
        return  # "The crews say a prayer before each trip": an object, no clause
    attribution = Attribution(cue.group(), cue.start(), cue.end(), speaker, cue.end())
    rest = Relays((), (), (), sentence.start, e)
    finish(run, rule, "indirect", start, end, attribution, rest, sentence.quotes)


def _bare_subject(run: Run, sentence: Sentence, cue: CueMatch) -> Mention | None:
    """The words from the clause start to the cue as its subject (see `_subject`), when
    no other cue is in its head and a verb of showing has a document for subject."""
    lo = _clause_start(run, sentence.start, cue.start())
    if lo < 0:
        return None
    head_end = _head_end(run, lo, cue.start())
    if any(lo <= c.start() < head_end for c in sentence.cues if c is not cue):
        return None  # "Two farmers who argued …": a cue in the subject's head
    speaker = _subject(run, lo, cue.start(), head_end, lo == sentence.start)
    if speaker is None:
        return None
    if cue.group().lower() in run.lex.document_say_verbs and not _document_head(run, lo, head_end):
        return None  # "Polls there show …" reports; "The crews show …" does not
    return speaker


def _coordinated_speaker(run: Run, s: int, cue: CueMatch) -> Mention | None:
    """ "The judge rubbed his chin, and then said …": a verb of saying right after a
    coordinator (and an adverb or two) shares the clause's opening subject."""
    if cue.group().lower() in run.lex.document_say_verbs:
        return None
    before = words_of(run.text[max(s, cue.start() - 24) : cue.start()])[-3:]
    while before and before[-1].lower() in run.lex.coordinated_say_adverbs:
        before = before[:-1]
    if not before or before[-1].lower() not in run.lex.coordinators:
        return None
    return subject_past_opener(run, s, cue.start())


def _plain_cue(run: Run, sentence: Sentence) -> CueMatch | None:
    """The sentence's first plain verb of saying, or of showing ("shows", "found") whose
    subject must then be a document."""
    lex = run.lex
    for c in sentence.cues:
        verb = c.group().lower()
        if verb in lex.plain_say_verbs or verb in lex.document_say_verbs:
            return c
    return None


def _document_head(run: Run, lo: int, hi: int) -> bool:
    """Whether a word of the subject's head is a document noun ("a new survey of voters",
    "Polls there")."""
    nouns = run.lex.document_nouns
    return any(
        t.lower in nouns or t.lower in run.lex.poll_nouns for t in tokenize(run.text, lo, hi)
    )


def _clause_start(run: Run, s: int, cue_start: int) -> int:
    """Where the subject begins: the sentence start, past one coordinator ("But", "And")
    or one adverbial opener and its comma ("In separate interviews, …"), or -1 when the
    words before the cue are no bare subject (another comma or a dash in them)."""
    text = run.text
    comma = text.find(",", s, cue_start)
    if comma >= 0:
        opener = text[s:comma].split(" ", 1)[0].lower()
        if opener not in run.lex.adverbial_openers or len(text[s:comma].split()) > MAX_OPENER_WORDS:
            return -1
        s = comma + 1
        while s < cue_start and text[s] == " ":
            s += 1
    head = text[s:cue_start]
    if any(ch in SUBJECT_STOPS for ch in head):
        return -1
    first_word = head.split(" ", 1)[0]
    if first_word.lower() in run.lex.coordinators and " " in head:
        return s + len(first_word) + 1
    return s


def _object_follows(run: Run, content: str) -> bool:
    """Whether the words after the verb read as an object, not a clause: no clause marker
    among the first words (see cue_context.clause_follows) and a lower-case first word
    that is no pronoun ("a prayer before each trip", "grace before dinner"; against "the
    vote was rushed", "they'll stay", "Monday's ruling will …")."""
    words = words_of(content[:40])
    if not words or clause_follows(run, content):
        return False
    first = words[0]
    return first[:1].islower() and first not in run.lex.pronouns


def _head_end(run: Run, lo: int, hi: int) -> int:
    """Where the subject's head ends: before its relative clause ("Lee and others who
    want …"), else at the cue."""
    for tok in tokenize(run.text, lo, hi)[1:]:
        if tok.lower in run.lex.relative_markers:
            return tok.start
    return hi


def _subject(run: Run, lo: int, hi: int, head_end: int, opens: bool) -> Mention | None:
    """The subject's mention: a noun phrase of a few words that opens with a capital when
    it `opens` the sentence, is no question ("What Lee says …") and ends in no auxiliary,
    relative or "to" ("would say", "those who said", "to say"); named by its head, the
    words before `head_end`."""
    text = run.text
    toks = tokenize(text, lo, hi)
    words = [t for t in toks if t.is_word]
    if not (MIN_SUBJECT_WORDS <= len(words) <= MAX_SUBJECT_WORDS):
        return None
    if (opens and not words[0].text[:1].isupper()) or words[0].lower in run.lex.subject_say_openers:
        return None
    if any(w.lower in run.lex.subject_say_question_words for w in words):
        return None
    last = words[-1].lower
    if last in run.lex.finite_auxiliaries or last in run.lex.subject_say_tails:
        return None
    return run.named_or_unknown([t for t in toks if t.end <= head_end], lo, head_end)
