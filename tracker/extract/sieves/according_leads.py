"""According leads: "According to state law, no one may …" with a source no parser names."""

from __future__ import annotations

from tracker.extract.attribution import Attribution
from tracker.extract.mentions import Mention
from tracker.extract.relays import Relays
from tracker.extract.resolution import finish
from tracker.extract.run import Run
from tracker.extract.scans import Sentence
from tracker.extract.spans import one_word
from tracker.extract.tokens import tokenize

MAX_OPENER_CHARS = 12  # "But now, according to …": the words before the phrase
MAX_SOURCE_CHARS = 140  # the phrase and its noun phrase, up to the comma
MAX_SOURCE_WORDS = 16
MIN_CONTENT_WORDS = 3
SOURCE_STOPS = frozenset('.;:!?"“”‘’()[]')


def according_lead_statements(run: Run, sentence: Sentence, first: int) -> None:
    """ "According to the book and the film, the guards set off.": a sentence nobody spoke
    in that opens with an according-to phrase is its source's statement, the clause after
    the phrase's comma, even when the source is no name, office or outlet the relay
    reading knows (a law, a book, "the officer in charge of the base that night")."""
    if not sentence.relay_marks or len(run.statements) != first:
        return  # the cheap tests first: no according-to phrase was spotted, or one spoke
    text = run.text
    s, e = sentence.start, sentence.end
    found = _phrase(run, s, e)
    if found is None:
        return
    cue_start, cue_end = found
    comma = text.find(",", cue_end, min(e, cue_end + MAX_SOURCE_CHARS))
    if comma < 0 or any(ch in SOURCE_STOPS for ch in text[cue_end:comma]):
        return
    speaker = _source(run, cue_end, comma)
    if speaker is None:
        return
    start, end = run.trim(comma + 1, e)
    if len(text[start:end].split()) < MIN_CONTENT_WORDS or one_word(text, start, end):
        return
    attribution = Attribution(text[cue_start:cue_end], cue_start, cue_end, speaker, comma)
    rest = Relays((), (), (), s, e)
    finish(run, "according_lead", "indirect", start, end, attribution, rest, sentence.quotes)


def _phrase(run: Run, s: int, e: int) -> tuple[int, int] | None:
    """Where an according-to phrase of the lexicon opens the sentence (after at most a
    short opener such as "But" or "Now,"), as (start, end)."""
    text = run.text
    head = text[s : min(e, s + MAX_OPENER_CHARS + 24)].lower()
    for phrase in run.lex.according_to:
        at = head.find(phrase)
        if at < 0:
            continue
        opener = head[:at].strip(" ,")
        if at and (head[at - 1] not in " ," or len(opener.split()) > 2 or at > MAX_OPENER_CHARS):
            continue
        if opener and opener.split()[0].rstrip(",") not in run.lex.adverbial_openers:
            continue
        return s + at, s + at + len(phrase)
    return None


def _source(run: Run, start: int, end: int) -> Mention | None:
    """The noun phrase between the phrase and its comma: as the speaker parser reads it,
    else as it stands (an unknown kind of source)."""
    text = run.text
    toks = tokenize(text, start, end)
    words = [t for t in toks if t.is_word]
    if not words or len(words) > MAX_SOURCE_WORDS:
        return None
    return run.named_or_unknown(toks, start, end)
