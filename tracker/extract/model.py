"""Frozen dataclasses for an extraction: statements, sources, hops and unattributed claims."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SOURCE_KINDS: tuple[str, ...] = (
    "person",
    "organization",
    "news_outlet",
    "government_body",
    "document",
    "anonymous",
    "unknown",
)
STATEMENT_KINDS: tuple[str, ...] = ("direct", "indirect", "mixed", "partial")


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A source as referred to in this text; `key` ties every mention to one Source."""

    name: str
    kind: str
    role: str | None = None
    affiliation: str | None = None
    state_media: bool = False
    key: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "role": self.role,
            "affiliation": self.affiliation,
            "state_media": self.state_media,
            "key": self.key,
        }


@dataclass(frozen=True, slots=True)
class Hop:
    """One link of a chain; the evidence span lets a reviewer see why the hop exists."""

    source: SourceRef
    relation: str
    cue: str | None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.source.name,
            "kind": self.source.kind,
            "relation": self.relation,
            "cue": self.cue,
            "state_media": self.source.state_media,
            "key": self.source.key,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Statement:
    """One quote or claim occurrence; `text == input[start:end]` always holds."""

    kind: str
    start: int
    end: int
    text: str
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker: SourceRef | None
    speaker_surface: str | None
    chain: tuple[Hop, ...]
    rule: str = ""
    """The sieve that made this statement ("quote_cue_after", "according_to", …), so
    accuracy benches can break their errors down by rule."""

    def to_dict(self) -> dict[str, Any]:
        speaker = None
        if self.speaker is not None:
            speaker = {
                "name": self.speaker.name,
                "kind": self.speaker.kind,
                "role": self.speaker.role,
                "affiliation": self.speaker.affiliation,
                "state_media": self.speaker.state_media,
                "key": self.speaker.key,
                "surface": self.speaker_surface,
            }
        return {
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "cue": self.cue,
            "cue_start": self.cue_start,
            "cue_end": self.cue_end,
            "speaker": speaker,
            "chain": [hop.to_dict() for hop in self.chain],
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class Source:
    """Every source named in the text once, with the surface forms that referred to it."""

    key: str
    name: str
    kind: str
    role: str | None
    affiliation: str | None
    state_media: bool
    aliases: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "kind": self.kind,
            "role": self.role,
            "affiliation": self.affiliation,
            "state_media": self.state_media,
            "aliases": list(self.aliases),
        }


@dataclass(frozen=True, slots=True)
class Unattributed:
    """A hedged claim nobody is named for ("disinyalir", "reportedly"): fact-checkers want these."""

    text: str
    start: int
    end: int
    cue: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "cue": self.cue}


@dataclass(frozen=True, slots=True)
class Extraction:
    """The whole result for one text: pure data, safe to cache and compare."""

    language: str
    statements: tuple[Statement, ...]
    sources: tuple[Source, ...]
    unattributed: tuple[Unattributed, ...]

    def to_dict(self) -> dict[str, Any]:
        """The issue's JSON contract (without "path", which only the CLI knows)."""
        return {
            "language": self.language,
            "statements": [s.to_dict() for s in self.statements],
            "unattributed": [u.to_dict() for u in self.unattributed],
            "sources": [s.to_dict() for s in self.sources],
        }
