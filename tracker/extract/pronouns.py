"""Pronoun and -nya speakers: resolve to the nearest compatible earlier speaker."""

from __future__ import annotations

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


class Salience:
    """Recent speakers and sentence subjects, most recent last."""

    def __init__(self) -> None:
        self._items: list[Antecedent] = []

    def push(self, item: Antecedent) -> None:
        self._items.append(item)
        if len(self._items) > 2 * MAX_SALIENT:
            del self._items[:MAX_SALIENT]

    def resolve(self, pronoun: str) -> Antecedent | None:
        """Person pronouns (ia, dia, beliau, -nya, he, she) want a person or anonymous person;
        group pronouns (mereka, they) take anyone."""
        for item in reversed(self._items):
            if pronoun == "person" and item.kind not in ("person", "anonymous"):
                continue
            return item
        return None

    def last_statement(self) -> Antecedent | None:
        for item in reversed(self._items):
            if item.from_statement:
                return item
        return None
