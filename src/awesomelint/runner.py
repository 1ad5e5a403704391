"""One `check` run from start to end: find files, parse, run rules, collect results."""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Sequence
from pathlib import Path

from awesomelint import source
from awesomelint.diagnostics import FileError
from awesomelint.discover import discover
from awesomelint.engine import check_documents
from awesomelint.errors import InputError
from awesomelint.parse import ParsedDocument, parse_source
from awesomelint.report import RunResult
from awesomelint.rules import Rule

DEFAULT_PATHS = (Path("lists"),)


@dc.dataclass(frozen=True, slots=True)
class Loaded:
    documents: tuple[ParsedDocument, ...]
    errors: tuple[FileError, ...]


def load(paths: Sequence[Path]) -> Loaded:
    """Read and parse every Markdown file under `paths`, keeping going past bad files."""
    files, missing = discover(paths or DEFAULT_PATHS)
    errors = [FileError(Path(str(err).split(":", 1)[0]), str(err)) for err in missing]
    documents = []
    for path in files:
        try:
            documents.append(parse_source(source.read(path)))
        except InputError as err:
            errors.append(FileError(path, str(err)))
    return Loaded(tuple(documents), tuple(errors))


def run_check(paths: Sequence[Path], rules: Sequence[Rule]) -> RunResult:
    loaded = load(paths)
    findings = check_documents(loaded.documents, rules)
    return RunResult(
        findings=tuple(findings),
        errors=loaded.errors,
        files_checked=len(loaded.documents),
    )


def exit_status(result: RunResult) -> int:
    """0 clean, 1 findings at error or warning level, 2 when a file could not be checked."""
    if result.errors:
        return 2
    return 1 if any(f.severity.fails for f in result.findings) else 0
