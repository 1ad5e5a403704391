"""Deleting an entry as a fix: whole lines, with its nested items.

Deleting a list item can change how the lines around it parse (an empty item after a
paragraph cannot start a list; an indented line becomes a lazy continuation), so the fix is
offered only where `awesomelint.rules._isolation` finds the rest unchanged.
"""

from __future__ import annotations

import bisect
import itertools
import re

from awesomelint.diagnostics import Applicability, Edit, Fix
from awesomelint.document.model import Document, Entry, Span
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


_ITEM = re.compile(r"[ \t>]*(?:[*+\-]|\d{1,9}[.)])(?:[ \t]|$)")
_UNDERLINE = re.compile(r"[ \t>|:=\-]*[=\-][ \t>|:=\-]*")


def underlines_text(text: str, start: int, end: int) -> bool:
    """Whether deleting the lines text[start:end] brings a line of dashes, equals signs or
    table delimiters right under a line of paragraph text: a heading or a table would appear."""
    if start == 0 or end >= len(text):
        return False
    previous = text[text.rfind("\n", 0, start - 1) + 1 : start - 1]
    next_end = text.find("\n", end)
    following = text[end : len(text) if next_end == -1 else next_end]
    return (
        bool(previous.strip(" \t>"))
        and _ITEM.match(previous) is None
        and _UNDERLINE.fullmatch(following) is not None
    )


def _inside(span: Span, edit: Edit) -> bool:
    return edit.start <= span.start and span.end <= edit.end


def deletion_fix(doc: Document, entry: Entry) -> Fix | None:
    """An unsafe fix deleting `entry` with its children, or None where the rest would change.

    A reference definition in the entry goes with it only when no link outside uses it.
    """
    edit = entry_lines(doc, entry)
    if underlines_text(doc.text, edit.start, edit.end):
        return None
    definitions = [d for d in doc.definitions if _inside(d.span, edit)]
    if definitions and any(
        _inside(link.url_span, edit) and not _inside(link.span, edit) for link in doc.links
    ):
        return None
    first = bisect.bisect_left(doc.links, edit.start, key=lambda link: link.span.start)
    removed = tuple(
        (link.url, None)
        for link in itertools.takewhile(lambda link: link.span.start < edit.end, doc.links[first:])
        if link.span.end <= edit.end
    ) + tuple((definition.url, None) for definition in definitions)
    count = sum(1 for _ in entry.walk())
    fix = Fix((edit,), Applicability.UNSAFE, link_changes=removed, removes_entries=count)
    return fix if keeps_the_rest(doc, fix) else None
