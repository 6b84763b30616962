"""Relay frames: a passage a relay opens holds for the statements that continue it.

"The cut will start in May, Minister X told the Bernama news agency. He said …": the
second statement is Bernama's relay of X too. A statement whose own sentence names a relay
(a prefix hop: "told Bernama", "Berdasarkan laporan Yonhap yang mengutip KCNA, …") opens a
frame with its chain when the relay is an outlet or quoted the speaker (`opens_frame`). A
later statement with no relay of its own continues the frame when its speaker, however it
is referred to (the same name, "he", "it", "-nya", "the agency", a quote with no cue), is
one of the frame's hops up to its speaker: it takes the frame's hops up to that one
([Bernama, X] for "he" = X; [Bernama] for "the agency" = Bernama).

A frame ends, and a later statement is first-hand again, when
- another source speaks (a speaker that is no hop of the frame: a new name, a quote by
  someone else, an anonymous source);
- a speaker of the frame speaks on a channel of its own ("wrote in his autobiography",
  "said in a statement", "kata X dalam keterangan tertulis": `channels`);
- a new relay opens a frame of its own;
- a whole paragraph of the writer's own narration (no statement in it) comes between.
A confidently wrong chain is worse than none, so anything unclear ends the frame.
"""

from __future__ import annotations

from tracker.extract.pronouns import InternalHop

# Relations through which a relay that is no outlet still opens a frame: "Maki quoted Kato
# as saying …. Kato added …" is Maki's account throughout, while "Police said …, according
# to the family's lawyers." is the lawyers' word for that sentence only.
QUOTING_RELATIONS = frozenset({"quoted_by", "reported_by"})


def opens_frame(prefix: tuple[InternalHop, ...], kinds: list[str]) -> bool:
    """Whether relays (`kinds` their source kinds) open a frame: a news outlet among them
    ("told the Bernama news agency", "laporan Yonhap"), or a relay that quoted."""
    return any(k == "news_outlet" for k in kinds) or any(
        h.relation in QUOTING_RELATIONS for h in prefix
    )


class Frame:
    """An open frame: the chain that opened it and the index of its speaker's hop.

    A plain class, not a dataclass: mypyc compiles this `__init__`, never a generated one.
    """

    __slots__ = ("hops", "sentence", "speaker")

    def __init__(self, hops: tuple[InternalHop, ...], speaker: int, sentence: int) -> None:
        self.hops = hops  # relays (nearest to the reader first), the speaker, whom it cites
        self.speaker = speaker
        self.sentence = sentence  # where the sentence that opened it starts

    def index(self, sid: int) -> int | None:
        """The hop `sid` is, up to the speaker's (a cited source does not speak on)."""
        for i in range(self.speaker + 1):
            if self.hops[i].sid == sid:
                return i
        return None


class Frames:
    """The frame open at the current point of the text, if any."""

    __slots__ = ("current", "relayed", "sentence")

    def __init__(self) -> None:
        self.current: Frame | None = None
        self.sentence = 0  # where the sentence being read starts (`pipeline` sets it)
        # the relays of each source the text has so far heard only through a relay
        self.relayed: dict[int, tuple[InternalHop, ...]] = {}

    def chain(
        self,
        prefix: tuple[InternalHop, ...],
        speaker: InternalHop,
        suffix: tuple[InternalHop, ...],
        by_pronoun: bool,
        opens: bool = True,
        own_channel: bool = False,
        anonymous: bool = False,
    ) -> tuple[InternalHop, ...]:
        """The chain of a statement whose own sentence gave it `prefix` and `suffix`.

        With relays of its own it opens a frame (when they `open` one: see
        `opens_frame`); otherwise it continues the open frame when its speaker is one of
        the frame's hops and speaks on no `own_channel`, or ends it. A pronoun continuing the
        frame's speaker also keeps whom the speaker cited ("…, citing the police, X said.
        He added …"), as it always did; a name or a description starts afresh there.
        An `anonymous` speaker the text knows only through a relay keeps that relay
        wherever it speaks again ("…, officials were quoted by the paper as saying. … The
        officials said …"): the writer never heard it first-hand.
        """
        if prefix:
            hops = (*prefix, speaker, *suffix)
            self.current = Frame(hops, len(prefix), self.sentence) if opens else None
            if opens:
                self.relayed.setdefault(speaker.sid, prefix)
            return hops
        frame = self.current
        if own_channel and frame is not None and frame.sentence != self.sentence:
            frame = None  # a channel named in the opener's own sentence is the opener's
        i = frame.index(speaker.sid) if frame is not None else None
        # a named source may have spoken to the writer since: only the frame carries it
        relays = self.relayed.get(speaker.sid, ()) if anonymous and not own_channel else ()
        if (frame is None or i is None) and relays:
            hops = (*relays, speaker, *suffix)
            self.current = Frame(hops, len(relays), self.sentence)
            return hops
        if frame is None or i is None:
            # no frame, another source takes over, or the speaker speaks on a channel of
            # its own ("Carson wrote in his autobiography"): a frame of its own if it cites
            self.relayed.pop(speaker.sid, None)  # heard first-hand now
            hops = (speaker, *suffix)
            self.current = Frame(hops, 0, self.sentence) if suffix else None
            return hops
        kept = frame.hops[i + 1 :] if i == frame.speaker and by_pronoun else ()
        hops = (*frame.hops[:i], speaker, *(suffix or kept))
        if suffix:
            self.current = Frame(hops, i, self.sentence)
        return hops

    def open_before(self) -> bool:
        """Whether a frame an earlier sentence opened is open."""
        frame = self.current
        return frame is not None and frame.sentence != self.sentence

    def close(self) -> None:
        """The writer's own narration took over: what follows is first-hand again."""
        self.current = None
