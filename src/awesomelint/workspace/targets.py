"""What `check` and `fix` look at when no path is named.

The configured `include` globs (relative to the configuration's folder); without them,
`lists/` where it exists, else `README.md` at the repository root, else every Markdown file
git tracks.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from pathlib import Path

from awesomelint.errors import InputError
from awesomelint.workspace.git import GitError, toplevel, tracked_markdown


def _shown(path: Path, cwd: Path) -> Path:
    """`path` relative to the working directory when it is under it, as a user would type it."""
    with contextlib.suppress(ValueError):
        return Path(os.path.relpath(path, cwd)) if path.is_relative_to(cwd) else path
    return path


def _globbed(patterns: Sequence[str], root: Path, cwd: Path) -> list[Path]:
    found: list[Path] = []
    for pattern in patterns:
        if Path(pattern).is_absolute():
            raise InputError(f"include: {pattern!r}: globs are relative to {root}, not absolute")
        matches = sorted(p for p in root.glob(pattern) if p.is_file() or p.is_dir())
        found.extend(_shown(p, cwd) for p in matches if _shown(p, cwd) not in found)
    return found


def default_targets(
    include: Sequence[str], config: Path | None, cwd: Path | None = None
) -> tuple[Path, ...]:
    """The paths to check when none is named (`include` is from the configuration file
    `config`); InputError when there is nothing to check."""
    cwd = (cwd or Path.cwd()).absolute()
    if include:
        found = _globbed(include, config.parent if config else cwd, cwd)
        if not found:
            raise InputError(
                f"{config or 'configuration'}: include: no file matches "
                f"{', '.join(repr(glob) for glob in include)}"
            )
        return tuple(found)
    if (cwd / "lists").is_dir():
        return (Path("lists"),)
    top = toplevel(cwd) or cwd
    readme = top / "README.md"
    if readme.is_file():
        return (_shown(readme, cwd),)
    tracked: list[Path] = []
    with contextlib.suppress(GitError):
        tracked = tracked_markdown(top)
    if tracked:
        return tuple(_shown(path, cwd) for path in tracked)
    raise InputError(
        "nothing to check: name files or folders, or set include in the configuration "
        "(no lists/, no README.md, no Markdown file tracked by git)"
    )
