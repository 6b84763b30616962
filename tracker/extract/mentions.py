"""Mention: a provisional reference to a source, as the parsers find it in the text."""

from __future__ import annotations

from tracker.extract.records import fields_repr


class Mention:
    """A provisional reference to a source; the pipeline turns it into a keyed SourceRef.

    A plain class, not a dataclass: mypyc compiles this `__init__` to C but runs a
    dataclass's generated one as Python (see `records`); nothing mutates a mention, and
    equality and hash are by fields, as the frozen dataclass's were."""

    __slots__ = (
        "affiliation",
        "end",
        "kind",
        "name",
        "pronoun",
        "role",
        "start",
        "state_media",
        "surface",
    )

    def __init__(
        self,
        surface: str,
        start: int,
        end: int,
        name: str,
        kind: str,
        role: str | None = None,
        affiliation: str | None = None,
        state_media: bool = False,
        pronoun: str | None = None,
    ) -> None:
        self.surface = surface
        self.start = start
        self.end = end
        self.name = name
        self.kind = kind
        self.role = role
        self.affiliation = affiliation
        self.state_media = state_media
        # "person" or "group" when the mention is a pronoun
        self.pronoun = pronoun

    def with_kind(self, kind: str) -> Mention:
        """The same mention as another kind of source."""
        return Mention(
            self.surface,
            self.start,
            self.end,
            self.name,
            kind,
            self.role,
            self.affiliation,
            self.state_media,
            self.pronoun,
        )

    def _key(self) -> tuple[object, ...]:
        return (
            self.surface,
            self.start,
            self.end,
            self.name,
            self.kind,
            self.role,
            self.affiliation,
            self.state_media,
            self.pronoun,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Mention):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        names = (
            "surface",
            "start",
            "end",
            "name",
            "kind",
            "role",
            "affiliation",
            "state_media",
            "pronoun",
        )
        return fields_repr(self, names, self._key())
