"""Checks on input before anything is parsed deeper or written, with per-field messages.

Every bound here is derived from what PostgreSQL can store and index, so a value that
passes never reaches the database only to be refused there (which would be a 500, or a
503 that tells clients to retry):

- a B-tree entry holds at most 2,704 bytes; names are indexed by their matching key
  (``source (normalized_name, kind)``, ``source_alias (source_id, normalized)``) and
  URLs as they are (``document (url)``), so both are bounded in bytes, keys after
  normalization (NFKD can make a name's key several times longer than the name);
- a ``tsvector`` holds at most 1 MB (1,048,575 bytes); a statement's text is indexed as
  two of them (the ``simple`` and the language's configuration), which in the worst case
  measured take 3.9 times the text's bytes, and at most 6.7 times (a lexeme of two bytes
  plus its separator costs two 10-byte entries), so 128 KiB of text stays under 880 kB;
- other text columns are not indexed, but bounded all the same, in characters as people
  read them; blanks are refused where a blank means nothing (and a CHECK would refuse it).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import regex

from tracker.config import DEFAULT_MAX_STATEMENTS
from tracker.errors import ParameterError, TooLargeError, ValidationError
from tracker.store.inputs import ChainHopIn, DocumentIn, HopIn, SourceIn, StatementIn
from tracker.store.names import normalize_name
from tracker.vocabulary import RELATION_PATTERN, SOURCE_KINDS, STATEMENT_KINDS
from tracker.walk.model import MAX_DEPTH_LIMIT

_relation_re = regex.compile(RELATION_PATTERN)
_language_re = regex.compile(r"^[a-z]{2,3}$")

MAX_NAME_LENGTH = 300
"""Characters of a source's name, role or affiliation, and of an outlet's name."""
MAX_NAME_KEY_BYTES = 2000
"""UTF-8 bytes of a name's matching key: B-tree entries hold 2,704 bytes, less the kind
or source id beside it and the entry's own header."""
MAX_URL_LENGTH = 2048
"""UTF-8 bytes of a URL: URLs are unique-indexed (2,704 bytes per B-tree entry)."""
MAX_TITLE_LENGTH = 1000
"""Characters of a title (not indexed)."""
MAX_CUE_LENGTH = 200
"""Characters of a cue ("mengatakan", "according to"): a few words, never a paragraph."""
MAX_STATEMENT_BYTES = 128 * 1024
"""UTF-8 bytes of one statement's span: its full-text vector must stay under 1 MB."""
MAX_HOPS = MAX_DEPTH_LIMIT
"""Hops of one statement's chain: the deepest walk there is (``max_depth``) shows no more."""
MAX_STATEMENTS = DEFAULT_MAX_STATEMENTS
"""Statements per document, the default of TRACKER_MAX_STATEMENTS."""
MAX_ID = 2**63 - 1
"""Ids are PostgreSQL bigints."""
MAX_JSON_DEPTH = 64
"""Nesting of a JSON body or record: a document is four levels deep; decoders recurse."""
MAX_ERRORS = 100
"""Errors listed in one response: 20,000 bad statements need not make 20,000 lines."""


@dataclass(frozen=True, slots=True)
class TextRule:
    """What one text field may hold."""

    max_chars: int | None = None
    max_bytes: int | None = None
    key_bytes: int | None = None
    """Bound on the UTF-8 bytes of the value's name-matching key (indexed)."""
    blank: bool = False
    """Whether an empty or all-blank value is allowed."""


NAME = TextRule(max_chars=MAX_NAME_LENGTH, key_bytes=MAX_NAME_KEY_BYTES)
ROLE = TextRule(max_chars=MAX_NAME_LENGTH)
CUE = TextRule(max_chars=MAX_CUE_LENGTH)
SURFACE = TextRule(key_bytes=MAX_NAME_KEY_BYTES, blank=True)
"""A mention as the text wrote it (the extractor's): stored as an alias by its key."""
TEXT = TextRule()
URL = TextRule(max_bytes=MAX_URL_LENGTH)
TITLE = TextRule(max_chars=MAX_TITLE_LENGTH)


def name_key(name: str) -> str:
    """The key a name is indexed by, as the source resolver computes it."""
    return normalize_name(name) or name.casefold().strip()


def text_errors(field: str, value: str | None, rule: TextRule) -> list[dict[str, str]]:
    """Every way ``value`` breaks ``rule`` (none for an absent value)."""
    if value is None:
        return []
    if "\x00" in value:
        return [{"field": field, "message": "must not contain NUL characters"}]
    if not rule.blank and not value.strip():
        return [{"field": field, "message": "must not be blank"}]
    if rule.max_chars is not None and len(value) > rule.max_chars:
        message = f"longer than {rule.max_chars} characters ({len(value)})"
        return [{"field": field, "message": message}]
    try:
        size = len(value.encode())
    except UnicodeEncodeError:
        return [{"field": field, "message": "must be valid Unicode (a lone surrogate)"}]
    if rule.max_bytes is not None and size > rule.max_bytes:
        return [{"field": field, "message": f"longer than {rule.max_bytes} bytes ({size})"}]
    if rule.key_bytes is not None and len(key := name_key(value).encode()) > rule.key_bytes:
        message = f"matching key longer than {rule.key_bytes} bytes ({len(key)})"
        return [{"field": field, "message": message}]
    return []


def check_text_param(value: str | None, field: str) -> str | None:
    """A free-text parameter PostgreSQL can store: no NUL characters."""
    if value is not None and "\x00" in value:
        raise ParameterError(
            f"{field} must not contain NUL characters",
            [{"field": field, "message": "must not contain NUL characters"}],
        )
    return value


def validate_document(doc: DocumentIn, *, max_statements: int = MAX_STATEMENTS) -> None:
    """Raise one ValidationError listing every problem in ``doc``; return if none.

    ``max_statements`` bounds the statements (given or extracted) one document carries.
    """
    statements = doc.statements or ()
    if len(statements) > max_statements:
        message = (
            f"{len(statements)} statements; at most {max_statements} per document "
            "(TRACKER_MAX_STATEMENTS)"
        )
        raise ValidationError(message, [{"field": "statements", "message": message}])
    errors = _document_errors(doc)
    for i, statement in enumerate(statements):
        errors.extend(_statement_errors(statement, doc.text, f"statements[{i}]"))
        if len(errors) > MAX_ERRORS:
            break
    if errors:
        first = errors[0]
        raise ValidationError(
            f"{len(errors)} invalid field(s): {first['field']} {first['message']}",
            errors[:MAX_ERRORS],
        )


def _document_errors(doc: DocumentIn) -> list[dict[str, str]]:
    errors = [
        *text_errors("text", doc.text, TEXT),
        *text_errors("url", doc.url, URL),
        *text_errors("title", doc.title, TITLE),
        *text_errors("outlet", doc.outlet, NAME),
    ]
    if doc.language is not None and not _language_re.fullmatch(doc.language):
        errors.append({"field": "language", "message": "must be an ISO 639 code such as id or en"})
    return errors


def _statement_errors(st: StatementIn, text: str, where: str) -> list[dict[str, str]]:
    length = len(text)
    errors = [
        *text_errors(f"{where}.cue", st.cue, CUE),
        *text_errors(f"{where}.speaker_surface", st.speaker_surface, SURFACE),
    ]
    if not 0 <= st.start < st.end <= length:
        errors.append(
            {
                "field": f"{where}.end" if st.start >= 0 else f"{where}.start",
                "message": f"span [{st.start}, {st.end}) must satisfy 0 <= start < end <= {length}",
            }
        )
    elif (
        st.end - st.start > MAX_STATEMENT_BYTES // 4
        and (size := len(text[st.start : st.end].encode("utf-8", "replace"))) > MAX_STATEMENT_BYTES
    ):
        errors.append(
            {
                "field": f"{where}.end",
                "message": f"span of {size} bytes; at most {MAX_STATEMENT_BYTES} per statement",
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
    if len(st.chain) > MAX_HOPS:
        errors.append(
            {"field": f"{where}.chain", "message": f"{len(st.chain)} hops; at most {MAX_HOPS}"}
        )
        return errors
    for j, hop in enumerate(st.chain):
        errors.extend(_hop_errors(hop, j, length, f"{where}.chain[{j}]"))
    return errors


def _hop_errors(hop: HopIn, index: int, length: int, where: str) -> list[dict[str, str]]:
    errors = [
        *_source_errors(hop.source, where),
        *text_errors(f"{where}.cue", hop.cue, CUE),
        *text_errors(f"{where}.surface", hop.surface, SURFACE),
    ]
    if not _relation_re.fullmatch(hop.relation):
        errors.append(
            {"field": f"{where}.relation", "message": "must be lower_snake_case, e.g. citing"}
        )
    if hop.parent is not None and not 0 <= hop.parent < index:
        errors.append({"field": f"{where}.parent", "message": "must name an earlier hop"})
    if hop.upstream_statement_id is not None and not 1 <= hop.upstream_statement_id <= MAX_ID:
        errors.append(
            {"field": f"{where}.upstream_statement_id", "message": f"must be in 1..{MAX_ID}"}
        )
    if (hop.evidence_start is None) != (hop.evidence_end is None) or (
        hop.evidence_start is not None
        and hop.evidence_end is not None
        and not 0 <= hop.evidence_start < hop.evidence_end <= length
    ):
        errors.append({"field": f"{where}.evidence", "message": "evidence span out of range"})
    return errors


def _source_errors(source: SourceIn, where: str) -> list[dict[str, str]]:
    errors = [
        *text_errors(f"{where}.name", source.name, NAME),
        *text_errors(f"{where}.role", source.role, ROLE),
        *text_errors(f"{where}.affiliation", source.affiliation, NAME),
    ]
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


_json_string_re = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_not_brackets = bytes(b for b in range(256) if b not in b"[]{}")
_depth_steps = [0] * 256
_depth_steps[ord("[")] = _depth_steps[ord("{")] = 1
_depth_steps[ord("]")] = _depth_steps[ord("}")] = -1


def json_depth(data: bytes) -> int:
    """How deep the arrays and objects of JSON ``data`` nest, without decoding it.

    Strings are cut out first (brackets inside them do not count), then the brackets
    left are summed as +1 and -1: linear, in C, whatever the input. Not a validator:
    malformed JSON gets some number, and the decoder refuses it afterwards.
    """
    brackets = _json_string_re.sub(b"", data).translate(None, _not_brackets)
    return max(itertools.accumulate(map(_depth_steps.__getitem__, brackets)), default=0)


def check_json_depth(data: bytes, what: str = "JSON body", limit: int = MAX_JSON_DEPTH) -> None:
    """Refuse JSON nested deeper than ``limit`` before a recursive decoder meets it
    (Python's and msgspec's raise RecursionError a thousand levels down)."""
    depth = json_depth(data)
    if depth > limit:
        raise TooLargeError(f"{what} nested {depth} levels deep; at most {limit}")
