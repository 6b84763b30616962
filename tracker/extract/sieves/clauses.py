"""Where a second attributed clause starts: "X said A, but Y denied B", "…, adding that …".

The reported-speech sieve cuts a content here and reads the rest as a clause of its own,
by another speaker or by the same one.
"""

from __future__ import annotations

from tracker.extract.cues import CueMatch
from tracker.extract.run import TRAILING_PUNCT, Run
from tracker.extract.sieves.cue_context import relative_cue
from tracker.extract.spans import (
    CLOSING_QUOTES,
    LAST_WORD_re,
    NEXT_WORD_re,
    WORD_re,
    after_comma,
    comma_end,
    named,
)
from tracker.extract.subject_before import subject_before

# Cues examined per sentence: the outermost attribution comes first, and a bound keeps a
# 1 MB paragraph full of cue words linear.
MAX_CUES_PER_SENTENCE = 6


def _same_speaker(run: Run, lo: int, m: CueMatch) -> int | None:
    """Where the first content ends when cue `m` continues the speaker's clause with no
    subject of its own: "… and warned that …", "…, adding that …", "… while insisting …".
    """
    text = run.text
    pos = m.start()
    word = LAST_WORD_re.search(text, max(lo, pos - 16), pos - 1) if pos - 1 > lo else None
    participle = m.group().lower().endswith(run.lex.participle_suffixes or ("\0",))
    if word is not None and word.end() == pos - 1 and text[pos - 1] == " ":
        low = word.group().lower()
        if low in run.lex.coordinators or (participle and low in run.lex.participle_connectors):
            end = comma_end(text, lo, word.start())
            return end if end > lo else None
    if participle and after_comma(text, lo, pos):
        end = comma_end(text, lo, pos)
        return end if end > lo else None
    if participle:
        k = pos
        while k > lo and text[k - 1] in " \t":
            k -= 1
        if k > lo + 1 and text[k - 1] in CLOSING_QUOTES and text[k - 2] == ",":
            return k  # 'the plan was "a disaster," adding that …': the quote's comma
    return None


def next_clause(
    run: Run, lo: int, hi: int, cues: list[CueMatch]
) -> tuple[int, int, CueMatch | None] | None:
    """ "X said A, but Y denied B": where a second attributed clause starts, if any.

    Returns (end of the first content, start of the second clause, and the cue when the
    second clause has the same speaker)."""
    text = run.text
    tried = 0
    for m in cues:
        if m.start() <= lo or m.end() > hi or m.lastgroup != "verb":
            continue
        tried += 1
        if tried > MAX_CUES_PER_SENTENCE:
            return None
        same = _same_speaker(run, lo, m)
        if same is not None:
            return same, m.start(), m
        split = _object_relative(run, lo, m)
        if split is not None:
            return split
        speaker = subject_before(text, lo, m.start(), run.language)
        if speaker is None:
            continue
        if relative_cue(run, lo, m):
            # "X endorsed Y, who said B": the relative clause is Y's own statement
            comma = text.rfind(",", lo, m.start())
            if comma > lo:
                return comma, speaker.start, None
        k = speaker.start
        while k > lo and text[k - 1] in " \t\u00a0":
            k -= 1
        word = LAST_WORD_re.search(text, max(lo, k - 12), k)
        if word is not None and word.group().lower() in run.lex.clause_splitters:
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
    return _closing_tag(run, lo, hi, cues)


def _closing_tag(run: Run, lo: int, hi: int, cues: list[CueMatch]) -> tuple[int, int, None] | None:
    """ "…, katanya.", "…, ujarnya.": a speech tag with a pronoun closing the clause
    attributes the words and is not among them, as English "…, he said." is not (whose
    subject and verb the loop above splits off). Returns the split like `next_clause`."""
    text = run.text
    last = next((c for c in reversed(cues) if lo < c.start() and c.end() <= hi), None)
    if last is None or last.lastgroup != "nya" or text[last.end() : hi].strip(TRAILING_PUNCT):
        return None
    end = comma_end(text, lo, last.start())
    if not lo < end < last.start() or text[end : last.start()].strip() != ",":
        return None
    return end, last.start(), None


def _object_relative(run: Run, lo: int, m: CueMatch) -> tuple[int, int, None] | None:
    """ "… the test, which state media claimed now allows …": the relative word is the
    cue's object, the noun phrase between it and the cue its subject, and the clause from
    there on that subject's statement (its content is what follows the cue). Returns the
    split like `next_clause`."""
    text = run.text
    window = max(lo, m.start() - 80)
    rel = None
    for w in WORD_re.finditer(text, window, m.start()):
        if w.group().lower() in run.lex.object_relatives:
            rel = w
    if rel is None:
        return None
    speaker = subject_before(text, rel.end(), m.start(), run.language)
    if speaker is None or text[rel.end() : speaker.start].strip():
        return None  # the subject must follow the relative word directly
    k = rel.start()
    while k > lo and text[k - 1] in " \t\u00a0":
        k -= 1
    if not (k > lo and text[k - 1] == ","):
        return None  # "the plan which X said …" restricts a noun; ", which" adds a claim
    if _resumes_after(run, m.end()):
        # "the announcement, which some have argued was a ploy, was an insult": the
        # relative clause sits inside the content, which goes on after it
        return None
    return k - 1, speaker.start, None


def _resumes_after(run: Run, pos: int) -> bool:
    """Whether the next comma after `pos` in this sentence (within 200 characters) is
    followed by an auxiliary ("…, was an insult"): a clause resuming there."""
    text = run.text
    comma = text.find(",", pos, min(len(text), pos + 200))
    if comma < 0 or any(c in text[pos:comma] for c in ".;!?"):
        return False
    word = NEXT_WORD_re.match(text, comma + 1)
    return word is not None and word.group(1).lower() in run.lex.finite_auxiliaries
