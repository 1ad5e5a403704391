"""Text edits: applying them in one pass, and choosing fixes whose edits do not collide."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awesomelint.diagnostics import (
    Edit,
    Finding,
    Fix,
    OverlappingEdits,
    Severity,
    apply_edits,
    conflict,
)
from awesomelint.document.model import Span
from awesomelint.fixing.edits import choose_fixes

TEXT = "0123456789"


def finding(code: str, *edits: Edit) -> Finding:
    start = min((edit.start for edit in edits), default=0)
    end = max((edit.end for edit in edits), default=0)
    return Finding(
        path=Path("list.md"),
        code=code,
        rule=f"rule-{code.lower()}",
        message="test finding",
        span=Span(start, end),
        line=1,
        column=start + 1,
        end_line=1,
        end_column=end + 1,
        severity=Severity.ERROR,
        fix=Fix(tuple(edits)) if edits else None,
    )


# -- apply_edits -------------------------------------------------------------------------


def test_empty_edit_list_returns_the_text() -> None:
    assert apply_edits(TEXT, []) == TEXT
    assert apply_edits("", []) == ""


def test_single_replacement_insertion_and_deletion() -> None:
    assert apply_edits(TEXT, [Edit(2, 4, "ab")]) == "01ab456789"
    assert apply_edits(TEXT, [Edit(3, 3, "+")]) == "012+3456789"
    assert apply_edits(TEXT, [Edit(3, 7)]) == "012789"


def test_edits_are_applied_whatever_their_order() -> None:
    edits = [Edit(8, 9, "h"), Edit(0, 1, "a"), Edit(4, 5, "e")]
    assert apply_edits(TEXT, edits) == "a123e567h9"
    assert apply_edits(TEXT, reversed(edits)) == "a123e567h9"


def test_adjacent_edits() -> None:
    assert apply_edits(TEXT, [Edit(2, 4, "x"), Edit(4, 6, "y")]) == "01xy6789"
    assert apply_edits(TEXT, [Edit(4, 6, "y"), Edit(2, 4, "")]) == "01y6789"


def test_insertion_at_the_start_of_a_replacement() -> None:
    assert apply_edits(TEXT, [Edit(2, 5, "R"), Edit(2, 2, "I")]) == "01IR56789"


def test_insertion_at_the_end_of_a_replacement() -> None:
    assert apply_edits(TEXT, [Edit(5, 5, "I"), Edit(2, 5, "R")]) == "01RI56789"


def test_insertions_at_the_start_and_end_of_the_text() -> None:
    assert apply_edits(TEXT, [Edit(0, 0, "<"), Edit(10, 10, ">")]) == "<0123456789>"


def test_two_identical_edits_count_once() -> None:
    assert apply_edits(TEXT, [Edit(2, 4, "x"), Edit(2, 4, "x")]) == "01x456789"
    assert apply_edits(TEXT, [Edit(3, 3, "+"), Edit(3, 3, "+")]) == "012+3456789"


def test_two_different_insertions_at_one_point_raise() -> None:
    with pytest.raises(OverlappingEdits):
        apply_edits(TEXT, [Edit(3, 3, "a"), Edit(3, 3, "b")])


@pytest.mark.parametrize(
    "edits",
    [
        [Edit(2, 5, "x"), Edit(4, 6, "y")],  # partial overlap
        [Edit(2, 8, "x"), Edit(4, 5, "y")],  # one inside the other
        [Edit(2, 5, "x"), Edit(2, 5, "y")],  # same range, different text
        [Edit(2, 5, "x"), Edit(2, 7, "y")],  # same start
        [Edit(2, 6, "x"), Edit(4, 4, "y")],  # insertion strictly inside a replacement
        [Edit(0, 10, ""), Edit(3, 3, "a"), Edit(3, 3, "b")],
    ],
)
def test_overlapping_edits_raise(edits: list[Edit]) -> None:
    with pytest.raises(OverlappingEdits):
        apply_edits(TEXT, edits)


@pytest.mark.parametrize(
    "edit",
    [Edit(5, 11, "x"), Edit(11, 11, "x"), Edit(-1, 2, "x"), Edit(6, 4, "x")],
    ids=["end-past-text", "insert-past-text", "negative-start", "start-after-end"],
)
def test_out_of_range_edit_raises(edit: Edit) -> None:
    with pytest.raises(OverlappingEdits):
        apply_edits(TEXT, [edit])


def test_overlapping_edits_is_a_value_error() -> None:
    assert issubclass(OverlappingEdits, ValueError)


# -- choose_fixes ------------------------------------------------------------------------


def test_choose_fixes_nothing_to_choose() -> None:
    assert choose_fixes([]) == []
    assert choose_fixes([finding("T001")]) == []  # a finding without a fix
    empty = dataclasses.replace(finding("T002", Edit(0, 1)), fix=Fix(()))
    assert choose_fixes([empty]) == []


def test_choose_fixes_earliest_first() -> None:
    late = finding("T001", Edit(6, 8, "late"))
    early = finding("T002", Edit(1, 3, "early"))
    middle = finding("T003", Edit(3, 5, "middle"))
    assert choose_fixes([late, middle, early]) == [early, middle, late]


def test_choose_fixes_same_start_ordered_by_code() -> None:
    b = finding("T002", Edit(2, 4, "b"))
    a = finding("T001", Edit(2, 3, "a"))
    assert choose_fixes([b, a]) == [a]


def test_overlapping_later_fix_is_skipped() -> None:
    first = finding("T009", Edit(2, 6, "x"))
    later = finding("T001", Edit(4, 8, "y"))
    after = finding("T005", Edit(8, 9, "z"))
    chosen = choose_fixes([later, after, first])
    assert chosen == [first, after]
    edits = [e for f in chosen if f.fix for e in f.fix.edits]
    assert apply_edits(TEXT, edits) == "01x67z9"


def test_insertion_into_a_chosen_replacement_is_skipped() -> None:
    replacement = finding("T001", Edit(2, 6, "x"))
    inside = finding("T002", Edit(4, 4, "+"))
    at_end = finding("T003", Edit(6, 6, "+"))
    assert choose_fixes([inside, at_end, replacement]) == [replacement, at_end]


def test_second_insertion_at_the_same_point_is_skipped() -> None:
    a = finding("T001", Edit(3, 3, "a"))
    b = finding("T002", Edit(3, 3, "b"))
    assert choose_fixes([b, a]) == [a]


def test_fix_edits_are_taken_all_together_or_not_at_all() -> None:
    # `first` touches both ends; `split` has one free edit (5:6) and one clashing edit (21:23):
    # it must be skipped as a whole, so `free` at 5:6 can still be taken.
    text = "x" * 30
    first = finding("T001", Edit(0, 1, "a"), Edit(20, 25, "b"))
    split = finding("T002", Edit(5, 6, "c"), Edit(21, 23, "d"))
    free = finding("T003", Edit(5, 6, "e"))
    chosen = choose_fixes([split, free, first])
    assert chosen == [first, free]
    edits = [e for f in chosen if f.fix for e in f.fix.edits]
    assert apply_edits(text, edits) == "a" + "x" * 4 + "e" + "x" * 14 + "b" + "x" * 5


def test_identical_edits_from_two_findings_are_both_chosen() -> None:
    one = finding("T001", Edit(2, 4, "x"))
    two = finding("T002", Edit(2, 4, "x"))
    chosen = choose_fixes([two, one])
    assert chosen == [one, two]
    edits = [e for f in chosen if f.fix for e in f.fix.edits]
    assert apply_edits(TEXT, edits) == "01x456789"


def test_chosen_fixes_always_apply_cleanly() -> None:
    findings = [
        finding(f"T{i:03}", Edit(start, start + width, str(i)))
        for i, (start, width) in enumerate([(0, 3), (1, 1), (2, 4), (3, 0), (5, 5), (9, 1)])
    ]
    chosen = choose_fixes(findings)
    edits = [e for f in chosen if f.fix for e in f.fix.edits]
    apply_edits(TEXT, edits)  # does not raise
    assert [f.code for f in chosen] == ["T000", "T003", "T004"]


def _choose_by_scanning_everything(findings: list[Finding]) -> list[Finding]:
    """The plain greedy choice: each fix checked against every edit chosen so far."""
    chosen: list[Finding] = []
    taken: list[Edit] = []
    candidates = [f for f in findings if f.fix is not None and f.fix.edits]
    candidates.sort(key=lambda f: (min(e.start for e in f.fix.edits), f.code) if f.fix else (0, ""))
    for candidate in candidates:
        assert candidate.fix is not None
        if any(conflict(new, old) for new in candidate.fix.edits for old in taken):
            continue
        chosen.append(candidate)
        taken.extend(candidate.fix.edits)
    return chosen


_EDIT = st.builds(
    lambda start, length, text: Edit(start, start + length, text),
    st.integers(0, 30),
    st.integers(0, 4),
    st.sampled_from(["", "x"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["A", "B"]), st.lists(_EDIT, min_size=1, max_size=3))))
def test_choice_is_the_plain_greedy_choice(fixes: list[tuple[str, list[Edit]]]) -> None:
    findings = [finding(code, *edits) for code, edits in fixes]
    assert choose_fixes(findings) == _choose_by_scanning_everything(findings)
