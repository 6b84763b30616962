"""Screenshots of the desk's main pages for docs/screenshots (not a test, not a benchmark).

Starts a throwaway embedded PostgreSQL, stores a few stories written for this script,
serves the app on a free loopback port and photographs each page with Debian's Chromium
through Playwright (no browser download): as a reader, and signed in with an editor's
(then an admin's) key to show the review controls. Run: `make screenshots`.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import uvicorn
from _pg import bench_database

from api.app import create_app
from tracker.access.actor import Actor
from tracker.config import Settings
from tracker.service import TrackerService
from tracker.store.inputs import DocumentIn

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
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

STORIES = [
    DocumentIn(
        text=(
            "Seoul - Pemimpin Korea Utara Kim Jong Un memuji hubungan negaranya dengan Rusia "
            "pada Selasa.\n\n"
            "Berdasarkan laporan Yonhap yang mengutip media resmi Korea Utara, KCNA, Kim Jong Un "
            'menyatakan bahwa persahabatan kedua negara "tak terkalahkan dan abadi" dalam '
            "sebuah pesan kepada Presiden Rusia.\n\n"
            "Menteri Luar Negeri Korea Selatan Cho Tae-yul mengatakan pemerintahnya terus "
            "memantau perkembangan tersebut.\n\n"
            "Seorang pejabat yang tidak mau disebutkan namanya mengatakan pertemuan lanjutan "
            "sedang disiapkan."
        ),
        language="id",
        outlet="Kantor Berita Contoh",
        title="Kim memuji hubungan dengan Rusia",
        published_at=datetime(2026, 10, 6, 8, 0, tzinfo=UTC),
    ),
    DocumentIn(
        text=(
            "Jakarta - Kim Jong Un kembali memuji Rusia.\n\n"
            "Berdasarkan laporan Yonhap yang mengutip media resmi Korea Utara, KCNA, Kim Jong Un "
            'menyatakan bahwa persahabatan kedua negara "tak terkalahkan dan kekal" dalam '
            "sebuah pesan kepada Presiden Rusia."
        ),
        language="id",
        outlet="Harian Contoh",
        title="Kim kembali memuji Rusia",
        published_at=datetime(2026, 10, 8, 9, 30, tzinfo=UTC),
    ),
    DocumentIn(
        text=(
            "Harbor City - Water prices will fall next spring, the city's utility said on "
            'Monday. "We expect bills to drop by a tenth," said Ana Ruiz, the utility\'s '
            "director.\n\nAn official who asked not to be named said the plan had been delayed "
            "twice."
        ),
        language="en",
        outlet="Harbor Times",
        title="Water bills to fall, utility says",
        published_at=datetime(2026, 10, 7, 12, 0, tzinfo=UTC),
    ),
    DocumentIn(  # the same leader spelt another way: a second source, for the merge form
        text=(
            "Pyongyang - North Korea's leader praised its ties with Russia again. "
            '"Our friendship grows stronger every season," Chairman Kim said on Friday.'
        ),
        language="en",
        outlet="Harbor Times",
        title="Leader praises ties again",
        published_at=datetime(2026, 10, 9, 7, 0, tzinfo=UTC),
    ),
]

PAGES = [
    ("start", "/", 900, None, "editor"),
    ("document", "/documents/{early}?statement={partial}", 1700, None, None),
    ("review", "/documents/{early}?statement={partial}#panel", 4200, "#panel", "editor"),
    ("search", "/search?quote=tak+terkalahkan+dan+abadi", 900, None, None),
    ("source", "/sources/{kim}?merge_q=Kim", 900, None, "admin"),
    ("corpus", "/corpus", 900, None, None),
]
"""Name, address, window height, the element to photograph (None: the whole page) and
who is signed in (None: a reader). The document page's panel scrolls within the window,
so its window is tall enough to show the panel whole (with the review forms: very tall)."""
OPENED = {"review": "Edit the chain"}
"""The folded review form each shot opens first (by its summary), to show it filled in."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _seed(service: TrackerService) -> dict[str, int]:
    ids = [service.create_document(story).document.id for story in STORIES]
    early = service.get_document(ids[0])
    partial = next(s for s in early.statements if s.kind == "partial")
    assert partial.speaker is not None
    return {"early": ids[0], "partial": partial.id, "kim": partial.speaker.id}


def _keys(service: TrackerService) -> dict[str, str]:
    maker = Actor("screenshots")
    return {
        role: service.create_key(maker, f"desk-{role}", role).key for role in ("editor", "admin")
    }


def _sign_in(page: Any, url: str, key: str) -> None:
    page.goto(url + "/login")
    page.get_by_label("API key").fill(key)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(url + "/?done=signed-in")
    page.goto(url + "/")  # without the "signed in" notice


def shoot(
    url: str, chromium: str, ids: dict[str, int], keys: dict[str, str], out: Path, width: int
) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, headless=True, args=CHROMIUM_ARGS
        )
        contexts: dict[str | None, Any] = {}
        for name, path, height, selector, role in PAGES:
            if role not in contexts:
                contexts[role] = browser.new_context(viewport={"width": width, "height": 900})
                if role is not None:
                    _sign_in(contexts[role].new_page(), url, keys[role])
            page = contexts[role].new_page()
            page.set_viewport_size({"width": width, "height": height})
            page.goto(url + path.format(**ids))
            page.wait_for_load_state("networkidle")
            if name in OPENED:
                page.locator("summary", has_text=OPENED[name]).click()
            target = out / f"{name}.png"
            if selector is None:
                page.screenshot(path=str(target), full_page=True)
            else:
                page.locator(selector).screenshot(path=str(target))
            page.close()
            print(f"{target.relative_to(out.parent.parent)}")
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--width", type=int, default=1280)
    args = parser.parse_args()
    if not Path(args.chromium).is_file():
        sys.exit(f"no Chromium at {args.chromium} (apt-get install chromium)")
    with bench_database() as db_url:
        settings = Settings(database_url=db_url)
        service = TrackerService(settings)
        ids = _seed(service)
        keys = _keys(service)
        port = _free_port()
        server = uvicorn.Server(
            uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        try:
            shoot(f"http://127.0.0.1:{port}", args.chromium, ids, keys, args.out, args.width)
        finally:
            server.should_exit = True
            thread.join(timeout=20)
            service.engine.dispose()


if __name__ == "__main__":
    main()
