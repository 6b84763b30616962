"""Reading user files: UTF-8 text with clear errors for anything else."""

from __future__ import annotations

import sys
from pathlib import Path

from tracker.errors import InputFormatError, TooLargeError

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Largest single input file tracker reads."""


def read_bytes(path: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """Bytes of ``path`` (``-`` is standard input), refusing files over ``limit``."""
    if path == "-":
        data = sys.stdin.buffer.read(limit + 1)
    else:
        file = Path(path)
        if not file.is_file():
            raise InputFormatError(f"{path}: no such file")
        if file.stat().st_size > limit:
            raise TooLargeError(f"{path}: larger than the {limit // (1024 * 1024)} MB limit")
        data = file.read_bytes()
    if len(data) > limit:
        raise TooLargeError(f"{path}: larger than the {limit // (1024 * 1024)} MB limit")
    return data


def decode_utf8(data: bytes, path: str) -> str:
    """UTF-8 text (a BOM is dropped); other bytes are an InputFormatError naming the offset."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFormatError(f"{path}: not UTF-8 text (bad byte at offset {exc.start})") from None


def read_text_file(path: str) -> str:
    """The UTF-8 text of ``path`` or standard input."""
    return decode_utf8(read_bytes(path), path)
