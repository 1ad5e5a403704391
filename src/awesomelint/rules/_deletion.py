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


def _shape(text: str, cut: Edit | None = None) -> tuple[Counter[str], Counter[str]]:
    """The entries' own texts and the link destinations of `text`, minus what `cut` spans."""
    from awesomelint.parse import parse_text  # parse imports nothing from rules

    doc = parse_text(text).document
    inside = (lambda span: cut.start <= span.start and span.end <= cut.end) if cut else None
    entries = Counter(
        doc.text[e.content_span.start : e.content_span.end]
        for _, e in doc.entries()
        if inside is None or not inside(e.span)
    )
    links = Counter(link.url for link in doc.links if inside is None or not inside(link.span))
    return entries, links


def _keeps_the_rest(doc: Document, edit: Edit, removed: int) -> bool:
    """Whether the cut removes `removed` entries and every other entry and link is kept."""
    scope = doc.section_at(edit.start).span
    if not (scope.start <= edit.start and edit.end <= scope.end):
        scope = Span(0, len(doc.text))
    before = doc.text[scope.start : scope.end]
    local = Edit(edit.start - scope.start, edit.end - scope.start)
    kept_entries, kept_links = _shape(before, local)
    if sum(_shape(before)[0].values()) - sum(kept_entries.values()) != removed:
        return False
    return (kept_entries, kept_links) == _shape(apply_edits(before, [local]))


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
    return fix if _keeps_the_rest(doc, edit, count) else None
