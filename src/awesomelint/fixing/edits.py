"""Choosing a set of fixes whose edits do not overlap."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from awesomelint.diagnostics import Edit, Finding, conflict


class _Taken:
    """The edits chosen so far, in order, so that a new edit is checked against its
    neighbours only: thousands of fixes in one file do not cost their square."""

    def __init__(self) -> None:
        self.keys: list[tuple[int, int]] = []
        self.edits: list[Edit] = []
        self.seen: set[Edit] = set()
        self.overlapping = False
        """Whether a chosen fix has edits that overlap each other (a broken fix): then the
        neighbours are not enough and every edit is looked at."""

    def conflicts(self, new: Edit) -> bool:
        if self.overlapping:
            return any(conflict(new, old) for old in self.edits)
        # The chosen edits do not overlap: before `new.start`, only the last ones may reach
        # into it; after it, only those starting inside it (or inserting at its start).
        at = bisect.bisect_left(self.keys, (new.start, -1))
        back = at - 1
        while back >= 0 and self.edits[back].end > new.start:
            if conflict(new, self.edits[back]):
                return True
            back -= 1
        ahead = at
        while ahead < len(self.edits) and (
            self.edits[ahead].start < new.end or self.edits[ahead].start == new.start
        ):
            if conflict(new, self.edits[ahead]):
                return True
            ahead += 1
        return False

    def add_fix(self, edits: Sequence[Edit]) -> None:
        if any(conflict(a, b) for i, a in enumerate(edits) for b in edits[i + 1 :]):
            self.overlapping = True
        for edit in edits:
            self.add(edit)

    def add(self, edit: Edit) -> None:
        if edit in self.seen:
            return
        self.seen.add(edit)
        at = bisect.bisect_right(self.keys, (edit.start, edit.end))
        self.keys.insert(at, (edit.start, edit.end))
        self.edits.insert(at, edit)


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
        taken.add_fix(edits)
    return chosen
