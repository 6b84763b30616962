"""Sources inside an outlet's words: '"The sources said …," the daily said' relays them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.extract.pronouns import InternalHop
from tracker.extract.subject_before import subject_before
from tracker.extract.tokens import tokenize

if TYPE_CHECKING:
    from tracker.extract.run import Draft, Run

OUTLET = "news_outlet"
OPENING_WINDOW = 90  # "Oil industry sources close to the ministry said …"
MAX_SUBJECT_WORDS = 8  # words before the cue verb
OPENING_MARKS = "\"'“‘«„ "


def outlet_citations(run: Run) -> None:
    """An outlet's statement whose words open with someone else's saying ('The paper said,
    "Reliable sources disclosed that …"', '"The sources said …," the daily said') is the
    outlet's relay of them: they are the last hop (CHAINS_GUIDE.md: "Y said …, X reported"
    is [X, Y], whoever wrote the words "Y said")."""
    for draft in run.statements:
        hops = draft.hops
        sid = draft.sid
        if sid is None or not hops or hops[-1].sid != sid:
            continue  # no speaker, or the speaker already cites someone
        if run.table.kind(sid) != OUTLET:
            continue
        cited = _opening_source(run, draft)
        if cited is not None and all(h.sid != cited.sid for h in hops):
            draft.hops = (*hops, cited)


def _opening_source(run: Run, draft: Draft) -> InternalHop | None:
    """The source named by the clause that opens the statement's words: a few words, a
    cue verb of saying in the past, then more words; its subject is no pronoun."""
    text = run.text
    start = draft.start
    while start < draft.end and text[start] in OPENING_MARKS:
        start += 1
    toks = tokenize(text, start, min(draft.end, start + OPENING_WINDOW))
    for k, tok in enumerate(toks[: MAX_SUBJECT_WORDS + 1]):
        if not tok.is_word:
            return None  # "Dealers, he said, …": a clause of the outlet's own words
        if k and k + 1 < len(toks) and toks[k + 1].is_word and _saying(tok.lower, run):
            mention = subject_before(text, start, tok.start, run.language)
            if mention is None or mention.pronoun is not None:
                return None
            if mention.start > toks[1].end or mention.end != toks[k - 1].end:
                return None  # "Britain was expected to …": no subject right before a cue
            source = run.table.add(mention)
            return InternalHop(source, "citing", tok.text, mention.start, tok.end)
    return None


def _saying(word: str, run: Run) -> bool:
    """A verb that reports what was said, in the past ("said", "disclosed", "warned";
    Indonesian "mengatakan"): no auxiliary, no plan ("plans to", "was expected to")."""
    lex = run.lex
    if word in lex.relayed_speech_verbs:
        return True
    past = run.language != "en" or word.endswith("ed")
    return past and word in run.vocab.cue_words
