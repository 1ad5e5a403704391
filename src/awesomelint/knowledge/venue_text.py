"""A venue mention: where a list wrote a venue, and what it says (pure)."""

from __future__ import annotations

import dataclasses as dc
import enum

from awesomelint.knowledge.venues import VenueTag


class MentionKind(enum.Enum):
    LINK = "link"  # [[ICLR 2024]](url)
    BRACKET = "bracket"  # [ICLR 2024]
    PAREN = "paren"  # (ICLR'24), in a title, after a link or in a description
    COLUMN = "column"  # a table's venue column
    TEXT = "text"  # running text: "*Authors.* ACL'23 Findings", "ICML 2019."
    BADGE = "badge"  # img.shields.io/badge/Conference-ICLR'24-blue


@dc.dataclass(frozen=True, slots=True)
class Mention:
    """A venue named in an entry's text, and where."""

    kind: MentionKind
    start: int
    """Offset of the mention's first character in `Document.text`."""
    parsed: VenueTag
    """The mention read as a venue tag; a badge's `_` are read as spaces."""

    @property
    def value(self) -> str:
        return self.parsed.value

    @property
    def end(self) -> int:
        return self.start + len(self.parsed.value)

    @property
    def in_badge(self) -> bool:
        return self.kind is MentionKind.BADGE
