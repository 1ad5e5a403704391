"""Venue mentions whose year disagrees with the entry's own evidence (pure).

Proceedings addresses carry the venue and its year: ACL Anthology ids
(`aclanthology.org/2023.findings-emnlp.12`), NeurIPS proceedings
(`proceedings.neurips.cc/paper_files/paper/2022/...`) and the CVF open access pages
(`openaccess.thecvf.com/content/CVPR2023/...`, `content_iccv_2021`). A venue mention in the
same entry (or, outside entries, on the same line) that names that venue with another year
disagrees with its own link. So do two mentions of one venue in one entry with two years.
"""

from __future__ import annotations

import bisect
import dataclasses as dc
import re
from collections.abc import Iterator, Sequence

from awesomelint.document.model import Document, Span
from awesomelint.knowledge.venue_style import FULL_YEAR, year_form
from awesomelint.knowledge.venue_text import Mention
from awesomelint.knowledge.venues import VenueTable

_ANTHOLOGY = re.compile(r"aclanthology\.org/(?P<year>(?:19|20)\d{2})\.(?P<slug>[a-z]+(?:-[a-z]+)?)")
_NEURIPS = re.compile(
    r"(?:proceedings\.neurips\.cc|papers\.nips\.cc)/paper(?:_files/paper)?/(?P<year>(?:19|20)\d{2})/"
)
_CVF = re.compile(
    r"openaccess\.thecvf\.com/content(?:/(?P<a>[A-Za-z]+)(?P<ay>20\d{2})|_(?P<b>[a-z]+)_(?P<by>20\d{2}))"
)

_SIDE_EVENTS = frozenset({"workshop", "tutorial", "demo", "srw"})


@dc.dataclass(frozen=True, slots=True)
class YearConflict:
    """A venue year that disagrees with another year the entry gives."""

    mention: Mention
    year: int
    """The year the mention gives."""
    other: int
    source: str
    """What gives the other year: "its link" or "another mention"."""


def link_venue_year(url: str, table: VenueTable) -> tuple[str, int] | None:
    """(canonical venue, year) a proceedings address names, if any."""
    match = _ANTHOLOGY.search(url)
    if match is not None:
        slug = match.group("slug").removeprefix("findings-").split("-")[0]
        venue = table.lookup(slug)
        return (venue.canonical, int(match.group("year"))) if venue is not None else None
    match = _NEURIPS.search(url)
    if match is not None:
        venue = table.lookup("NeurIPS")
        return (venue.canonical, int(match.group("year"))) if venue is not None else None
    match = _CVF.search(url)
    if match is not None:
        name = match.group("a") or match.group("b") or ""
        year = match.group("ay") or match.group("by") or "0"
        venue = table.lookup(name)
        return (venue.canonical, int(year)) if venue is not None else None
    return None


def mention_year(mention: Mention) -> int | None:
    parsed = mention.parsed
    if parsed.year is None or parsed.is_arxiv:
        return None
    form = year_form(parsed)
    if form is None:
        return None
    digits = parsed.year.text[-2:] if form != FULL_YEAR else parsed.year.text
    return int(digits) + 2000 if len(digits) == 2 else int(digits)


def _units(doc: Document) -> list[Span]:
    """Where a mention's evidence is looked for: each entry's own text, sorted."""
    spans = [entry.content_span for _section, entry in doc.entries() if entry.links]
    spans.sort(key=lambda s: (s.start, -s.end))
    return spans


def _unit_of(doc: Document, units: Sequence[Span], starts: Sequence[int], offset: int) -> Span:
    index = bisect.bisect_right(starts, offset) - 1
    while index >= 0:
        span = units[index]
        if span.start <= offset < span.end:
            return span
        index -= 1
    line = doc.position(offset)[0] - 1
    return Span(doc.lines.line_start(line), doc.lines.line_end(line))


def year_conflicts(
    doc: Document, found: Sequence[Mention], table: VenueTable
) -> Iterator[YearConflict]:
    units = _units(doc)
    starts = [s.start for s in units]
    groups: dict[Span, list[Mention]] = {}
    for mention in found:
        if mention_year(mention) is not None:
            groups.setdefault(_unit_of(doc, units, starts, mention.start), []).append(mention)
    link_starts = [link.span.start for link in doc.links]
    for unit, members in groups.items():
        low = bisect.bisect_left(link_starts, unit.start)
        high = bisect.bisect_left(link_starts, unit.end)
        linked: dict[str, set[int]] = {}
        for link in doc.links[low:high]:
            named = link_venue_year(link.url, table)
            if named is not None:
                linked.setdefault(named[0], set()).add(named[1])
        yield from _conflicts(members, linked)


def _conflicts(members: Sequence[Mention], linked: dict[str, set[int]]) -> Iterator[YearConflict]:
    by_venue: dict[tuple[str, bool], list[tuple[Mention, int]]] = {}
    for mention in members:
        year = mention_year(mention)
        assert year is not None
        # A paper at a venue's workshop one year and at the venue the next is no conflict.
        side = any(q.text.casefold() in _SIDE_EVENTS for q in mention.parsed.qualifiers)
        key = (mention.parsed.venue.venue.canonical, side)
        by_venue.setdefault(key, []).append((mention, year))
    for (venue, _side), dated in by_venue.items():
        years = linked.get(venue, set())
        if len(years) == 1:
            (other,) = years
            for mention, year in dated:
                if year != other:
                    yield YearConflict(mention, year, other, "its link")
            continue
        if years:
            continue
        distinct = {year for _mention, year in dated}
        if len(distinct) == 2 and len(dated) == 2:
            (_first, one), (second, two) = dated
            yield YearConflict(second, two, one, "another mention")
