"""Choosing the fixes of one pass: edits that do not overlap, deletions that go together."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from awesomelint.diagnostics import Edit, Finding, Fix, conflict
from awesomelint.document.model import Document
from awesomelint.rules._isolation import keep_the_rest_together


class _Taken:
    """Edits already chosen, sorted, so that a conflict is found without scanning them all."""

    def __init__(self) -> None:
        self.edits: list[Edit] = []
        self.disjoint = True
        """Whether no two of them conflict (a fix whose own edits overlap breaks it)."""

    def conflicts(self, edit: Edit) -> bool:
        if not self.disjoint:
            return any(conflict(edit, old) for old in self.edits)
        # Only edits starting at or before this one's end can conflict. Going back from
        # there, once one ends at or before this one's start (and starts before it), every
        # earlier one does too: they do not overlap each other, and are sorted by start, end.
        at = bisect.bisect_right(self.edits, edit.end, key=lambda old: old.start)
        for index in range(at - 1, -1, -1):
            old = self.edits[index]
            if old.end <= edit.start and old.start < edit.start:
                return False
            if conflict(edit, old):
                return True
        return False

    def add(self, edits: Sequence[Edit]) -> None:
        if any(conflict(a, b) for i, a in enumerate(edits) for b in edits[i + 1 :]):
            self.disjoint = False
        for edit in edits:
            bisect.insort(self.edits, edit)


def choose_fixes(findings: Sequence[Finding]) -> list[Finding]:
    """A greedy set of findings whose fixes do not overlap: earliest first, then by code."""
    chosen: list[Finding] = []
    taken = _Taken()
    candidates = [f for f in findings if f.fix is not None and f.fix.edits]
    candidates.sort(key=lambda f: (min(e.start for e in f.fix.edits), f.code) if f.fix else (0, ""))
    for finding in candidates:
        assert finding.fix is not None
        edits = finding.fix.edits
        if any(taken.conflicts(new) for new in edits):
            continue
        chosen.append(finding)
        taken.add(edits)
    return chosen


def _together(doc: Document, group: Sequence[Finding]) -> bool:
    fixes: dict[tuple[Edit, ...], Fix] = {f.fix.edits: f.fix for f in group if f.fix is not None}
    return keep_the_rest_together(doc, list(fixes.values()))


def deletions_together(doc: Document, chosen: Sequence[Finding]) -> list[Finding]:
    """`chosen`, less the entry deletions that must wait for the next pass.

    Each deletion was checked alone by its rule, against the text as it is; two deletions in
    one list can together change how the lines around them parse. So the deletions of one
    section are applied together only when the section cut by all of them at once keeps
    every other entry and link; otherwise the longest leading half, quarter, ... of them
    that does (at least one), and the rest wait. Sections (headings) are independent.
    """
    groups: dict[int, list[Finding]] = {}
    for finding in chosen:
        if finding.fix is not None and finding.fix.removes_entries:
            section = doc.section_at(finding.span.start).span.start
            groups.setdefault(section, []).append(finding)
    waiting: set[int] = set()
    for group in groups.values():
        take = len(group)
        while take > 1 and not _together(doc, group[:take]):
            take //= 2
        waiting.update(id(finding) for finding in group[take:])
    return [finding for finding in chosen if id(finding) not in waiting]
