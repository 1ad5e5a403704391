"""The fix loop: apply chosen fixes, re-parse, re-check, until nothing changes; then verify.

All the files of a run are fixed together, one pass at a time: each pass runs the rules once
over every file (project rules such as duplicate detection see all of them, as in `check`),
then applies each file's chosen fixes. A file whose fixes fail the safety net, do not settle,
or make a rule or the parser crash is left as it was and reported; the others go on.
"""

from __future__ import annotations

import contextlib
import dataclasses as dc
import gc
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from awesomelint.diagnostics import Applicability, FileError, Finding, Fix, apply_edits
from awesomelint.document.model import Link
from awesomelint.document.parse import ParsedDocument, parse_source
from awesomelint.document.source import Source
from awesomelint.engine import BUG, DEFAULT_SETTINGS, Checked, Checker, RuleSettings
from awesomelint.errors import FixError, ParseCrashed, RuleCrashed
from awesomelint.fixing.edits import choose_fixes, deletions_together
from awesomelint.fixing.settle import Changes, settled
from awesomelint.rules import Rule

MAX_PASSES = 10
_YOUNG_COLLECTION_EVERY = 100_000
"""Allocations between the collector's young sweeps while fixing (Python's default: 700)."""


class RuleRunner(Protocol):
    def run(self, documents: Sequence[ParsedDocument]) -> Checked: ...

    def settle_link(
        self, parsed: ParsedDocument, link: Link, url: str, changes: Changes
    ) -> str: ...


@dc.dataclass(frozen=True, slots=True)
class FixOutcome:
    parsed: ParsedDocument
    """The document after all fixes (the input itself when nothing applied or it failed)."""
    applied: tuple[Finding, ...]
    remaining: tuple[Finding, ...]
    passes: int = 0
    """How many passes applied fixes to this document."""
    failure: FileError | None = None
    """Why the document was left as it was, if it was."""

    @property
    def changed(self) -> bool:
        return bool(self.applied)


@dc.dataclass(frozen=True, slots=True)
class FixedDocuments:
    outcomes: tuple[FixOutcome, ...]
    """One per document, in order."""
    errors: tuple[FileError, ...]
    """Crashes of project rules, which no one file is to blame for (each reported once)."""


def _allowed(finding: Finding, unsafe: bool) -> bool:
    fix = finding.fix
    if fix is None or not fix.edits:
        return False
    if fix.applicability is Applicability.SAFE:
        return True
    return unsafe and fix.applicability is Applicability.UNSAFE


def _reparse(parsed: ParsedDocument, text: str) -> ParsedDocument:
    doc = parsed.document
    return parse_source(Source(doc.path, text, doc.newline, doc.bom))


def _entry_counts(parsed: ParsedDocument) -> list[int]:
    return [
        sum(1 for entry in section.entries for _ in entry.walk())
        for section in parsed.document.walk_sections()
    ]


def _destinations(parsed: ParsedDocument) -> Counter[str]:
    """Every link destination: each link's, and each reference definition's once more."""
    doc = parsed.document
    return Counter(link.url for link in doc.links) + Counter(d.url for d in doc.definitions)


def verify(before: ParsedDocument, after: ParsedDocument, fixes: Sequence[Fix]) -> str | None:
    """Why `after` loses something `before` had beyond what `fixes` declare, or None."""
    old_counts, new_counts = _entry_counts(before), _entry_counts(after)
    removed = sum(fix.removes_entries for fix in fixes)
    if len(old_counts) != len(new_counts):
        return f"the number of sections changed from {len(old_counts)} to {len(new_counts)}"
    if any(new > old for old, new in zip(old_counts, new_counts, strict=True)) or (
        sum(old_counts) - sum(new_counts) != removed
    ):
        return f"entries changed: {sum(old_counts)} before, {sum(new_counts)} after"
    expected = _destinations(before)
    for fix in fixes:
        for old, new in fix.link_changes:
            expected[old] -= 1
            if new is not None:
                expected[new] += 1
    actual = _destinations(after)
    if +expected != actual or any(n < 0 for n in expected.values()):
        lost = sorted((+expected - actual).elements())[:3]
        gained = sorted((actual - +expected).elements())[:3]
        return f"links changed unexpectedly (lost {lost}, gained {gained})"
    return None


def _blame(before: ParsedDocument, fixes: Sequence[Finding], problem: str) -> FixError:
    text = before.document.text
    for finding in fixes:
        assert finding.fix is not None
        alone = _reparse(before, apply_edits(text, finding.fix.edits))
        if verify(before, alone, [finding.fix]) is not None:
            return FixError(
                f"{before.document.path}: internal error: a fix by rule {finding.code} "
                f"({finding.rule}) at line {finding.line} failed the safety check ({problem}); "
                "nothing was written; please report this as a bug"
            )
    rules = ", ".join(sorted({f"{f.code} ({f.rule})" for f in fixes}))
    return FixError(
        f"{before.document.path}: internal error: fixes by {rules} failed the safety check "
        f"({problem}); nothing was written; please report this as a bug"
    )


def _declinable(before: ParsedDocument, finding: Finding) -> bool:
    """Whether `finding`'s fix is an unsafe deletion that fails the safety net alone: the
    rule's own check of the text around the cut missed how the lines below would parse.
    Such a fix is declined (its finding stays); any other failure is a bug to report."""
    fix = finding.fix
    if fix is None or fix.applicability is not Applicability.UNSAFE:
        return False
    if any(edit.text for edit in fix.edits):
        return False
    alone = _reparse(before, apply_edits(before.document.text, fix.edits))
    return verify(before, alone, [fix]) is not None


def _declined_key(text: str, finding: Finding) -> tuple[str, tuple[str, ...]]:
    """A declined fix across passes: its rule and the text it would delete."""
    assert finding.fix is not None
    return finding.code, tuple(text[edit.start : edit.end] for edit in finding.fix.edits)


def _rules_of(findings: Sequence[Finding]) -> str:
    return ", ".join(sorted({f"{f.code} ({f.rule})" for f in findings}))


@dc.dataclass(slots=True)
class _Fixing:
    """One document on its way to a fixed point."""

    original: ParsedDocument
    current: ParsedDocument
    applied: list[Finding] = dc.field(default_factory=list)
    remaining: tuple[Finding, ...] = ()
    limited: int = 0
    """Passes that count towards MAX_PASSES (those that wrote text, not only deleted it)."""
    passes: int = 0
    failure: FileError | None = None
    declined: set[tuple[str, tuple[str, ...]]] = dc.field(default_factory=set)
    """Unsafe deletions the safety net turned down; not chosen again."""

    @property
    def path(self) -> Path:
        return self.original.document.path

    def fail(self, message: str, rule: str | None = None) -> None:
        self.failure = FileError(self.path, message, rule)
        self.current, self.applied, self.remaining = self.original, [], ()

    def step(self, chosen: Sequence[Finding]) -> None:
        """Apply `chosen` and check the result with the safety net; FixError when it fails."""
        from awesomelint.fixing.reparse import reparse  # only once there is something to fix

        edits = [edit for finding in chosen if finding.fix for edit in finding.fix.edits]
        try:
            fixed = reparse(self.current, apply_edits(self.current.document.text, edits), edits)
        except ParseCrashed as err:
            at = f" at line {err.line}" if err.line is not None else ""
            raise FixError(
                f"{self.path}: internal error: the text as fixed by {_rules_of(chosen)} could "
                f"not be parsed{at} ({err}); nothing was written{BUG}"
            ) from err
        except Exception as err:  # a rule's bad edits cost this file only
            raise FixError(
                f"{self.path}: internal error: fixes by {_rules_of(chosen)} could not be "
                f"applied ({type(err).__name__}: {err}); nothing was written{BUG}"
            ) from err
        # Identical edits from two findings are applied once, so they are declared once.
        declared = {f.fix.edits: f.fix for f in chosen if f.fix is not None}
        problem = verify(self.current, fixed, list(declared.values()))
        if problem is not None:
            declined = [f for f in chosen if _declinable(self.current, f)]
            if declined:
                text = self.current.document.text
                self.declined.update(_declined_key(text, f) for f in declined)
                rest = [f for f in chosen if f not in declined]
                if rest:
                    self.step(rest)
                return
            if len(chosen) > 1:
                # Each fix was checked alone by its rule; together, fixes of different rules
                # can still change how the lines between them parse (two cuts that join a
                # paragraph to a list below). The first half goes now, checked again; the
                # rest are found anew by the next pass.
                self.step(chosen[: len(chosen) // 2])
                return
            raise _blame(self.current, chosen, problem)
        self.applied.extend(chosen)
        self.current = fixed
        self.passes += 1
        # A pass that only deletes text shortens it, so such passes cannot oscillate: they
        # do not count towards the limit that catches rules fighting each other.
        if any(edit.text for edit in edits):
            self.limited += 1

    def outcome(self) -> FixOutcome:
        if self.failure is not None:
            return FixOutcome(self.original, (), (), 0, self.failure)
        return FixOutcome(self.current, tuple(self.applied), self.remaining, self.passes)


def _by_path(
    checked: Checked,
) -> tuple[dict[Path, list[Finding]], dict[Path, FileError], list[FileError]]:
    findings: dict[Path, list[Finding]] = {}
    for finding in checked.findings:
        findings.setdefault(finding.path, []).append(finding)
    crashes: dict[Path, FileError] = {}
    unplaced: list[FileError] = []
    for error in checked.errors:
        if error.path is None:
            unplaced.append(error)
        else:
            crashes.setdefault(error.path, error)
    return findings, crashes, unplaced


def _advance(state: _Fixing, findings: list[Finding], unsafe: bool, rules: RuleRunner) -> bool:
    """One pass for one document: whether it changed (fixed, or failed and reverted)."""
    state.remaining = tuple(findings)
    text = state.current.document.text
    allowed = [
        f
        for f in findings
        if _allowed(f, unsafe) and not (state.declined and _declined_key(text, f) in state.declined)
    ]
    chosen = deletions_together(state.current.document, choose_fixes(allowed))
    if not chosen:
        return False
    chosen = settled(state.current, chosen, rules)
    if state.limited == MAX_PASSES:
        still = sorted({f"{f.code} ({f.rule})" for f in chosen})
        state.fail(
            f"{state.path}: internal error: fixes did not settle after {MAX_PASSES} "
            f"passes; rules still fixing: {', '.join(still)}; nothing was written{BUG}"
        )
        return True
    try:
        state.step(chosen)
    except FixError as err:
        state.fail(str(err))
    except Exception as err:  # noqa: BLE001 - a bug in the safety net costs this file only
        state.fail(
            f"{state.path}: internal error while fixing: {type(err).__name__}: {err}; "
            f"nothing was written{BUG}"
        )
    return True


@contextlib.contextmanager
def _collecting_seldom() -> Iterator[None]:
    """Fewer sweeps of the cycle collector than Python's default, as the console script
    sets for its whole run (`launch.py`): each pass allocates a new model of the file, objects
    that live on and make no cycles, which every young sweep walked again (a third of the
    passes' time on a large list, called from Python). A higher setting is kept."""
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], _YOUNG_COLLECTION_EVERY), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def fix_documents(
    documents: Sequence[ParsedDocument],
    rules: RuleRunner,
    *,
    unsafe: bool = False,
    others: Sequence[ParsedDocument] = (),
) -> FixedDocuments:
    """Fix every document to a fixed point; a document that cannot be is left as it was.

    `others` are seen by the rules (project rules compare files) but never fixed.
    """
    states = [_Fixing(parsed, parsed) for parsed in documents]
    unplaced: dict[str, FileError] = {}
    with _collecting_seldom():
        _passes(states, rules, unsafe, others, unplaced)
    return FixedDocuments(tuple(state.outcome() for state in states), tuple(unplaced.values()))


def _passes(
    states: Sequence[_Fixing],
    rules: RuleRunner,
    unsafe: bool,
    others: Sequence[ParsedDocument],
    unplaced: dict[str, FileError],
) -> None:
    while True:
        checked = rules.run([*(state.current for state in states), *others])
        findings, crashes, project = _by_path(checked)
        for error in project:
            unplaced.setdefault(error.message, error)
        changed = False
        for state in states:
            if state.failure is not None:
                continue
            crash = crashes.get(state.path)
            if crash is not None:
                state.fail(
                    f"{crash.message.removesuffix(BUG)}; nothing was written{BUG}", crash.rule
                )
                changed = True
            elif _advance(state, findings.get(state.path, []), unsafe, rules):
                changed = True
        if not changed:
            break


class _OneAtATime:
    """A rule runner from a function that checks one document."""

    def __init__(self, check: Callable[[ParsedDocument], list[Finding]]) -> None:
        self.check = check

    def run(self, documents: Sequence[ParsedDocument]) -> Checked:
        return Checked(tuple(f for parsed in documents for f in self.check(parsed)))

    def settle_link(self, parsed: ParsedDocument, link: Link, url: str, changes: Changes) -> str:
        return url


def fix_document(
    parsed: ParsedDocument,
    rules: Sequence[Rule],
    *,
    unsafe: bool = False,
    settings: RuleSettings = DEFAULT_SETTINGS,
    facts: Mapping[str, Any] | None = None,
    others: Sequence[ParsedDocument] = (),
    check: Callable[[ParsedDocument], list[Finding]] | None = None,
) -> FixOutcome:
    """Fix one document to a fixed point; raise FixError (RuleCrashed) rather than lose
    anything.

    `others` are the run's other documents: project-scope rules (duplicates, the vocabulary
    check) see them, so `fix` agrees with `check`; only this document's findings are fixed.
    `check`, when given, replaces running `rules` on the document.
    """
    runner: RuleRunner = _OneAtATime(check) if check else Checker(rules, facts, settings)
    fixed = fix_documents([parsed], runner, unsafe=unsafe, others=others)
    (outcome,) = fixed.outcomes
    failure = outcome.failure or (fixed.errors[0] if fixed.errors else None)
    if failure is not None:
        raise (RuleCrashed if failure.rule else FixError)(failure.message)
    return outcome
