"""The console script's fast path (`--version`, `rules`) prints what the click command prints."""

from __future__ import annotations

import os
import shutil
import subprocess
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


LISTING = """# Papers

- **A Study of Langauge Models** [[arxiv]](http://arxiv.org/abs/2101.00001) \x1b[31mred\x1b[0m
- **Another Paper** [[arxiv]](https://arxiv.org/abs/2101.00002)
*
"""
PLAIN_CHECKS = [
    ["check", "--offline", "list.md"],
    ["check", "--offline", "--output-format", "json", "list.md"],
    ["check", "--offline", "--output-format=concise", "-q", "list.md", "clean.md"],
    ["check", "--online", "--offline", "--statistics", "list.md"],
    ["check", "--offline", "--exit-zero", "--no-show-source", "list.md"],
    ["check", "--offline", "--min-severity", "error", "--output-format", "sarif", "."],
    ["check", "--offline", "clean.md"],
    ["check", "--offline", "missing.md", "list.md"],
    ["check", "--offline", "--output-format", "yaml", "list.md"],
    ["check", "--offline", "--select", "TYP001", "list.md"],
    ["check", "--offline", "--no-such-flag", "list.md"],
    ["check", "--offline", "-", "list.md"],
    ["check", "--offline", "bad/list.md"],
]


def _cli(how: str, args: list[str], folder: Path) -> tuple[int, str, str, bool]:
    """Exit status, output, errors and whether click was imported, of a run through the
    console script ("launch") or straight through the click command line ("click")."""
    entry = "launch" if how == "launch" else "cli"
    code = (
        f"import sys; sys.argv = ['awesomelint', *sys.argv[1:]]\n"
        f"from awesomelint.{entry} import main\n"
        "try:\n    main()\n"
        "finally:\n    sys.stderr.write(f'\\nclick: {\"click\" in sys.modules}')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=folder,
        check=False,
        env={**os.environ, "AWESOMELINT_CODE_CACHE": str(folder / "cache")},
    )
    errors, _, clicked = done.stderr.rpartition("\nclick: ")
    return done.returncode, done.stdout, errors, clicked == "True"


@pytest.mark.parametrize("args", PLAIN_CHECKS, ids=" ".join)
def test_a_plain_check_prints_what_click_prints(args: list[str], tmp_path: Path) -> None:
    (tmp_path / "list.md").write_text(LISTING, encoding="utf-8")
    (tmp_path / "clean.md").write_text("# Papers\n\nNothing listed yet.\n", encoding="utf-8")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "list.md").write_text(LISTING, encoding="utf-8")
    (tmp_path / "bad" / "awesomelint.toml").write_text("select = [", encoding="utf-8")
    status, out, err, _ = _cli("click", args, tmp_path)
    assert _cli("launch", args, tmp_path)[:3] == (status, out, err)
    assert status in (0, 1, 2) and (out or err)


PLAIN_FIXES = [
    ["fix", "--offline", "list.md"],
    ["fix", "--offline", "--diff", "list.md"],
    ["fix", "--offline", "--unsafe-fixes", "list.md"],
    ["fix", "--offline", "--output-format", "json", "list.md"],
    ["fix", "--offline", "--format", "-q", "list.md", "clean.md"],
    ["fix", "--offline", "--no-format", "--allow-hard-links", "--allow-outside-symlinks", "."],
    ["fix", "--offline", "clean.md"],
    ["fix", "--offline", "--exit-zero", "list.md"],
    ["fix", "--offline", "--diff=yes", "list.md"],
    ["fix", "--offline", "bad/list.md"],
]


def _fix_folder(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    (folder / "list.md").write_text(LISTING, encoding="utf-8")
    (folder / "clean.md").write_text("# Papers\n\nNothing listed yet.\n", encoding="utf-8")
    (folder / "bad").mkdir()
    (folder / "bad" / "list.md").write_text(LISTING, encoding="utf-8")
    (folder / "bad" / "awesomelint.toml").write_text("select = [", encoding="utf-8")
    return folder


def _files(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*.md"))
    }


@pytest.mark.parametrize("args", PLAIN_FIXES, ids=" ".join)
def test_a_plain_fix_prints_and_writes_what_click_does(args: list[str], tmp_path: Path) -> None:
    folder = _fix_folder(tmp_path / "run")
    status, out, err, _ = _cli("click", args, folder)
    written = _files(folder)
    folder = _fix_folder(tmp_path / "run")
    assert _cli("launch", args, folder)[:3] == (status, out, err)
    assert _files(folder) == written
    assert status in (0, 1, 2) and (out or err)


def test_a_plain_fix_takes_no_click(tmp_path: Path) -> None:
    folder = _fix_folder(tmp_path / "run")
    status, out, _, clicked = _cli("launch", ["fix", "--offline", "list.md"], folder)
    assert status == 1 and "Applied" in out and not clicked
    assert "Langauge" not in (folder / "list.md").read_text(encoding="utf-8")


def test_a_plain_check_takes_no_click(tmp_path: Path) -> None:
    (tmp_path / "list.md").write_text(LISTING, encoding="utf-8")
    status, out, _, clicked = _cli("launch", ["check", "--offline", "list.md"], tmp_path)
    assert status == 1 and "TYP001" in out and not clicked
    assert _cli("launch", ["check", "--offline", "--help"], tmp_path)[3]
