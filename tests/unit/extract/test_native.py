"""The compiled extractor (tracker/extract/native.py): used only while fresh, same output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import tracker.extract as extract_package
from tests.unit.extract.helpers import seed_text
from tracker.config import Settings
from tracker.errors import ConfigError
from tracker.extract import native
from tracker.extract.native import activate, source_digest
from tracker.synthetic import generate

ROOT = Path(__file__).resolve().parents[3]

# Prints one JSON document per text: what the extractor (compiled or not) made of it.
_DUMP = """
import json, sys
import tracker.extract as e
texts = json.load(sys.stdin)
print(json.dumps({"native": e.native_active(),
                  "out": [e.extract(t).to_dict() for t in texts]}, sort_keys=True))
"""


def _run_dump(texts: list[str], native_flag: str) -> dict[str, object]:
    env = {**os.environ, "TRACKER_NATIVE": native_flag}
    done = subprocess.run(
        [sys.executable, "-c", _DUMP],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def _fake_build(tmp_path: Path, digest: str) -> Path:
    (tmp_path / "tracker" / "extract").mkdir(parents=True)
    (tmp_path / native.MANIFEST).write_text(
        json.dumps({"digest": digest, "runtime": "", "modules": []}), encoding="utf-8"
    )
    return tmp_path


def test_stale_build_is_never_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build made from other sources (an edited .py since) must not shadow the sources."""
    monkeypatch.setattr(native, "NATIVE_DIR", _fake_build(tmp_path, "0" * 64))
    monkeypatch.setattr(native, "imported_from_source", list)
    path: list[str] = ["/src"]
    assert activate(path, enabled=True) is False
    assert path == ["/src"]


def test_fresh_build_goes_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(native, "NATIVE_DIR", _fake_build(tmp_path, source_digest()))
    monkeypatch.setattr(native, "imported_from_source", list)
    path: list[str] = ["/src"]
    assert activate(path, enabled=True) is True
    assert path == [str(tmp_path / "tracker" / "extract"), "/src"]


def test_modules_imported_as_python_keep_it_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Compiled code must never meet the Python twin of one of its modules."""
    monkeypatch.setattr(native, "NATIVE_DIR", _fake_build(tmp_path, source_digest()))
    monkeypatch.setitem(sys.modules, "tracker.extract.quotes", sys.modules[__name__])
    assert "tracker.extract.quotes" in native.imported_from_source()
    path: list[str] = ["/src"]
    assert activate(path, enabled=True) is False
    assert path == ["/src"]


@pytest.mark.parametrize("flag", ["0", "off", "false", "No"])
def test_setting_turns_it_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flag: str) -> None:
    monkeypatch.setattr(native, "NATIVE_DIR", _fake_build(tmp_path, source_digest()))
    monkeypatch.setattr(native, "imported_from_source", list)
    settings = Settings.from_env({"TRACKER_NATIVE": flag})
    assert settings.native is False
    path: list[str] = []
    assert activate(path, enabled=settings.native) is False
    assert path == []


def test_setting_defaults_on_and_rejects_nonsense() -> None:
    assert Settings.from_env({}).native is True
    assert Settings.from_env({"TRACKER_NATIVE": "1"}).native is True
    with pytest.raises(ConfigError, match="TRACKER_NATIVE"):
        Settings.from_env({"TRACKER_NATIVE": "maybe"})


def test_missing_build_is_pure_python(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(native, "NATIVE_DIR", tmp_path / "absent")
    monkeypatch.setattr(native, "imported_from_source", list)
    assert activate([], enabled=True) is False


def test_import_decides_nothing() -> None:
    """Importing the package neither reads TRACKER_NATIVE (a bad value would raise) nor
    loads the extractor; the first extraction does both."""
    probe = (
        "import sys, tracker.extract as e\n"
        "assert 'tracker.extract.pipeline' not in sys.modules\n"
        "assert 'tracker.config' not in sys.modules\n"
        "try:\n"
        "    e.extract('Lee said the plan works.')\n"
        "except Exception as exc:\n"
        "    print(type(exc).__name__)\n"
    )
    env = {**os.environ, "TRACKER_NATIVE": "maybe"}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ConfigError"


def test_digest_follows_the_sources() -> None:
    digest = source_digest()
    assert len(digest) == 64
    assert digest == source_digest()
    assert {p.name for p in native.compiled_sources()} >= {"pipeline.py", "speakers.py"}
    assert "native.py" not in {p.name for p in native.compiled_sources()}


@pytest.mark.slow
def test_compiled_output_is_identical_to_python() -> None:
    """mypyc checks types at run time and changes some semantics (integers, attributes);
    the compiled extractor must give byte-identical results on real articles."""
    if not native.is_fresh():
        pytest.skip("no fresh compiled extractor (make install builds it)")
    texts = [a.text for a in generate(60, seed=11)]
    texts += ["“" * 50 + "kata dia", 'He said: "unbalanced', "Menurut  polisi, " * 20]
    _assert_same_output(texts)


@pytest.mark.slow
def test_compiled_output_is_identical_on_the_seed() -> None:
    """The same on the shared seed article (fails in CI when it is missing)."""
    text = seed_text()
    if not native.is_fresh():
        pytest.skip("no fresh compiled extractor (make install builds it)")
    _assert_same_output([text])


def _assert_same_output(texts: list[str]) -> None:
    compiled = _run_dump(texts, "1")
    python = _run_dump(texts, "0")
    assert compiled["native"] is True
    assert python["native"] is False
    assert compiled["out"] == python["out"]
    outputs = python["out"]
    assert isinstance(outputs, list)
    assert any(d["statements"] for d in outputs)


def test_package_reports_what_it_runs() -> None:
    extract_package.extract("Lee said the plan works.")
    active = extract_package.native_active()
    pipeline = sys.modules["tracker.extract.pipeline"]
    compiled = not (pipeline.__file__ or "").endswith(".py")
    assert active is compiled
    assert extract_package.NATIVE is compiled  # the name bench scripts and /health read
