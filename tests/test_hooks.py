"""The published pre-commit hooks, run for real through `pre-commit try-repo`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="needs git"),
    pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs the project's git checkout"),
]


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    work = tmp_path_factory.mktemp("hook-user")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home"))}
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    _run([*git, "init", "-q"], work, env)
    (work / "good.md").write_text("# Papers\n\n- [A](https://arxiv.org/abs/2302.12461)\n")
    (work / "bad.md").write_text("# Papers\n\n1. [A](https://arxiv.org/abs/2302.12461)\n2. [B]()\n")
    (work / "fixable.md").write_text("# Papers\n\n- [A](http://arxiv.org/abs/2302.12461)\n")
    _run([*git, "add", "."], work, env)
    return work, env


def _try_repo(
    hook: str, files: list[str], sample: tuple[Path, dict[str, str]]
) -> subprocess.CompletedProcess[str]:
    work, env = sample
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--files", *files]
    return _run(command, work, env)


def test_check_hook_passes_clean_and_fails_bad_files(sample: tuple[Path, dict[str, str]]) -> None:
    clean = _try_repo("awesomelint", ["good.md"], sample)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    bad = _try_repo("awesomelint", ["bad.md"], sample)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "bad.md:4:4: ENT002" in bad.stdout


def test_fix_hook_rewrites_files(sample: tuple[Path, dict[str, str]]) -> None:
    work, _ = sample
    result = _try_repo("awesomelint-fix", ["fixable.md"], sample)
    assert result.returncode == 1  # pre-commit fails a hook that changed files
    assert "https://arxiv.org/abs/2302.12461" in (work / "fixable.md").read_text()


def _readme_snippet() -> dict[str, object]:
    import re

    import yaml

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### pre-commit\n", 1)[1].split("\n### ", 1)[0]
    match = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)
    assert match is not None
    config: dict[str, object] = yaml.safe_load(match.group(1))
    return config


def test_readme_snippet_names_the_published_hooks() -> None:
    import yaml

    published = {
        hook["id"] for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    }
    (repo,) = _readme_snippet()["repos"]  # type: ignore[misc]
    assert {hook["id"] for hook in repo["hooks"]} == published
    assert "OWNER" in repo["repo"]  # a placeholder the README says to replace, not a real host


def test_readme_snippet_runs_from_this_repository(sample: tuple[Path, dict[str, str]]) -> None:
    """The README's configuration, with this checkout as the repository and its commit as the
    rev (what a user's `repo` and `rev` point to), runs offline."""
    import yaml

    work, env = sample
    config = _readme_snippet()
    head = _run(["git", "rev-parse", "HEAD"], ROOT, env).stdout.strip()
    (repo,) = config["repos"]  # type: ignore[misc]
    repo["repo"], repo["rev"] = str(ROOT), head
    repo["hooks"] = [hook for hook in repo["hooks"] if hook["id"] == "awesomelint"]
    (work / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))
    command = [sys.executable, "-m", "pre_commit", "run", "--files", "good.md"]
    done = _run(command, work, env)
    assert done.returncode == 0, done.stdout + done.stderr
    command = [sys.executable, "-m", "pre_commit", "run", "--files", "bad.md"]
    done = _run(command, work, env)
    assert done.returncode == 1 and "bad.md:4:4: ENT002" in done.stdout
