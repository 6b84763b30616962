"""Browser tests: Debian's Chromium driven by Playwright, against a real server on this
test's database.

No browser is downloaded: Playwright launches the system's Chromium through
``executable_path``. Without one (or without Playwright) the browser tests are skipped
with one line, except under CI=true, where that is a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from sqlalchemy.engine import Engine

from api.app import create_app
from tracker.config import Settings
from tracker.service import TrackerService

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 15_000


def find_chromium() -> str | None:
    """TRACKER_CHROMIUM, else Debian's chromium package, else any chromium on PATH."""
    named = os.environ.get("TRACKER_CHROMIUM")
    if named:
        return named if Path(named).is_file() else None
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    return shutil.which("chromium") or shutil.which("chromium-browser")


def browser_unavailable() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (make install installs the dev extras)"
    if find_chromium() is None:
        return "no Chromium found (apt-get install chromium, or set TRACKER_CHROMIUM)"
    return None


def require_browser() -> None:
    """Skip the calling test module in one line, or fail it under CI=true."""
    missing = browser_unavailable()
    if missing is None:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests cannot run under CI: {missing}", pytrace=False)
    pytest.skip(f"browser tests skipped: {missing}", allow_module_level=True)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the session (Playwright gives it an empty profile)."""
    from playwright.sync_api import sync_playwright

    executable = find_chromium()
    assert executable is not None, "test modules call require_browser() first"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh context (no cookies, no cache) and page; JavaScript on."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    opened = context.new_page()
    yield opened
    context.close()


@dataclass(frozen=True, slots=True)
class LiveServer:
    """A `tracker serve` equivalent on this test's database."""

    url: str
    service: TrackerService


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def live_server(settings: Settings, engine: Engine) -> Iterator[LiveServer]:
    """uvicorn serving create_app(settings) on a free loopback port, in a thread."""
    port = _free_port()
    config = uvicorn.Config(
        create_app(settings), host="127.0.0.1", port=port, log_level="warning", lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="desk-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the desk's test server did not start")
        time.sleep(0.02)
    service = TrackerService(settings, engine=engine)
    try:
        yield LiveServer(f"http://127.0.0.1:{port}", service)
    finally:
        server.should_exit = True
        thread.join(timeout=20)
