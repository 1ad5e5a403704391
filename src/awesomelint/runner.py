"""One `check` run from start to end: find files, parse, gather facts, run rules, filter."""

from __future__ import annotations

import contextlib
import dataclasses as dc
import fnmatch
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from awesomelint import source
from awesomelint.diagnostics import FileError, Finding
from awesomelint.discover import discover
from awesomelint.engine import DEFAULT_SETTINGS, RuleSettings, check_documents
from awesomelint.errors import InputError
from awesomelint.parse import ParsedDocument, parse_source
from awesomelint.report import RunResult
from awesomelint.rules import Rule

DEFAULT_PATHS = (Path("lists"),)

FactGatherer = Callable[[Sequence[ParsedDocument]], tuple[Mapping[str, Any], tuple[str, ...]]]
"""Given the documents, returns facts for the rules and notes for the summary."""


@dc.dataclass(frozen=True, slots=True)
class Loaded:
    documents: tuple[ParsedDocument, ...]
    errors: tuple[FileError, ...]


@dc.dataclass(frozen=True, slots=True)
class CheckRequest:
    paths: tuple[Path, ...]
    rules: tuple[Rule, ...]
    settings: RuleSettings = DEFAULT_SETTINGS
    exclude: tuple[str, ...] = ()
    changed: Mapping[Path, frozenset[int]] | None = None
    """With `--since`: the lines that count; findings elsewhere are dropped."""
    gather: FactGatherer | None = None


def _excluded(path: Path, patterns: Sequence[str], root: Path | None) -> bool:
    if not patterns:
        return False
    names = {path.as_posix()}
    if root is not None:
        with contextlib.suppress(ValueError):
            names.add(path.resolve().relative_to(root.resolve()).as_posix())
    return any(fnmatch.fnmatch(name, pattern) for name in names for pattern in patterns)


def load(paths: Sequence[Path], exclude: Sequence[str] = (), root: Path | None = None) -> Loaded:
    """Read and parse every Markdown file under `paths`, keeping going past bad files."""
    files, missing = discover(paths or DEFAULT_PATHS)
    errors = [FileError(Path(str(err).split(":", 1)[0]), str(err)) for err in missing]
    documents = []
    for path in files:
        if _excluded(path, exclude, root):
            continue
        try:
            documents.append(parse_source(source.read(path)))
        except InputError as err:
            errors.append(FileError(path, str(err)))
    return Loaded(tuple(documents), tuple(errors))


def only_changed(
    findings: Sequence[Finding], changed: Mapping[Path, frozenset[int]] | None
) -> list[Finding]:
    if changed is None:
        return list(findings)
    from awesomelint.since import on_changed_line

    return [f for f in findings if on_changed_line(f.path, f.line, changed)]


def run_check(request: CheckRequest) -> RunResult:
    loaded = load(request.paths, request.exclude, request.settings.root)
    facts: Mapping[str, Any] = {}
    notes: tuple[str, ...] = ()
    if request.gather is not None and loaded.documents:
        facts, notes = request.gather(loaded.documents)
    findings = check_documents(loaded.documents, request.rules, facts, request.settings)
    return RunResult(
        findings=tuple(only_changed(findings, request.changed)),
        errors=loaded.errors,
        files_checked=len(loaded.documents),
        notes=notes,
    )


def exit_status(result: RunResult) -> int:
    """0 clean, 1 findings at error or warning level, 2 when a file could not be checked."""
    if result.errors:
        return 2
    return 1 if any(f.severity.fails for f in result.findings) else 0
