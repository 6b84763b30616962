"""The connection pool under concurrent requests: no connection opened per request, no
round trip spent pinging a connection in steady use, and a dropped one replaced."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.engine import Engine

from tests.integration.helpers import doc_with_chain, hop, outlet, person
from tracker import db
from tracker.config import Settings
from tracker.service import TrackerService

THREADS = 8


@pytest.fixture
def service(settings: Settings) -> Iterator[TrackerService]:
    svc = TrackerService(settings)
    yield svc
    svc.close()


def _statement_with_chain(service: TrackerService) -> int:
    quote = "The harvest will be early this year"
    body = f'Antara, citing the ministry, reported: "{quote}," Budi said.'
    chain = [hop(outlet("Antara"), "reported_by"), hop(person("Budi"))]
    stored = service.create_document(doc_with_chain(body, quote, chain), extract=False)
    return stored.document.statements[0].id


def _in_bursts(service: TrackerService, statement_id: int, rounds: int) -> list[BaseException]:
    """THREADS requests at once, then a lull, ``rounds`` times: each thread holds its
    connection until every thread has one, and walks once all have given theirs back."""
    errors: list[BaseException] = []
    together = threading.Barrier(THREADS)

    def work() -> None:
        try:
            for _ in range(rounds):
                with service.engine.connect() as conn:
                    conn.execute(text("SELECT 1"))
                    together.wait(30)
                together.wait(30)
                service.walk(statement_id)
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def _count_connects(engine: Engine) -> list[int]:
    opened = [0]

    def on_connect(*_: Any) -> None:
        opened[0] += 1

    event.listen(engine, "connect", on_connect)
    return opened


def test_concurrent_requests_reuse_pooled_connections(service: TrackerService) -> None:
    """As many threads as the pool holds: a smaller pool opened and closed a connection
    (a server process, the walk planned again) on every request over its size."""
    assert service.settings.db_pool_size >= THREADS
    sid = _statement_with_chain(service)
    opened = _count_connects(service.engine)
    assert _in_bursts(service, sid, rounds=10) == []
    assert opened[0] <= THREADS


def test_a_connection_in_steady_use_is_not_pinged(
    service: TrackerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = _statement_with_chain(service)
    pings = [0]
    real_ping = service.engine.dialect.do_ping

    def counting_ping(dbapi_connection: Any) -> bool:
        pings[0] += 1
        return bool(real_ping(dbapi_connection))

    monkeypatch.setattr(service.engine.dialect, "do_ping", counting_ping)
    for _ in range(50):
        service.walk(sid)
    assert pings[0] == 0


def test_a_connection_dropped_while_idle_is_replaced(
    service: TrackerService, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server restarted (or killed the backend) while the connection sat in the pool:
    the next request still succeeds, on a new connection."""
    backends: set[int] = set()
    event.listen(service.engine, "checkout", lambda dbapi, *_: backends.add(dbapi.info.backend_pid))
    sid = _statement_with_chain(service)
    before = service.walk(sid)
    monkeypatch.setattr(db, "PING_AFTER_IDLE_S", 0.0)
    with engine.begin() as conn:
        for pid in backends:
            assert conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar()
    assert service.walk(sid) == before
