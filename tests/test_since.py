"""`--since REF`: only findings on lines added or changed since a git ref."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from awesomelint.cli import cli

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "a.md").write_text("# A\n\n1. [x]()\n2. [B](https://b.example/)\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def codes(*args: str) -> tuple[int, list[tuple[str, int, str]], str]:
    result = CliRunner().invoke(
        cli, ["check", "--offline", "--select", "ENT", "--output-format", "json", *args]
    )
    rows = json.loads(result.stdout) if result.stdout.strip() else []
    return result.exit_code, [(r["path"], r["line"], r["code"]) for r in rows], result.stderr


def test_only_changed_lines_are_reported(repo: Path) -> None:
    path = repo / "lists" / "a.md"
    path.write_text(path.read_text() + "3. [y]()\n4. \n")
    code, found, _ = codes("--since", "HEAD")
    assert code == 1
    assert found == [("lists/a.md", 5, "ENT002"), ("lists/a.md", 6, "ENT001")]
    assert (("lists/a.md", 3, "ENT002")) in codes()[1]  # without --since the old one shows too


def test_untracked_files_count_as_new(repo: Path) -> None:
    (repo / "lists" / "new.md").write_text("- [z]()\n")
    assert codes("--since", "HEAD")[1] == [("lists/new.md", 1, "ENT002")]


def test_nothing_changed_is_clean(repo: Path) -> None:
    assert codes("--since", "HEAD")[:2] == (0, [])


def test_unknown_ref_and_outside_git_are_clear_errors(
    repo: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = codes("--since", "no-such-ref")
    assert code == 2 and err.startswith("awesomelint: error: --since")
    outside = tmp_path_factory.mktemp("plain")
    (outside / "lists").mkdir()
    monkeypatch.chdir(outside)
    code, _, err = codes("--since", "HEAD")
    assert code == 2
    assert "not inside a git repository" in err


def test_network_facts_are_gathered_only_for_links_on_changed_lines(tmp_path: Path) -> None:
    from awesomelint.document.parse import parse_source
    from awesomelint.document.source import read
    from awesomelint.netwire import _only_changed

    path = tmp_path / "a.md"
    path.write_text("- [A](https://a.example/)\n- [B](https://b.example/)\n")
    parsed = parse_source(read(path))
    (doc,) = _only_changed([parsed], {path.resolve(): frozenset({2})})
    assert [link.url for link in doc.links] == ["https://b.example/"]
    (whole,) = _only_changed([parsed], None)
    assert len(whole.links) == 2
