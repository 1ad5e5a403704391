"""Sections as the parser gathers them: a heading, its entries, its subsections."""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Sequence

from awesomelint.document.model import Entry, Section, Span


@dc.dataclass(slots=True)
class SectionBuilder:
    """A section while its entries and subsections are still being read."""

    title: str
    level: int
    heading_span: Span | None
    start: int
    entries: list[Entry] = dc.field(default_factory=list)
    children: list[SectionBuilder] = dc.field(default_factory=list)
    end: int = 0

    def build(self) -> Section:
        entries = tuple(self.entries)
        return Section(
            title=self.title,
            level=self.level,
            heading_span=self.heading_span,
            span=Span(self.start, self.end),
            entries=entries,
            subsections=tuple(child.build() for child in self.children),
            is_toc=_is_toc(entries),
        )


def _is_toc(entries: Sequence[Entry]) -> bool:
    items = [item for entry in entries for item in entry.walk()]
    return bool(items) and all(
        item.primary is not None and item.primary.url.startswith("#") for item in items
    )
