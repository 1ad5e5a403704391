"""Applying text edits, and choosing a set of fixes whose edits do not overlap."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from awesomelint.diagnostics import Edit, Finding


class OverlappingEdits(ValueError):
    pass


def _conflict(a: Edit, b: Edit) -> bool:
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
        if edit.start < pos or (previous is not None and _conflict(previous, edit)):
            raise OverlappingEdits(f"edits overlap at offset {edit.start}")
        if not 0 <= edit.start <= edit.end <= len(text):
            raise OverlappingEdits(f"edit {edit.start}:{edit.end} is outside the text")
        pieces.append(text[pos : edit.start])
        pieces.append(edit.text)
        pos = edit.end
        previous = edit
    pieces.append(text[pos:])
    return "".join(pieces)


def choose_fixes(findings: Sequence[Finding]) -> list[Finding]:
    """A greedy set of findings whose fixes do not overlap: earliest first, then by code."""
    chosen: list[Finding] = []
    taken: list[Edit] = []
    candidates = [f for f in findings if f.fix is not None and f.fix.edits]
    candidates.sort(key=lambda f: (min(e.start for e in f.fix.edits), f.code) if f.fix else (0, ""))
    for finding in candidates:
        assert finding.fix is not None
        edits = finding.fix.edits
        if any(_conflict(new, old) for new in edits for old in taken):
            continue
        chosen.append(finding)
        taken.extend(edits)
    return chosen
