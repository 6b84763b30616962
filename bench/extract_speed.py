"""Single-core speed of tracker.extract against a bare one-pass quote-mark scan; prints figures.

Usage: python bench/extract_speed.py [--corpora DIR] [--repeat N] [--synthetic N]

Times are CPU seconds of this process (median and best of N). The floor is one `regex` pass over
the same text that only finds quote marks. The adversarial set checks that time stays
linear in input size. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import functools
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tracker.extract import EXTRACTOR_VERSION, NATIVE, extract  # noqa: E402
from tracker.synthetic import generate  # noqa: E402

BARE_SCAN_re = regex.compile(r"''|[“”\"„«»‘’'‚‹›]")


def bare_scan(text: str) -> int:
    return sum(1 for _ in BARE_SCAN_re.finditer(text))


def load(corpora: Path) -> list[tuple[str, str]]:
    docs: list[tuple[str, str]] = []
    for name in ("pfsa_id_dev.jsonl", "polnear_dev.jsonl"):
        path = corpora / name
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                docs.extend((d["text"], d["lang"]) for d in map(json.loads, fh))
    return docs


def times_of(repeat: int, fn: Callable[[], object]) -> list[float]:
    """CPU times of `repeat` runs: process time, so another job sharing the core does not
    inflate the figure the way wall-clock time would (it still does through caches)."""
    out = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        out.append(max(time.process_time() - t0, 1e-6))
    return out


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    return min(times_of(repeat, fn))


def report(label: str, size: float, times: list[float]) -> float:
    """Print median and best; return the median."""
    med, best = statistics.median(times), min(times)
    print(f"  {label:<21}: {med:8.3f} s  {size / med:8.2f} MB/s   (best {best:.3f} s)")
    return med


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
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--synthetic", type=int, default=2000, help="synthetic articles")
    args = parser.parse_args()
    docs = load(args.corpora)
    built = "compiled with mypyc" if NATIVE else "pure Python (TRACKER_NATIVE=0 or no fresh build)"
    print(f"extractor {EXTRACTOR_VERSION}, {built}")
    if docs:
        size = sum(len(t.encode("utf-8")) for t, _ in docs) / 1e6
        print(
            f"corpora: {len(docs)} documents, {size:.2f} MB (UTF-8), "
            f"median of {args.repeat} (best in brackets)"
        )
        t_scan = report(
            "bare quote-mark scan",
            size,
            times_of(args.repeat, lambda: [bare_scan(t) for t, _ in docs]),
        )
        t_extract = report(
            "extract (lang given)",
            size,
            times_of(args.repeat, lambda: [extract(t, lang) for t, lang in docs]),
        )
        report(
            "extract (lang auto)",
            size,
            times_of(args.repeat, lambda: [extract(t) for t, _ in docs]),
        )
        print(f"  ratio extract / bare scan (medians): {t_extract / t_scan:.1f}x")
    else:
        print(f"no corpora under {args.corpora}; corpus figures skipped")
    if args.synthetic:
        arts = [a.text for a in generate(args.synthetic)]
        size = sum(len(t.encode("utf-8")) for t in arts) / 1e6
        print()
        print(f"synthetic articles (tracker.synthetic): {len(arts)}, {size:.2f} MB, lang auto")
        t_scan = report(
            "bare quote-mark scan",
            size,
            times_of(args.repeat, lambda: [bare_scan(t) for t in arts]),
        )
        t_syn = report(
            "extract (lang auto)", size, times_of(args.repeat, lambda: [extract(t) for t in arts])
        )
        print(
            f"  {len(arts) / t_syn:.0f} documents/s on one core; "
            f"ratio to bare scan {t_syn / t_scan:.1f}x"
        )
    print()
    print("adversarial inputs (language id):")
    print(f"  {'input':<22} {'chars':>9} {'extract s':>10} {'scan s':>9} {'MB/s':>7}")
    for name, text in adversarial().items():
        t_x = best_of(1, functools.partial(extract, text, "id"))
        t_s = best_of(1, functools.partial(bare_scan, text))
        mb = len(text.encode("utf-8")) / 1e6
        print(f"  {name:<22} {len(text):>9} {t_x:>10.3f} {t_s:>9.4f} {mb / t_x:>7.2f}")
    print()
    print("linearity (1 MB paragraph, doubling):")
    para = adversarial()["1 MB paragraph"]
    base = None
    for k in (1, 2, 4):
        text = para[: 250_000 * k]
        t_x = best_of(1, functools.partial(extract, text, "id"))
        base = base or t_x
        print(f"  {len(text):>9} chars  {t_x:8.3f} s  x{t_x / base:5.2f}")


if __name__ == "__main__":
    main()
