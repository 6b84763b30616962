"""The extractor compiled to C with mypyc: built by `make install`, used only while fresh.

Why: extraction is pure Python work per sentence (tokens, phrase look-ups, small parsers),
and mypyc turns the same type-annotated modules into C extensions about 1.4x faster,
with no second implementation to keep in step. The source stays the truth:

- `tracker.native_build` compiles a copy of the package into `tracker/extract/_native/`
  (git-ignored) and records a digest of the sources it compiled.
- `activate()` (called by `tracker/extract/__init__.py` before any submodule is
  imported) puts the compiled modules first on the package's search path only when that
  digest matches the sources on disk. An edited `.py` therefore never runs as a stale
  binary: it runs as Python until the next build.
- `TRACKER_NATIVE=0` turns the compiled modules off (for debugging, or to compare).

`python -m tracker.native_build` builds (see that module); without a C compiler the
extractor simply stays pure Python.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
NATIVE_DIR = PACKAGE_DIR / "_native"
MANIFEST = "manifest.json"
# Not compiled: this module (it loads the others) and the package's __init__. The lexicon
# subpackage is not globbed either (load-time only; it reads its JSON files next to it).
_NOT_COMPILED = frozenset({"__init__.py", "native.py"})


def compiled_sources() -> list[Path]:
    """The modules that are compiled, in a stable order."""
    return sorted(p for p in PACKAGE_DIR.glob("*.py") if p.name not in _NOT_COMPILED)


def source_digest() -> str:
    """A digest of everything a build depends on: the interpreter and each source file."""
    h = hashlib.sha256()
    h.update(f"{sys.implementation.cache_tag} {sys.version} {sys.platform}".encode())
    for path in compiled_sources():
        h.update(path.name.encode())
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


def activate(package_path: list[str]) -> bool:
    """Put the fresh compiled modules ahead of the sources in `package_path` (the
    package's `__path__`). Returns whether the compiled extractor is in use."""
    if os.environ.get("TRACKER_NATIVE", "1").strip().lower() in {"0", "false", "no", "off"}:
        return False
    manifest = _fresh_manifest()
    if manifest is None:
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
