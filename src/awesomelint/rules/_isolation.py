"""Checking one fix alone: does the rest of its section still parse the same without it?"""

from __future__ import annotations

import dataclasses as dc
import functools
from collections import Counter

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
    index = next(
        (
            i
            for i, e in enumerate(entries)
            if e.span.start == cut or e.span.start <= cut < e.span.end
        ),
        None,
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
