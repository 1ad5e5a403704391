"""Deleting an entry as a fix: whole lines, with its nested items.

Deleting a list item can change how the lines around it parse (an empty item after a
paragraph cannot start a list; an indented line becomes a lazy continuation), so the fix is
offered only where `awesomelint.rules._isolation` finds the rest unchanged.
"""

from __future__ import annotations

import bisect
import itertools

from awesomelint.diagnostics import Applicability, Edit, Fix
from awesomelint.document.model import Document, Entry
from awesomelint.rules._isolation import keeps_the_rest


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


def deletion_fix(doc: Document, entry: Entry) -> Fix | None:
    """An unsafe fix deleting `entry` with its children, or None where the rest would change."""
    edit = entry_lines(doc, entry)
    # doc.links is in source order: only the links starting inside the cut are looked at.
    first = bisect.bisect_left(doc.links, edit.start, key=lambda link: link.span.start)
    following = (doc.links[i] for i in range(first, len(doc.links)))
    inside = itertools.takewhile(lambda link: link.span.start < edit.end, following)
    removed = tuple((link.url, None) for link in inside if link.span.end <= edit.end)
    count = sum(1 for _ in entry.walk())
    fix = Fix((edit,), Applicability.UNSAFE, link_changes=removed, removes_entries=count)
    return fix if keeps_the_rest(doc, fix) else None
