"""One `fix` run: fix every file to a fixed point, optionally format, then diff or write."""

from __future__ import annotations

import dataclasses as dc
import difflib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from awesomelint.diagnostics import FileError
from awesomelint.document.parse import ParsedDocument, parse_source
from awesomelint.document.source import DEFAULT_MAX_FILE_SIZE, Source
from awesomelint.engine import DEFAULT_SETTINGS, FactGatherer, RuleSettings, check_documents
from awesomelint.errors import FixError, WriteError
from awesomelint.fixing.fixer import MAX_PASSES, FixOutcome, fix_document, verify
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


@dc.dataclass(frozen=True, slots=True)
class _RunContext:
    facts: Mapping[str, Any]
    others: tuple[ParsedDocument, ...]


def _fix(parsed: ParsedDocument, request: FixRequest, context: _RunContext) -> FixOutcome:
    return fix_document(
        parsed,
        request.rules,
        unsafe=request.unsafe,
        settings=request.settings,
        facts=context.facts,
        others=context.others,
    )


def _formatted(outcome: FixOutcome, request: FixRequest, context: _RunContext) -> FixOutcome:
    from awesomelint.fixing.formatting import format_markdown

    current = outcome
    applied = list(outcome.applied)
    for _ in range(MAX_PASSES):
        doc = current.parsed.document
        text = format_markdown(doc.text)
        if text == doc.text:
            return dc.replace(current, applied=tuple(applied))
        formatted = parse_source(Source(doc.path, text, doc.newline, doc.bom))
        problem = verify(current.parsed, formatted, ())
        if problem is not None:
            raise FixError(
                f"{doc.path}: formatting with mdformat failed the safety check ({problem}); "
                "nothing was written"
            )
        current = _fix(formatted, request, context)
        applied.extend(current.applied)
    raise FixError(
        f"{current.parsed.document.path}: formatting did not settle; nothing was written"
    )


def fix_one(
    parsed: ParsedDocument, request: FixRequest, context: _RunContext | None = None
) -> FixOutcome:
    context = context or _RunContext({}, ())
    outcome = _fix(parsed, request, context)
    if request.format:
        outcome = _formatted(outcome, request, context)
    return outcome


def _diff(before: ParsedDocument, after: ParsedDocument) -> str:
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


def run_fix(paths: Sequence[Path], request: FixRequest) -> FixRunResult:
    loaded = load(paths, request.exclude, request.settings.root, request.max_file_size)
    if not request.diff:
        remove_stale_temporaries(parsed.document.path for parsed in loaded.documents)
    errors = list(loaded.errors)
    facts: Mapping[str, Any] = {}
    notes: tuple[str, ...] = ()
    if request.gather is not None and loaded.documents:
        facts, notes = request.gather(loaded.documents)
    final: list[ParsedDocument] = []
    diffs: list[str] = []
    applied = changed = 0
    for parsed in loaded.documents:
        final.append(parsed)
        try:
            others = tuple(doc for doc in loaded.documents if doc is not parsed)
            outcome = fix_one(parsed, request, _RunContext(facts, others))
        except FixError as err:
            errors.append(FileError(parsed.document.path, str(err)))
            continue
        if outcome.parsed.document.text == parsed.document.text:
            continue
        if request.diff:
            diffs.append(_diff(parsed, outcome.parsed))
        else:
            failed = _write(outcome.parsed, parsed, request.write)
            if failed is not None:
                errors.append(failed)
                continue
        final[-1] = outcome.parsed
        changed += 1
        applied += len(outcome.applied)
    # What is left is checked over all files together, as `check` would report it.
    remaining = check_documents(final, request.rules, facts, settings=request.settings)
    result = RunResult(
        findings=tuple(remaining),
        errors=tuple(errors),
        files_checked=len(loaded.documents),
        fixes_applied=applied,
        notes=notes,
    )
    return FixRunResult(result, tuple(diffs), changed)
