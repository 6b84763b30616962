"""Chains of tracker.extract against chains_dev.jsonl (CHAINS_GUIDE.md's rule); prints figures.

Usage: python bench/chain_eval.py [--corpora DIR] [--limit N] [--verbose] [--json]
                                  [--anonymous-by-kind] [--keep-own-outlet]

An expectation is met when one extracted statement
- covers at least half of `overlaps`: the characters the statement's span shares with the
  occurrence of `overlaps` in the text, over the length of `overlaps` (every occurrence is
  tried; when the exact string is missing, one with quote marks and white space normalised);
- has a speaker that is one of the expected chain's hops;
- has a chain of the same length whose hops match the expected hops in order.

An extracted name matches an expected hop when the hop's canonical name or one of its
`aliases` occurs in it as whole words, case-insensitively ("the official Iraqi news agency"
matches "Iraqi News Agency"; "Mail" does not match "Globe and Mail": the record lists the
short forms it accepts). An extracted news outlet in the extractor's outlet list stands for
all its listed names ("Xinhua" matches "New China News Agency"). An expected `anonymous` hop
matches an extracted hop of kind `anonymous`, or one named by the record's own `anonymous`
aliases ("the spokesman" that the extractor typed as a person); --anonymous-by-kind drops
the second way.

Each expectation takes the one statement that meets it, or else the nearest miss; a statement
may meet several expectations (one paraphrase can carry two annotated claims). The record's
`outlet` names the document's own outlet, which is never a hop: it is passed to `extract`
when `extract` takes an `outlet` keyword; otherwise hops named like it are dropped from the
extracted chains before matching (the issue's rules-0.4.0 baseline was scored that way),
unless --keep-own-outlet. Nothing here is asserted: this is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import functools
import inspect
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tracker.extract import EXTRACTOR_VERSION, Extraction, Hop, Statement, extract  # noqa: E402
from tracker.extract.lexicon import outlet_index  # noqa: E402

CORPUS = "chains_dev.jsonl"
PARTS = (("reuters-", "Reuters"), ("polnear-train-", "PolNeAR"), ("pfsa-id-dev-", "Kompas"))
ANONYMOUS = "anonymous"
HALF = 0.5
_WORD = re.compile(r"\w+")
_QUOTES = "\"'“”„‟«»‘’‚‛‹›`´"
_QUOTE_CLASS = "[" + re.escape(_QUOTES) + "]"


def words(name: str) -> tuple[str, ...]:
    """Case-folded word tokens, so "U.S." and "u.s" or "KOMPAS" and "Kompas" compare equal."""
    return tuple(_WORD.findall(unicodedata.normalize("NFKC", name).casefold()))


def has_words(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    """Whole-word containment: `needle` as a contiguous run of `haystack`'s tokens."""
    n = len(needle)
    return n > 0 and any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


@functools.cache
def outlet_names(name: str) -> tuple[tuple[str, ...], ...]:
    """Every name of the listed outlet called `name`: its canonical name stands for them all."""
    outlet = outlet_index().get(name)
    if outlet is None:
        return ()
    return tuple(words(n) for n in (outlet.name, *outlet.aliases))


def occurrences(text: str, overlaps: str) -> list[tuple[int, int]]:
    """Where `overlaps` stands in the text: exactly, else with quotes and white space relaxed."""
    spans = [(m.start(), m.start() + len(overlaps)) for m in re.finditer(re.escape(overlaps), text)]
    if spans:
        return spans
    parts = []
    for chunk in re.split(r"(\s+)", overlaps.strip()):
        if chunk.isspace():
            parts.append(r"\s+")
        elif chunk:
            parts.append("".join(_QUOTE_CLASS if c in _QUOTES else re.escape(c) for c in chunk))
    if not parts:
        return []
    return [(m.start(), m.end()) for m in re.finditer("".join(parts), text)]


@dataclass(frozen=True, slots=True)
class Expectation:
    """One expected chain, with the surface forms each hop may take in this document."""

    doc_id: str
    part: str
    lang: str
    overlaps: str
    spans: tuple[tuple[int, int], ...]
    chain: tuple[str, ...]
    hop_names: tuple[tuple[tuple[str, ...], ...], ...]  # per hop: its names as word tuples
    anonymous_names: tuple[tuple[str, ...], ...]

    @property
    def relayed(self) -> bool:
        return len(self.chain) > 1


@dataclass(frozen=True, slots=True)
class Verdict:
    """How one statement fares against one expectation; `met` needs all three."""

    coverage: float
    speaker_ok: bool
    chain_ok: bool

    @property
    def met(self) -> bool:
        return self.coverage >= HALF and self.speaker_ok and self.chain_ok

    @property
    def reason(self) -> str:
        """The first condition that fails, in the guide's order."""
        if self.coverage < HALF:
            return "covers less than half"
        if not self.speaker_ok:
            return "speaker not a hop"
        return "chain differs" if not self.chain_ok else "met"

    def rank(self) -> tuple[bool, bool, bool, bool, float]:
        return (self.met, self.coverage >= HALF, self.speaker_ok, self.chain_ok, self.coverage)


@dataclass(frozen=True, slots=True)
class Matcher:
    """The guide's matching rule with the bench's two switches."""

    anonymous_by_alias: bool
    own_outlet: tuple[tuple[str, ...], ...]  # names of hops to drop (empty: drop none)

    def hop_ok(self, exp: Expectation, index: int, name: str, kind: str) -> bool:
        tokens = words(name)
        if exp.chain[index] == ANONYMOUS:
            if kind == ANONYMOUS:
                return True
            return self.anonymous_by_alias and any(
                has_words(tokens, a) for a in exp.anonymous_names
            )
        names = [tokens, *outlet_names(name)] if kind == "news_outlet" else [tokens]
        return any(has_words(n, a) for n in names for a in exp.hop_names[index])

    def chain_of(self, statement: Statement) -> list[Hop]:
        if not self.own_outlet:
            return list(statement.chain)
        return [h for h in statement.chain if words(h.source.name) not in self.own_outlet]

    def judge(self, exp: Expectation, statement: Statement) -> Verdict:
        coverage = max(
            (max(0, min(e, statement.end) - max(s, statement.start)) / max(1, e - s))
            for s, e in exp.spans
        )
        speaker = statement.speaker
        speaker_ok = speaker is not None and any(
            self.hop_ok(exp, i, speaker.name, speaker.kind) for i in range(len(exp.chain))
        )
        chain = self.chain_of(statement)
        chain_ok = len(chain) == len(exp.chain) and all(
            self.hop_ok(exp, i, hop.source.name, hop.source.kind) for i, hop in enumerate(chain)
        )
        return Verdict(coverage, speaker_ok, chain_ok)


@dataclass
class Outcome:
    """An expectation's result: the statement that met it or came nearest, and the others."""

    exp: Expectation
    best: Statement | None
    verdict: Verdict | None
    overlapping: list[tuple[Statement, Verdict]]

    @property
    def met(self) -> bool:
        return self.verdict is not None and self.verdict.met

    @property
    def reason(self) -> str:
        return "no statement" if self.verdict is None else self.verdict.reason

    @property
    def rule(self) -> str:
        if self.best is None:
            return "(no statement)"
        return self.best.rule or "(rule not set)"


def outcome(matcher: Matcher, exp: Expectation, statements: Iterable[Statement]) -> Outcome:
    judged = [(s, matcher.judge(exp, s)) for s in statements]
    overlapping = [(s, v) for s, v in judged if v.coverage > 0]
    if not overlapping:
        return Outcome(exp, None, None, [])
    best, verdict = max(overlapping, key=lambda sv: sv[1].rank())
    return Outcome(exp, best, verdict, overlapping)


def part_of(doc_id: str) -> str:
    return next((label for prefix, label in PARTS if doc_id.startswith(prefix)), "other")


def expectations(record: dict[str, Any]) -> list[Expectation]:
    aliases: dict[str, list[str]] = record.get("aliases", {})

    def names_of(hop: str) -> tuple[tuple[str, ...], ...]:
        return tuple({words(n) for n in (hop, *aliases.get(hop, ())) if words(n)})

    out = []
    for item in record["expect"]:
        chain = tuple(item["chain"])
        out.append(
            Expectation(
                doc_id=record["id"],
                part=part_of(record["id"]),
                lang=record["lang"],
                overlaps=item["overlaps"],
                spans=tuple(occurrences(record["text"], item["overlaps"])),
                chain=chain,
                hop_names=tuple(names_of(h) for h in chain),
                anonymous_names=tuple({words(n) for n in aliases.get(ANONYMOUS, ()) if words(n)}),
            )
        )
    return out


def extractor() -> tuple[Callable[[str, str, Sequence[str]], Extraction], bool]:
    """`extract` with the document's outlet when it takes one (issue 11), else without."""
    if "outlet" in inspect.signature(extract).parameters:

        def with_outlet(text: str, lang: str, outlet: Sequence[str]) -> Extraction:
            kwargs: dict[str, Any] = {"outlet": outlet[0]} if outlet else {}
            return extract(text, lang, **kwargs)

        return with_outlet, True
    return (lambda text, lang, outlet: extract(text, lang)), False


@dataclass
class Tally:
    met: int = 0
    total: int = 0
    relayed_met: int = 0
    relayed_total: int = 0

    def add(self, result: Outcome) -> None:
        self.total += 1
        self.met += result.met
        if result.exp.relayed:
            self.relayed_total += 1
            self.relayed_met += result.met

    def row(self, label: str) -> str:
        return (
            f"  {label:<28} {_ratio(self.met, self.total):>18}   "
            f"{_ratio(self.relayed_met, self.relayed_total):>18}"
        )

    def to_dict(self) -> dict[str, int]:
        return {
            "met": self.met,
            "total": self.total,
            "relayed_met": self.relayed_met,
            "relayed_total": self.relayed_total,
        }


def _ratio(met: int, total: int) -> str:
    share = f"{100 * met / total:5.1f}%" if total else "    -"
    return f"{met:>4}/{total:<4} {share}"


@dataclass
class Report:
    by: dict[str, dict[str, Tally]] = field(default_factory=lambda: defaultdict(dict))
    misses: list[Outcome] = field(default_factory=list)
    unfound: int = 0

    def add(self, result: Outcome) -> None:
        exp = result.exp
        kind = "relayed (2+ hops)" if exp.relayed else "first-hand (1 hop)"
        groups = {
            "all": "all",
            "hops": kind,
            "part": exp.part,
            "language": exp.lang,
            "sieve": result.rule,
            "miss": result.reason,
        }
        for axis, key in groups.items():
            self.by[axis].setdefault(key, Tally()).add(result)
        if not result.met:
            self.misses.append(result)
        self.unfound += not exp.spans


def evaluate(path: Path, limit: int | None, args: argparse.Namespace) -> tuple[Report, bool]:
    run, passes_outlet = extractor()
    report = Report()
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                break
            record = json.loads(line)
            outlet = tuple(record.get("outlet") or ())
            drop = () if passes_outlet or args.keep_own_outlet else tuple(map(words, outlet))
            matcher = Matcher(not args.anonymous_by_kind, drop)
            statements = run(record["text"], record["lang"], outlet).statements
            for exp in expectations(record):
                report.add(outcome(matcher, exp, statements))
    return report, passes_outlet


def describe(statement: Statement, verdict: Verdict) -> str:
    speaker = statement.speaker
    who = f"{speaker.name} ({speaker.kind})" if speaker else "no speaker"
    chain = " > ".join(f"{h.source.name} ({h.source.kind})" for h in statement.chain)
    rule = statement.rule or "-"
    return f"[{rule}, covers {verdict.coverage:.2f}] {who}; chain [{chain}]"


def print_misses(misses: list[Outcome]) -> None:
    print()
    print(f"misses ({len(misses)}):")
    for miss in misses:
        exp = miss.exp
        print(f"- {exp.doc_id}  expected [{' > '.join(exp.chain)}]  ({miss.reason})")
        print(f"    overlaps: {exp.overlaps[:80]!r}")
        if not miss.overlapping:
            print("    extracted: no statement")
        for statement, verdict in sorted(miss.overlapping, key=lambda sv: sv[0].start):
            print(f"    extracted: {describe(statement, verdict)}")


AXES = (
    ("all", "all expectations"),
    ("hops", "by chain length"),
    ("part", "by part"),
    ("language", "by language"),
    ("sieve", "by sieve (rule of the statement that met or came nearest)"),
)
OUTCOMES = ("met", "chain differs", "speaker not a hop", "covers less than half", "no statement")
ORDER = {label: i for i, label in enumerate((*(label for _, label in PARTS), *OUTCOMES))}


def ordered(tallies: dict[str, Tally]) -> list[tuple[str, Tally]]:
    """Parts in the issue's order, outcomes from met to nothing found, the rest by name."""
    return sorted(tallies.items(), key=lambda kv: (ORDER.get(kv[0], len(ORDER)), kv[0]))


def print_report(report: Report, passes_outlet: bool, args: argparse.Namespace) -> None:
    if passes_outlet:
        print("own outlet: passed to extract(outlet=...)")
    elif args.keep_own_outlet:
        print("own outlet: not passed (extract takes no outlet); its hops kept")
    else:
        print("own outlet: not passed (extract takes no outlet); its hops dropped before matching")
    print(
        f"anonymous hops: by kind{'' if args.anonymous_by_kind else ' or by the anonymous aliases'}"
    )
    if report.unfound:
        print(f"warning: {report.unfound} expectations whose overlaps is not in the text")
    print()
    print(f"  {'':<28} {'all expectations':>18}   {'relayed':>18}")
    for axis, title in AXES:
        print(f" {title}")
        for key, tally in ordered(report.by[axis]):
            print(tally.row(key))
    print(" by outcome (the first condition the nearest statement fails)")
    for key, tally in ordered(report.by["miss"]):
        print(f"  {key:<28} {tally.total:>9}          {tally.relayed_total:>9}")
    if args.verbose:
        print_misses(report.misses)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpora", type=Path, default=ROOT / ".." / "shared" / "corpora")
    parser.add_argument("--limit", type=int, default=None, help="first N documents only")
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    parser.add_argument("--json", action="store_true", help="totals as JSON, nothing else")
    parser.add_argument(
        "--anonymous-by-kind",
        action="store_true",
        help="an anonymous hop matches only a hop of kind anonymous",
    )
    parser.add_argument(
        "--keep-own-outlet",
        action="store_true",
        help="when extract takes no outlet, keep the hops named like the document's outlet",
    )
    args = parser.parse_args()
    path = args.corpora / CORPUS
    if not path.exists():
        print(f"missing {path}")
        sys.exit(2)
    report, passes_outlet = evaluate(path, args.limit, args)
    if args.json:
        totals = {
            axis: {key: tally.to_dict() for key, tally in sorted(report.by[axis].items())}
            for axis in (*(axis for axis, _ in AXES), "miss")
        }
        meta = {"extractor": EXTRACTOR_VERSION, "outlet_passed": passes_outlet}
        print(json.dumps({**meta, **totals}, indent=2, sort_keys=True))
        return
    print(f"extractor {EXTRACTOR_VERSION}; {path.name}")
    print_report(report, passes_outlet, args)


if __name__ == "__main__":
    main()
