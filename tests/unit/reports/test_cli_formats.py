"""The CLI's report formats come from the renderer registry, so a new renderer needs no CLI edit."""

from __future__ import annotations

from click.testing import CliRunner

from tracker.cli import main
from tracker.reports.outputs import formats


def test_report_help_lists_every_registered_format() -> None:
    result = CliRunner().invoke(main, ["report", "--help"])
    assert result.exit_code == 0
    listed = result.output.split("--format [", 1)[1].split("]", 1)[0].split("|")
    assert tuple(listed) == formats("document")


def test_an_unknown_format_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["report", "1", "--format", "pdf"])
    assert result.exit_code == 2 and "pdf" in result.output
