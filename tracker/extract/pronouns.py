"""Pronoun and -nya speakers: resolve to the nearest compatible earlier speaker."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tracker.extract.records import fields_repr

if TYPE_CHECKING:
    from tracker.extract.speakers import Mention

# How many salient entries to remember; resolution only ever looks back this far.
MAX_SALIENT = 32


class InternalHop:
    """A hop pointing at a source id, before keys are assigned.

    A plain class, not a dataclass (see `records`); nothing mutates it."""

    __slots__ = ("cue", "end", "relation", "sid", "start")

    def __init__(
        self,
        sid: int,
        relation: str,
        cue: str | None,
        start: int | None,
        end: int | None,
    ) -> None:
        self.sid = sid
        self.relation = relation
        self.cue = cue
        self.start = start
        self.end = end

    def _key(self) -> tuple[object, ...]:
        return (self.sid, self.relation, self.cue, self.start, self.end)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, InternalHop):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        names = ("sid", "relation", "cue", "start", "end")
        return fields_repr(self, names, self._key())


class Antecedent:
    """Someone a later pronoun may mean, with the chain a continued quote inherits.

    A plain class, not a dataclass (see `records`); nothing mutates it."""

    __slots__ = ("from_statement", "kind", "mention", "prefix", "sid", "singular", "suffix")

    def __init__(
        self,
        sid: int | None,
        kind: str,
        prefix: tuple[InternalHop, ...],
        suffix: tuple[InternalHop, ...],
        from_statement: bool,
        mention: Mention | None = None,
        singular: bool = True,
    ) -> None:
        self.sid = sid
        self.kind = kind
        self.prefix = prefix
        self.suffix = suffix
        self.from_statement = from_statement
        # a sentence subject not yet in the source table
        self.mention = mention
        # "seorang pejabat" may be "ia"; "officials" or "Smith and Jones" may not be "he"
        self.singular = singular

    def _key(self) -> tuple[object, ...]:
        return (
            self.sid,
            self.kind,
            self.prefix,
            self.suffix,
            self.from_statement,
            self.mention,
            self.singular,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Antecedent):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        names = ("sid", "kind", "prefix", "suffix", "from_statement", "mention", "singular")
        return fields_repr(self, names, self._key())


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

    def close(self) -> None:
        """Forget the entries and the subject parser once the run is over. The parser is a
        method of the run that holds this list: a reference cycle that kept each run (its
        statements, sources and chains) alive until a full collection of the cyclic
        garbage collector, and made every collection before it traverse them."""
        self._items.clear()
        self._subject_of = _no_subject

    def _get(self, index: int) -> Antecedent | None:
        item = self._items[index]
        if isinstance(item, tuple):
            self._items[index] = _NONE  # a description parsed here looks back past itself
            parsed = self._subject_of(*item)
            self._items[index] = parsed if parsed is not None else _NONE
            return parsed
        return None if item is _NONE else item

    def resolve(self, pronoun: str) -> Antecedent | None:
        """Person pronouns (ia, dia, beliau, -nya, he, she) want a person or an anonymous
        person; "it" wants a body (an institution, an outlet, a document); plural pronouns
        (mereka, they) want a group or a body, never one person named earlier; "we" and
        "kami" (a speaker's own side) take anyone."""
        for index in range(len(self._items) - 1, -1, -1):
            item = self._get(index)
            if item is not None and fits(pronoun, item):
                return item
        return None

    def find(
        self,
        accept: Callable[[Antecedent], bool],
        unparsed_skip: Callable[[int, int], bool] | None = None,
        limit: int = 0,
    ) -> Antecedent | None:
        """The most recent entry `accept` takes ("the agency": the outlet named last). A
        sentence whose subject is not parsed yet is passed over unparsed when
        `unparsed_skip` says from its span that `accept` cannot take it. A `limit` looks
        at that many recent entries only."""
        last = len(self._items) - 1
        stop = max(-1, last - limit) if limit > 0 else -1
        for index in range(last, stop, -1):
            raw = self._items[index]
            if unparsed_skip is not None and isinstance(raw, tuple) and unparsed_skip(*raw):
                continue
            item = self._get(index)
            if item is not None and accept(item):
                return item
        return None


# Kinds of source "it" may stand for, and those "they" may besides a group of people (a
# company or a ministry may be "they"; a paper or a report is "it").
BODY_KINDS = frozenset({"organization", "news_outlet", "government_body", "document", "unknown"})
PLURAL_KINDS = frozenset({"organization", "government_body"})


def fits(pronoun: str, item: Antecedent) -> bool:
    """Whether a pronoun of this kind ("person", "body", "plural", "group", or "speaker"
    for a quote with no cue) may stand for `item`."""
    kind = item.kind
    if pronoun == "person":
        return kind in ("person", "anonymous") and item.singular
    if pronoun == "speaker":
        # a quote with no cue continues a speaker, or a person just named
        return item.from_statement or kind == "person"
    if pronoun == "body":
        return kind in BODY_KINDS
    if pronoun == "plural":
        return kind in PLURAL_KINDS or (kind in ("person", "anonymous") and not item.singular)
    return True


_NONE = Antecedent(None, "none", (), (), False)


def _no_subject(start: int, end: int) -> Antecedent | None:
    """The subject parser of a closed salience list: it parses nothing."""
    return None
