"""The per-text source table: merges aliases (Kim, Kim Jong Un) and hands out stable keys."""

from __future__ import annotations

import regex

from tracker.extract.model import Source, SourceRef
from tracker.extract.speakers import Mention

_WORD_re = regex.compile(r"[\p{L}\p{N}]++")


class _Entry:
    """A source of the table: its names, aliases and the words they hold.

    A plain class, not a dataclass: mypyc compiles this `__init__` (see `records`)."""

    __slots__ = ("affiliation", "aliases", "kind", "names", "role", "state_media", "tokens")

    def __init__(
        self,
        kind: str,
        names: list[str],
        role: str | None,
        affiliation: str | None,
        state_media: bool,
        aliases: list[str],
        tokens: set[str],
    ) -> None:
        self.kind = kind
        self.names = names
        self.role = role
        self.affiliation = affiliation
        self.state_media = state_media
        self.aliases = aliases
        self.tokens = tokens


class SourceTable:
    """Sources of one text; person aliases merge by token containment, anonymous never merge."""

    def __init__(self, company_suffixes: frozenset[str] = frozenset()) -> None:
        self._company_suffixes = frozenset(w.lower() for w in company_suffixes)
        self._entries: list[_Entry] = []
        self._by_name: dict[tuple[str, str], int] = {}

    def add(self, mention: Mention) -> int:
        """Register a mention and return its source id (an index, keyed at the end)."""
        sid = self._find(mention)
        surface = mention.surface
        if sid is None:
            entry = _Entry(
                mention.kind,
                [mention.name],
                mention.role,
                mention.affiliation,
                mention.state_media,
                [surface],
                set(mention.name.lower().split()),
            )
            self._entries.append(entry)
            sid = len(self._entries) - 1
            if mention.kind != "anonymous":
                self._by_name[(mention.kind, mention.name.lower())] = sid
            return sid
        entry = self._entries[sid]
        if mention.name not in entry.names:
            entry.names.append(mention.name)
        if surface not in entry.aliases:
            entry.aliases.append(surface)
        entry.tokens |= set(mention.name.lower().split())
        entry.role = entry.role or mention.role
        entry.affiliation = entry.affiliation or mention.affiliation
        entry.state_media = entry.state_media or mention.state_media
        return sid

    def known(self, mention: Mention) -> bool:
        """Whether `mention` names a source already in the table."""
        return self._find(mention) is not None

    def _find(self, mention: Mention) -> int | None:
        if mention.kind == "anonymous":
            return None
        exact = self._by_name.get((mention.kind, mention.name.lower()))
        if exact is not None or mention.kind != "person":
            return exact
        tokens = set(mention.name.lower().split())
        if not tokens:
            return None
        for sid in range(len(self._entries) - 1, -1, -1):
            entry = self._entries[sid]
            if not entry.tokens:
                continue
            if entry.kind == "person" and (tokens <= entry.tokens or entry.tokens <= tokens):
                return sid
            if entry.kind == "organization" and tokens < entry.tokens and self._company(entry):
                return sid  # "Exxon" after "Exxon Corp": the company, by its short name
        return None

    def _company(self, entry: _Entry) -> bool:
        """A company named with its legal form ("Exxon Corp", "Volvo AB")."""
        last = entry.names[0].split()[-1].strip(".").lower()
        return last in self._company_suffixes

    def kind(self, sid: int) -> str:
        return self._entries[sid].kind

    def name(self, sid: int) -> str:
        return self._entries[sid].names[0]

    def words(self, sid: int) -> frozenset[str]:
        """The lower-cased words of every name, surface and role of a source ("the Bernama
        news agency" gives "agency"): what a definite description is checked against."""
        entry = self._entries[sid]
        found: set[str] = set()
        for name in (*entry.names, *entry.aliases, entry.role or ""):
            found.update(_WORD_re.findall(name.lower()))
        return frozenset(found)

    def finalize(self, used: set[int]) -> tuple[list[Source], dict[int, SourceRef]]:
        """Keys in order of first use; the canonical name is the longest alias seen."""
        sources: list[Source] = []
        refs: dict[int, SourceRef] = {}
        for sid in sorted(used):
            entry = self._entries[sid]
            key = f"s{len(sources) + 1}"
            name = max(entry.names, key=lambda n: (len(n.split()), len(n)))
            aliases = tuple(dict.fromkeys([*entry.aliases, *entry.names]))
            sources.append(
                Source(
                    key, name, entry.kind, entry.role, entry.affiliation, entry.state_media, aliases
                )
            )
            refs[sid] = SourceRef(
                name, entry.kind, entry.role, entry.affiliation, entry.state_media, key
            )
        return sources, refs
