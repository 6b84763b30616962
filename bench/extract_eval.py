"""Accuracy of tracker.extract on the development corpora (PFSA-ID, PolNeAR); prints figures.

Usage: python bench/extract_eval.py [--corpora DIR] [--limit N] [--no-train]
       [--verbose SUBSET] [--split dev|train]

`--verbose "en direct"` (any subset name) lists that subset's misses and false positives at
F1@0.3 after the figures, each with its document id, offsets, text and (for a false
positive) the sieve that made it, so errors can be sorted by kind; `--split` keeps one
PolNeAR split.

Every English figure is printed for polnear_dev and polnear_train (753 more PolNeAR
articles, disjoint from dev) on adjacent rows, and the issue-11 targets once more in a
dev/train table at the end, so that a rule tuned on one corpus is seen to hold on the other.

Overlap is GenderGapTracker's asymmetric overlap: the share of the reference (gold) span
covered by the predicted span. Gold and predicted spans are matched one-to-one, greedily by
overlap, at each threshold. Nothing here is asserted: this is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tracker.extract import Statement, detect_language, extract  # noqa: E402

THRESHOLDS = (0.3, 0.8)
_TOKEN = re.compile(r"[\w]+", re.UNICODE)
_SPEAKER_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "and",
        "for",
        "to",
        "in",
        "at",
        "on",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sen",
        "rep",
        "gov",
        "pak",
        "bu",
        "bapak",
        "ibu",
    ]
)


@dataclass
class Gold:
    start: int
    end: int
    kind: str
    speaker: str | None
    text: str = ""


def overlap(g: Gold, ps: int, pe: int) -> float:
    inter = max(0, min(g.end, pe) - max(g.start, ps))
    return inter / max(1, g.end - g.start)


def match(golds: list[Gold], preds: list[Statement], t: float) -> list[tuple[int, int]]:
    pairs = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            o = overlap(g, p.start, p.end)
            if o >= t:
                pairs.append((o, gi, pi))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def _tokens(s: str) -> set[str]:
    return {w for w in _TOKEN.findall(s.lower()) if w not in _SPEAKER_STOP}


PRONOUNS = frozenset(
    [
        "he",
        "she",
        "they",
        "it",
        "i",
        "we",
        "you",
        "him",
        "her",
        "them",
        "his",
        "their",
        "its",
        "ia",
        "dia",
        "beliau",
        "mereka",
        "kami",
    ]
)


def is_pronoun(gold: str) -> bool:
    return gold.strip().lower() in PRONOUNS


def speaker_ok(gold: str, pred: Statement, aliases: dict[str, tuple[str, ...]]) -> bool:
    """Case-insensitive token overlap or containment between the gold speaker and any of:
    the resolved name, its aliases in this text, or the surface that named it here.

    A gold pronoun ("he") cannot be checked against a resolved name without gold
    coreference, so it counts as correct when the surface is that pronoun or the statement
    has a resolved speaker of a compatible kind (a person for he/she/ia/dia).
    """
    if pred.speaker is None:
        return False
    if is_pronoun(gold):
        if pred.speaker_surface and pred.speaker_surface.lower() == gold.strip().lower():
            return True
        singular = gold.strip().lower() in {"he", "she", "him", "her", "his", "ia", "dia"}
        return pred.speaker.kind in ("person", "anonymous") or not singular
    g = _tokens(gold)
    if not g:
        return False
    cands = [pred.speaker.name, *aliases.get(pred.speaker.key, ())]
    if pred.speaker_surface:
        cands.append(pred.speaker_surface)
    for c in cands:
        ct = _tokens(c)
        if g & ct:
            return True
    return False


class Tally:
    def __init__(self) -> None:
        self.n_gold = 0
        self.n_pred = 0
        self.tp: dict[float, int] = defaultdict(int)
        self.tp_p: dict[float, int] = defaultdict(int)
        self.spk_total = 0
        self.spk_ok = 0
        self.named_total = 0
        self.named_ok = 0

    def row(self, name: str) -> str:
        cells = [f"{name:<34}", f"{self.n_gold:>6}", f"{self.n_pred:>6}"]
        for t in THRESHOLDS:
            p = self.tp_p[t] / self.n_pred if self.n_pred else 0.0
            r = self.tp[t] / self.n_gold if self.n_gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            cells.append(f"{p:6.3f} {r:6.3f} {f:6.3f}")
        acc = self.spk_ok / self.spk_total if self.spk_total else float("nan")
        named = self.named_ok / self.named_total if self.named_total else float("nan")
        cells.append(f"{named:6.3f} ({self.named_ok:>4}/{self.named_total:>4})")
        cells.append(f"{acc:6.3f} ({self.spk_ok:>4}/{self.spk_total:>4})")
        return " | ".join(cells)


HEADER = (
    f"{'subset':<34} | {'gold':>6} | {'pred':>6} | "
    + " | ".join(f"P@{t}   R@{t}   F1@{t}" for t in THRESHOLDS)
    + " | speaker acc, named gold | speaker acc, all gold"
)


def _clip(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 160 else flat[:120] + " … " + flat[-35:]


def list_errors(doc_id: str, golds: list[Gold], preds: list[Statement], out: list[str]) -> None:
    """Append one line per unmatched gold ("MISS") and unmatched prediction ("FP") at 0.3."""
    pairs = match(golds, preds, THRESHOLDS[0])
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    for gi, g in enumerate(golds):
        if gi not in matched_g:
            out.append(f"MISS {doc_id} {g.start}-{g.end} [{g.speaker}] {_clip(g.text)}")
    for pi, p in enumerate(preds):
        if pi not in matched_p:
            out.append(f"FP   {doc_id} {p.start}-{p.end} <{p.rule}> {_clip(p.text)}")


def evaluate(
    path: Path, limit: int | None, verbose: str | None = None, errors: list[str] | None = None
) -> dict[str, Tally]:
    """Tallies per subset of one corpus file ("id direct", "en all", "en direct", ...)."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    lang_ok = 0
    docs = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if limit is not None and docs >= limit:
                break
            doc: dict[str, Any] = json.loads(line)
            docs += 1
            text = doc["text"]
            lang = doc["lang"]
            lang_ok += detect_language(text) == lang
            ex = extract(text, lang)
            aliases = {s.key: s.aliases for s in ex.sources}
            golds = [
                Gold(q["start"], q["end"], q["kind"], q["speaker"], q["quote"])
                for q in doc["quotes"]
            ]
            preds_all = [s for s in ex.statements if s.kind != "partial"]
            subsets: dict[str, tuple[list[Gold], list[Statement]]] = {}
            if lang == "id":
                # PFSA-ID annotates direct quotes only: score our direct statements.
                direct = [s for s in ex.statements if s.kind == "direct"]
                subsets["id direct"] = (golds, direct)
            else:
                subsets["en all"] = (golds, preds_all)
                for kind in ("direct", "mixed", "indirect"):
                    g = [x for x in golds if x.kind == kind]
                    p = [s for s in preds_all if s.kind == kind]
                    subsets[f"en {kind}"] = (g, p)
                for kind in ("direct", "mixed", "indirect"):
                    g = [x for x in golds if x.kind == kind]
                    subsets[f"en gold {kind}, any pred"] = (g, preds_all)
            for name, (g, p) in subsets.items():
                if verbose == name and errors is not None:
                    list_errors(doc["id"], g, p, errors)
                tally = tallies[name]
                tally.n_gold += len(g)
                tally.n_pred += len(p)
                for t in THRESHOLDS:
                    pairs = match(g, p, t)
                    tally.tp[t] += len(pairs)
                    tally.tp_p[t] += len(pairs)
                    if t == THRESHOLDS[0]:
                        for gi, pi in pairs:
                            gold_speaker = g[gi].speaker
                            if gold_speaker:
                                ok = speaker_ok(gold_speaker, p[pi], aliases)
                                tally.spk_total += 1
                                tally.spk_ok += ok
                                if not is_pronoun(gold_speaker):
                                    tally.named_total += 1
                                    tally.named_ok += ok
    print(f"{path.name}: {docs} documents, language detected correctly in {lang_ok}/{docs}")
    return tallies


CORPORA = (
    ("pfsa_id_dev.jsonl", ""),
    ("polnear_dev.jsonl", "dev"),
    ("polnear_train.jsonl", "train"),
)


def _f1(tally: Tally, t: float) -> float:
    p = tally.tp_p[t] / tally.n_pred if tally.n_pred else 0.0
    r = tally.tp[t] / tally.n_gold if tally.n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _named(tally: Tally) -> float:
    return tally.named_ok / tally.named_total if tally.named_total else float("nan")


def _recall(tally: Tally, t: float) -> float:
    return tally.tp[t] / tally.n_gold if tally.n_gold else 0.0


def _precision(tally: Tally, t: float) -> float:
    return tally.tp_p[t] / tally.n_pred if tally.n_pred else 0.0


# (label, subset, figure, target): the issue-11 targets, then what explains them.
TARGETS: tuple[tuple[str, str, Callable[[Tally], float], str], ...] = (
    ("en all F1@0.3", "en all", lambda t: _f1(t, 0.3), ">= 0.78"),
    ("en all P@0.3", "en all", lambda t: _precision(t, 0.3), ""),
    ("en all R@0.3", "en all", lambda t: _recall(t, 0.3), ""),
    ("en direct F1@0.3", "en direct", lambda t: _f1(t, 0.3), ">= 0.95"),
    ("en direct named speaker", "en direct", _named, ">= 0.94"),
    ("en mixed F1@0.3", "en mixed", lambda t: _f1(t, 0.3), ""),
    ("en indirect F1@0.3", "en indirect", lambda t: _f1(t, 0.3), ""),
    ("en indirect R@0.3", "en indirect", lambda t: _recall(t, 0.3), ""),
    ("en all named speaker", "en all", _named, ""),
    ("id direct F1@0.3", "id direct", lambda t: _f1(t, 0.3), ">= 0.93"),
    ("id direct speaker acc", "id direct", lambda t: t.spk_ok / max(1, t.spk_total), ">= 0.97"),
)


def print_targets(results: dict[str, Tally]) -> None:
    """The targets with dev and train side by side (PFSA-ID has one split: its figure is dev)."""
    print()
    print(f"{'figure':<26} | {'dev':>6} | {'train':>6} | target")
    print("-" * 52)
    for label, subset, figure, target in TARGETS:
        cells = []
        for split in ("dev", "train"):
            name = subset if subset.startswith("id ") else f"{subset} · {split}"
            tally = results.get(name)
            if tally is None or (subset.startswith("id ") and split == "train"):
                cells.append(f"{'-':>6}")
            else:
                cells.append(f"{figure(tally):6.3f}")
        print(f"{label:<26} | {cells[0]} | {cells[1]} | {target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpora", type=Path, default=ROOT / ".." / "shared" / "corpora")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--no-train", action="store_true", help="skip polnear_train")
    parser.add_argument("--verbose", default=None, help='list a subset\'s errors ("en all")')
    parser.add_argument("--split", choices=("dev", "train"), default=None)
    args = parser.parse_args()
    results: dict[str, Tally] = {}
    errors: list[str] = []
    for name, split in CORPORA:
        if split == "train" and args.no_train:
            continue
        if args.split is not None and split and split != args.split:
            continue
        path = args.corpora / name
        if not path.exists():
            print(f"missing {path}; skipped")
            continue
        for subset, tally in evaluate(path, args.limit, args.verbose, errors).items():
            results[f"{subset} · {split}" if split else subset] = tally
    print()
    print(HEADER)
    print("-" * len(HEADER))
    # English subsets interleaved: each figure's dev row, then its train row.
    order = list(dict.fromkeys(n.split(" · ")[0] for n in results))
    for subset in order:
        for name in (subset, f"{subset} · dev", f"{subset} · train"):
            if name in results:
                print(results[name].row(name))
    print_targets(results)
    if args.verbose:
        print()
        print("\n".join(errors))


if __name__ == "__main__":
    main()
