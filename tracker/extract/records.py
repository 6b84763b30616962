"""The repr shared by the extractor's plain slotted record classes."""

from __future__ import annotations


def fields_repr(obj: object, names: tuple[str, ...], values: tuple[object, ...]) -> str:
    """`Name(field=value, …)`, as a dataclass prints itself.

    Why: the hot records (mentions, hops, relays, quote spans) are plain classes rather
    than dataclasses, because mypyc compiles a plain class's `__init__` to C but runs a
    dataclass's generated one as Python, several times slower; they keep the dataclass's
    equality, hash and repr by hand, and this is the repr."""
    args = ", ".join(f"{name}={value!r}" for name, value in zip(names, values, strict=True))
    return f"{type(obj).__name__}({args})"
