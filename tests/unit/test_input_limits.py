"""Input bounds checked before PostgreSQL or a recursive decoder sees the input (no database)."""

from __future__ import annotations

import base64
import json

import pytest

from tracker.errors import ParameterError, TooLargeError, ValidationError
from tracker.store.inputs import DocumentIn, HopIn, SourceIn, StatementIn
from tracker.store.pagination import decode_cursor, encode_cursor
from tracker.store.validation import (
    MAX_ERRORS,
    MAX_HOPS,
    MAX_JSON_DEPTH,
    MAX_NAME_KEY_BYTES,
    MAX_NAME_LENGTH,
    MAX_STATEMENT_BYTES,
    MAX_STATEMENTS,
    MAX_URL_LENGTH,
    check_json_depth,
    json_depth,
    validate_document,
)

TEXT = "Budi berkata bahwa harga beras akan turun bulan depan di seluruh Jawa."


@pytest.mark.parametrize(
    ("data", "depth"),
    [
        (b"", 0),
        (b'"just a string"', 0),
        (b"[]", 1),
        (b'{"a": {"b": [1, 2, {"c": []}]}}', 5),
        (b'{"a": "[[[[{{{{"}', 1),  # brackets inside strings do not count
        (b'{"a": "\\"[[[", "b": ["]"]}', 2),  # nor after an escaped quote
        (b'["\\\\", [[]]]', 3),  # an escaped backslash ends before the quote
        (b"[" * 1000 + b"]" * 1000, 1000),
        (b"[" * 5000, 5000),  # malformed: counted, then refused by the decoder
    ],
)  # fmt: skip
def test_json_depth_counts_nesting_outside_strings(data: bytes, depth: int) -> None:
    assert json_depth(data) == depth


def test_json_deeper_than_the_limit_is_refused_with_the_limit_named() -> None:
    at_limit = b"[" * MAX_JSON_DEPTH + b"]" * MAX_JSON_DEPTH
    check_json_depth(at_limit)
    with pytest.raises(TooLargeError, match=f"nested {MAX_JSON_DEPTH + 1} levels deep; at most "
                       f"{MAX_JSON_DEPTH}"):  # fmt: skip
        check_json_depth(b"[" + at_limit + b"]")


def _statement(**overrides: object) -> StatementIn:
    fields: dict[str, object] = {
        "start": 0,
        "end": 4,
        "kind": "direct",
        "speaker": SourceIn("Budi Santoso", "person"),
    }
    fields.update(overrides)
    return StatementIn(**fields)  # type: ignore[arg-type]


def _errors(doc: DocumentIn, **kwargs: int) -> list[dict[str, str]]:
    with pytest.raises(ValidationError) as raised:
        validate_document(doc, **kwargs)
    return raised.value.errors


def _one_error(doc: DocumentIn) -> tuple[str, str]:
    errors = _errors(doc)
    assert len(errors) == 1, errors
    return errors[0]["field"], errors[0]["message"]


def _speaker(**overrides: object) -> DocumentIn:
    speaker = {"name": "Budi Santoso", "kind": "person", **overrides}
    return DocumentIn(TEXT, statements=(_statement(speaker=SourceIn(**speaker)),))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("doc", "field", "message"),
    [
        # a blank affiliation became a source named "   ": a CHECK refused it (500)
        (_speaker(affiliation="   "), "statements[0].speaker.affiliation", "must not be blank"),
        # 3,000 characters overflowed the name index's 2,704-byte entries (503)
        (_speaker(affiliation="x" * 3000), "statements[0].speaker.affiliation",
         "longer than 300 characters"),
        (_speaker(role=" \t"), "statements[0].speaker.role", "must not be blank"),
        (_speaker(role="r" * (MAX_NAME_LENGTH + 1)), "statements[0].speaker.role",
         "longer than 300 characters"),
        # few characters, a long key: NFKD spells U+FDFA out in 18 letters
        (_speaker(name="\ufdfa" * 120), "statements[0].speaker.name",
         f"matching key longer than {MAX_NAME_KEY_BYTES} bytes"),
        (_speaker(name="Budi \ud800"), "statements[0].speaker.name", "must be valid Unicode"),
        (DocumentIn(TEXT, title=" "), "title", "must not be blank"),
        (DocumentIn(TEXT, outlet="o" * 301), "outlet", "longer than 300 characters"),
        (DocumentIn(TEXT, url="https://example.test/" + "é" * MAX_URL_LENGTH), "url",
         f"longer than {MAX_URL_LENGTH} bytes"),
        # Python's $ matches before a final newline; PostgreSQL's CHECK does not
        (DocumentIn(TEXT, language="en\n"), "language", "must be an ISO 639 code"),
        (DocumentIn(TEXT, statements=(_statement(cue="  "),)), "statements[0].cue",
         "must not be blank"),
        (DocumentIn(TEXT, statements=(_statement(cue="c" * 201),)), "statements[0].cue",
         "longer than 200 characters"),
        (DocumentIn(TEXT, statements=(_statement(
            speaker=None, chain=(HopIn(SourceIn("Antara", "news_outlet"), relation="said\n"),)),)),
         "statements[0].chain[0].relation", "lower_snake_case"),
        (DocumentIn(TEXT, statements=(_statement(chain=(
            HopIn(SourceIn("Antara", "news_outlet"), upstream_statement_id=2**63),)),)),
         "statements[0].chain[0].upstream_statement_id", "must be in 1.."),
        (DocumentIn(TEXT, statements=(_statement(chain=tuple(
            HopIn(SourceIn(f"Relay {i}", "news_outlet")) for i in range(MAX_HOPS + 1))),)),
         "statements[0].chain", f"{MAX_HOPS + 1} hops; at most {MAX_HOPS}"),
    ],
)  # fmt: skip
def test_each_field_is_bounded_and_named(doc: DocumentIn, field: str, message: str) -> None:
    found_field, found_message = _one_error(doc)
    assert found_field == field
    assert message in found_message


def test_a_statement_span_is_bounded_in_bytes_not_characters() -> None:
    # 4-byte characters: 40,000 of them pass a character count of 131,072 but not the bytes
    text = "\U0001f600" * 40_000
    field, message = _one_error(DocumentIn(text, statements=(_statement(end=len(text)),)))
    assert field == "statements[0].end"
    assert f"span of 160000 bytes; at most {MAX_STATEMENT_BYTES}" in message
    at_limit = "a" * MAX_STATEMENT_BYTES
    validate_document(DocumentIn(at_limit, statements=(_statement(end=len(at_limit)),)))


def test_values_at_their_bounds_pass() -> None:
    name = "N" * MAX_NAME_LENGTH
    validate_document(
        DocumentIn(
            TEXT,
            url="https://example.test/" + "a" * (MAX_URL_LENGTH - 21),
            title="T" * 1000,
            outlet=name,
            statements=(
                _statement(
                    speaker=SourceIn(name, "person", role=name, affiliation=name), cue="c" * 200
                ),
            ),
        )
    )


def test_statements_over_the_limit_are_refused_before_each_is_checked() -> None:
    statements = tuple(_statement(kind="nonsense") for _ in range(MAX_STATEMENTS + 1))
    errors = _errors(DocumentIn(TEXT, statements=statements))
    assert errors == [
        {
            "field": "statements",
            "message": f"{MAX_STATEMENTS + 1} statements; at most {MAX_STATEMENTS} per document "
            "(TRACKER_MAX_STATEMENTS)",
        }
    ]
    assert _errors(DocumentIn(TEXT, statements=statements[:4]), max_statements=3)[0]["field"] == (
        "statements"
    )
    validate_document(DocumentIn(TEXT, statements=statements[:3][:0]), max_statements=3)


def test_a_response_lists_at_most_max_errors() -> None:
    statements = tuple(_statement(kind="nonsense") for _ in range(MAX_STATEMENTS))
    errors = _errors(DocumentIn(TEXT, statements=statements))
    assert len(errors) == MAX_ERRORS


@pytest.mark.parametrize(
    "cursor",
    [
        "zzz",
        "!!!!",
        encode_cursor(5) + "=",  # padding this API never writes
        base64.urlsafe_b64encode(b"[" * 3000 + b"]" * 3000).decode(),  # a RecursionError before
        base64.urlsafe_b64encode(json.dumps({"after": "5"}).encode()).decode().rstrip("="),
        base64.urlsafe_b64encode(b'{"after":5,"x":1}').decode().rstrip("="),
        base64.urlsafe_b64encode(b'{"after":-5}').decode().rstrip("="),
        encode_cursor(2**63),  # past bigint
    ],
)
def test_a_cursor_this_api_never_issued_is_a_parameter_error(cursor: str) -> None:
    with pytest.raises(ParameterError) as raised:
        decode_cursor(cursor)
    assert raised.value.errors[0]["field"] == "cursor"


@pytest.mark.parametrize("last_id", [0, 1, 987654, 2**63 - 1])
def test_issued_cursors_round_trip(last_id: int) -> None:
    assert decode_cursor(encode_cursor(last_id)) == last_id
