"""`--since REF`: which lines of which files git says were added or changed since a ref."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

from awesomelint.errors import ConfigError

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)
ALL_LINES = frozenset({0})
"""Marks a file that is new to git: every line counts as changed."""


def _git(args: Sequence[str], cwd: Path) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise ConfigError("--since needs git, and git is not installed") from None
    if done.returncode != 0:
        message = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "git failed"
        raise ConfigError(f"--since: {message}")
    return done.stdout


def changed_lines(ref: str, cwd: Path | None = None) -> Mapping[Path, frozenset[int]]:
    """Absolute path -> 1-based line numbers added or changed since `ref` (working tree)."""
    cwd = cwd or Path.cwd()
    try:
        top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    except ConfigError:
        raise ConfigError(f"--since {ref}: {cwd} is not inside a git repository") from None
    _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top)
    diff = _git(["diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-renames", ref], top)
    result: dict[Path, set[int]] = {}
    current: Path | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            name = line[4:]
            current = None if name == "/dev/null" else (top / name[2:]).resolve()
            if current is not None:
                result.setdefault(current, set())
            continue
        hunk = _HUNK.match(line)
        if hunk is not None and current is not None:
            start, count = int(hunk.group(1)), int(hunk.group(2) or "1")
            result[current].update(range(start, start + count))
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], top)
    frozen = {path: frozenset(lines) for path, lines in result.items()}
    for name in filter(None, untracked.split("\0")):
        frozen[(top / name).resolve()] = ALL_LINES
    return frozen


def on_changed_line(path: Path, line: int, changes: Mapping[Path, frozenset[int]]) -> bool:
    lines = changes.get(path.resolve())
    return lines is not None and (lines is ALL_LINES or line in lines)
