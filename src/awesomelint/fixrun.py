"""One `fix` run: fix every file to a fixed point, optionally format, then diff or write."""

from __future__ import annotations

import dataclasses as dc
import difflib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from awesomelint.diagnostics import FileError, Finding
from awesomelint.engine import DEFAULT_SETTINGS, RuleSettings
from awesomelint.errors import FixError
from awesomelint.fixer import MAX_PASSES, FixOutcome, fix_document, verify
from awesomelint.parse import ParsedDocument, parse_source
from awesomelint.report import RunResult
from awesomelint.rules import Rule
from awesomelint.runner import FactGatherer, load
from awesomelint.source import Source
from awesomelint.writer import write_atomically


@dc.dataclass(frozen=True, slots=True)
class FixRequest:
    rules: tuple[Rule, ...]
    unsafe: bool = False
    format: bool = False
    diff: bool = False
    settings: RuleSettings = DEFAULT_SETTINGS
    exclude: tuple[str, ...] = ()
    gather: FactGatherer | None = None


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
    from awesomelint.formatting import format_markdown

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


def run_fix(paths: Sequence[Path], request: FixRequest) -> FixRunResult:
    loaded = load(paths, request.exclude, request.settings.root)
    errors = list(loaded.errors)
    facts: Mapping[str, Any] = {}
    notes: tuple[str, ...] = ()
    if request.gather is not None and loaded.documents:
        facts, notes = request.gather(loaded.documents)
    remaining: list[Finding] = []
    diffs: list[str] = []
    applied = changed = 0
    for parsed in loaded.documents:
        try:
            others = tuple(doc for doc in loaded.documents if doc is not parsed)
            outcome = fix_one(parsed, request, _RunContext(facts, others))
        except FixError as err:
            errors.append(FileError(parsed.document.path, str(err)))
            continue
        remaining.extend(outcome.remaining)
        new = outcome.parsed.document
        if new.text == parsed.document.text:
            continue
        changed += 1
        applied += len(outcome.applied)
        if request.diff:
            diffs.append(_diff(parsed, outcome.parsed))
        else:
            source = Source(new.path, new.text, new.newline, new.bom)
            try:
                write_atomically(new.path, source.restore(new.text).encode("utf-8"))
            except OSError as err:
                reason = err.strerror or str(err)
                errors.append(FileError(new.path, f"{new.path}: cannot write ({reason})"))
                changed -= 1
                applied -= len(outcome.applied)
    remaining.sort(key=Finding.sort_key)
    result = RunResult(
        findings=tuple(remaining),
        errors=tuple(errors),
        files_checked=len(loaded.documents),
        fixes_applied=applied,
        notes=notes,
    )
    return FixRunResult(result, tuple(diffs), changed)
