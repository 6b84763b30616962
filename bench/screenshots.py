"""Screenshots of the desk's main pages for docs/screenshots (not a test, not a benchmark).

Starts a throwaway embedded PostgreSQL, stores a few stories written for this script,
serves the app on a free loopback port and photographs each page with Debian's Chromium
through Playwright (no browser download). Run: `make screenshots`.
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import uvicorn
from _pg import bench_database

from api.app import create_app
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
]

PAGES = [
    ("start", "/", 900),
    ("document", "/documents/{early}?statement={partial}", 1700),
    ("search", "/search?quote=tak+terkalahkan+dan+abadi", 900),
    ("source", "/sources/{kim}", 900),
    ("corpus", "/corpus", 900),
]
"""Name, address and window height: the document page's panel scrolls within the window,
so its window is tall enough to show the panel whole."""


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


def shoot(url: str, chromium: str, ids: dict[str, int], out: Path, width: int) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, headless=True, args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": width, "height": 900})
        for name, path, height in PAGES:
            page.set_viewport_size({"width": width, "height": height})
            page.goto(url + path.format(**ids))
            page.wait_for_load_state("networkidle")
            target = out / f"{name}.png"
            page.screenshot(path=str(target), full_page=True)
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
        port = _free_port()
        server = uvicorn.Server(
            uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        try:
            shoot(f"http://127.0.0.1:{port}", args.chromium, ids, args.out, args.width)
        finally:
            server.should_exit = True
            thread.join(timeout=20)
            service.engine.dispose()


if __name__ == "__main__":
    main()
