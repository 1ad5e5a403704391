"""The GitHub Action (`action.yml`), its scripts, the project's workflow and the README's
recipe: validated against GitHub's schemas, and the scripts run for real on git repositories
the tests make."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
ACTION = ROOT / "action.yml"
WORKFLOW = ROOT / ".github" / "workflows" / "awesomelint.yml"
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def schema_check(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_action_and_workflow_match_githubs_schemas() -> None:
    done = schema_check("vendor.github-actions", ACTION)
    assert done.returncode == 0, done.stdout + done.stderr
    done = schema_check("vendor.github-workflows", WORKFLOW)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_schema_check_catches_a_broken_action(tmp_path: Path) -> None:
    action = yaml.safe_load(ACTION.read_text())
    for step in action["runs"]["steps"]:
        step.pop("shell", None)  # a composite step that runs a script must name its shell
    broken = tmp_path / "action.yml"
    broken.write_text(yaml.safe_dump(action))
    assert schema_check("vendor.github-actions", broken).returncode == 1


def _steps() -> list[dict[str, object]]:
    steps: list[dict[str, object]] = yaml.safe_load(ACTION.read_text())["runs"]["steps"]
    return steps


def test_the_action_installs_itself_and_passes_the_token() -> None:
    runs = [str(step.get("run", "")) for step in _steps()]
    assert any("pip install" in run and '"$GITHUB_ACTION_PATH"' in run for run in runs)
    checks = [step for step in _steps() if "action/" in str(step.get("run", ""))]
    assert len(checks) == 2
    for step in checks:
        env = step["env"]
        assert isinstance(env, dict)
        assert env["GITHUB_TOKEN"] == "${{ inputs.github-token }}"
        script = ROOT / str(step["run"]).strip("'\"").replace("$GITHUB_ACTION_PATH/", "")
        assert script.is_file() and os.access(script, os.X_OK)
    caches = [step for step in _steps() if str(step.get("uses", "")).startswith("actions/cache")]
    assert [str(step["uses"]).split("@")[0] for step in caches] == [
        "actions/cache/restore",
        "actions/cache/save",
    ]
    restore, save = (step["with"] for step in caches)
    assert isinstance(restore, dict) and isinstance(save, dict)
    assert restore["path"] == save["path"] and restore["key"] == save["key"]


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "AWESOMELINT_"))}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["NO_COLOR"] = "1"
    return {**env, **extra}


@pytest.fixture
def pull_request(tmp_path: Path) -> Path:
    """A shallow clone of a feature branch (as actions/checkout makes it) whose base branch
    moved on after the branch left it."""
    origin = tmp_path / "origin"
    origin.mkdir()
    git(origin, "init", "-q", "-b", "main")
    listing = origin / "lists" / "a.md"
    listing.parent.mkdir()
    listing.write_text("# A\n\n1. [x]()\n2. [B](https://b.example/)\n")
    git(origin, "add", ".")
    git(origin, "commit", "-q", "-m", "base")
    git(origin, "checkout", "-q", "-b", "feature")
    listing.write_text(listing.read_text() + "3. [z]()\n")
    git(origin, "commit", "-q", "-am", "feature")
    git(origin, "checkout", "-q", "main")
    listing.write_text(listing.read_text().replace("[x]()", "[x](https://x.example/)"))
    git(origin, "commit", "-q", "-am", "main moves on")
    work = tmp_path / "work"
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", "feature", origin.as_uri(), "work")
    assert git(work, "rev-parse", "--is-shallow-repository").strip() == "true"
    return work


def test_pull_request_script_annotates_only_the_branchs_lines(pull_request: Path) -> None:
    script = ROOT / ".github" / "action" / "pull-request.sh"
    env = _env(AWESOMELINT_BASE_REF="main", AWESOMELINT_ARGS="--offline --select ENT")
    done = subprocess.run(
        [str(script)], cwd=pull_request, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 1, done.stderr
    annotations = [line for line in done.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == 1
    assert annotations[0].startswith("::error file=lists/a.md,line=5,")


def test_pull_request_script_needs_a_base(pull_request: Path) -> None:
    script = ROOT / ".github" / "action" / "pull-request.sh"
    done = subprocess.run(
        [str(script)], cwd=pull_request, env=_env(), capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert done.stdout.startswith("::error::awesomelint: no base branch")


def test_full_script_writes_the_job_summary_and_the_status(pull_request: Path) -> None:
    script = ROOT / ".github" / "action" / "full.sh"
    summary, output = pull_request / "summary.md", pull_request / "output.txt"
    env = _env(
        GITHUB_STEP_SUMMARY=str(summary),
        GITHUB_OUTPUT=str(output),
        AWESOMELINT_ARGS="--offline",
        AWESOMELINT_CACHE_DIR=str(pull_request / "cache"),
    )
    done = subprocess.run(
        [str(script)], cwd=pull_request, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr  # so that the cache is still saved
    report = summary.read_text()
    assert report.startswith("## awesomelint\n")
    assert "| lists/a.md | 3 | ENT002 `malformed-link` | error |" in report
    assert output.read_text() == "status=1\n"


def _readme_block(title: str, language: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split(f"### {title}\n", 1)[1].split("\n## ", 1)[0]
    match = re.search(rf"```{language}\n(.*?)```", section, re.DOTALL)
    assert match is not None
    return match.group(1)


def test_readme_recipe_is_a_valid_workflow_that_uses_the_action(tmp_path: Path) -> None:
    recipe = _readme_block("GitHub Actions", "yaml")
    path = tmp_path / "lists.yml"
    path.write_text(recipe)
    done = schema_check("vendor.github-workflows", path)
    assert done.returncode == 0, done.stdout + done.stderr
    steps = yaml.safe_load(recipe)["jobs"]["awesomelint"]["steps"]
    assert any(str(step.get("uses", "")).endswith("/awesomelint@main") for step in steps)
    assert "pip install awesomelint" not in recipe
    assert "lists/" not in recipe  # the action picks the files as check does
