"""Venues written in static badges: `img.shields.io/badge/Conference-ICLR'24-blue` (pure).

Only badges whose address maps one to one onto their text are read: no `%` escapes and no
doubled `--` or `__`, so that a `_` is a space and an edit in the text is an edit in the URL.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.document.model import Document
from awesomelint.knowledge.venue_text import Mention, MentionKind
from awesomelint.knowledge.venues import VenueTable, parse_tag

_STATIC_BADGE = re.compile(r"https?://(?:img\.)?shields\.io/badge/(?P<body>[^/?#\s]+)")


def badge_mentions(doc: Document, table: VenueTable) -> Iterator[Mention]:
    for link in doc.links:
        match = _STATIC_BADGE.match(link.url)
        if match is None:
            continue
        body = match.group("body")
        if "%" in body or "--" in body or "__" in body:
            continue
        base = link.url_span.start + match.start("body")
        if doc.text[base : base + len(body)] != body:
            continue
        parts = body.split("-")
        offset = 0
        for index, part in enumerate(parts):
            if index < len(parts) - 1 or len(parts) == 1:
                parsed = parse_tag(part.replace("_", " "), table) if part else None
                # `arXiv-2503.17407-b31b1b` names the paper's identifier, not a venue.
                if parsed is not None and not parsed.is_arxiv:
                    yield Mention(MentionKind.BADGE, base + offset, parsed)
            offset += len(part) + 1
