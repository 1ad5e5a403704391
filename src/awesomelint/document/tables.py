"""GFM table rows: cells located in the source, and which column holds what."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from awesomelint.document.link_roles import badge_indexes
from awesomelint.document.model import Link

TITLE_HEADERS = ("title", "paper", "name", "resource", "project")
VENUE_HEADERS = ("venue", "conference", "conf", "published", "publication", "journal")
DESCRIPTION_HEADERS = ("description", "summary", "note", "notes", "comment", "tldr")
PAPER_HEADERS = ("paper", "papers", "pdf", "arxiv")
"""Columns whose links are the paper's own (primary unless the title cell links the work)."""
CODE_HEADERS = ("code", "codes", "github", "repo", "repository", "implementation")
"""Columns whose links are code, even when their text names a repository."""

_DATE = re.compile(
    r"[\s*_]*(?:(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? )?(?:\d{1,2}(?:st|nd|rd|th)?,? )?(?:19|20)\d{2}"
    r"(?:[./\-]\d{1,2}){0,2}|\d{1,2}[./\-]\d{1,2}[./\-](?:19|20)\d{2})[\s*_]*",
    re.IGNORECASE,
)


_QUOTE_MARKER = re.compile(r"[ \t]*>")
_QUOTE_MARKERS = re.compile(r"(?:[ \t]*>)*")
# What markdown-it trims from a table line and from each cell (CommonMark's whitespace).
_TRIM = frozenset(" \t\v\f\xa0\u1680\u2028\u2029\u202f\u205f\u3000") | frozenset(
    map(chr, range(0x2000, 0x200B))
)


def row_content(text: str, start: int, end: int, quotes: int = 0) -> tuple[int, int]:
    """The row text[start:end] without indentation, up to `quotes` blockquote markers (a lazy
    continuation line has none) and surrounding spaces, as GFM reads a table line."""
    for _ in range(quotes):
        marker = _QUOTE_MARKER.match(text, start, end)
        if marker is None:
            break
        start = marker.end()
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def split_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) offsets of each cell of the row text[start:end], spaces trimmed.

    `start` and `end` are the bounds of `row_content`. Cells are split as GFM (and markdown-it)
    split them: on every pipe not right after a backslash, inside code spans too; one leading
    and one trailing pipe are dropped, so a row of a single pipe has no cells at all.
    """
    bounds: list[int] = [start - 1]
    pos = text.find("|", start, end)
    while pos != -1:
        if pos == start or text[pos - 1] != "\\":
            bounds.append(pos)
        pos = text.find("|", pos + 1, end)
    bounds.append(end)
    cells: list[tuple[int, int]] = []
    for left, right in itertools.pairwise(bounds):
        a, b = left + 1, right
        while a < b and text[a] in _TRIM:
            a += 1
        while b > a and text[b - 1] in _TRIM:
            b -= 1
        cells.append((a, b))
    if cells and bounds[1] == start:
        cells.pop(0)
    if cells and bounds[-2] == end - 1 and end > start:
        cells.pop()
    return cells


def quote_depth(text: str, line_start: int) -> int:
    """How many block quote markers open the line (a table's header line: its depth)."""
    prefix = _QUOTE_MARKERS.match(text, line_start)
    return 0 if prefix is None else prefix.group(0).count(">")


def row_cells(text: str, line_start: int, line_end: int, quotes: int) -> list[tuple[int, int]]:
    """The cells of the table line text[line_start:line_end] in `quotes` block quotes. A row
    of a lone pipe has no cells: GFM reads it as a row of empty ones, here one at its end."""
    start, end = row_content(text, line_start, line_end, quotes)
    return split_cells(text, start, end) or [(end, end)]


def column(header: Sequence[str], names: Sequence[str], *, default: int) -> int:
    """The index of the first header cell named like one of `names` (lower case)."""
    for index, cell in enumerate(header):
        if any(cell == name or cell.startswith(name + " ") for name in names):
            return index
    return default


def title_column(
    text: str, cells: Sequence[tuple[int, int]], links: Sequence[Sequence[Link]], venue: int
) -> int:
    """Without a title header: the first cell with words that is no date, venue or badge row."""
    for index, (a, b) in enumerate(cells):
        if index == venue:
            continue
        cell = text[a:b]
        badges = badge_indexes(links[index])
        for i, link in enumerate(links[index]):
            if i in badges or link.image:
                start, end = link.span.start - a, link.span.end - a
                cell = cell[:start] + " " * (end - start) + cell[end:]
        if any(map(str.isalpha, cell)) and _DATE.fullmatch(cell) is None:
            return index
    return 0
