"""Each checked file follows the nearest configuration up from it (ruff's model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from awesomelint.cli import cli

ITEMS = "# L\n\n1. [A](https://a.example/)\n2. \n\n- [x]()\n"


def write(path: Path, text: str = ITEMS) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def found(*args: str, command: str = "check") -> tuple[int, list[tuple[str, str, str]]]:
    result = CliRunner().invoke(cli, [command, "--offline", "--output-format", "json", *args])
    assert "Traceback" not in result.stderr
    rows = json.loads(result.stdout or "[]")
    return result.exit_code, [(r["path"], r["code"], r["severity"]) for r in rows]


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_configuration_beside_the_file_applies_from_a_parent_folder(tree: Path) -> None:
    write(tree / "cfg" / "pyproject.toml", "[tool.awesomelint]\nselect = ['ENT002']\n")
    write(tree / "cfg" / "lists" / "a.md")
    assert found("cfg/lists") == (1, [("cfg/lists/a.md", "ENT002", "error")])


def test_each_file_gets_its_own_configuration_in_one_run(tree: Path) -> None:
    write(tree / "awesomelint.toml", "[severity]\nempty-entry = 'info'\n")
    write(tree / "one" / "a.md")
    write(tree / "two" / ".awesomelint.toml", "ignore = ['ENT001']\n")
    write(tree / "two" / "b.md")
    code, rows = found(".")
    assert code == 1
    assert rows == [
        ("one/a.md", "ENT001", "info"),
        ("one/a.md", "ENT002", "error"),
        ("two/b.md", "ENT002", "error"),
    ]


def test_config_flag_overrides_every_file(tree: Path) -> None:
    write(tree / "two" / ".awesomelint.toml", "ignore = ['ENT001']\n")
    write(tree / "two" / "b.md")
    write(tree / "strict.toml", "select = ['ENT001']\n")
    assert found("--config", "strict.toml", "two")[1] == [("two/b.md", "ENT001", "error")]


def test_per_file_ignores_are_relative_to_the_files_configuration(tree: Path) -> None:
    write(tree / "sub" / "awesomelint.toml", "[per-file-ignores]\n'lists/*.md' = ['ENT002']\n")
    write(tree / "sub" / "lists" / "a.md")
    write(tree / "sub" / "other" / "b.md")
    assert found("--select", "ENT", "sub")[1] == [
        ("sub/lists/a.md", "ENT001", "error"),
        ("sub/other/b.md", "ENT001", "error"),
        ("sub/other/b.md", "ENT002", "error"),
    ]


def test_fix_follows_the_files_configuration(tree: Path) -> None:
    write(tree / "keep" / "awesomelint.toml", "ignore = ['URL001']\n")
    kept = write(tree / "keep" / "a.md", "# L\n\n- [A](http://arxiv.org/abs/2302.12461)\n")
    fixed = write(tree / "b.md", "# L\n\n- [A](http://arxiv.org/abs/2302.12461)\n")
    assert found(".", command="fix")[0] == 0
    assert "http://" in kept.read_text()
    assert "https://" in fixed.read_text()
