"""An extraction leaves no reference cycles: its state is freed when it returns."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from tracker.extract import extract

# Pronouns make the salience list parse sentence subjects (the parser is the run's own
# method), and a relay makes a chain: the state the old cycle kept alive.
_TEXTS = (
    (
        "Kepala desa Warsito meninjau sawah. “Panen tahun ini bagus sekali,” katanya. "
        "Menurut Antara, ia juga mengatakan irigasi sudah diperbaiki.",
        "id",
    ),
    (
        'Coach Ben Ortiz praised the team. He said, according to the Daily Star, "We '
        'are ready." The paper said he would stay.',
        "en",
    ),
)


@pytest.fixture
def collector_paused() -> Iterator[None]:
    """The cyclic collector does not run unless the test calls it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@pytest.mark.usefixtures("collector_paused")
@pytest.mark.parametrize(("text", "language"), _TEXTS)
def test_extraction_leaves_no_cyclic_garbage(text: str, language: str) -> None:
    extract(text, language)  # the language's lexicon and patterns load once, here
    gc.collect()
    result = extract(text, language)
    assert result.statements  # the text did exercise resolution
    # objects only the cyclic collector could free: a run kept alive by a cycle
    assert gc.collect() == 0
