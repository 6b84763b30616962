"""The OpenAPI document tells the truth: schemathesis sends every operation schema-valid
and schema-violating requests, with an admin key and without one, and checks every
answer against the document with all its checks (status, content type, body, headers,
405 with Allow, ignored auth, missing headers, bad data rejected, good data accepted).

The database holds three stories (ids 1 to 13 exist), a rejected statement, keys and an
audit trail. Reads share one such database; each writing operation gets one of its own,
so a merge or a revoked key cannot change what another operation meets. Bounded
(``MAX_EXAMPLES`` per operation and phase) and deterministic (a fixed seed,
derandomized, no example database), so CI sees what a developer saw.

Statuses expected beyond schemathesis's defaults, each a state of the database or a rule
JSON Schema cannot state, never a judgement on the request's shape:
- accepted data may meet 412 (a well-formed If-Match naming a version not stored) and 422
  (a body valid in shape whose offsets fall outside its text, a speaker both named and
  given, a name whose matching key outgrows its index): the README's rule, 422 for a body
  that fails validation; only bodies document 422, and status_code_conformance holds
  every other operation to that;
- a missing If-Match is a 428 (RFC 6585), the status made for it.
"""

from __future__ import annotations

import os
import re
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from litestar import Litestar
from litestar.testing import TestClient
from pytest_postgresql.janitor import DatabaseJanitor
from schemathesis.config import SchemathesisConfig
from schemathesis.python import asgi

from api.app import create_app
from api.params import CURSOR_FORMAT, WORDS_FORMAT
from tests.conftest import TEST_HOSTS, conninfo_url
from tests.keys import TEST_ACTOR, bearer, issue_key
from tests.review.world import story
from tracker.config import Settings
from tracker.db import make_engine
from tracker.provenance.identity import fingerprint
from tracker.service import TrackerService
from tracker.store.names import normalize_name
from tracker.store.pagination import MAX_ID, decode_cursor, encode_cursor

MAX_EXAMPLES = 25
SEED = 14
# The two relaxed checks (see the module docstring for why each status is allowed):
# schemathesis's defaults plus 412 and 422 (5xx taken out: a schema-valid request never
# earns one), and plus 428 for a required If-Match left out. Nothing else is relaxed.
_POSITIVE = ["2xx", "3xx", "401", "403", "404", "409", "412", "422", "429"]
_MISSING_HEADER = ["400", "401", "403", "406", "415", "422", "428"]
CONFIG = SchemathesisConfig.from_dict(
    {
        "seed": SEED,
        "generation": {"max-examples": MAX_EXAMPLES, "deterministic": True, "database": "none"},
        "checks": {
            "positive_data_acceptance": {"expected-statuses": _POSITIVE},
            "missing_required_header": {"expected-statuses": _MISSING_HEADER},
        },
    }
)
DOCUMENT = create_app(Settings(database_url="postgresql+psycopg://unused@/unused")).openapi_schema
SCHEMA = schemathesis.openapi.from_dict(DOCUMENT.to_schema(), config=CONFIG)

# The formats the document names for rules JSON Schema cannot say: a cursor this API
# issued, and text with a letter or digit in it.
CURSORS = st.integers(min_value=0, max_value=MAX_ID).map(encode_cursor)
WORDS = st.tuples(
    st.text(st.characters(exclude_characters="\x00"), max_size=12),
    st.text(string.ascii_letters + string.digits, min_size=1, max_size=12),
    st.text(st.characters(exclude_characters="\x00"), max_size=12),
).map("".join)
schemathesis.openapi.format(CURSOR_FORMAT, CURSORS)
schemathesis.openapi.format(WORDS_FORMAT, WORDS)

IF_MATCH_RE = re.compile(r'\*|(W/)?"[!#-~]*"')
FUZZ_HOSTS = (*TEST_HOSTS, asgi.HOST)
"""schemathesis's ASGI client sends Host: testserver."""
HYPOTHESIS = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
Fuzzed = tuple[Litestar, str]
"""An app on a seeded database, and an admin key to it."""


def seeded_app(url: str, data_dir: Path) -> Fuzzed:
    """Three stories, a rejected statement, an editor and an admin key; the app and the
    admin's key."""
    settings_ = Settings(database_url=url, data_dir=data_dir, allowed_hosts=FUZZ_HOSTS)
    engine = make_engine(url)
    try:
        service = TrackerService(settings_, engine=engine)
        stories = [story(service) for _ in range(3)]
        service.review_statement(TEST_ACTOR, stories[2].first_hand.id, "reject")
        issue_key(settings_, engine, "fuzz-editor", "editor")
        key = issue_key(settings_, engine, "fuzz-admin", "admin")
    finally:
        engine.dispose()
    return create_app(settings_), key


@pytest.fixture(scope="module")
def shared(postgresql_proc: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fuzzed]:
    """One seeded database for every operation that writes nothing (reads; no key)."""
    proc = postgresql_proc
    dbname = f"tracker_test_{os.getpid()}_contract"
    janitor = DatabaseJanitor(
        user=proc.user,
        host=proc.host,
        port=proc.port,
        dbname=dbname,
        template_dbname=proc.template_dbname,
        password=proc.password,
    )
    with janitor:
        url = conninfo_url(proc.host, proc.port, proc.user, proc.password, dbname)
        yield seeded_app(url, tmp_path_factory.mktemp("contract"))
        asgi.shutdown_lifespans()  # schemathesis keeps each app's lifespan open until told


@pytest.fixture
def own(db_url: str, tmp_path: Path) -> Iterator[Fuzzed]:
    """A seeded database of this operation's own: it writes."""
    yield seeded_app(db_url, tmp_path / "data")
    asgi.shutdown_lifespans()  # the shared app's starts again when next called


def on(app: Litestar, case: Any) -> Any:
    """The case, sent to ``app``, the probes of its checks included."""
    case.operation.app = case.operation.schema.app = app
    return case


def with_a_valid_if_match(case: Any) -> Any:
    """The case, with an If-Match its schema allows where schemathesis meant one.

    Its coverage phase writes only letters and digits into headers, so for If-Match
    (``"3"`` in quotes, or ``*``) it sends ``0`` and still calls the case valid, which the
    API rightly answers with 400. Such a case tests another part of the request (a body's
    boundary value), so it gets the If-Match it meant: a well-formed one.
    """
    meta = case.meta
    headers = case.headers or {}
    value = headers.get("If-Match")
    positive = meta is not None and meta.generation.mode.is_positive
    if positive and value is not None and not IF_MATCH_RE.fullmatch(value.strip()):
        headers["If-Match"] = '"1"'
    return case


def reaches_a_route(case: Any) -> bool:
    """Whether the router hands the request to a route (and its guard) at all: not for a
    method the path lacks (405) nor a path id that is no integer (404, no such path)."""
    if case.method.upper() != case.operation.method.upper():
        return False
    declared = {p.name: p.definition.get("schema", {}) for p in case.operation.path_parameters}
    return all(
        not (schema.get("type") == "integer" and type(case.path_parameters.get(name)) is not int)
        for name, schema in declared.items()
    )


def needs_key(case: Any) -> bool:
    """Whether the operation needs a key even when reads are public."""
    security = case.operation.definition.raw.get("security") or []
    return bool(security) and {} not in security


@SCHEMA.parametrize()
@HYPOTHESIS
def test_every_operation_answers_as_documented_to_an_admin(
    case: Any, request: pytest.FixtureRequest
) -> None:
    writes = case.operation.method.upper() != "GET"
    app, key = request.getfixturevalue("own" if writes else "shared")
    on(app, with_a_valid_if_match(case)).call_and_validate(headers=bearer(key))


@SCHEMA.parametrize()
@HYPOTHESIS
def test_without_a_key_only_public_reads_answer(case: Any, shared: Fuzzed) -> None:
    app, _ = shared
    response = on(app, with_a_valid_if_match(case)).call_and_validate()
    if needs_key(case) and reaches_a_route(case):
        assert response.status_code == 401, (case.method, case.path, response.text)
        assert response.headers["www-authenticate"][0].startswith("Bearer ")


def test_the_served_document_is_the_one_tested() -> None:
    app = create_app(Settings(database_url="postgresql+psycopg://unused@/unused"))
    with TestClient(app=app, base_url="http://localhost") as client:
        served = client.get("/schema/openapi.json").json()
    assert served == DOCUMENT.to_schema()


@given(CURSORS)
@settings(max_examples=50, derandomize=True, database=None)
def test_the_cursors_the_format_makes_are_ones_the_api_takes(cursor: str) -> None:
    assert decode_cursor(cursor) is not None


@given(WORDS)
@settings(max_examples=50, derandomize=True, database=None)
def test_the_words_the_format_makes_are_words_to_the_api(words: str) -> None:
    assert fingerprint(words) and normalize_name(words)
