"""Checks on input documents before anything is written, with per-field messages."""

from __future__ import annotations

import regex

from tracker.errors import ValidationError
from tracker.store.inputs import ChainHopIn, DocumentIn, HopIn, SourceIn, StatementIn
from tracker.vocabulary import RELATION_PATTERN, SOURCE_KINDS, STATEMENT_KINDS

_relation_re = regex.compile(RELATION_PATTERN)
_language_re = regex.compile(r"^[a-z]{2,3}$")
MAX_NAME_LENGTH = 300
MAX_URL_LENGTH = 2048
"""URLs are unique-indexed; a B-tree entry must stay well under PostgreSQL's 2.7 kB."""
MAX_TITLE_LENGTH = 1000


def check_text_param(value: str | None, field: str) -> str | None:
    """A free-text parameter PostgreSQL can store: no NUL characters."""
    if value is not None and "\x00" in value:
        raise ValidationError(
            f"{field} must not contain NUL characters",
            [{"field": field, "message": "must not contain NUL characters"}],
        )
    return value


def _nul_errors(doc: DocumentIn) -> list[dict[str, str]]:
    """Every string of the input that holds a NUL, which PostgreSQL text cannot store."""
    fields: list[tuple[str, str | None]] = [
        ("text", doc.text),
        ("language", doc.language),
        ("url", doc.url),
        ("title", doc.title),
        ("outlet", doc.outlet),
    ]
    for i, st in enumerate(doc.statements or ()):
        where = f"statements[{i}]"
        fields += [(f"{where}.cue", st.cue), (f"{where}.speaker_surface", st.speaker_surface)]
        sources = [(f"{where}.speaker", st.speaker)] + [
            (f"{where}.chain[{j}]", hop.source) for j, hop in enumerate(st.chain)
        ]
        fields += [(f"{where}.chain[{j}].cue", hop.cue) for j, hop in enumerate(st.chain)]
        fields += [(f"{where}.chain[{j}].relation", hop.relation) for j, hop in enumerate(st.chain)]
        for name, source in sources:
            if source is not None:
                fields += [
                    (f"{name}.name", source.name),
                    (f"{name}.role", source.role),
                    (f"{name}.affiliation", source.affiliation),
                ]
    return [
        {"field": field, "message": "must not contain NUL characters"}
        for field, value in fields
        if value is not None and "\x00" in value
    ]


def validate_document(doc: DocumentIn) -> None:
    """Raise one ValidationError listing every problem in ``doc``; return if none."""
    errors: list[dict[str, str]] = _nul_errors(doc)
    if not doc.text.strip():
        errors.append({"field": "text", "message": "must contain non-whitespace text"})
    if doc.language is not None and not _language_re.match(doc.language):
        errors.append({"field": "language", "message": "must be an ISO 639 code such as id or en"})
    if doc.url is not None and not doc.url.strip():
        errors.append({"field": "url", "message": "must not be blank"})
    if doc.url is not None and len(doc.url.encode()) > MAX_URL_LENGTH:
        errors.append({"field": "url", "message": f"longer than {MAX_URL_LENGTH} bytes"})
    if doc.title is not None and len(doc.title) > MAX_TITLE_LENGTH:
        errors.append({"field": "title", "message": f"longer than {MAX_TITLE_LENGTH}"})
    if doc.outlet is not None and len(doc.outlet) > MAX_NAME_LENGTH:
        errors.append({"field": "outlet", "message": f"longer than {MAX_NAME_LENGTH}"})
    if doc.outlet is not None and not doc.outlet.strip():
        errors.append({"field": "outlet", "message": "must not be blank"})
    for i, statement in enumerate(doc.statements or ()):
        errors.extend(_statement_errors(statement, len(doc.text), f"statements[{i}]"))
    if errors:
        raise ValidationError(f"{len(errors)} invalid field(s): {errors[0]['message']}", errors)


def _statement_errors(st: StatementIn, length: int, where: str) -> list[dict[str, str]]:
    errors: list[dict[str, str]] = []
    if not 0 <= st.start < st.end <= length:
        errors.append(
            {
                "field": f"{where}.end" if st.start >= 0 else f"{where}.start",
                "message": f"span [{st.start}, {st.end}) must satisfy 0 <= start < end <= {length}",
            }
        )
    if st.kind not in STATEMENT_KINDS:
        errors.append(
            {"field": f"{where}.kind", "message": f"must be one of {', '.join(STATEMENT_KINDS)}"}
        )
    if st.speaker is not None:
        errors.extend(_source_errors(st.speaker, f"{where}.speaker"))
    if st.speaker is None and not st.chain:
        errors.append({"field": f"{where}.speaker", "message": "a speaker or a chain is required"})
    for j, hop in enumerate(st.chain):
        errors.extend(_hop_errors(hop, j, length, f"{where}.chain[{j}]"))
    return errors


def _hop_errors(hop: HopIn, index: int, length: int, where: str) -> list[dict[str, str]]:
    errors = _source_errors(hop.source, where)
    if not _relation_re.match(hop.relation):
        errors.append(
            {"field": f"{where}.relation", "message": "must be lower_snake_case, e.g. citing"}
        )
    if hop.parent is not None and not 0 <= hop.parent < index:
        errors.append({"field": f"{where}.parent", "message": "must name an earlier hop"})
    if (hop.evidence_start is None) != (hop.evidence_end is None) or (
        hop.evidence_start is not None
        and hop.evidence_end is not None
        and not 0 <= hop.evidence_start < hop.evidence_end <= length
    ):
        errors.append({"field": f"{where}.evidence", "message": "evidence span out of range"})
    return errors


def _source_errors(source: SourceIn, where: str) -> list[dict[str, str]]:
    errors: list[dict[str, str]] = []
    if not source.name.strip():
        errors.append({"field": f"{where}.name", "message": "must not be blank"})
    elif len(source.name) > MAX_NAME_LENGTH:
        errors.append({"field": f"{where}.name", "message": f"longer than {MAX_NAME_LENGTH}"})
    if source.kind not in SOURCE_KINDS:
        errors.append(
            {"field": f"{where}.kind", "message": f"must be one of {', '.join(SOURCE_KINDS)}"}
        )
    return errors


MAX_CHAIN_HOPS = 32
"""The longest chain a reviewer may enter in one statement."""


def _raise_if(errors: list[dict[str, str]]) -> None:
    if errors:
        raise ValidationError(f"{len(errors)} invalid field(s): {errors[0]['message']}", errors)


def validate_source(source: SourceIn, where: str) -> None:
    """A source named in a review: a name, a known kind, no NUL characters."""
    errors = _source_errors(source, where)
    for field, value in (("name", source.name), ("role", source.role)):
        if value is not None and "\x00" in value:
            errors.append(
                {"field": f"{where}.{field}", "message": "must not contain NUL characters"}
            )
    _raise_if(errors)


def validate_chain(chain: tuple[ChainHopIn, ...]) -> None:
    """A chain a reviewer gives: 1 to MAX_CHAIN_HOPS hops, each one source, sane relations."""
    errors: list[dict[str, str]] = []
    if not 1 <= len(chain) <= MAX_CHAIN_HOPS:
        errors.append({"field": "chain", "message": f"must have 1 to {MAX_CHAIN_HOPS} hops"})
    for j, hop in enumerate(chain):
        where = f"chain[{j}]"
        if (hop.source is None) == (hop.source_id is None):
            errors.append({"field": where, "message": "give either name and kind, or source_id"})
        if hop.source is not None:
            errors.extend(_source_errors(hop.source, where))
        if not _relation_re.match(hop.relation):
            errors.append(
                {"field": f"{where}.relation", "message": "must be lower_snake_case, e.g. citing"}
            )
        for field, value in (("cue", hop.cue), ("name", hop.source and hop.source.name)):
            if value and "\x00" in value:
                errors.append(
                    {"field": f"{where}.{field}", "message": "must not contain NUL characters"}
                )
    _raise_if(errors)


def validate_span(start: int, end: int, length: int) -> None:
    """A statement span inside its document's text."""
    if not 0 <= start < end <= length:
        _raise_if(
            [
                {
                    "field": "end" if start >= 0 else "start",
                    "message": f"span [{start}, {end}) must satisfy 0 <= start < end <= {length}",
                }
            ]
        )


def validate_statement_kind(kind: str) -> None:
    if kind not in STATEMENT_KINDS:
        _raise_if([{"field": "kind", "message": f"must be one of {', '.join(STATEMENT_KINDS)}"}])
