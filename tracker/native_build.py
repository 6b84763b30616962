"""Build the compiled extractor (`tracker/extract/_native/`) with mypyc.

`make install` runs `python -m tracker.native_build --if-stale`. The loader in
`tracker.extract.native` uses the build only while its digest matches the sources, so a
failed or missing build costs speed, never correctness: the exit code is 0 either way,
with a one-line message on stderr.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tracker.extract.native import (
    MANIFEST,
    NATIVE_DIR,
    PACKAGE_DIR,
    compiled_sources,
    is_fresh,
    module_name,
    source_digest,
)


def build(verbose: bool = False) -> bool:
    """Compile the extractor into `_native/`; False (with a message) if it cannot be built."""
    if shutil.which(os.environ.get("CC", "cc")) is None and shutil.which("gcc") is None:
        print("tracker: no C compiler found; the extractor stays pure Python", file=sys.stderr)
        return False
    digest = source_digest()
    root = PACKAGE_DIR.parents[1]
    with tempfile.TemporaryDirectory(prefix="tracker-native-") as tmp:
        work = Path(tmp)
        # mypyc compiles in place and type-checks imports, so it gets a copy of the
        # package (and the mypy settings) rather than the working tree.
        shutil.copytree(
            PACKAGE_DIR.parent,
            work / "tracker",
            ignore=shutil.ignore_patterns("_native", "__pycache__", "*.so"),
        )
        if (root / "pyproject.toml").exists():
            shutil.copy(root / "pyproject.toml", work / "pyproject.toml")
        sources = compiled_sources()
        targets = [str(p.relative_to(root)) for p in sources]
        result = subprocess.run(
            [sys.executable, "-m", "mypyc", *targets],
            cwd=work,
            capture_output=not verbose,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            tail = (result.stderr or result.stdout or "").strip().splitlines()[-5:]
            print("tracker: mypyc build failed; the extractor stays pure Python", file=sys.stderr)
            for line in tail:
                print(f"  {line}", file=sys.stderr)
            return False
        staging = Path(tempfile.mkdtemp(prefix="_native-", dir=PACKAGE_DIR))
        try:
            built = work / "tracker" / "extract"
            (staging / "tracker" / "extract").mkdir(parents=True)
            for so in built.rglob("*.so"):  # subpackages keep their directories
                out = staging / "tracker" / "extract" / so.parent.relative_to(built)
                out.mkdir(parents=True, exist_ok=True)
                shutil.copy2(so, out / so.name)
            runtimes = sorted(p.name for p in work.glob("*__mypyc*.so"))
            for name in runtimes:
                shutil.copy2(work / name, staging / name)
            manifest = {
                "digest": digest,
                "runtime": runtimes[0] if runtimes else "",
                "modules": [module_name(p) for p in sources],
            }
            (staging / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
            shutil.rmtree(NATIVE_DIR, ignore_errors=True)
            staging.rename(NATIVE_DIR)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return True


def main() -> int:
    """`python -m tracker.native_build [--if-stale] [-v]`: build the compiled extractor."""
    args = sys.argv[1:]
    if "--if-stale" in args and is_fresh():
        print("tracker: compiled extractor is up to date")
        return 0
    ok = build(verbose="-v" in args)
    if ok:
        print(f"tracker: compiled extractor built in {NATIVE_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
