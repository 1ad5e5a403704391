"""ENT003 entry-order: an entry breaks the order that the rest of its list keeps.

Why: a section kept newest first gains entries appended at the bottom, and an alphabetical
list gains entries wherever the editor's cursor was. Readers who trust the order miss them.

Bad:
    ## Papers (newest first)
    - [Steering](https://arxiv.org/abs/2409.00009)
    - [Lenses](https://arxiv.org/abs/2408.00008)
    - [Features](https://arxiv.org/abs/2407.00007)
    - [Grokking](https://arxiv.org/abs/2406.00006)
    - [Neurons](https://arxiv.org/abs/2405.00005)
    - [Attention](https://arxiv.org/abs/2404.00004)
    - [Probing](https://arxiv.org/abs/2403.00003)
    - [Circuits](https://arxiv.org/abs/2402.00002)
    - [Sparse](https://arxiv.org/abs/2401.00001)
    - [Memory](https://arxiv.org/abs/2410.00010)

Good:
    ## Papers (newest first)
    - [Memory](https://arxiv.org/abs/2410.00010)
    - [Steering](https://arxiv.org/abs/2409.00009)
    - [Lenses](https://arxiv.org/abs/2408.00008)
    - [Features](https://arxiv.org/abs/2407.00007)
    - [Grokking](https://arxiv.org/abs/2406.00006)
    - [Neurons](https://arxiv.org/abs/2405.00005)
    - [Attention](https://arxiv.org/abs/2404.00004)
    - [Probing](https://arxiv.org/abs/2403.00003)
    - [Circuits](https://arxiv.org/abs/2402.00002)
    - [Sparse](https://arxiv.org/abs/2401.00001)

Each run of sibling entries (the items of one list, its nested lists each on their own, or the
rows of one table) is read by date and by title. The date is the first of these that dates at
least 5 entries of the run: a date written in the entry (a date column, `2023.05`,
`[2024/06/07]`), the month of its arXiv identifier, the year of its venue tag. An order
counts when at least 5 entries have a key, at least 7 neighbouring pairs of them differ, and
at least 80% of those pairs agree (newest first, oldest first, or A
to Z). Entries without a key are skipped and keep their neighbours. The entries reported are
the fewest whose move puts the list in order. When more than one order counts and they
disagree about what is out of place, nothing is reported: the order is ambiguous.

Fix: unsafe; moves each reported entry, with its nested items, to its place (a numbered list
keeps its numbers where they are). Offered only where every entry of the run is separated
from the next by the same number of blank lines.
"""

from __future__ import annotations

import bisect
import dataclasses as dc
import itertools
import re
from collections.abc import Callable, Iterator, Sequence

from awesomelint.diagnostics import Applicability, Edit, Finding, Fix, Severity
from awesomelint.document.model import Document, Entry
from awesomelint.knowledge.dates import Month, arxiv_month, tag_year, written_date
from awesomelint.knowledge.paper_titles import normalize_title
from awesomelint.rules._base import Context, NoOptions, Rule

MIN_KEYED = 5
MIN_PAIRS = 7
"""Neighbouring pairs whose keys differ. Fewer are too often in order by chance: 6 entries in
no order have 4 of 5 pairs agreeing one way or the other in 16% of shuffles, 8 entries 6 of 7
in about 1%."""
AGREEMENT = 0.8

_ORDINAL = re.compile(r"\d{1,9}[.)]")
_LEADING_ORDINAL = re.compile(r"^([ \t>]*)\d{1,9}[.)]")

Key = tuple[int | str, ...]
"""A date as (year,) or (year, month); a title as (title,)."""


@dc.dataclass(frozen=True, slots=True)
class _Order:
    """An order a section's entries may follow."""

    source: str
    """What the keys are read from, for the message."""
    descending: bool
    keys: tuple[Key | None, ...]
    labels: tuple[str, ...]

    @property
    def description(self) -> str:
        if self.source == "title":
            return "sorted by title"
        return (
            f"newest first (by {self.source})"
            if self.descending
            else (f"oldest first (by {self.source})")
        )

    def sort_key(self, index: int) -> Key:
        """The key in ascending sense: later in the list means larger."""
        key = self.keys[index]
        assert key is not None
        if self.descending:
            return tuple(-part if isinstance(part, int) else part for part in key)
        return key


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _line_after(text: str, offset: int) -> int:
    """The offset just past the newline that ends the line holding `offset - 1`."""
    if offset > 0 and text[offset - 1] == "\n":
        return offset
    newline = text.find("\n", offset)
    return len(text) if newline == -1 else newline + 1


def _runs(doc: Document, entries: Sequence[Entry]) -> Iterator[list[Entry]]:
    """Siblings split wherever anything but blank lines stands between two of them."""
    run: list[Entry] = []
    for entry in entries:
        if run:
            end = _line_after(doc.text, run[-1].span.end)
            gap = doc.text[end : _line_start(doc.text, entry.span.start)]
            if gap.strip() or entry.kind is not run[-1].kind:
                yield run
                run = []
        run.append(entry)
    if run:
        yield run


def _months(values: list[Month | None]) -> list[Key | None]:
    """Month keys where every dated entry has a month, else year keys."""
    precise = all(v.month is not None for v in values if v is not None)
    return [
        None if v is None else ((v.year, v.month or 0) if precise else (v.year,)) for v in values
    ]


def _title(entry: Entry) -> str | None:
    title = normalize_title(entry.title) if entry.title else ""
    return title or None


def _sources(doc: Document, run: list[Entry]) -> Iterator[tuple[str, list[Key | None]]]:
    readers: tuple[tuple[str, Callable[[Entry], Month | None]], ...] = (
        ("the dates written in the entries", lambda e: written_date(doc, e)),
        ("arXiv identifier", arxiv_month),
        ("venue year", tag_year),
    )
    for name, read in readers:
        keys = _months([read(entry) for entry in run])
        if sum(key is not None for key in keys) >= MIN_KEYED:
            yield name, keys
            break  # the first source that dates the run is its date: a date column wins
    yield "title", [(title,) if (title := _title(entry)) else None for entry in run]


def _agrees(keys: list[Key | None], descending: bool) -> bool:
    keyed = [k for k in keys if k is not None]
    if len(keyed) < MIN_KEYED:
        return False
    pairs = [(a, b) for a, b in itertools.pairwise(keyed) if a != b]
    if len(pairs) < MIN_PAIRS:
        return False
    agreeing = sum(1 for a, b in pairs if (a > b) == descending)
    return agreeing >= AGREEMENT * len(pairs)


def _label(key: Key | None) -> str:
    if key is None:
        return ""
    return "-".join(f"{part:02d}" if isinstance(part, int) else part for part in key)


def _orders(doc: Document, run: list[Entry]) -> list[_Order]:
    found = []
    for source, keys in _sources(doc, run):
        for descending in (False, True) if source != "title" else (False,):
            if _agrees(keys, descending):
                labels = tuple(_label(k) for k in keys)
                found.append(_Order(source, descending, tuple(keys), labels))
    return found


def _in_order(order: _Order) -> set[int]:
    """Indexes of the longest run of keyed entries already in order (ties keep their order)."""
    keyed = [i for i, key in enumerate(order.keys) if key is not None]
    tails: list[Key] = []
    tail_index: list[int] = []
    previous: dict[int, int | None] = {}
    for i in keyed:
        key = order.sort_key(i)
        at = bisect.bisect_right(tails, key)
        previous[i] = tail_index[at - 1] if at > 0 else None
        if at == len(tails):
            tails.append(key)
            tail_index.append(i)
        else:
            tails[at] = key
            tail_index[at] = i
    kept: set[int] = set()
    cursor: int | None = tail_index[-1] if tail_index else None
    while cursor is not None:
        kept.add(cursor)
        cursor = previous[cursor]
    return kept


def _new_order(order: _Order, misplaced: set[int], count: int) -> list[int]:
    """The run's indexes with each misplaced entry moved before the first kept entry that
    sorts after it (or to the end)."""
    kept = [i for i in range(count) if i not in misplaced]
    result = list(kept)
    for i in sorted(misplaced, key=order.sort_key):
        key = order.sort_key(i)
        anchor = next(
            (
                pos
                for pos, j in enumerate(result)
                if j not in misplaced and order.keys[j] is not None and order.sort_key(j) > key
            ),
            len(result),
        )
        result.insert(anchor, i)
    return result


def _renumber(chunk: str, marker: str) -> str:
    return _LEADING_ORDINAL.sub(lambda m: m[1] + marker, chunk, count=1)


def _move_fix(doc: Document, run: list[Entry], new_order: list[int]) -> Fix | None:
    text = doc.text
    starts = [_line_start(text, entry.span.start) for entry in run]
    ends = [_line_after(text, entry.span.end) for entry in run]
    gaps = {text[ends[i] : starts[i + 1]] for i in range(len(run) - 1)}
    if len(gaps) != 1 or not text[starts[-1] : ends[-1]].endswith("\n"):
        return None
    (gap,) = gaps
    chunks = [text[starts[i] : ends[i]] for i in range(len(run))]
    moved = [chunks[i] for i in new_order]
    if all(_ORDINAL.fullmatch(entry.marker) for entry in run):
        # A numbered list keeps its numbers in place: only the entries move.
        moved = [_renumber(chunk, run[slot].marker) for slot, chunk in enumerate(moved)]
    replacement = gap.join(moved)
    return Fix((Edit(starts[0], ends[-1], replacement),), Applicability.UNSAFE)


def _check_run(doc: Document, ctx: Context[NoOptions], run: list[Entry]) -> Iterator[Finding]:
    orders = _orders(doc, run)
    if not orders:
        return
    misplaced_by_order = [
        {i for i, k in enumerate(o.keys) if k is not None} - _in_order(o) for o in orders
    ]
    if any(m != misplaced_by_order[0] for m in misplaced_by_order[1:]):
        return  # ambiguous: the orders disagree about what is out of place
    order, misplaced = orders[0], misplaced_by_order[0]
    if not misplaced:
        return
    new_order = _new_order(order, misplaced, len(run))
    fix = _move_fix(doc, run, new_order)
    for i in sorted(misplaced):
        after = new_order.index(i) + 1
        if after < len(new_order):
            where = f"it belongs before line {doc.position(run[new_order[after]].span.start)[0]}"
        else:
            where = "it belongs at the end"
        label = order.labels[i]
        what = f"'{label}'" if order.source == "title" else label
        yield ctx.finding(
            run[i].span,
            f"entry {what} is out of order: this list is {order.description}; {where}",
            fix=fix,
        )


def _sibling_runs(doc: Document) -> Iterator[list[Entry]]:
    for section in doc.walk_sections():
        if section.is_toc:
            continue
        yield from _runs(doc, section.entries)
        for entry in section.entries:
            for item in entry.walk():
                if item.children:
                    yield from _runs(doc, item.children)


def check(doc: Document, ctx: Context[NoOptions]) -> Iterator[Finding]:
    for run in _sibling_runs(doc):
        if len(run) >= MIN_KEYED:
            yield from _check_run(doc, ctx, run)


RULE = Rule(
    code="ENT003",
    name="entry-order",
    summary="An entry breaks the order its list keeps (by date or by title)",
    check=check,
    doc=__doc__ or "",
    default_severity=Severity.WARNING,
    fixable=True,
)
