"""Recordings of the speaker's own words: '"…," X said, according to audio obtained by Y'.

A recording, a video or a transcript of what X said is where the writer heard X, like "in
a statement" or "on Twitter": a channel, never a hop between the writer and X
(CHAINS_GUIDE.md: the speaker's own channel is no hop). Only a relay over a named speaker
is dropped; "The plan is dead, according to a recording" keeps the recording as its source.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.extract.pronouns import InternalHop
    from tracker.extract.run import Run

_CHANNEL_KINDS = frozenset({"document", "unknown", "anonymous"})


def without_recordings(run: Run, prefix: tuple[InternalHop, ...]) -> tuple[InternalHop, ...]:
    """The relays over a speaker, less those that name a recording of what was said."""
    if not prefix or not run.lex.recording_nouns:
        return prefix
    return tuple(h for h in prefix if not _recording(run, h))


def _recording(run: Run, hop: InternalHop) -> bool:
    """Whether the hop's source is a recording: a recording noun among the words before its
    first link or participle ("a leaked audio recording of …", "audio provided to …")."""
    if run.table.kind(hop.sid) not in _CHANNEL_KINDS:
        return False
    lex = run.lex
    for word in run.table.name(hop.sid).lower().split():
        if word in lex.recording_nouns:
            return True
        if word in lex.determiners:
            continue
        if word in run.vocab.function_words or word in run.vocab.links:
            return False
    return False
