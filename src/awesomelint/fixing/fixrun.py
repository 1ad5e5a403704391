"""One `fix` run: fix every file to a fixed point, optionally format, then diff or write."""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Sequence
from pathlib import Path

from awesomelint.aside import share
from awesomelint.diagnostics import FileError
from awesomelint.document.parse import ParsedDocument, parse_source
from awesomelint.document.source import DEFAULT_MAX_FILE_SIZE, Source
from awesomelint.engine import (
    BUG,
    DEFAULT_SETTINGS,
    Checker,
    FactGatherer,
    RuleSettings,
    gather_facts,
)
from awesomelint.errors import FixError, RuleCrashed, WriteError
from awesomelint.fixing.fixer import MAX_PASSES, FixOutcome, fix_documents, verify
from awesomelint.fixing.writer import WritePolicy, remove_stale_temporaries, write_file
from awesomelint.report import RunResult
from awesomelint.rules import Rule
from awesomelint.workspace.load import load


@dc.dataclass(frozen=True, slots=True)
class FixRequest:
    rules: tuple[Rule, ...]
    unsafe: bool = False
    format: bool = False
    diff: bool = False
    settings: RuleSettings = DEFAULT_SETTINGS
    exclude: tuple[str, ...] = ()
    gather: FactGatherer | None = None
    write: WritePolicy = dc.field(default_factory=WritePolicy)
    max_file_size: int | None = DEFAULT_MAX_FILE_SIZE


@dc.dataclass(frozen=True, slots=True)
class FixRunResult:
    result: RunResult
    diffs: tuple[str, ...]
    changed_files: int


def _fail(original: ParsedDocument, failure: FileError) -> FixOutcome:
    return FixOutcome(original, (), (), 0, failure)


def _format_one(outcome: FixOutcome) -> ParsedDocument | FileError | None:
    """The formatted document, None when formatting changes nothing, or why it failed."""
    from awesomelint.fixing.formatting import format_markdown, lost_construct

    doc = outcome.parsed.document
    try:
        text = format_markdown(doc.text)
        if text == doc.text:
            return None
        formatted = parse_source(Source(doc.path, text, doc.newline, doc.bom))
    except Exception as err:  # noqa: BLE001 - a formatter or parser bug costs this file only
        return FileError(
            doc.path,
            f"{doc.path}: internal error: formatting with mdformat failed "
            f"({type(err).__name__}: {err}); nothing was written{BUG}",
        )
    problem = verify(outcome.parsed, formatted, ())
    if problem is not None:
        where = lost_construct(outcome.parsed, formatted)
        return FileError(
            doc.path,
            f"{doc.path}: formatting with mdformat failed the safety check ({problem})"
            f"{f'; {where}' if where else ''}; nothing was written",
        )
    return formatted


def _formatted(
    documents: Sequence[ParsedDocument],
    outcomes: list[FixOutcome],
    request: FixRequest,
    checker: Checker,
    errors: list[FileError],
) -> list[FixOutcome]:
    """Format, fix what formatting brought up, and again, until formatting changes nothing."""
    current = list(outcomes)
    redo: list[int] = []
    for _ in range(MAX_PASSES):
        redo = []
        for i, outcome in enumerate(current):
            if outcome.failure is not None:
                continue
            formatted = _format_one(outcome)
            if isinstance(formatted, FileError):
                current[i] = _fail(documents[i], formatted)
            elif formatted is not None:
                current[i] = dc.replace(outcome, parsed=formatted)
                redo.append(i)
        if not redo:
            return current
        rest = [outcome.parsed for i, outcome in enumerate(current) if i not in redo]
        fixed = fix_documents(
            [current[i].parsed for i in redo], checker, unsafe=request.unsafe, others=rest
        )
        errors.extend(fixed.errors)
        for i, new in zip(redo, fixed.outcomes, strict=True):
            old = current[i]
            current[i] = (
                _fail(documents[i], new.failure)
                if new.failure is not None
                else dc.replace(
                    new, applied=old.applied + new.applied, passes=old.passes + new.passes
                )
            )
    for i in redo:
        path = documents[i].document.path
        current[i] = _fail(
            documents[i], FileError(path, f"{path}: formatting did not settle; nothing was written")
        )
    return current


def _fix_all(
    documents: Sequence[ParsedDocument], request: FixRequest, checker: Checker
) -> tuple[list[FixOutcome], list[FileError]]:
    fixed = fix_documents(documents, checker, unsafe=request.unsafe)
    outcomes, errors = list(fixed.outcomes), list(fixed.errors)
    if request.format:
        outcomes = _formatted(documents, outcomes, request, checker, errors)
    return outcomes, errors


def fix_one(parsed: ParsedDocument, request: FixRequest) -> FixOutcome:
    """Fix one document as `fix` would; FixError (RuleCrashed) where it cannot be fixed."""
    checker = Checker(request.rules, {}, request.settings, share)
    outcomes, errors = _fix_all([parsed], request, checker)
    failure = outcomes[0].failure or (errors[0] if errors else None)
    if failure is not None:
        raise (RuleCrashed if failure.rule else FixError)(failure.message)
    return outcomes[0]


def _diff(before: ParsedDocument, after: ParsedDocument) -> str:
    import difflib  # here: only `fix --diff` prints one

    path = str(before.document.path)
    return "".join(
        difflib.unified_diff(
            before.document.text.splitlines(keepends=True),
            after.document.text.splitlines(keepends=True),
            fromfile=path,
            tofile=path,
        )
    )


def _write(fixed: ParsedDocument, read: ParsedDocument, policy: WritePolicy) -> FileError | None:
    """Write `fixed` back in the encoding of the file as `read`, if it is still as read."""
    doc, original = fixed.document, read.document
    source = Source(doc.path, doc.text, doc.newline, doc.bom, original.encoding)
    try:
        write_file(doc.path, source.encode(doc.text), stamp=original.stamp, policy=policy)
    except WriteError as err:
        return FileError(doc.path, str(err))
    except OSError as err:
        return FileError(doc.path, f"{doc.path}: cannot write ({err.strerror or err})")
    return None


def _once(errors: Sequence[FileError]) -> tuple[FileError, ...]:
    """Each error once: a rule crashing on a file while fixing it crashes again on the check
    of what is left."""
    seen: set[tuple[Path | None, str]] = set()
    kept: list[FileError] = []
    for error in errors:
        key = (error.path, error.rule or error.message)
        if key not in seen:
            seen.add(key)
            kept.append(error)
    return tuple(kept)


def run_fix(paths: Sequence[Path], request: FixRequest) -> FixRunResult:
    loaded = load(paths, request.exclude, request.settings.root, request.max_file_size)
    if not request.diff:
        remove_stale_temporaries(parsed.document.path for parsed in loaded.documents)
    facts, notes, failed = gather_facts(request.gather, loaded.documents)
    checker = Checker(request.rules, facts, request.settings, share)
    outcomes, unplaced = _fix_all(loaded.documents, request, checker)
    errors = [*loaded.errors, *failed]
    final: list[ParsedDocument] = []
    diffs: list[str] = []
    applied = changed = 0
    for parsed, outcome in zip(loaded.documents, outcomes, strict=True):
        final.append(parsed)
        if outcome.failure is not None:
            errors.append(outcome.failure)
            continue
        if outcome.parsed.document.text == parsed.document.text:
            continue
        if request.diff:
            diffs.append(_diff(parsed, outcome.parsed))
        else:
            failure = _write(outcome.parsed, parsed, request.write)
            if failure is not None:
                errors.append(failure)
                continue
        final[-1] = outcome.parsed
        changed += 1
        applied += len(outcome.applied)
    # What is left is checked over all files together, as `check` would report it; the
    # document rules' findings on the fixed files are those of the fix loop's last pass.
    remaining = checker.run(final)
    result = RunResult(
        findings=remaining.findings,
        errors=_once([*errors, *unplaced, *remaining.errors]),
        files_checked=len(loaded.documents),
        fixes_applied=applied,
        notes=notes,
        sources={parsed.document.path: parsed.document.text for parsed in final},
    )
    return FixRunResult(result, tuple(diffs), changed)
