"""Colon lead-ins: 'He told state radio:' then the quote on the next line, said to the radio."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.extract.relays import Relays, find_relays

LEAD_WINDOW = 200  # the medium phrase of the lead-in, from its marker

if TYPE_CHECKING:
    from tracker.extract.cues import CueMatch
    from tracker.extract.run import Run
    from tracker.extract.scans import Scans


def lead_media(run: Run, scans: Scans, k: int) -> tuple[CueMatch, ...]:
    """The medium phrases of sentence k-1 when it ends with a colon that leads into
    sentence k ("…, telling Turkish radio:" then a line break and the quote), else ()."""
    if not k or not scans.media:
        return ()
    ps, pe = scans.sentences[k - 1]
    if pe <= ps:
        return ()
    text = run.text
    last = pe - 1
    while last > ps and text[last].isspace():
        last -= 1
    if text[last] != ":" or text[pe : scans.sentences[k][0]].strip():
        return ()
    return tuple(scans.sentence(k - 1).media)


def with_lead_medium(run: Run, relays: Relays, media: tuple[CueMatch, ...]) -> Relays:
    """The sentence's relays, with the medium its colon lead-in named as the outermost hop
    when the sentence names no relay of its own (the lead-in's speaker told that medium
    what the quote says, as on one line: 'He told state radio: "…"')."""
    if relays.prefix or not media:
        return relays
    lo = media[0].start()
    hi = min(len(run.text), lo + LEAD_WINDOW)
    lead = find_relays(run.text, lo, hi, run.language, [], list(media))
    told = tuple(h for h in lead.prefix if h.relation == "told")
    if not told:
        return relays
    return Relays(
        told,
        relays.suffix,
        relays.according,
        relays.main_start,
        relays.main_end,
        relays.frames,
    )
