"""Checking deletions: does the rest of the section still parse the same without them?"""

from __future__ import annotations

import bisect
import dataclasses as dc
import functools
from collections import Counter
from collections.abc import Sequence

from awesomelint.diagnostics import Edit, Fix, OverlappingEdits, apply_edits
from awesomelint.document.model import Document, EntryKind, Span
from awesomelint.document.parse import parse_text


@dc.dataclass(frozen=True, slots=True)
class _Shape:
    entries: tuple[tuple[Span, str], ...]
    """Each entry's span and its own text."""
    links: tuple[tuple[Span, str], ...]
    """Each link's span and destination, and each reference definition's."""


@functools.lru_cache(maxsize=64)
def _shape(text: str) -> _Shape:
    """The entries and links of `text`; cached, since one section often has several cuts."""
    doc = parse_text(text).document
    return _Shape(
        entries=tuple(
            (e.span, doc.text[e.content_span.start : e.content_span.end]) for _, e in doc.entries()
        ),
        links=tuple((link.span, link.url) for link in doc.links)
        + tuple((definition.span, definition.url) for definition in doc.definitions),
    )


def _outside(items: tuple[tuple[Span, str], ...], cut: Edit | None) -> Counter[str]:
    if cut is None:
        return Counter(value for _, value in items)
    return Counter(
        value for span, value in items if not (cut.start <= span.start and span.end <= cut.end)
    )


def _window(doc: Document, edit: Edit) -> Span:
    """The text a cut can affect: from the top-level entry before it to the one after.

    A list item's deletion changes at most how its neighbours parse: the entry before it (or,
    for a first item, the paragraph before the list) and what follows it. For a first or last
    entry, and for table rows, the window runs to the section's edge.
    """
    section = doc.section_at(edit.start)
    scope = section.span
    entries = section.entries
    cut = edit.start
    while cut < edit.end and doc.text[cut] in " \t\n>":
        cut += 1
    # Entries are in document order and do not overlap: the last one starting at or
    # before the cut is the only one that can hold it.
    at = bisect.bisect_right(entries, cut, key=lambda e: e.span.start) - 1
    index = (
        at if at >= 0 and (entries[at].span.start == cut or cut < entries[at].span.end) else None
    )
    if index is None or entries[index].kind is EntryKind.TABLE_ROW:
        return scope
    start = entries[index - 1].span.start if index > 0 else scope.start
    end = entries[index + 1].span.end if index + 1 < len(entries) else scope.end
    start = doc.text.rfind("\n", 0, start) + 1
    end_of_line = doc.text.find("\n", end)
    end = len(doc.text) if end_of_line == -1 else end_of_line + 1
    return Span(start, max(end, edit.end))


def _keeps_the_rest(doc: Document, edit: Edit, removed: int) -> bool:
    """Whether the cut removes `removed` entries and every other entry and link is kept."""
    scope = _window(doc, edit)
    if not (scope.start <= edit.start and edit.end <= scope.end):
        scope = Span(0, len(doc.text))
    before = _shape(doc.text[scope.start : scope.end])
    local = Edit(edit.start - scope.start, edit.end - scope.start)
    kept_entries = _outside(before.entries, local)
    if len(before.entries) - sum(kept_entries.values()) != removed:
        return False
    after = _shape(apply_edits(doc.text[scope.start : scope.end], [local]))
    return kept_entries == _outside(after.entries, None) and _outside(
        before.links, local
    ) == _outside(after.links, None)


def keeps_the_rest(doc: Document, fix: Fix) -> bool:
    """Whether `fix` (one deletion) leaves every other entry's text and every link as it was."""
    if len(fix.edits) != 1 or fix.edits[0].text:
        return False
    try:
        return _keeps_the_rest(doc, fix.edits[0], fix.removes_entries)
    except OverlappingEdits:
        return False


def _outside_cuts(items: tuple[tuple[Span, str], ...], cuts: Sequence[Edit]) -> Counter[str]:
    """The values of `items` not wholly inside one of `cuts` (sorted, not overlapping)."""
    starts = [cut.start for cut in cuts]
    kept: Counter[str] = Counter()
    for span, value in items:
        at = bisect.bisect_right(starts, span.start) - 1
        if at < 0 or span.end > cuts[at].end:
            kept[value] += 1
    return kept


def keep_the_rest_together(doc: Document, fixes: Sequence[Fix]) -> bool:
    """Whether deleting with all `fixes` at once leaves every other entry's text and every
    link as it was, and removes as many entries as they declare.

    Each deletion was checked alone; together, two cuts in one list can change how the lines
    between them parse. The check covers every section the cuts are in.
    """
    cuts = sorted(edit for fix in fixes for edit in fix.edits)
    if any(cut.text for cut in cuts):
        return False
    sections = [doc.section_at(cut.start).span for cut in cuts]
    scope = Span(min(s.start for s in sections), max(s.end for s in sections))
    if not (scope.start <= cuts[0].start and max(cut.end for cut in cuts) <= scope.end):
        scope = Span(0, len(doc.text))
    text = doc.text[scope.start : scope.end]
    local = [Edit(cut.start - scope.start, cut.end - scope.start) for cut in cuts]
    try:
        cut_text = apply_edits(text, local)
    except OverlappingEdits:
        return False
    before = _shape(text)
    kept_entries = _outside_cuts(before.entries, local)
    removed = sum(fix.removes_entries for fix in fixes)
    if len(before.entries) - sum(kept_entries.values()) != removed:
        return False
    after = _shape(cut_text)
    return kept_entries == _outside(after.entries, None) and _outside_cuts(
        before.links, local
    ) == _outside(after.links, None)
