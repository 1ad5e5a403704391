"""What checking produces: findings, with optional fixes expressed as text edits, and how
an edit applies to a text."""

from __future__ import annotations

import dataclasses as dc
import enum
from collections.abc import Iterable
from pathlib import Path

from awesomelint.document.model import Span


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def fails(self) -> bool:
        """Whether a finding of this severity makes `check` exit 1."""
        return self is not Severity.INFO


class Applicability(enum.Enum):
    SAFE = "safe"  # applied by `awesomelint fix`
    UNSAFE = "unsafe"  # applied only with --unsafe-fixes
    DISPLAY_ONLY = "display-only"  # shown, never applied


@dc.dataclass(frozen=True, slots=True, order=True)
class Edit:
    """Replace text[start:end] by `text`; start == end inserts, text == "" deletes."""

    start: int
    end: int
    text: str = ""


class OverlappingEdits(ValueError):
    pass


def conflict(a: Edit, b: Edit) -> bool:
    """Whether two edits cannot both be applied: they overlap, or insert at the same point."""
    if a == b:
        return False
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    return a.start < b.end and b.start < a.end


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits in one pass; identical edits count once."""
    ordered = sorted(set(edits), key=lambda e: (e.start, e.end))
    pieces: list[str] = []
    pos = 0
    previous: Edit | None = None
    for edit in ordered:
        if edit.start < pos or (previous is not None and conflict(previous, edit)):
            raise OverlappingEdits(f"edits overlap at offset {edit.start}")
        if not 0 <= edit.start <= edit.end <= len(text):
            raise OverlappingEdits(f"edit {edit.start}:{edit.end} is outside the text")
        pieces.append(text[pos : edit.start])
        pieces.append(edit.text)
        pos = edit.end
        previous = edit
    pieces.append(text[pos:])
    return "".join(pieces)


@dc.dataclass(frozen=True, slots=True)
class Fix:
    """The edits that correct a finding, and how safe they are to apply."""

    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    link_changes: tuple[tuple[str, str | None], ...] = ()
    """Link destinations this fix rewrites (old, new) or removes (old, None) on purpose."""
    removes_entries: int = 0
    """How many entries this fix deletes on purpose; the safety net checks the rest are kept."""


@dc.dataclass(frozen=True, slots=True)
class Finding:
    """One problem a rule reports at a place in a file."""

    path: Path
    code: str
    rule: str
    message: str
    span: Span
    line: int
    column: int
    end_line: int
    end_column: int
    severity: Severity
    fix: Fix | None = None

    @property
    def fixable(self) -> bool:
        return self.fix is not None and self.fix.applicability is not Applicability.DISPLAY_ONLY

    def sort_key(self) -> tuple[str, int, int, str]:
        return (str(self.path), self.line, self.column, self.code)


@dc.dataclass(frozen=True, slots=True)
class FileError:
    """A file that could not be checked or fixed, or a rule that crashed, with the one-line
    reason."""

    path: Path | None
    """None when no one file is to blame (a project-wide rule, the link checks)."""
    message: str
    rule: str | None = None
    """The code of the rule that crashed, when a rule's bug is the cause."""
