"""Poll leads: "In a new Quinnipiac poll, Lee leads by five points" is what the poll found."""

from __future__ import annotations

from tracker.extract.attribution import Attribution
from tracker.extract.noun_phrases import np_after
from tracker.extract.relays import Relays
from tracker.extract.resolution import finish
from tracker.extract.run import Run
from tracker.extract.scans import Sentence
from tracker.extract.spans import one_word
from tracker.extract.speakers import classify
from tracker.extract.tokens import Token, tokenize

MAX_LEAD_CHARS = 120  # "In the latest Washington Post-ABC News poll, conducted in May,"
MAX_TAIL_TOKENS = 6  # "released Monday", "conducted March 11-13": after the poll's noun
MIN_FINDING_WORDS = 3
MAX_LEAD_WORD_CHARS = 8


def poll_lead_statements(run: Run, sentence: Sentence, first: int) -> None:
    """ "In the new Gallup poll, 40 percent back Lee.": a sentence no sieve spoke in that
    opens with "in" and a poll (the phrase ending in a poll noun, a participle phrase at
    most after it, then a comma) reports the poll's finding, the clause after the comma.

    Why: the writer did not see 40 percent back Lee; the poll's authors did, as "according
    to the Gallup poll" would say (PolNeAR marks the "In" as the cue). A poll named
    later in the sentence ("Lee leads in the polls") is a topic as often as a source, so
    only the opening phrase counts."""
    text, lex = run.text, run.lex
    s, e = sentence.start, sentence.end
    space = text.find(" ", s, s + MAX_LEAD_WORD_CHARS)
    if space < 0 or text[s:space].lower() not in lex.poll_leads or len(run.statements) != first:
        return  # the cheap test first: most sentences open with another word
    toks = tokenize(text, s, min(e, s + MAX_LEAD_CHARS))
    comma = next((k for k, t in enumerate(toks) if t.text == ","), -1)
    np = _poll_phrase(run, toks, comma) if comma > 1 else []
    if not np:
        return
    speaker = classify(text, np, run.language)
    if speaker is None or speaker.pronoun is not None:
        return
    start, end = run.trim(_finding_start(run, toks, comma), e)
    if len(tokenize(text, start, min(end, start + 40))) < MIN_FINDING_WORDS or one_word(
        text, start, end
    ):
        return
    lead = toks[0]
    attribution = Attribution(lead.text, lead.start, lead.end, speaker, np[-1].end)
    rest = Relays((), (), (), s, e)
    finish(run, "poll_lead", "indirect", start, end, attribution, rest, sentence.quotes)


def _poll_phrase(run: Run, toks: list[Token], comma: int) -> list[Token]:
    """The poll's phrase between the opening preposition and the comma: one ending in a
    poll noun, a short participle phrase at most after it ("a Gallup poll released
    Monday"); in Indonesian the noun comes first and the phrase after it is the poll's
    author ("survei Litbang Kompas")."""
    lex, text = run.lex, run.text
    if lex.claim_possessor_after:
        if toks[1].lower not in lex.poll_nouns:
            return []
        owner = np_after(text, toks[:comma], 2, run.vocab)
        return owner if owner and owner[-1] is toks[comma - 1] else []
    head = next((k for k in range(comma - 1, 0, -1) if toks[k].lower in lex.poll_nouns), -1)
    if head < 1 or comma - head > MAX_TAIL_TOKENS:
        return []
    for i in range(1, head + 1):  # "an early-October CBS News poll": past its modifiers
        np = np_after(text, toks[: head + 1], i, run.vocab)
        if np and np[-1] is toks[head]:
            return np
    return []


def _finding_start(run: Run, toks: list[Token], comma: int) -> int:
    """Where the finding starts: after the comma, or after a participle phrase that the
    comma opens and another closes ("…poll, conducted in May, Lee led")."""
    nxt = toks[comma + 1] if comma + 1 < len(toks) else None
    suffixes = run.lex.past_participle_suffixes or ("\0",)
    if nxt is not None and not nxt.is_cap and nxt.lower.endswith(suffixes):
        close = next(
            (
                k
                for k in range(comma + 2, min(len(toks), comma + 2 + MAX_TAIL_TOKENS))
                if toks[k].text == ","
            ),
            -1,
        )
        if close > 0:
            return toks[close].end
    return toks[comma].end
