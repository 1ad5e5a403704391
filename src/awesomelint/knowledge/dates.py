"""When an entry says its paper appeared: a written date, its arXiv identifier, a year tag."""

from __future__ import annotations

import dataclasses as dc
import re

from awesomelint.document.model import Document, Entry
from awesomelint.knowledge.urls import arxiv_from_url

FIRST_YEAR = 1990
"""arXiv opened in 1991; earlier "years" in a list are more likely numbers than dates."""

# 2023.05, 2023-05-17, 2023/5, [2024/06/07]: a four-digit year and a month, not inside a
# longer number (an arXiv id such as 2305.12345 has no separator a date would have).
_WRITTEN_DATE = re.compile(
    r"(?<![\w./-])(?P<year>(?:19|20)\d\d)[./-](?P<month>0?[1-9]|1[0-2])"
    r"(?:[./-](?P<day>0?[1-9]|[12]\d|3[01]))?(?![\w/-]|\.\d)"
)
_YEAR = re.compile(r"(?<![\w.])(?:(?P<full>(?:19|20)\d\d)|['\u2019](?P<short>\d\d))(?![\w.])")


@dc.dataclass(frozen=True, slots=True, order=True)
class Month:
    """A calendar month."""

    year: int
    month: int | None = None
    """None when only the year is known."""


def _prose(doc: Document, entry: Entry) -> str:
    """The entry's own text with its link targets blanked: dates in URLs are not its date."""
    start, end = entry.content_span.start, entry.content_span.end
    text = doc.text
    pieces: list[str] = []
    pos = start
    for a, b in sorted(
        (max(link.url_span.start, start), min(link.url_span.end, end)) for link in entry.links
    ):
        if b <= max(a, pos):
            continue
        if a > pos:
            pieces.append(text[pos:a])
        pieces.append(" " * (b - max(a, pos)))
        pos = b
    pieces.append(text[pos:end])
    return "".join(pieces)


def written_date(doc: Document, entry: Entry) -> Month | None:
    """The first date written in the entry's text (a date column, a `[2024/06/07]` label)."""
    if entry.content_span.end - entry.content_span.start > 4000:
        return None  # not an entry a date order is read from
    own = doc.text[entry.content_span.start : entry.content_span.end]
    # Blanking link targets only takes matches away: a target is fenced by `(`, `<`, `"`,
    # `>` or a space, never by a date's digits; so most entries need no blanking at all.
    if _WRITTEN_DATE.search(own) is None:
        return None
    m = _WRITTEN_DATE.search(_prose(doc, entry))
    if m is None or int(m["year"]) < FIRST_YEAR:
        return None
    return Month(int(m["year"]), int(m["month"]))


def arxiv_month(entry: Entry) -> Month | None:
    """The month of the entry's first arXiv link: new-style ids start with YYMM."""
    for link in entry.links:
        arxiv = arxiv_from_url(link.url.strip())
        if arxiv is not None and arxiv.yymm.isdigit() and len(arxiv.yymm) == 4:
            year, month = int(arxiv.yymm[:2]), int(arxiv.yymm[2:])
            if 1 <= month <= 12:
                return Month(year + (1900 if year >= 91 else 2000), month)
    return None


def tag_year(entry: Entry) -> Month | None:
    """The year of the entry's first tag that has one (`[NeurIPS 2023]`, `(ICLR'24)`)."""
    for tag in entry.tags:
        m = _YEAR.search(tag.value)
        if m is None:
            continue
        if m["full"]:
            year = int(m["full"])
        else:
            short = int(m["short"])
            year = short + (2000 if short < FIRST_YEAR % 100 else 1900)
        if year >= FIRST_YEAR:
            return Month(year)
    return None
