"""Highlighting: statements nested as in the text, every run tied to its innermost statement."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from api.pages.highlight import Mark, Run, highlight, marked_ids


@dataclass(frozen=True)
class Span:
    id: int
    start: int
    end: int


TEXT = 'He said the ties are "strong and lasting" in a letter. Then he left.'


def flat(mark: Mark) -> list[tuple[str, int | None, bool]]:
    """Every run in order with its statement, and whether it is that statement's first."""
    out: list[tuple[str, int | None, bool]] = []
    for child in mark.children:
        if isinstance(child, Run):
            out.append((child.text, child.statement_id, child.first))
        else:
            out += flat(child)
    return out


def span(words: str, ident: int) -> Span:
    start = TEXT.index(words)
    return Span(ident, start, start + len(words))


def test_the_runs_spell_the_text_whatever_the_statements() -> None:
    tree = highlight(TEXT, [span("the ties are", 1), span("Then he left", 2)])
    assert "".join(text for text, _, _ in flat(tree)) == TEXT


def test_a_partial_quote_nests_inside_its_mixed_statement() -> None:
    outer = span('the ties are "strong and lasting" in a letter', 1)
    inner = span('"strong and lasting"', 2)
    tree = highlight(TEXT, [inner, outer])
    assert marked_ids(tree) == [1, 2]
    (mixed,) = [c for c in tree.children if isinstance(c, Mark)]
    assert [c.statement_id for c in mixed.children] == [1, 2, 1]
    assert flat(mixed) == [
        ("the ties are ", 1, True),
        ('"strong and lasting"', 2, True),
        (" in a letter", 1, False),
    ]


def test_a_crossing_overlap_is_cut_at_the_end_it_starts_in() -> None:
    first = span("said the ties", 1)
    crossing = span("ties are", 2)
    tree = highlight(TEXT, [first, crossing])
    (outer,) = [c for c in tree.children if isinstance(c, Mark)]
    (inner,) = [c for c in outer.children if isinstance(c, Mark)]
    assert (inner.statement_id, TEXT[inner.start : inner.end]) == (2, "ties")
    assert "".join(t for t, _, _ in flat(tree)) == TEXT


@pytest.mark.parametrize(
    "spans",
    [
        [Span(1, 5, 5)],  # empty
        [Span(1, 60, 200)],  # runs past the text: cut at its end
    ],
)
def test_odd_spans_never_break_the_text(spans: list[Span]) -> None:
    tree = highlight(TEXT, spans)
    assert "".join(t for t, _, _ in flat(tree)) == TEXT


def test_text_outside_statements_belongs_to_none() -> None:
    tree = highlight(TEXT, [span("Then he left", 7)])
    assert flat(tree)[0] == ('He said the ties are "strong and lasting" in a letter. ', None, True)
    assert flat(tree)[1] == ("Then he left", 7, True)
