"""Allowed hosts, JSON media types and the database errors behind 503, 422 and 500 (no database)."""

from __future__ import annotations

import psycopg
import psycopg.errors
import pytest
from litestar.testing import RequestFactory
from sqlalchemy.exc import DataError, IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

from api.body import is_json_media_type
from api.errors import PROBLEM_JSON, database_error_handler
from api.hosts import AllowedHosts, header_host
from tracker.config import LOOPBACK_HOSTS, Settings
from tracker.errors import ConfigError


@pytest.mark.parametrize(
    ("header", "host"),
    [
        ("127.0.0.1:8000", "127.0.0.1"),
        ("LocalHost", "localhost"),
        ("localhost.:8000", "localhost"),
        ("[::1]:8000", "[::1]"),
        ("[::1]", "[::1]"),
        ("news.example.org", "news.example.org"),
        ("[::1", ""),
    ],
)
def test_header_host_drops_the_port(header: str, host: str) -> None:
    assert header_host(header) == host


def test_only_listed_hosts_are_allowed_whatever_the_port() -> None:
    guard = AllowedHosts(LOOPBACK_HOSTS)
    for header in ("127.0.0.1:8000", "localhost", "[::1]:9000", "LOCALHOST:1"):
        assert guard.allows(header), header
    for header in ("evil.example", "127.0.0.1.evil.example", "localhost.evil.example:80", "", None):
        assert not guard.allows(header), header
    assert AllowedHosts(["*"]).allows("anything.example")


@pytest.mark.parametrize(
    ("env", "hosts"),
    [
        ({}, ("localhost", "127.0.0.1", "[::1]")),
        ({"TRACKER_HOST": "0.0.0.0"}, ("localhost", "127.0.0.1", "[::1]", "0.0.0.0")),
        ({"TRACKER_HOST": "::1"}, ("localhost", "127.0.0.1", "[::1]")),
        # a list replaces the default, names normalized as a Host header gives them
        ({"TRACKER_ALLOWED_HOSTS": "News.Example.org., ::1 ,news.example.org"},
         ("news.example.org", "[::1]")),
        ({"TRACKER_ALLOWED_HOSTS": "*"}, ("*",)),
        ({"TRACKER_ALLOWED_HOSTS": " "}, ("localhost", "127.0.0.1", "[::1]")),
    ],
)  # fmt: skip
def test_allowed_hosts_setting(env: dict[str, str], hosts: tuple[str, ...]) -> None:
    assert Settings.from_env(env).allowed_hosts == hosts


@pytest.mark.parametrize("value", ["https://news.example.org", "*.example.org", "a b"])
def test_allowed_hosts_must_be_host_names(value: str) -> None:
    with pytest.raises(ConfigError, match="TRACKER_ALLOWED_HOSTS"):
        Settings.from_env({"TRACKER_ALLOWED_HOSTS": value})


def test_max_statements_setting() -> None:
    assert Settings.from_env({}).max_statements == 500
    assert Settings.from_env({"TRACKER_MAX_STATEMENTS": "50"}).max_statements == 50
    with pytest.raises(ConfigError):
        Settings.from_env({"TRACKER_MAX_STATEMENTS": "0"})


@pytest.mark.parametrize(
    ("media_type", "json"),
    [
        ("application/json", True),
        ("Application/JSON", True),
        ("application/merge-patch+json", True),
        ("text/plain", False),
        ("application/x-www-form-urlencoded", False),
        ("multipart/form-data", False),
        ("", False),
        ("text/json+json", False),
    ],
)
def test_json_media_types(media_type: str, json: bool) -> None:
    assert is_json_media_type(media_type) is json


def _wrapped(cls: type[Exception], orig: Exception) -> Exception:
    return cls("INSERT …", {}, orig)  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("error", "status"),
    [
        # the database really cannot serve: 503, and clients are told when to retry
        (_wrapped(OperationalError, psycopg.OperationalError("connection refused")), 503),
        (_wrapped(OperationalError, psycopg.errors.AdminShutdown()), 503),
        (_wrapped(OperationalError, psycopg.errors.TooManyConnections()), 503),
        (PoolTimeoutError("QueuePool limit reached"), 503),
        (psycopg.OperationalError("server closed the connection unexpectedly"), 503),
        # a value PostgreSQL refused: validation missed a rule, the client sent the value
        (_wrapped(OperationalError, psycopg.errors.ProgramLimitExceeded("index row")), 422),
        (psycopg.errors.ProgramLimitExceeded("string is too long for tsvector"), 422),
        (_wrapped(IntegrityError, psycopg.errors.CheckViolation("ck_source_name")), 422),
        (_wrapped(DataError, psycopg.errors.NumericValueOutOfRange()), 422),
        # a bug of ours stays a 500: retrying it will not help
        (_wrapped(ProgrammingError, psycopg.errors.UndefinedTable("relation")), 500),
        (_wrapped(IntegrityError, psycopg.errors.UniqueViolation("uq")), 500),
        (_wrapped(IntegrityError, psycopg.errors.ForeignKeyViolation("fk")), 500),
        (_wrapped(OperationalError, psycopg.errors.QueryCanceled()), 500),
    ],
)  # fmt: skip
def test_database_errors_map_to_503_only_when_it_cannot_serve(
    error: Exception, status: int
) -> None:
    request = RequestFactory().post("/api/v1/documents")
    response = database_error_handler(request, error)
    assert response.status_code == status
    assert response.media_type == PROBLEM_JSON
    assert ("Retry-After" in response.headers) is (status == 503)
