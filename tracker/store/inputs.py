"""What the writer takes: documents, statements, hops and sources as given, before any row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class SourceIn:
    """A source as named by the input: resolved to a stored source on write."""

    name: str
    kind: str = "unknown"
    role: str | None = None
    affiliation: str | None = None
    state_media: bool = False


@dataclass(frozen=True, slots=True)
class HopIn:
    """One hop of a chain as given: who passed the words on, and how.

    ``parent`` is the index of the hop this one is cited by; None means the hop just
    before it (a straight chain), so branches are written as two hops with one parent.
    """

    source: SourceIn
    relation: str = "said"
    cue: str | None = None
    upstream_statement_id: int | None = None
    parent: int | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None
    surface: str | None = None


@dataclass(frozen=True, slots=True)
class StatementIn:
    """One statement: a span of the document, its speaker, and its chain.

    The chain runs from the nearest relay to the primary source; an empty chain means
    first-hand, stored as ``[speaker]``.
    """

    start: int
    end: int
    kind: str
    speaker: SourceIn | None = None
    chain: tuple[HopIn, ...] = ()
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_surface: str | None = None
    rule: str | None = None
    """The extractor rule (sieve) that made the statement; None when given by hand."""

    def stored_chain(self) -> tuple[HopIn, ...]:
        """The hops to store: the given chain, or ``[speaker]`` for a first-hand statement."""
        if self.chain or self.speaker is None:
            return self.chain
        return (HopIn(source=self.speaker, relation="said", cue=self.cue),)

    def mentions(self) -> list[SourceIn]:
        """Every source the statement names: its speaker and each hop of its chain."""
        return ([self.speaker] if self.speaker else []) + [hop.source for hop in self.chain]


def hop_tree(chain: tuple[HopIn, ...]) -> list[tuple[int | None, int]]:
    """``(parent index, depth)`` of each hop: a hop hangs from the one before it unless
    its ``parent`` names another, so branches and straight chains share one rule."""
    tree: list[tuple[int | None, int]] = []
    for index, hop in enumerate(chain):
        parent = hop.parent if hop.parent is not None else index - 1
        if parent < 0:
            tree.append((None, 0))
        else:
            tree.append((parent, tree[parent][1] + 1))
    return tree


@dataclass(frozen=True, slots=True)
class DocumentIn:
    """A document to store, with statements given by hand or by the extractor."""

    text: str
    language: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published_at: datetime | None = None
    statements: tuple[StatementIn, ...] | None = None


@dataclass(frozen=True, slots=True)
class PreparedDocument:
    """A document ready for the writer: validated, its language, outlet and identity settled,
    its statements given or extracted (`tracker.ingest.extraction.prepare_document`)."""

    doc: DocumentIn
    language: str
    outlet: SourceIn | None
    content_hash: str
    statement_origin: str
    """Origin recorded on its statements and hops: the extractor version, or ``manual``."""
    label: str = "request"
    """Where it came from (a path, ``path:line`` or ``request``), for error messages."""


@dataclass(frozen=True, slots=True)
class ChainHopIn:
    """One hop of a chain a reviewer gives, nearest relay first: a source by name and
    kind (resolved like any mention) or a stored source by id."""

    source: SourceIn | None = None
    source_id: int | None = None
    relation: str = "said"
    cue: str | None = None


@dataclass(frozen=True, slots=True)
class StatementEdit:
    """A reviewer's correction of a statement: its span, its kind, its speaker (by name
    and kind, or a stored source by id). Fields left None stay as they are."""

    start: int | None = None
    end: int | None = None
    kind: str | None = None
    speaker: SourceIn | None = None
    speaker_id: int | None = None

    def is_empty(self) -> bool:
        return all(
            v is None for v in (self.start, self.end, self.kind, self.speaker, self.speaker_id)
        )
