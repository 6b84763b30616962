"""Builders for test documents: short texts written for the tests, with chains by hand."""

from __future__ import annotations

from tracker.store.inputs import DocumentIn, HopIn, SourceIn, StatementIn


def person(name: str) -> SourceIn:
    return SourceIn(name=name, kind="person")


def outlet(name: str) -> SourceIn:
    return SourceIn(name=name, kind="news_outlet")


def hop(source: SourceIn, relation: str = "said", **kw: object) -> HopIn:
    return HopIn(source=source, relation=relation, **kw)  # type: ignore[arg-type]


def doc_with_chain(text: str, quote: str, chain: list[HopIn], **kw: object) -> DocumentIn:
    """A document whose one statement is ``quote`` (found in ``text``) with ``chain``."""
    start = text.index(quote)
    statement = StatementIn(
        start=start,
        end=start + len(quote),
        kind="direct",
        speaker=chain[-1].source,
        chain=tuple(chain),
    )
    return DocumentIn(text=text, language="en", statements=(statement,), **kw)  # type: ignore[arg-type]
