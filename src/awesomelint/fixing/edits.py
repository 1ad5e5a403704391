"""Choosing a set of fixes whose edits do not overlap."""

from __future__ import annotations

from collections.abc import Sequence

from awesomelint.diagnostics import Edit, Finding, conflict


def choose_fixes(findings: Sequence[Finding]) -> list[Finding]:
    """A greedy set of findings whose fixes do not overlap: earliest first, then by code."""
    chosen: list[Finding] = []
    taken: list[Edit] = []
    candidates = [f for f in findings if f.fix is not None and f.fix.edits]
    candidates.sort(key=lambda f: (min(e.start for e in f.fix.edits), f.code) if f.fix else (0, ""))
    for finding in candidates:
        assert finding.fix is not None
        edits = finding.fix.edits
        if any(conflict(new, old) for new in edits for old in taken):
            continue
        chosen.append(finding)
        taken.extend(edits)
    return chosen
