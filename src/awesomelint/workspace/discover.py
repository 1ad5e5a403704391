"""Turning the paths given on the command line into the Markdown files to check."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from awesomelint.errors import InputError

_SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", ".venv", "venv", ".tox"})


def _markdown_under(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*.md")):
        parts = path.relative_to(folder).parts[:-1]
        if any(part in _SKIPPED_DIRS or part.startswith(".") for part in parts):
            continue
        # Special files too (not folders named like files, nor dangling links): reading them
        # refuses them, and says so.
        if path.exists() and not path.is_dir():
            yield path


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[InputError]]:
    """Files to check (a folder means every *.md under it) and the paths that do not exist."""
    files: list[Path] = []
    errors: list[InputError] = []
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found = list(_markdown_under(path))
        elif path.exists() or path.is_symlink():
            found = [path]
        else:
            errors.append(InputError(f"{path}: no such file or directory"))
            continue
        for file in found:
            if file not in seen:
                seen.add(file)
                files.append(file)
    return files, errors
