"""Deleting an entry as a fix: whole lines, and only where the rest still parses the same.

Deleting a list item can change how the lines after it parse: an empty item that follows a
paragraph cannot start a list, an indented line becomes a lazy continuation. Such a deletion
is not offered as a fix (the finding stays); the check parses only the entry's section.
"""

from __future__ import annotations

from collections import Counter

from awesomelint.diagnostics import Applicability, Edit, Fix
from awesomelint.edits import apply_edits
from awesomelint.model import Document, Entry, Span


def entry_lines(doc: Document, entry: Entry) -> Edit:
    """Whole lines of the entry; a blank line left doubled by the cut goes with it."""
    text = doc.text
    start = text.rfind("\n", 0, entry.span.start) + 1
    end = text.find("\n", entry.span.end)
    end = len(text) if end == -1 else end + 1
    blank_before = start >= 2 and text[start - 2 : start] == "\n\n"
    if blank_before and text.startswith("\n", end):
        end += 1
    elif blank_before and end == len(text):
        start -= 1
    return Edit(start, end, "")


def _section_of(doc: Document, offset: int) -> Span:
    best = Span(0, len(doc.text))
    for section in doc.walk_sections():
        if section.level and section.span.start <= offset < section.span.end:
            best = section.span
    return best


def _shape(text: str) -> tuple[int, Counter[str]]:
    from awesomelint.parse import parse_text  # parse imports nothing from rules

    doc = parse_text(text).document
    entries = sum(1 for _ in doc.entries())
    return entries, Counter(link.url for link in doc.links)


def _keeps_the_rest(doc: Document, edit: Edit, fix: Fix) -> bool:
    scope = _section_of(doc, edit.start)
    if not (scope.start <= edit.start and edit.end <= scope.end):
        scope = Span(0, len(doc.text))
    before = doc.text[scope.start : scope.end]
    after = apply_edits(before, [Edit(edit.start - scope.start, edit.end - scope.start)])
    old_entries, old_links = _shape(before)
    new_entries, new_links = _shape(after)
    for url, _ in fix.link_changes:
        old_links[url] -= 1
    return new_entries == old_entries - fix.removes_entries and +old_links == new_links


def deletion_fix(doc: Document, entry: Entry) -> Fix | None:
    """An unsafe fix deleting `entry` with its children, or None where that is not clean."""
    edit = entry_lines(doc, entry)
    removed = tuple(
        (link.url, None)
        for link in doc.links
        if edit.start <= link.span.start and link.span.end <= edit.end
    )
    count = sum(1 for _ in entry.walk())
    fix = Fix((edit,), Applicability.UNSAFE, link_changes=removed, removes_entries=count)
    return fix if _keeps_the_rest(doc, edit, fix) else None
