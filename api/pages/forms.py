"""The desk's forms read into tracker's inputs: a story, a speaker, a chain row by row.

Pure functions over the submitted fields (a dict of strings, lists and uploads): a
mistake is a ValidationError whose ``field`` is the form input's own name, so that the
page can show it next to that input.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from litestar.datastructures import UploadFile

from tracker.errors import InputFormatError, PreconditionRequiredError, ValidationError
from tracker.ingest.formats import BadItem, items_from_bytes, parse_datetime
from tracker.store.inputs import ChainHopIn, DocumentIn, SourceIn, StatementEdit

if TYPE_CHECKING:
    from tracker.views import HopView

Form = Mapping[str, Any]
NOTE_CHARS = 4000
"""As the API's notes: kept in the audit trail."""
MAX_UPLOADS = 20
NEW_HOP_ROWS = 2
"""Empty rows under a chain's hops, to add hops without JavaScript."""
_HOP_FIELD_RE = re.compile(r"^hop-(\d{1,2})-(position|name|kind|pick|relation|cue|remove)$")
_CHAIN_FIELD_RE = re.compile(r"^chain\[(\d+)\](?:\.(\w+))?$")


def _problem(field: str, message: str, summary: str | None = None) -> ValidationError:
    return ValidationError(summary or message, [{"field": field, "message": message}])


def text_value(form: Form, name: str) -> str:
    """A text field as sent (the last one, if sent twice); absent is empty."""
    value = form.get(name)
    if isinstance(value, list):
        value = value[-1] if value else ""
    return value if isinstance(value, str) else ""


def optional_text(form: Form, name: str) -> str | None:
    """A text field trimmed, None when empty."""
    return text_value(form, name).strip() or None


def optional_id(form: Form, name: str) -> int | None:
    """A row id field: empty is None, anything but a positive number is a mistake."""
    raw = text_value(form, name).strip()
    if not raw:
        return None
    if not raw.isdigit() or not 0 < int(raw) < 2**63:
        raise _problem(name, "must be the number of a stored row")
    return int(raw)


def version_of(form: Form) -> int:
    """The version the form was drawn from: the page's If-Match, always sent."""
    raw = text_value(form, "version").strip()
    if not raw.isdigit() or len(raw) > 9:
        raise PreconditionRequiredError(
            "this form carries no version of what it edits: reload the page and send it again"
        )
    return int(raw)


def note_of(form: Form) -> str | None:
    note = optional_text(form, "note")
    if note is not None and len(note) > NOTE_CHARS:
        raise _problem("note", f"longer than {NOTE_CHARS} characters ({len(note)})")
    return note


def uploads(form: Form) -> list[UploadFile]:
    """The files chosen (a browser sends an empty part when none is)."""
    value = form.get("files")
    found = value if isinstance(value, list) else [value]
    return [f for f in found if isinstance(f, UploadFile) and f.filename]


def story_inputs(form: Form) -> list[DocumentIn]:
    """The pasted story, or the stories in the uploaded files (never both).

    Line breaks come as CRLF from a textarea; the story is stored with LF, as written.
    Outlet and publication time describe the pasted text and are the fallback for files
    that do not name their own; the web address is the pasted text's alone.
    """
    text = text_value(form, "text").replace("\r\n", "\n")
    files = uploads(form)
    outlet = optional_text(form, "outlet")
    url = optional_text(form, "url")
    try:
        published_at = parse_datetime(optional_text(form, "published_at"))
    except InputFormatError:
        raise _problem("published_at", "must be a date and time, e.g. 2026-10-06 08:00") from None
    if files and text.strip():
        raise _problem("text", "paste a story or choose files, not both")
    if not files:
        if not text.strip():
            raise _problem("text", "paste the story's text, or choose files to upload")
        return [DocumentIn(text=text, outlet=outlet, url=url, published_at=published_at)]
    if len(files) > MAX_UPLOADS:
        raise _problem("files", f"at most {MAX_UPLOADS} files at once")
    stories = []
    for upload in files:
        for item in items_from_bytes(upload.filename, upload.file.read()):
            if isinstance(item, BadItem):
                raise _problem("files", item.reason)
            stories.append(
                DocumentIn(
                    text=item.text,
                    language=item.language,
                    url=item.url,
                    title=item.title,
                    outlet=item.outlet or outlet,
                    published_at=item.published_at or published_at,
                )
            )
    return stories


def speaker_edit(form: Form) -> StatementEdit:
    """A typed name (with its kind) wins over a source picked from the list."""
    name = optional_text(form, "speaker_name")
    if name is not None:
        kind = optional_text(form, "speaker_kind") or "unknown"
        return StatementEdit(speaker=SourceIn(name, kind))
    picked = optional_id(form, "speaker_id")
    if picked is None:
        raise _problem("speaker_name", "type the speaker's name, or pick a source from the list")
    return StatementEdit(speaker_id=picked)


@dataclass(frozen=True, slots=True)
class ChainRow:
    """One row of the chain form: a hop as stored, as sent, or empty for a new one."""

    row: int
    position: str
    name: str = ""
    kind: str = "unknown"
    pick: str = ""
    """A stored source's id: the hop's own when drawn from the database."""
    relation: str = ""
    cue: str = ""
    remove: bool = False

    @property
    def blank(self) -> bool:
        return not self.name.strip() and not self.pick.strip()

    def field(self, part: str) -> str:
        return f"hop-{self.row}-{part}"


def rows_of_chain(chain: list[HopView]) -> list[ChainRow]:
    """The stored hops, nearest relay first, and empty rows to add hops."""
    hops = sorted(chain, key=lambda h: h.position)
    rows = [
        ChainRow(
            row=i,
            position=str(i + 1),
            kind=hop.source.kind,
            pick=str(hop.source.id),
            relation=hop.relation,
            cue=hop.cue or "",
        )
        for i, hop in enumerate(hops)
    ]
    return rows + [
        ChainRow(row=len(hops) + i, position=str(len(hops) + i + 1)) for i in range(NEW_HOP_ROWS)
    ]


def rows_of_form(form: Form) -> list[ChainRow]:
    """The rows as sent, in row order (their positions say the new order)."""
    numbers = sorted({int(m.group(1)) for key in form if (m := _HOP_FIELD_RE.match(key))})
    return [
        ChainRow(
            row=n,
            position=text_value(form, f"hop-{n}-position").strip(),
            name=text_value(form, f"hop-{n}-name"),
            kind=text_value(form, f"hop-{n}-kind") or "unknown",
            pick=text_value(form, f"hop-{n}-pick").strip(),
            relation=text_value(form, f"hop-{n}-relation").strip(),
            cue=text_value(form, f"hop-{n}-cue"),
            remove=bool(text_value(form, f"hop-{n}-remove")),
        )
        for n in numbers
    ]


def _position(row: ChainRow) -> int:
    if not row.position.isdigit() or not 1 <= int(row.position) <= 999:
        raise _problem(row.field("position"), "must be a whole number from 1")
    return int(row.position)


def _hop(row: ChainRow) -> ChainHopIn:
    relation = row.relation or "said"
    cue = row.cue.strip() or None
    name = row.name.strip()
    if name:
        return ChainHopIn(source=SourceIn(name, row.kind), relation=relation, cue=cue)
    picked = optional_id({row.field("pick"): row.pick}, row.field("pick"))
    assert picked is not None, "a row neither blank nor named has a pick"
    return ChainHopIn(source_id=picked, relation=relation, cue=cue)


def chain_of_rows(rows: list[ChainRow]) -> tuple[tuple[ChainHopIn, ...], list[ChainRow]]:
    """The chain the rows describe, nearest relay first, and the row of each hop.

    Removed and empty rows drop out; the rest go in the order of their positions (ties
    keep the order of the rows). A typed name wins over the picked source.
    """
    kept = [row for row in rows if not row.remove and not row.blank]
    ordered = sorted(kept, key=lambda r: (_position(r), r.row))
    hops = tuple(_hop(row) for row in ordered)
    if not hops:
        first = rows[0].field("name") if rows else "hop-0-name"
        raise _problem(first, "a chain needs at least one hop")
    return hops, ordered


def chain_error_field(field: str, ordered: list[ChainRow]) -> str:
    """The form input a store error on ``chain[j].part`` is about."""
    found = _CHAIN_FIELD_RE.match(field)
    if found is None or int(found.group(1)) >= len(ordered):
        return ordered[0].field("name") if ordered else field
    part = found.group(2) or "name"
    row = ordered[int(found.group(1))]
    return row.field(part if part in ("name", "kind", "relation", "cue") else "name")


SPEAKER_FIELDS = {"speaker.name": "speaker_name", "speaker.kind": "speaker_kind"}
"""Store error fields of a speaker correction, as the form's inputs."""


def speaker_error_field(field: str) -> str:
    return SPEAKER_FIELDS.get(field, "speaker_id" if field.startswith("speaker.id") else field)
