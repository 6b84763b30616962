"""Pronoun and -nya speakers: resolve to the nearest compatible earlier speaker."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.extract.speakers import Mention

# How many salient entries to remember; resolution only ever looks back this far.
MAX_SALIENT = 32


@dataclass(frozen=True, slots=True)
class InternalHop:
    """A hop pointing at a source id, before keys are assigned."""

    sid: int
    relation: str
    cue: str | None
    start: int | None
    end: int | None


@dataclass(frozen=True, slots=True)
class Antecedent:
    """Someone a later pronoun may mean, with the chain a continued quote inherits."""

    sid: int | None
    kind: str
    prefix: tuple[InternalHop, ...]
    suffix: tuple[InternalHop, ...]
    from_statement: bool
    mention: Mention | None = None  # a sentence subject not yet in the source table
    singular: bool = True  # "seorang pejabat" may be "ia"; "officials" may not be "he"


class Salience:
    """Recent speakers and sentence subjects, most recent last.

    Sentence subjects are parsed lazily: most sentences are never looked back at, and
    parsing every sentence's subject up front was a fifth of the extraction time.
    """

    def __init__(self, subject_of: Callable[[int, int], Antecedent | None]) -> None:
        self._items: list[Antecedent | tuple[int, int]] = []
        self._subject_of = subject_of

    def push(self, item: Antecedent | tuple[int, int]) -> None:
        """Add a speaker, or a sentence span whose subject is parsed only if needed."""
        self._items.append(item)
        if len(self._items) > 2 * MAX_SALIENT:
            del self._items[:MAX_SALIENT]

    def _get(self, index: int) -> Antecedent | None:
        item = self._items[index]
        if isinstance(item, tuple):
            parsed = self._subject_of(*item)
            self._items[index] = parsed if parsed is not None else _NONE
            return parsed
        return None if item is _NONE else item

    def resolve(self, pronoun: str) -> Antecedent | None:
        """Person pronouns (ia, dia, beliau, -nya, he, she) want a person or anonymous person;
        group pronouns (mereka, they) take anyone."""
        for index in range(len(self._items) - 1, -1, -1):
            item = self._get(index)
            if item is None:
                continue
            if pronoun == "person" and item.kind not in ("person", "anonymous"):
                continue
            if pronoun == "speaker" and not item.from_statement and item.kind != "person":
                continue  # a quote with no cue continues a speaker, or a person just named
            if pronoun == "person" and item.kind == "anonymous" and not item.singular:
                continue
            return item
        return None


_NONE = Antecedent(None, "none", (), (), False)
