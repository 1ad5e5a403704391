"""DUP002 inconsistent-duplicate: copies of one paper disagree on its title or venue.

Why: when a paper is listed twice (on purpose, under two topics, or in two files) and the
copies give different titles or venue tags, at least one of them is stale or wrong, and the
reader cannot tell which. Copies are found as by duplicate-entry (DUP001): the same paper
links, else the same primary link, else the same title for entries without links.

Titles are compared as plain text, casefolded, with punctuation and spacing ignored. A title
is the text that names the work (see "How a list is read" in the README): never a badge's
text (`Star`) nor a generic link text (`Paper`, `[code]`), so a copy titled only by such links
has no title to compare. Venue
tags are the labels that carry a year (`[[ICLR 2024]]`, `[NeurIPS 2023]`, `(ICLR'23)`,
`[[arxiv 2303]]`) and the venue column of a table; they are compared only when both copies
have some. A title that contains the other one whole (`ROME: Locating and Editing ...` and
`Locating and Editing ...`) counts as the same.

Bad:
    ## Arithmetic
    * **Progress measures for grokking** [[ICLR 2023]](https://openreview.net/forum?id=9XFSbDPmdW)
    ## Grokking
    * **Progress measures for grokking** [[arxiv 2301]](https://openreview.net/forum?id=9XFSbDPmdW)

Good:
    ## Arithmetic
    * **Progress measures for grokking** [[ICLR 2023]](https://openreview.net/forum?id=9XFSbDPmdW)
    ## Grokking
    * **Progress measures for grokking** [[ICLR 2023]](https://openreview.net/forum?id=9XFSbDPmdW)

Fix: none; only the author knows which copy is right.

Options: `across-files` (default false): also compare copies in different files of one run.
Lists written by different people title and tag papers in their own style, so this is off.
"""

from __future__ import annotations

import dataclasses as dc
import re
from collections.abc import Iterator, Sequence

from awesomelint.diagnostics import Finding, Severity
from awesomelint.document.entry_text import plain
from awesomelint.document.model import Tag, TagKind
from awesomelint.knowledge.paper_identity import (
    Occurrence,
    closest,
    earlier_matches,
    normalize_title,
)
from awesomelint.rules._base import Context, Rule

_YEAR = re.compile(r"(?<!\d)(?:\d{4}|'\d{2})(?!\d)")


@dc.dataclass(frozen=True, slots=True)
class Options:
    across_files: bool = False


def _is_venue(tag: Tag) -> bool:
    value = plain(tag.value)
    has_year = _YEAR.search(value) is not None and any(ch.isalpha() for ch in value)
    return tag.kind is TagKind.COLUMN or has_year


def _venues(occ: Occurrence) -> list[Tag]:
    return [tag for tag in occ.entry.tags if _is_venue(tag) and tag.value.strip()]


def _venue_set(tags: Sequence[Tag]) -> frozenset[str]:
    return frozenset(normalize_title(tag.value) for tag in tags)


def _shown(tags: Sequence[Tag]) -> str:
    return ", ".join(plain(tag.value) for tag in tags)


def _same_title(one: str, other: str) -> bool:
    return f" {one} " in f" {other} " or f" {other} " in f" {one} "


def _title_finding(ctx: Context[Options], occ: Occurrence, first: Occurrence) -> Finding | None:
    here, there = occ.entry.title, first.entry.title
    if not here or not there or _same_title(normalize_title(here), normalize_title(there)):
        return None
    span = occ.entry.title_span or occ.entry.span
    return ctx.finding(
        span,
        f"title differs from the copy at {first.where}: {here!r} here, {there!r} there",
        document=occ.doc,
    )


def _venue_finding(ctx: Context[Options], occ: Occurrence, first: Occurrence) -> Finding | None:
    here, there = _venues(occ), _venues(first)
    if not here or not there or _venue_set(here) == _venue_set(there):
        return None
    return ctx.finding(
        here[0].span,
        f"venue differs from the copy at {first.where}: "
        f"{_shown(here)!r} here, {_shown(there)!r} there",
        document=occ.doc,
    )


def check(contexts: Sequence[Context[Options]]) -> Iterator[Finding]:
    if not contexts:
        return
    ctx = contexts[0]
    for occ, earlier in earlier_matches([c.document for c in contexts]):
        first = closest(occ, earlier)
        if first.doc is not occ.doc and not ctx.options.across_files:
            continue
        for finding in (_title_finding(ctx, occ, first), _venue_finding(ctx, occ, first)):
            if finding is not None:
                yield finding


RULE = Rule(
    code="DUP002",
    name="inconsistent-duplicate",
    summary="Copies of the same paper give different titles or venue tags",
    check=check,
    doc=__doc__ or "",
    default_severity=Severity.WARNING,
    options=Options,
    scope="project",
)
