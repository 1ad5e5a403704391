"""The fix loop: apply chosen fixes, re-parse, re-check, until nothing changes; then verify."""

from __future__ import annotations

import dataclasses as dc
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from awesomelint.diagnostics import Applicability, Finding, Fix, apply_edits
from awesomelint.document.parse import ParsedDocument, parse_source
from awesomelint.document.source import Source
from awesomelint.engine import DEFAULT_SETTINGS, RuleSettings, check_documents
from awesomelint.errors import FixError
from awesomelint.fixing.edits import choose_fixes
from awesomelint.rules import Rule

MAX_PASSES = 10


@dc.dataclass(frozen=True, slots=True)
class FixOutcome:
    parsed: ParsedDocument
    """The document after all fixes (the input itself when nothing applied)."""
    applied: tuple[Finding, ...]
    remaining: tuple[Finding, ...]

    @property
    def changed(self) -> bool:
        return bool(self.applied)


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


def _one_deletion_per_section(parsed: ParsedDocument, chosen: list[Finding]) -> list[Finding]:
    """Keep at most one entry deletion per section in a pass.

    A deletion is checked by its rule against the text as it is; two deletions in one list
    can together change how the lines after them parse. Sections (headings) are independent.
    """
    seen: set[int] = set()
    kept: list[Finding] = []
    for finding in chosen:
        if finding.fix is not None and finding.fix.removes_entries:
            section = parsed.document.section_at(finding.span.start).span.start
            if section in seen:
                continue
            seen.add(section)
        kept.append(finding)
    return kept


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
    """Fix one document to a fixed point; raise FixError rather than lose anything.

    `others` are the run's other documents: project-scope rules (duplicates, the vocabulary
    check) see them, so `fix` agrees with `check`; only this document's findings are fixed.
    """

    def run_rules(doc: ParsedDocument) -> list[Finding]:
        found = check_documents([doc, *others], rules, facts, settings=settings)
        return [f for f in found if f.path == doc.document.path] if others else found

    run = check or run_rules
    applied: list[Finding] = []
    current = parsed
    passes = 0
    while True:
        findings = run(current)
        chosen = _one_deletion_per_section(
            current, choose_fixes([f for f in findings if _allowed(f, unsafe)])
        )
        if not chosen:
            return FixOutcome(current, tuple(applied), tuple(findings))
        if passes == MAX_PASSES:
            break
        edits = [edit for finding in chosen if finding.fix for edit in finding.fix.edits]
        text = apply_edits(current.document.text, edits)
        fixed = _reparse(current, text)
        # Identical edits from two findings are applied once, so they are declared once.
        declared = {f.fix.edits: f.fix for f in chosen if f.fix is not None}
        problem = verify(current, fixed, list(declared.values()))
        if problem is not None:
            raise _blame(current, chosen, problem)
        applied.extend(chosen)
        current = fixed
        # Deletions only ever remove entries, so they cannot oscillate: passes that only
        # delete do not count towards the limit that catches rules fighting each other.
        if any(f.fix is not None and not f.fix.removes_entries for f in chosen):
            passes += 1
    still = sorted({f"{f.code} ({f.rule})" for f in chosen})
    raise FixError(
        f"{parsed.document.path}: internal error: fixes did not settle after {MAX_PASSES} "
        f"passes; rules still fixing: {', '.join(still)}; nothing was written; "
        "please report this as a bug"
    )
