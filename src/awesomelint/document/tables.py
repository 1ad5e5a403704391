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


def split_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) offsets of each cell of the row text[start:end], spaces trimmed.

    Cells are split on unescaped pipes, inside code spans too, as GFM does.
    """
    bounds: list[int] = [start - 1]
    pos = start
    while pos < end:
        ch = text[pos]
        if ch == "\\":
            pos += 2
            continue
        if ch == "|":
            bounds.append(pos)
        pos += 1
    bounds.append(end)
    cells: list[tuple[int, int]] = []
    for left, right in itertools.pairwise(bounds):
        a, b = left + 1, right
        while a < b and text[a] in " \t":
            a += 1
        while b > a and text[b - 1] in " \t":
            b -= 1
        cells.append((a, b))
    row = text[start:end]
    if cells and cells[0][0] == cells[0][1] and row.lstrip().startswith("|"):
        cells.pop(0)
    if cells and cells[-1][0] == cells[-1][1] and row.rstrip().endswith("|"):
        cells.pop()
    return cells


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
        if any(ch.isalpha() for ch in cell) and _DATE.fullmatch(cell) is None:
            return index
    return 0
