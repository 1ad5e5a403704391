"""What a reporter is given: the findings, the files that failed, and counts for the summary."""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Mapping
from pathlib import Path

from awesomelint.diagnostics import Applicability, FileError, Finding


@dc.dataclass(frozen=True, slots=True)
class RunResult:
    """What a run found, and how the user asked to see it."""

    findings: tuple[Finding, ...]
    errors: tuple[FileError, ...] = ()
    files_checked: int = 0
    fixes_applied: int = 0
    color: bool = False
    notes: tuple[str, ...] = ()
    """Lines for the summary, such as how many links were not checked."""
    sources: Mapping[Path, str] = dc.field(default_factory=dict)
    """Each checked file's text, for the source lines under findings and the baseline."""
    show_source: bool = False
    """Text output: the source line under each finding, with a caret under its span."""
    quiet: bool = False
    """Text formats: the findings only, without notes or the summary."""

    @property
    def unsafe_fixes(self) -> int:
        return sum(
            1
            for finding in self.findings
            if finding.fix is not None and finding.fix.applicability is Applicability.UNSAFE
        )
