"""GFM table rows: cells located in the source, and which column holds what."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

TITLE_HEADERS = ("title", "paper", "name", "resource", "project")
VENUE_HEADERS = ("venue", "conference", "conf", "published", "publication", "journal")
DESCRIPTION_HEADERS = ("description", "summary", "note", "notes", "comment", "tldr")


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
