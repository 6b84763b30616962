"""Single-core speed of tracker.extract against a bare one-pass quote-mark scan; prints figures.

Usage: python bench/extract_speed.py [--corpora DIR] [--repeat N]

Times are CPU seconds of this process (best of N). The floor is one `regex` pass over
the same text that only finds quote marks. The adversarial set checks that time stays
linear in input size. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tracker.extract import extract  # noqa: E402

BARE_SCAN_re = regex.compile(r"''|[“”\"„«»‘’'‚‹›]")


def bare_scan(text: str) -> int:
    return sum(1 for _ in BARE_SCAN_re.finditer(text))


def load(corpora: Path) -> list[tuple[str, str]]:
    docs = []
    for name in ("pfsa_id_dev.jsonl", "polnear_dev.jsonl"):
        path = corpora / name
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                docs.extend((d["text"], d["lang"]) for d in map(json.loads, fh))
    return docs


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    """Best CPU time of `repeat` runs: process time, so another job sharing the core does
    not inflate the figure the way wall-clock time would."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return max(best, 1e-6)


def adversarial() -> dict[str, str]:
    para = (
        "Menteri Budi Santoso mengatakan bahwa harga beras stabil, kata dia, "
        "“kami siap,” ujarnya, menurut laporan Antara yang mengutip BPS, "
    )
    return {
        "10k opening quotes": "“" * 10_000,
        "10k ascii quotes": '"' * 10_000,
        "10k mixed marks": "“‘”’\"'«»„" * 1_112,
        "1 MB paragraph": (para * (1_000_000 // len(para) + 1))[:1_000_000],
        "deep nesting 5k": "“a ‘b " * 5_000 + "’ c” " * 5_000,
        "no spaces 1 MB": ("Kata" * 250_000),
        "1 MB of cue words": ("kata Kim, said Lee, " * 50_000)[:1_000_000],
        "200k scare quotes+cues": ("kata Kim ‘x’ lalu " * 12_000)[:200_000],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpora", type=Path, default=ROOT / ".." / "shared" / "corpora")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    docs = load(args.corpora)
    if docs:
        size = sum(len(t.encode("utf-8")) for t, _ in docs) / 1e6
        t_scan = best_of(args.repeat, lambda: [bare_scan(t) for t, _ in docs])
        t_extract = best_of(args.repeat, lambda: [extract(t, lang) for t, lang in docs])
        t_auto = best_of(args.repeat, lambda: [extract(t) for t, _ in docs])
        print(f"corpora: {len(docs)} documents, {size:.2f} MB (UTF-8), best of {args.repeat}")
        print(f"  bare quote-mark scan : {t_scan:8.3f} s  {size / t_scan:8.2f} MB/s")
        print(f"  extract (lang given) : {t_extract:8.3f} s  {size / t_extract:8.2f} MB/s")
        print(f"  extract (lang auto)  : {t_auto:8.3f} s  {size / t_auto:8.2f} MB/s")
        print(f"  ratio extract / bare scan: {t_extract / t_scan:.1f}x")
    else:
        print(f"no corpora under {args.corpora}; corpus figures skipped")
    print()
    print("adversarial inputs (language id):")
    print(f"  {'input':<22} {'chars':>9} {'extract s':>10} {'scan s':>9} {'MB/s':>7}")
    for name, text in adversarial().items():
        t_x = best_of(1, lambda text=text: extract(text, "id"))
        t_s = best_of(1, lambda text=text: bare_scan(text))
        mb = len(text.encode("utf-8")) / 1e6
        print(f"  {name:<22} {len(text):>9} {t_x:>10.3f} {t_s:>9.4f} {mb / t_x:>7.2f}")
    print()
    print("linearity (1 MB paragraph, doubling):")
    para = adversarial()["1 MB paragraph"]
    base = None
    for k in (1, 2, 4):
        text = para[: 250_000 * k]
        t_x = best_of(1, lambda text=text: extract(text, "id"))
        base = base or t_x
        print(f"  {len(text):>9} chars  {t_x:8.3f} s  x{t_x / base:5.2f}")


if __name__ == "__main__":
    main()
