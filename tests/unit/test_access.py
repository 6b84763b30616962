"""Keys, roles, If-Match and the review CLI's chain parsing: pure rules, no database."""

from __future__ import annotations

import hashlib
from types import SimpleNamespace
from typing import Any

import pytest

from api.auth import access, needed_role
from api.preconditions import etag, if_match
from tracker.access.actor import PUBLIC, role_allows
from tracker.access.keys import KEY_PREFIX, check_name, hash_key, new_key
from tracker.errors import ParameterError, PreconditionRequiredError, ValidationError
from tracker.review.commands import parse_chain
from tracker.store.visibility import visible_sql


@pytest.mark.parametrize(
    ("role", "needed", "allowed"),
    [
        ("reader", "reader", True),
        ("reader", "editor", False),
        ("editor", "reader", True),
        ("editor", "editor", True),
        ("editor", "admin", False),
        ("admin", "editor", True),
        ("admin", "admin", True),
        (None, "reader", False),
        ("root", "reader", False),
        (None, PUBLIC, True),
    ],
)
def test_each_role_includes_the_ones_before_it(
    role: str | None, needed: str, allowed: bool
) -> None:
    assert role_allows(role, needed) is allowed


def test_keys_are_256_random_bits_kept_as_sha256() -> None:
    keys = {new_key() for _ in range(200)}
    assert len(keys) == 200
    for key in keys:
        assert key.startswith(KEY_PREFIX) and len(key) == len(KEY_PREFIX) + 43
        assert hash_key(key) == hashlib.sha256(key.encode()).hexdigest()


@pytest.mark.parametrize("name", ["", "with space", "-dash-first", "x" * 65, "ünï"])
def test_bad_key_names_are_refused(name: str) -> None:
    with pytest.raises(ValidationError):
        check_name(name)


def _handler(role: str | None, methods: set[str] | None = None, name: str = "read") -> Any:
    opt = {} if role is None else {"role": role}
    return SimpleNamespace(opt=opt, http_methods=methods or {"GET"}, handler_name=name)


@pytest.mark.parametrize(
    ("role", "reads", "needed"),
    [
        ("reader", "public", PUBLIC),
        ("reader", "key", "reader"),
        ("editor", "public", "editor"),
        ("admin", "key", "admin"),
        ("public", "key", PUBLIC),
        (None, "public", "admin"),  # a route that declares nothing is closed
    ],
)
def test_the_role_a_route_needs(role: str | None, reads: str, needed: str) -> None:
    assert needed_role(_handler(role), reads) == needed


def test_litestars_own_options_answers_are_public() -> None:
    automatic = _handler("reader", {"OPTIONS"}, name="options_handler")
    assert needed_role(automatic, "key") == PUBLIC
    assert needed_role(_handler(None, {"OPTIONS"}, name="preflight"), "key") == "admin"


def test_write_routes_document_auth_statuses_and_bearer() -> None:
    spec = access("editor", 409)
    assert spec["opt"] == {"role": "editor"}
    # 400 always (the Host check), 409 its own, 401 and 403 for the key; the operation
    # class adds what its parameters and body imply (api.openapi.implied_statuses)
    assert set(spec["responses"]) == {400, 401, 403, 409}
    assert spec["operation_class"].contract.role == "editor"
    assert "editor or admin" in spec["responses"][401].description
    assert spec["security"] == [{"bearer": []}]
    assert access("reader")["security"] == [{}, {"bearer": []}]  # optional by default


@pytest.mark.parametrize(("header", "version"), [('"3"', 3), (' "12" ', 12), ('"0"', 0)])
def test_if_match_reads_our_etags(header: str, version: int) -> None:
    assert if_match(header, required=True) == version
    assert if_match(header, required=False) == version


@pytest.mark.parametrize("header", ['W/"3"', '"abc"', '"1234567890"', '""'])
def test_an_entity_tag_not_of_ours_never_matches(header: str) -> None:
    """RFC 9110 compares If-Match strongly: version 0, which no row has, so a 412."""
    assert if_match(header, required=True) == 0
    assert if_match(header, required=False) == 0


@pytest.mark.parametrize("header", ["3", '"1", "2"', '"3', "W/3", '"a b"', ""])
def test_an_if_match_that_is_no_entity_tag_is_malformed(header: str) -> None:
    with pytest.raises(ParameterError, match="If-Match"):
        if_match(header, required=False)
    if header:
        with pytest.raises(ParameterError):
            if_match(header, required=True)


def test_if_match_missing_or_blind_is_428_where_required() -> None:
    for value in (None, "*", "", " "):
        with pytest.raises(PreconditionRequiredError):
            if_match(value, required=True)
    for value in (None, "*", " * "):
        assert if_match(value, required=False) is None
    assert etag(4) == {"ETag": '"4"'}


def test_the_cli_reads_the_apis_chain_shape() -> None:
    hops = parse_chain(
        '[{"name": "Yonhap", "kind": "news_outlet", "relation": "reported_by"}, {"source_id": 7}]'
    )
    assert hops[0].source is not None and hops[0].source.name == "Yonhap"
    assert hops[0].relation == "reported_by" and hops[1].source_id == 7
    for bad in ("{", '{"name": "x"}', '[{"name": 3}]', '[{"nmae": "x"}]', "[1]"):
        with pytest.raises(ValidationError):
            parse_chain(bad)


def test_the_visibility_predicate_hides_rejected_by_default() -> None:
    sql = visible_sql("st")
    assert "st.review_status <> 'rejected'" in sql
    assert "current_setting('tracker.include_rejected', true) = 'on'" in sql
