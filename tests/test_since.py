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


def _commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def test_a_branch_behind_main_is_blamed_only_for_its_own_lines(repo: Path) -> None:
    path = repo / "lists" / "a.md"
    git(repo, "checkout", "-q", "-b", "feature")
    path.write_text(path.read_text() + "3. [z]()\n")
    _commit(repo, "feature adds a bad entry")
    git(repo, "checkout", "-q", "main")
    path.write_text(path.read_text().replace("[x]()", "[x](https://x.example/)"))
    (repo / "lists" / "main-only.md").write_text("- [m]()\n")
    _commit(repo, "main fixes line 3 and adds a file")
    git(repo, "checkout", "-q", "feature")
    # Against main's tip, line 3 (fixed on main only) and main's new file would count.
    assert codes("--since", "main")[:2] == (1, [("lists/a.md", 5, "ENT002")])
    path.write_text(path.read_text() + "4. \n")  # uncommitted work counts too
    git(repo, "add", "lists/a.md")
    assert codes("--since", "main")[1] == [("lists/a.md", 5, "ENT002"), ("lists/a.md", 6, "ENT001")]


@pytest.mark.parametrize(
    "setting",
    [
        ("diff.noprefix", "true"),
        ("diff.mnemonicPrefix", "true"),
        ("color.diff", "always"),
        ("color.ui", "always"),
        ("diff.external", "false"),
        ("diff.interHunkContext", "20"),
        ("diff.context", "9"),
        ("diff.renames", "copies"),
        ("diff.relative", "true"),
        ("core.quotePath", "true"),
    ],
)
def test_the_users_diff_settings_change_nothing(repo: Path, setting: tuple[str, str]) -> None:
    git(repo, "config", *setting)
    path = repo / "lists" / "a.md"
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join([*lines, "\n", *["- [ok](https://ok.example/)\n"] * 6, "- [w]()\n"]))
    assert codes("--since", "HEAD")[1] == [("lists/a.md", 12, "ENT002")]


@pytest.mark.parametrize(
    "name", ["my list.md", "liste \u00e9t\u00e9.md", "\u8bba\u6587.md", 'q"t.md']
)
def test_names_git_would_quote(repo: Path, name: str) -> None:
    path = repo / "lists" / name
    path.write_text("# L\n\n- [a](https://a.example/)\n")
    _commit(repo, "add")
    path.write_text(path.read_text() + "- [b]()\n")
    assert codes("--since", "HEAD")[1] == [(f"lists/{name}", 4, "ENT002")]


def test_a_renamed_file_counts_as_new(repo: Path) -> None:
    git(repo, "mv", "lists/a.md", "lists/b.md")
    found = codes("--since", "HEAD")[1]
    assert found == [("lists/b.md", 3, "ENT002")]


def test_a_shallow_clone_without_the_merge_base_says_so(
    repo: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    git(repo, "checkout", "-q", "-b", "feature")
    (repo / "lists" / "a.md").write_text("# A\n\n- [x]()\n")
    _commit(repo, "feature")
    git(repo, "checkout", "-q", "main")
    (repo / "lists" / "b.md").write_text("# B\n")
    _commit(repo, "main")
    clone = tmp_path_factory.mktemp("clone") / "work"
    git(clone.parent, "clone", "-q", "--depth", "1", "--no-single-branch", repo.as_uri(), "work")
    git(clone, "checkout", "-q", "feature")
    monkeypatch.chdir(clone)
    code, _, err = codes("--since", "origin/main")
    assert code == 2
    assert "no common ancestor" in err and "fetch" in err
