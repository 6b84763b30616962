"""The extraction bridge: an article made ready for the writer, its statements extracted."""

from __future__ import annotations

from typing import Any

from tracker.extract import EXTRACTOR_VERSION, Extraction, detect_language, extract
from tracker.ingest.formats import RawItem
from tracker.store.identity import content_hash
from tracker.store.inputs import DocumentIn, HopIn, PreparedDocument, SourceIn, StatementIn
from tracker.store.outlets import outlet_source
from tracker.store.validation import MAX_STATEMENTS, validate_document
from tracker.vocabulary import MANUAL_ORIGIN


def source_in(ref: Any) -> SourceIn:
    """An extractor SourceRef as an input source."""
    return SourceIn(
        name=ref.name,
        kind=ref.kind,
        role=ref.role,
        affiliation=ref.affiliation,
        state_media=ref.state_media,
    )


INDEFINITE_WORDS = ("salah seorang", "seorang", "sebuah", "a", "an", "one")
"""Words that open an unnamed description ("seorang anggota parlemen …", "a lawmaker")."""


def described_people(extraction: Extraction) -> dict[str, SourceIn]:
    """Unnamed descriptions the text later names: anonymous source key -> the person.

    "seorang anggota parlemen Korea Selatan mengungkapkan …" and, later, "anggota
    parlemen Kang Dae Sik mengatakan …" are one lawmaker: the description is the
    named person's role. Only an unambiguous match (one named person with that role)
    is taken; the raw mention stays on the statement as its speaker surface.
    """
    people = [s for s in extraction.sources if s.kind == "person" and s.role]
    found: dict[str, SourceIn] = {}
    for source in extraction.sources:
        if source.kind != "anonymous":
            continue
        words = source.name.casefold()
        for article in INDEFINITE_WORDS:
            if words.startswith(article + " "):
                words = words[len(article) + 1 :]
                break
        else:
            continue
        matches = [p for p in people if _starts_with_words(words, (p.role or "").casefold())]
        if len(matches) == 1:
            person = matches[0]
            found[source.key] = SourceIn(
                name=person.name,
                kind="person",
                role=person.role,
                affiliation=person.affiliation or source.affiliation,
                state_media=person.state_media,
            )
    return found


def _starts_with_words(text_: str, prefix: str) -> bool:
    return bool(prefix) and (text_ == prefix or text_.startswith(prefix + " "))


def statements_from_extraction(extraction: Extraction) -> tuple[StatementIn, ...]:
    """The extractor's statements in the shape the store takes (chains nearest relay first)."""
    named = described_people(extraction)

    def mention(ref: Any) -> SourceIn:
        return named.get(ref.key) or source_in(ref)

    out: list[StatementIn] = []
    for st in extraction.statements:
        if st.speaker is None and not st.chain:
            continue
        chain = tuple(
            HopIn(
                source=mention(hop.source),
                relation=hop.relation,
                cue=hop.cue,
                evidence_start=hop.start if hop.start is not None and hop.end else None,
                evidence_end=hop.end if hop.start is not None and hop.end else None,
                surface=None,
            )
            for hop in st.chain
        )
        out.append(
            StatementIn(
                start=st.start,
                end=st.end,
                kind=st.kind,
                speaker=mention(st.speaker) if st.speaker is not None else None,
                chain=chain,
                cue=st.cue,
                cue_start=st.cue_start,
                cue_end=st.cue_end,
                speaker_surface=st.speaker_surface,
                rule=st.rule or None,
            )
        )
    return tuple(out)


def resolve_language(text_: str, given: str | None) -> str:
    """The document's language: as given, else detected between id and en."""
    return given or detect_language(text_)


def prepare_document(
    doc: DocumentIn,
    *,
    extract_statements: bool = True,
    label: str = "request",
    max_statements: int = MAX_STATEMENTS,
) -> PreparedDocument:
    """Validate ``doc`` and, if it carries no statements, run the extractor on it.

    Statements given are manual; extracted ones record the extractor version. The
    extractor knows the document's outlet (given, or the URL's), which is never a hop. Pure CPU
    work with no database, so `tracker ingest --jobs N` runs it in worker processes and
    only the writes happen in the parent. A document with more than ``max_statements``
    statements, given or extracted, is refused (TRACKER_MAX_STATEMENTS).
    """
    validate_document(doc, max_statements=max_statements)
    language = resolve_language(doc.text, doc.language)
    origin = MANUAL_ORIGIN if doc.statements is not None else EXTRACTOR_VERSION
    outlet = outlet_source(doc.outlet, doc.url)
    if doc.statements is None and extract_statements:
        # the document's own outlet is never a hop: "told Reuters" in a Reuters story
        extraction = extract(
            doc.text,
            language=language if language in ("id", "en") else "auto",
            outlet=outlet.name if outlet is not None else None,
        )
        doc = _with_statements(doc, statements_from_extraction(extraction))
        validate_document(doc, max_statements=max_statements)
    return PreparedDocument(
        doc=doc,
        language=language,
        outlet=outlet,
        content_hash=content_hash(doc.text),
        statement_origin=origin,
        label=label,
    )


def _with_statements(doc: DocumentIn, statements: tuple[StatementIn, ...]) -> DocumentIn:
    return DocumentIn(
        text=doc.text,
        language=doc.language,
        url=doc.url,
        title=doc.title,
        outlet=doc.outlet,
        published_at=doc.published_at,
        statements=statements,
    )


def prepare_item(
    item: RawItem,
    *,
    language: str | None = None,
    outlet: str | None = None,
    max_statements: int = MAX_STATEMENTS,
) -> PreparedDocument:
    """A read item made ready: overrides from the command line win over the file's own."""
    doc = DocumentIn(
        text=item.text,
        language=language or item.language,
        url=item.url,
        title=item.title,
        outlet=outlet or item.outlet,
        published_at=item.published_at,
        statements=None,
    )
    return prepare_document(doc, label=item.origin, max_statements=max_statements)
