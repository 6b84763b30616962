"""The extractor compiled to C with mypyc: built by `make install`, used only while fresh.

Why: extraction is pure Python work per sentence (tokens, phrase look-ups, small parsers),
and mypyc turns the same type-annotated modules into C extensions about 1.4x faster,
with no second implementation to keep in step. The source stays the truth:

- `tracker.native_build` compiles a copy of the package into `tracker/extract/_native/`
  (git-ignored), subpackages included, and records a digest of the sources it compiled.
- `activate()` puts the compiled modules first on the package's search path only when
  that digest matches the sources on disk. An edited `.py` therefore never runs as a stale
  binary: it runs as Python until the next build. `tracker.extract` calls it once, at the
  first extraction, with the `native` setting (`TRACKER_NATIVE=0` turns it off); nothing
  happens when the package is imported.

`python -m tracker.native_build` builds (see that module); without a C compiler the
extractor simply stays pure Python.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PACKAGE = "tracker.extract"
NATIVE_DIR = PACKAGE_DIR / "_native"
MANIFEST = "manifest.json"
# Not compiled: the package's __init__ and this module (they choose the build), the output
# model and its text rendering (imported before the choice by the package and the CLI,
# and cheap), and the lexicon subpackage (load-time only; it reads its JSON files).
_NOT_COMPILED = frozenset({"__init__.py", "native.py", "model.py", "render.py"})
_NOT_COMPILED_DIRS = frozenset({"lexicon", "__pycache__"})


def compiled_sources() -> list[Path]:
    """The modules that are compiled, subpackages included, in a stable order."""
    found = []
    for path in PACKAGE_DIR.rglob("*.py"):
        parts = path.relative_to(PACKAGE_DIR).parts
        if len(parts) == 1 and parts[0] in _NOT_COMPILED:
            continue
        if parts[0] in _NOT_COMPILED_DIRS or parts[0].startswith("_native"):
            continue
        found.append(path)
    return sorted(found, key=lambda p: p.relative_to(PACKAGE_DIR).as_posix())


def module_name(path: Path) -> str:
    """The dotted name of a compiled source: `tracker.extract.sieves.reported`."""
    parts = path.relative_to(PACKAGE_DIR).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join((PACKAGE, *parts))


def source_digest() -> str:
    """A digest of everything a build depends on: the interpreter and each source file."""
    h = hashlib.sha256()
    h.update(f"{sys.implementation.cache_tag} {sys.version} {sys.platform}".encode())
    for path in compiled_sources():
        h.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        h.update(b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def _fresh_manifest() -> dict[str, object] | None:
    """The build's manifest, if a build exists and was made from the sources on disk."""
    try:
        data = json.loads((NATIVE_DIR / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("digest") != source_digest():
        return None
    return data


def is_fresh() -> bool:
    """Whether a compiled build exists and was made from the sources now on disk."""
    return _fresh_manifest() is not None


def imported_from_source() -> list[str]:
    """Compiled modules already imported as Python: a build activated now would run beside
    them, and compiled code must never meet the Python twin of one of its modules."""
    return [name for name in map(module_name, compiled_sources()) if name in sys.modules]


def activate(package_path: list[str], *, enabled: bool) -> bool:
    """Put the fresh compiled modules ahead of the sources in `package_path` (the
    package's `__path__`) when `enabled`. Returns whether the compiled extractor is in use:
    False without a fresh build, or when some of its modules were imported as Python first
    (a test importing `tracker.extract.quotes` directly): then the extractor stays Python."""
    if not enabled:
        return False
    manifest = _fresh_manifest()
    if manifest is None or imported_from_source():
        return False
    runtime = manifest.get("runtime")
    if isinstance(runtime, str) and runtime:
        # mypyc's shared runtime is a top-level extension module the compiled modules
        # import by name; load it from our directory without touching sys.path.
        path = NATIVE_DIR / runtime
        name = runtime.split(".", 1)[0]
        if name not in sys.modules:
            loader = importlib.machinery.ExtensionFileLoader(name, str(path))
            spec = importlib.util.spec_from_file_location(name, path, loader=loader)
            if spec is None:
                return False
            module = importlib.util.module_from_spec(spec)
            loader.exec_module(module)
            sys.modules[name] = module
    package_path.insert(0, str(NATIVE_DIR / "tracker" / "extract"))
    return True
