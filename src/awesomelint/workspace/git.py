"""Asking git, immune to the user's settings that change what its output looks like."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from awesomelint.errors import ConfigError


class GitError(ConfigError):
    """git is missing, or a git command failed; the message is git's last line."""


def git_bytes(args: Sequence[str], cwd: Path) -> bytes:
    """What `git ARGS` prints, run in `cwd`; GitError with git's own message when it fails."""
    import subprocess  # only a run that asks git pays for importing it

    env = {**os.environ, "GIT_PAGER": "cat", "GIT_EXTERNAL_DIFF": "", "LC_ALL": "C"}
    env.pop("GIT_DIR", None)
    env.pop("GIT_WORK_TREE", None)
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotePath=false", *args],
            cwd=cwd,
            capture_output=True,
            check=False,
            env=env,
        )
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    except OSError as err:
        raise GitError(f"cannot run git ({err.strerror or err})") from None
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(lines[-1] if lines else f"git {args[0]} failed")
    return done.stdout


def toplevel(cwd: Path) -> Path | None:
    """The root of the git working tree around `cwd`, or None outside one (or without git)."""
    try:
        out = git_bytes(["rev-parse", "--show-toplevel"], cwd)
    except GitError:
        return None
    return Path(os.fsdecode(out.rstrip(b"\n")))


def nul_paths(out: bytes, top: Path) -> list[Path]:
    """Paths from NUL-separated git output, relative to `top` (never quoted: `-z`)."""
    return [top / os.fsdecode(name) for name in out.split(b"\0") if name]


def tracked_markdown(top: Path) -> list[Path]:
    """Every Markdown file git tracks in the working tree at `top`, sorted."""
    out = git_bytes(["ls-files", "-z", "--cached", "--", "*.md", "*.markdown"], top)
    return sorted(path for path in nul_paths(out, top) if path.is_file())
