"""`--since REF`: the lines a branch added or changed since it left REF.

The diff starts at the merge base of REF and HEAD (what a pull request shows: lines that only
REF changed since are not the branch's) and ends at the working tree, so uncommitted and
staged changes count, and files git does not track yet count whole. It is read in a form the
user's git settings cannot change: no prefixes, colour, external diff, text conversion, order
file, renames or merged hunks, and file names taken NUL-separated (never quoted).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from awesomelint.errors import ConfigError
from awesomelint.workspace.git import GitError, git_bytes, nul_paths

_HUNK = re.compile(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
ALL_LINES = frozenset({0})
"""Marks a file that is new to git: every line counts as changed."""
_DIFF_OPTIONS = (
    "--no-ext-diff",
    "--no-textconv",
    "--no-color",
    "--no-renames",
    "--no-relative",
    "--ignore-submodules",
    "--src-prefix=a/",
    "--dst-prefix=b/",
    "-O/dev/null",
)


def merge_base(ref: str, top: Path) -> str:
    try:
        git_bytes(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top)
    except GitError:
        raise ConfigError(f"--since {ref}: not a commit git knows here") from None
    try:
        return git_bytes(["merge-base", ref, "HEAD"], top).decode("ascii").strip()
    except GitError:
        raise ConfigError(
            f"--since {ref}: {ref} and HEAD have no common ancestor (a shallow clone? "
            "fetch more history, e.g. git fetch --unshallow)"
        ) from None


def _hunks(patch: bytes) -> list[set[int]]:
    """The new-side line numbers of each file's section of a `-U0` patch, in order."""
    sections: list[set[int]] = []
    for line in patch.split(b"\n"):
        if line.startswith(b"diff --git "):
            sections.append(set())
            continue
        hunk = _HUNK.match(line)
        if hunk is not None and sections:
            start, count = int(hunk.group(1)), int(hunk.group(2) or b"1")
            sections[-1].update(range(start, start + count))
    return sections


def _one_file(base: str, path: Path, top: Path) -> set[int]:
    name = path.relative_to(top).as_posix()
    args = ["--literal-pathspecs", "diff", "-U0", "--inter-hunk-context=0", *_DIFF_OPTIONS]
    patch = git_bytes([*args, base, "--", name], top)
    return set().union(*_hunks(patch))


def changed_lines(ref: str, cwd: Path | None = None) -> Mapping[Path, frozenset[int]]:
    """Absolute path -> 1-based line numbers added or changed since the merge base of `ref`
    and HEAD, in the working tree."""
    cwd = cwd or Path.cwd()
    try:
        top = Path(git_bytes(["rev-parse", "--show-toplevel"], cwd).decode().rstrip("\n"))
    except GitError:
        raise ConfigError(f"--since {ref}: {cwd} is not inside a git repository") from None
    base = merge_base(ref, top)
    try:
        names = git_bytes(["diff", "-z", "--name-only", *_DIFF_OPTIONS, base, "--"], top)
        patch = git_bytes(
            ["diff", "-U0", "--inter-hunk-context=0", *_DIFF_OPTIONS, base, "--"], top
        )
        untracked = git_bytes(["ls-files", "-z", "--others", "--exclude-standard"], top)
    except GitError as err:
        raise ConfigError(f"--since {ref}: {err}") from None
    files = nul_paths(names, top)
    sections = _hunks(patch)
    if len(sections) != len(files):  # never seen; one diff per file is slower but certain
        sections = [_one_file(base, path, top) for path in files]
    result = {path.resolve(): frozenset(lines) for path, lines in zip(files, sections, strict=True)}
    for path in nul_paths(untracked, top):
        result[path.resolve()] = ALL_LINES
    return result


def on_changed_line(path: Path, line: int, changes: Mapping[Path, frozenset[int]]) -> bool:
    lines = changes.get(path.resolve())
    return lines is not None and (lines is ALL_LINES or line in lines)
