"""One `check` run from start to end: find files, parse, gather facts, run rules, filter."""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Mapping, Sequence
from pathlib import Path

from awesomelint.aside import share
from awesomelint.diagnostics import FileError, Finding
from awesomelint.document.source import DEFAULT_MAX_FILE_SIZE
from awesomelint.engine import (
    DEFAULT_SETTINGS,
    Checked,
    Checker,
    FactGatherer,
    RuleSettings,
    gather_facts,
)
from awesomelint.report import RunResult
from awesomelint.rules import Rule
from awesomelint.workspace.load import Loaded, load, targets


@dc.dataclass(frozen=True, slots=True)
class CheckRequest:
    """What one check run is asked to do."""

    paths: tuple[Path, ...]
    rules: tuple[Rule, ...]
    settings: RuleSettings = DEFAULT_SETTINGS
    exclude: tuple[str, ...] = ()
    changed: Mapping[Path, frozenset[int]] | None = None
    """With `--since`: the lines that count; findings elsewhere are dropped."""
    gather: FactGatherer | None = None
    max_file_size: int | None = DEFAULT_MAX_FILE_SIZE
    """Bytes; larger files are refused unread (None: no limit)."""


def only_changed(
    findings: Sequence[Finding], changed: Mapping[Path, frozenset[int]] | None
) -> list[Finding]:
    if changed is None:
        return list(findings)
    from awesomelint.workspace.since import on_changed_line

    return [f for f in findings if on_changed_line(f.path, f.line, changed)]


def run_check(request: CheckRequest) -> RunResult:
    if request.gather is None:
        files, missing = targets(request.paths, request.exclude, request.settings.root)
        workers = 0
        if len(files) > 1:  # a pool needs two files at least: one is checked without
            from awesomelint.parallel import worth_a_pool

            workers = worth_a_pool(len(files))
        if workers:
            try:
                return _run_in_pool(request, files, missing, workers)
            except Exception:  # noqa: BLE001 - no pool (no fork, a worker killed): one process
                workers = 0
    loaded = load(request.paths, request.exclude, request.settings.root, request.max_file_size)
    facts, notes, failed = gather_facts(request.gather, loaded.documents)
    checked = Checker(request.rules, facts, request.settings, share).run(loaded.documents)
    return _result(request, loaded, checked, notes, failed)


def _result(
    request: CheckRequest,
    loaded: Loaded,
    checked: Checked,
    notes: tuple[str, ...] = (),
    failed: Sequence[FileError] = (),
) -> RunResult:
    return RunResult(
        findings=tuple(only_changed(checked.findings, request.changed)),
        errors=(*loaded.errors, *failed, *checked.errors),
        files_checked=len(loaded.documents),
        notes=notes,
        sources={parsed.document.path: parsed.document.text for parsed in loaded.documents},
    )


def _run_in_pool(
    request: CheckRequest, files: list[Path], missing: list[FileError], workers: int
) -> RunResult:
    """`run_check` without network facts, the files parsed and checked by `workers` processes."""
    from awesomelint.parallel import check_files

    errors = list(missing)
    documents = []
    outcomes = check_files(files, request.rules, request.settings, request.max_file_size, workers)
    for parsed, _, _ in outcomes:
        if isinstance(parsed, FileError):
            errors.append(parsed)
        else:
            documents.append(parsed)
    checker = Checker(request.rules, None, request.settings, share)
    for parsed, findings, crashes in outcomes:
        if not isinstance(parsed, FileError):
            checker.adopt(parsed, findings, crashes)
    checked = checker.run(documents)
    return _result(request, Loaded(tuple(documents), tuple(errors)), checked)


def exit_status(result: RunResult) -> int:
    """0 clean, 1 findings at error or warning level, 2 when a file could not be checked."""
    if result.errors:
        return 2
    return 1 if any(f.severity.fails for f in result.findings) else 0


def merge_results(results: Sequence[RunResult], errors: Sequence[FileError] = ()) -> RunResult:
    """One result of runs over separate groups of files (one per configuration)."""
    findings = sorted((f for r in results for f in r.findings), key=Finding.sort_key)
    notes = dict.fromkeys(note for r in results for note in r.notes)
    return RunResult(
        findings=tuple(findings),
        errors=(*errors, *(e for r in results for e in r.errors)),
        files_checked=sum(r.files_checked for r in results),
        fixes_applied=sum(r.fixes_applied for r in results),
        notes=tuple(notes),
        sources={path: text for r in results for path, text in r.sources.items()},
    )
