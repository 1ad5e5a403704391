"""A GFM table's body row as an entry: its cells, title column, venue tags and links."""

from __future__ import annotations

import functools
from collections.abc import Callable

from awesomelint.document import entry_text, link_roles
from awesomelint.document.locate import InlineScan
from awesomelint.document.model import Entry, EntryKind, Link, Span, Tag, TagKind
from awesomelint.document.tables import (
    CODE_HEADERS,
    DESCRIPTION_HEADERS,
    PAPER_HEADERS,
    TITLE_HEADERS,
    VENUE_HEADERS,
    column,
    title_column,
)
from awesomelint.document.titles import find_title

Scan = Callable[[int, int], tuple[InlineScan, list[Link]]]
"""Scans text[start:end] for links (and records them for the document)."""


@functools.lru_cache(maxsize=256)
def _columns(header: tuple[str, ...]) -> tuple[int, int, int, int, int]:
    """The venue, paper, code, title and description columns (-1: none), read once a table."""
    return (
        column(header, VENUE_HEADERS, default=-1),
        column(header, PAPER_HEADERS, default=-1),
        column(header, CODE_HEADERS, default=-1),
        column(header, TITLE_HEADERS, default=-1),
        column(header, DESCRIPTION_HEADERS, default=-1),
    )


def row_entry(text: str, cells: list[tuple[int, int]], header: list[str], scan_cell: Scan) -> Entry:
    """The entry of one body row; `header` holds the header cells' plain text, lower case.

    See `Entry.title` and `Entry.primary` for how a row's title and primary link are chosen.
    """
    venue_col, paper_col, code_col, title_col, description_col = _columns(tuple(header))
    row_start, row_end = cells[0][0], cells[-1][1]
    links: list[Link] = []
    tags: list[Tag] = []
    roles: list[link_roles.Role | None] = []
    scans: list[tuple[InlineScan, list[Link]]] = []
    for index, (a, b) in enumerate(cells):
        scan, cell_links = scan_cell(a, b)
        scans.append((scan, cell_links))
        links.extend(cell_links)
        role = (
            link_roles.Role.CODE
            if index == code_col
            else link_roles.Role.PAPER
            if index == paper_col
            else None
        )
        roles.extend(role for _ in cell_links)
        tags.extend(entry_text.collect_tags(text, cell_links, scan, Span(a, b)))
        if index == venue_col and b > a and not cell_links:
            tags.append(Tag(TagKind.COLUMN, text[a:b], Span(a, b)))
    badges = link_roles.badge_indexes(links)
    if title_col == -1:
        title_col = title_column(text, cells, [links for _, links in scans], venue_col)
    title_span: Span | None = None
    if 0 <= title_col < len(cells):
        a, b = cells[title_col]
        scan, cell_links = scans[title_col]
        title_span = find_title(text, Span(a, b), cell_links, scan.brackets, cell=True)
    description_cell = Span(*cells[description_col]) if 0 <= description_col < len(cells) else None
    tags.sort(key=lambda tag: tag.span.start)
    return Entry(
        kind=EntryKind.TABLE_ROW,
        span=Span(row_start, row_end),
        content_span=Span(row_start, row_end),
        depth=0,
        marker="|",
        links=tuple(links),
        tags=tuple(tags),
        title=entry_text.plain(text[title_span.start : title_span.end])
        if title_span is not None
        else "",
        title_span=title_span,
        description_cell=description_cell,
        primary=link_roles.choose_primary(links, badges, title_span, roles),
        badges=tuple(links[i] for i in sorted(badges)),
    )
