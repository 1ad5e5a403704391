"""What a reporter is given: the findings, the files that failed, and counts for the summary."""

from __future__ import annotations

import dataclasses as dc

from awesomelint.diagnostics import Applicability, FileError, Finding


@dc.dataclass(frozen=True, slots=True)
class RunResult:
    findings: tuple[Finding, ...]
    errors: tuple[FileError, ...] = ()
    files_checked: int = 0
    fixes_applied: int = 0
    color: bool = False
    notes: tuple[str, ...] = ()
    """Lines for the summary, such as how many links were not checked."""

    @property
    def unsafe_fixes(self) -> int:
        return sum(
            1
            for finding in self.findings
            if finding.fix is not None and finding.fix.applicability is Applicability.UNSAFE
        )
