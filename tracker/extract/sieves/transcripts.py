"""Speaker turns and lost quote marks: quoted transcripts, "Name: claim" lines, block quotes."""

from __future__ import annotations

import regex

from tracker.extract.attribution import Attribution
from tracker.extract.blocks import block_after, lead_in_cue
from tracker.extract.cues import CueMatch
from tracker.extract.quotes import QuoteSpan
from tracker.extract.relays import Relays
from tracker.extract.resolution import emit, finish
from tracker.extract.run import Run
from tracker.extract.scans import Sentence
from tracker.extract.sieves.lead_in import lead_in_attribution
from tracker.extract.spans import MIN_CLAIM_WORDS, words_of
from tracker.extract.speakers import Mention, classify
from tracker.extract.tokens import tokenize

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


def transcript(run: Run, q: QuoteSpan) -> bool:
    """A quoted transcript ("WALLACE: … \n"PENCE: …") is one statement per paragraph
    of each speaker turn, spoken by the turn's name, not one quote of one speaker.

    Returns whether the quote was such a transcript (two turns or more)."""
    text = run.text
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
    labels = run.lex.line_label_words
    turns = [t for t in turns if t[2].lower() not in labels and len(t[2]) > 1]
    if len(turns) < MIN_TRANSCRIPT_TURNS:
        return False
    ends = [t[0] for t in turns[1:]] + [q.inner_end]
    for (ns, cs, name), ce in zip(turns, ends, strict=True):
        toks = [t for t in tokenize(text, ns, ns + len(name)) if t.is_word or t.text == "."]
        mention = classify(text, toks, run.language) if toks else None
        if mention is None or mention.pronoun is not None:
            mention = Mention(name, ns, ns + len(name), name, "unknown")
        attribution = Attribution(":", cs - 1, cs, mention, cs)
        for ps, pe in _paragraphs(text, cs, ce):
            if len(words_of(text[ps:pe])) >= MIN_CLAIM_WORDS:
                run.add(emit(run, "transcript", "direct", ps, pe, attribution, None))
    return True


def line_speaker(run: Run, sentence: Sentence, first: int) -> None:
    """ "Name: claim" on a line of its own, when nothing else in the sentence spoke."""
    if len(run.statements) > first:
        return
    text = run.text
    s, e, quotes = sentence.start, sentence.end, sentence.quotes
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
    labels = run.lex.line_label_words
    if low in labels or low.split()[0] in labels or low.rstrip(".") in labels:
        return  # "Update:", "Baca juga:": a label, not a speaker
    if any(w in run.vocab.function_words for w in low.split()):
        return  # "The Latest:", "Stealth Over Health:": a headline kicker, not a name
    if len(words_of(text[m.end() : e])) < MIN_CLAIM_WORDS:
        return
    ns, ne = m.span("name")
    toks = [t for t in tokenize(text, ns, ne) if t.is_word or t.text == "."]
    mention = classify(text, toks, run.language) if toks else None
    if mention is None or mention.pronoun is not None:
        mention = Mention(name, ns, ne, name, "unknown")
    cs, ce = m.span("colon")
    attribution = Attribution(":", cs, ce, mention, ce)
    rest = Relays((), (), (), s, e)
    finish(run, "line_speaker", "indirect", m.end(), e, attribution, rest, quotes)


def block_quote(run: Run, sentence: Sentence, first: int) -> None:
    """ "Ruiz added:" closing a paragraph, then a paragraph of her words whose quote
    marks were lost (a block quote): that paragraph is his statement, when nothing else
    in the sentence spoke. `run.block_end` becomes where the block ends (its sentences are
    his, not the writer's), else -1."""
    if len(run.statements) > first or not sentence.cues:
        return
    run.block_end = _block_quote(run, sentence.start, sentence.end, sentence.cues)


def _block_quote(run: Run, s: int, e: int, cues: list[CueMatch]) -> int:
    cue = lead_in_cue(run.text, s, e, cues, run.vocab.post_cues)
    block = block_after(run.text, e) if cue is not None else None
    if block is None:
        return -1
    attribution = lead_in_attribution(run, s, block[0])
    if attribution is None:
        return -1
    stmt = emit(run, "block_quote", "indirect", block[0], block[1], attribution, None)
    if stmt is None:
        return -1
    run.add(stmt)
    return block[1]


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
