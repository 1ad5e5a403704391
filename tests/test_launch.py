"""The console script's fast path (`--version`, `rules`) prints what the click command prints."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from awesomelint import launch
from awesomelint.cli import cli

FAST = [
    ["--version"],
    ["rules"],
    ["rules", "--format", "markdown"],
    ["rules", "--format=json"],
    ["rules", "DUP001"],
    ["rules", "dup001"],
    ["rules", "duplicate-entry"],
    ["rules", "--format", "json", "ENT001"],
]


def _launch(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    old = sys.argv
    sys.argv = ["awesomelint", *args]
    try:
        launch.main()
    finally:
        sys.argv = old
    return capsys.readouterr().out


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path))


@pytest.mark.parametrize("args", FAST, ids=" ".join)
def test_fast_path_prints_what_click_prints(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    expected = CliRunner().invoke(cli, args)
    assert expected.exit_code == 0
    cold = _launch(args, capsys)
    warm = _launch(args, capsys)
    assert cold == warm == expected.output


def test_fast_path_takes_no_click(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _launch(["rules"], capsys)  # fills the cache

    def refuse() -> None:
        raise AssertionError("the click command line was called")

    monkeypatch.setattr("awesomelint.cli.main", refuse)
    assert _launch(["rules", "ENT001"], capsys).startswith("ENT001")
    assert _launch(["--version"], capsys).startswith("awesomelint, version")


def test_a_stale_cache_is_not_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _launch(["rules"], capsys)
    (stored,) = (tmp_path / "awesomelint").glob("rules-*.json")
    stored.write_text('{"tables": {"text": "stale"}}', encoding="utf-8")
    stored.rename(stored.with_name("rules-0.0.0-00000000.json"))
    assert "stale" not in _launch(["rules"], capsys)
    assert [p.name for p in (tmp_path / "awesomelint").glob("rules-*.json")] == [stored.name]


@pytest.mark.parametrize(
    "args", [["rules", "NO-SUCH-RULE"], ["rules", "--help"], ["rules", "--format", "yaml"]]
)
def test_everything_else_goes_to_click(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    called: list[bool] = []
    monkeypatch.setattr("awesomelint.cli.main", lambda: called.append(True))
    _launch(args, capsys)
    assert called == [True]


def test_a_damaged_cache_is_rendered_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = _launch(["rules"], capsys)
    (stored,) = (tmp_path / "awesomelint").glob("rules-*.json")
    for damage in ('{"tables": {"text": "stale"}}', "[1, 2]", "{not json"):
        stored.write_text(damage, encoding="utf-8")
        assert _launch(["rules"], capsys) == expected
        assert _launch(["rules", "ENT001"], capsys).startswith("ENT001")
