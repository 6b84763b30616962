"""SHA-256 of the extractor's JSON over the corpora, synthetic articles and adversarial inputs.

Usage: python bench/output_hash.py [--corpora DIR] [--synthetic N] [--keep-rule]

A refactoring of the extractor that claims "same output" proves it with these hashes, taken
before and after: each line is one input set, its document count and the SHA-256 of the
`tracker extract --format json` objects (without `rule`, the one field a refactoring may
add, unless --keep-rule), one per line, in input order. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extract_speed import adversarial  # noqa: E402

from tracker.extract import EXTRACTOR_VERSION, NATIVE, extract  # noqa: E402
from tracker.synthetic import generate  # noqa: E402

CORPORA = ("pfsa_id_dev.jsonl", "polnear_dev.jsonl", "polnear_train.jsonl", "chains_dev.jsonl")


def _without(obj: Any, key: str) -> Any:
    """``obj`` with every ``key`` removed from its dicts, at any depth."""
    if isinstance(obj, dict):
        return {k: _without(v, key) for k, v in obj.items() if k != key}
    if isinstance(obj, list):
        return [_without(v, key) for v in obj]
    return obj


def digest(texts: Iterable[tuple[str, str]], *, keep_rule: bool) -> tuple[int, str]:
    """(count, SHA-256) of the extraction JSON of each (text, language) in order."""
    sha = hashlib.sha256()
    count = 0
    for text, lang in texts:
        out = extract(text, lang).to_dict()
        if not keep_rule:
            out = _without(out, "rule")
        sha.update(json.dumps(out, ensure_ascii=False, sort_keys=True).encode("utf-8"))
        sha.update(b"\n")
        count += 1
    return count, sha.hexdigest()


def corpus(path: Path) -> Iterator[tuple[str, str]]:
    with path.open(encoding="utf-8") as fh:
        for record in map(json.loads, fh):
            yield record["text"], record.get("lang", "auto")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpora", type=Path, default=ROOT / ".." / "shared" / "corpora")
    parser.add_argument("--synthetic", type=int, default=2000)
    parser.add_argument("--keep-rule", action="store_true", help="hash the rule field too")
    args = parser.parse_args()
    built = "compiled" if NATIVE else "pure Python"
    rule = "kept" if args.keep_rule else "dropped"
    print(f"extractor {EXTRACTOR_VERSION} ({built}); rule field {rule}")
    sets: list[tuple[str, Iterable[tuple[str, str]]]] = []
    for name in CORPORA:
        path = args.corpora / name
        if path.exists():
            sets.append((name, corpus(path)))
    sets.append(
        (f"synthetic {args.synthetic}", ((a.text, "auto") for a in generate(args.synthetic)))
    )
    sets.append(("adversarial", ((t, "id") for t in adversarial().values())))
    for name, texts in sets:
        count, hexdigest = digest(texts, keep_rule=args.keep_rule)
        print(f"  {name:<22} {count:>6}  {hexdigest}")


if __name__ == "__main__":
    main()
