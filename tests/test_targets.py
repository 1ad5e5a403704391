"""What `check` and `fix` look at when no path is named, in real temporary repositories."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from awesomelint.cli import cli

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
BAD = "# L\n\n1. [A](https://a.example/)\n2. \n"


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def write(path: Path, text: str = BAD) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def checked(*args: str, command: str = "check") -> tuple[int, list[str], str]:
    result = CliRunner().invoke(
        cli, [command, "--offline", "--select", "ENT001", "--output-format", "json", *args]
    )
    rows = json.loads(result.stdout) if result.stdout.strip().startswith("[") else []
    return result.exit_code, sorted({row["path"] for row in rows}), result.stderr


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    git(tmp_path, "init", "-q")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_readme_at_the_root_is_the_default(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(repo / "README.md")
    write(repo / "docs" / "other.md")
    assert checked()[:2] == (1, ["README.md"])
    (repo / "sub").mkdir()
    monkeypatch.chdir(repo / "sub")
    code, paths, _ = checked()
    assert code == 1
    assert [Path(p) for p in paths] == [repo / "README.md"]


def test_lists_folder_wins_over_readme(repo: Path) -> None:
    write(repo / "README.md")
    write(repo / "lists" / "a.md")
    assert checked()[1] == ["lists/a.md"]


def test_without_readme_every_tracked_markdown_file(repo: Path) -> None:
    write(repo / "docs" / "a.md")
    write(repo / "b.markdown")
    write(repo / "notes.txt")
    git(repo, "add", ".")
    write(repo / "untracked.md")
    assert checked()[1] == ["b.markdown", "docs/a.md"]


def test_include_globs_from_the_configuration_folder(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(repo / "README.md")
    write(repo / "awesomelint.toml", 'include = ["papers/**/*.md"]\nexclude = ["papers/old/*"]\n')
    write(repo / "papers" / "x" / "a.md")
    write(repo / "papers" / "old" / "b.md")
    assert checked()[1] == ["papers/x/a.md"]
    monkeypatch.chdir(repo / "papers")
    assert checked()[1] == ["x/a.md"]


def test_fix_takes_the_same_default(repo: Path) -> None:
    readme = write(repo / "README.md", "# L\n\n- [A](http://arxiv.org/abs/2302.12461)\n")
    assert checked("--select", "URL001", command="fix")[0] == 0
    assert readme.read_text() == "# L\n\n- [A](https://arxiv.org/abs/2302.12461)\n"


def test_nothing_to_check_is_one_clear_error(repo: Path) -> None:
    code, _, err = checked()
    assert code == 2
    assert err.startswith("awesomelint: error: nothing to check") and err.count("\n") == 1
    write(repo / "awesomelint.toml", 'include = ["nope/*.md"]\n')
    code, _, err = checked()
    assert code == 2 and "awesomelint.toml: include: no file matches 'nope/*.md'" in err
