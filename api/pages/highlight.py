"""A document's text cut into runs for highlighting, statements nested as they are in the text.

A partial quote inside a mixed statement is a statement inside a statement: each gets one
element, the inner one nested in the outer. Every run of text knows the innermost statement
it belongs to, so that it can link there (links cannot nest in HTML).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol


class Span(Protocol):
    """What highlighting needs of a statement."""

    @property
    def id(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Run:
    """Text inside the innermost statement ``statement_id`` (None: outside every statement).

    ``first`` marks the statement's first run: its one stop in the keyboard's tab order.
    """

    text: str
    statement_id: int | None
    first: bool = False


@dataclass(slots=True)
class Mark:
    """One statement's element: its runs and the statements nested in it, in text order."""

    statement_id: int | None
    start: int
    end: int
    children: list[Run | Mark] = field(default_factory=list)


def highlight(text: str, statements: Iterable[Span]) -> Mark:
    """The text as a tree of marks (the root's ``statement_id`` is None).

    A statement that starts inside another nests in it; one that runs past the end of the
    statement it starts in (a crossing overlap) is cut at that end, so that every
    statement keeps one element that starts where it starts.
    """
    root = Mark(None, 0, len(text))
    stack = [root]
    for st in sorted(statements, key=lambda s: (s.start, -s.end, s.id)):
        while len(stack) > 1 and stack[-1].end <= st.start:
            stack.pop()
        parent = stack[-1]
        end = min(st.end, parent.end)
        if st.start >= end or st.start < parent.start:
            continue  # empty, or outside the text
        mark = Mark(st.id, st.start, end)
        parent.children.append(mark)
        stack.append(mark)
    _fill(text, root)
    return root


def _fill(text: str, mark: Mark) -> None:
    """Put the text between nested marks into runs of ``mark`` (depth first)."""
    marks = [c for c in mark.children if isinstance(c, Mark)]
    filled: list[Run | Mark] = []
    cursor = mark.start
    first = True
    for child in marks:
        if child.start > cursor:
            filled.append(Run(text[cursor : child.start], mark.statement_id, first))
            first = False
        _fill(text, child)
        filled.append(child)
        cursor = child.end
    if cursor < mark.end:
        filled.append(Run(text[cursor : mark.end], mark.statement_id, first))
    mark.children = filled


def marked_ids(mark: Mark) -> list[int]:
    """Every statement with an element in the tree, in text order."""
    found = [] if mark.statement_id is None else [mark.statement_id]
    for child in mark.children:
        if isinstance(child, Mark):
            found += marked_ids(child)
    return found
