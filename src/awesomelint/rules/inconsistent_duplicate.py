"""DUP002 inconsistent-duplicate: copies of one paper disagree on its title or venue.

Why: when a paper is listed twice (on purpose, under two topics, or in two files) and the
copies give different titles or venue tags, at least one of them is stale or wrong, and the
reader cannot tell which. Copies are found as by duplicate-entry (DUP001): the same paper
links, else the same primary link, else the same title for entries without links.

Titles are compared as plain text, casefolded, with punctuation and spacing ignored. A title
is the text that names the work (see "How a list is read" in the README): never a badge's
text (`Star`) nor a generic link text (`Paper`, `[code]`), so a copy titled only by such links
has no title to compare. A title that contains the other one whole (`ROME: Locating and
Editing ...` and `Locating and Editing ...`) counts as the same. Two findings:

- a copy whose title mostly agrees with another but differs (an edited or stale title);
- two entries that carry one paper link (arXiv, DOI, OpenReview, ...) under clearly different
  full titles: two papers, one of whose links is likely wrong. A short name (at most three
  words: `AS-1B`, `LAMM-Benchmark`) against a paper's title is not one: a dataset or a model
  row that links the paper it comes from is normal;
- two entries that link one particular page (`/blog/getting-started`) under different titles.
  Entries that only share a homepage, an organisation or hub page, or a repository are
  different works and are not compared.

A title is not reported when any earlier copy has the same title. News feeds and tables of
contents are not compared (see duplicate-entry). Venue tags are the labels that carry a year
(`[[ICLR 2024]]`, `[NeurIPS 2023]`, `(ICLR'23)`, `[[arxiv 2303]]`) and the venue column of a
table; they are compared between copies whose titles agree, only when both have some.

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
from awesomelint.document.model import Document, Tag, TagKind
from awesomelint.knowledge.paper_identity import (
    Occurrence,
    closest,
    earlier_matches,
    occurrences,
    same_entry,
)
from awesomelint.knowledge.paper_titles import (
    TitleRelation,
    is_short_name,
    normalize_title,
    title_relation,
)
from awesomelint.rules._base import Context, Rule

_YEAR = re.compile(r"(?<!\d)(?:\d{4}|'\d{2})(?!\d)")


@dc.dataclass(frozen=True, slots=True)
class Options:
    """The rule's settings (see the module documentation)."""

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


def _quoted(occ: Occurrence, first: Occurrence) -> str:
    return f"{occ.entry.title!r} here, {first.entry.title!r} there"


def _title_finding(
    ctx: Context[Options], occ: Occurrence, earlier: Sequence[Occurrence]
) -> Finding | None:
    here = occ.entry.title
    relations = [(other, title_relation(here, other.entry.title)) for other in earlier]
    if not here or any(rel is TitleRelation.SAME for _, rel in relations):
        return None
    span = occ.entry.title_span or occ.entry.span
    similar = [other for other, rel in relations if rel is TitleRelation.SIMILAR]
    if similar:
        first = closest(occ, similar)
        return ctx.finding(
            span,
            f"title differs from the copy at {first.where}: {_quoted(occ, first)}",
            document=occ.doc,
        )
    different = [
        other
        for other, rel in relations
        if rel is TitleRelation.DIFFERENT
        and not is_short_name(here)
        and not is_short_name(other.entry.title)
    ]
    papers = [other for other in different if occ.shares_paper(other)]
    if papers:
        first = closest(occ, papers)
        return ctx.finding(
            span,
            f"title differs from the entry at {first.where} that has the same paper link, "
            f"so one of the links is likely wrong: {_quoted(occ, first)}",
            document=occ.doc,
        )
    pages = [other for other in different if occ.shares_page(other)]
    if not pages:
        return None
    first = closest(occ, pages)
    return ctx.finding(
        span,
        f"title differs from the copy at {first.where}: {_quoted(occ, first)}",
        document=occ.doc,
    )


def _venue_finding(
    ctx: Context[Options], occ: Occurrence, earlier: Sequence[Occurrence]
) -> Finding | None:
    copies = [other for other in earlier if same_entry(occ, other)]
    if not copies:
        return None
    first = closest(occ, copies)
    here, there = _venues(occ), _venues(first)
    if not here or not there or _venue_set(here) == _venue_set(there):
        return None
    return ctx.finding(
        here[0].span,
        f"venue differs from the copy at {first.where}: "
        f"{_shown(here)!r} here, {_shown(there)!r} there",
        document=occ.doc,
    )


def _place(occ: Occurrence) -> tuple[int, int]:
    return id(occ.doc), occ.entry.span.start


def _echoed_titles(docs: Sequence[Document], across_files: bool) -> set[tuple[int, int]]:
    """The occurrences whose title an earlier copy of the same paper already has: a later
    copy that agrees with one of them is not reported against another."""
    seen: dict[tuple[object, str], set[str]] = {}
    echoed: set[tuple[int, int]] = set()
    for occ in occurrences(docs):
        title = normalize_title(occ.entry.title) if occ.entry.title else ""
        scope = None if across_files else id(occ.doc)
        marks = [(scope, key) for key in occ.keys]
        if title and any(title in seen.get(mark, ()) for mark in marks):
            echoed.add(_place(occ))
        for mark in marks:
            seen.setdefault(mark, set()).add(title)
    return echoed


def check(contexts: Sequence[Context[Options]]) -> Iterator[Finding]:
    if not contexts:
        return
    ctx = contexts[0]
    docs = [c.document for c in contexts]
    echoed = _echoed_titles(docs, ctx.options.across_files)
    for occ, found in earlier_matches(docs):
        earlier = [o for o in found if o.doc is occ.doc or ctx.options.across_files]
        if not earlier:
            continue
        title = None if _place(occ) in echoed else _title_finding(ctx, occ, earlier)
        for finding in (title, _venue_finding(ctx, occ, earlier)):
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
