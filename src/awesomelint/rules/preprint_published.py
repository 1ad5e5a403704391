"""VEN003 preprint-published: an entry listed as a preprint whose paper has since appeared.

Why: paper lists go stale. A paper added as `[arXiv 2023]` is accepted at ICLR 2024, and the
list still says arXiv: readers skip it as unreviewed, and the venue they would cite is missing.
An entry counts as a preprint when its venue tags are all arXiv tags (`[arXiv 2023]`,
`[arxiv 2303]`, `(arXiv'23)`, a venue column's `arXiv`), or when it has none at all in a
list that tags most of its entries.

Bad:
    - **A Paper** [arXiv 2023] [paper](https://arxiv.org/abs/2106.15928) - published since

Good:
    - **A Paper** [ICLR 2024] [paper](https://arxiv.org/abs/2106.15928) - published since

Where a paper appeared comes from the arXiv record's `journal_ref` (in the answer the arXiv
rules already fetch), and otherwise from Semantic Scholar's batch look-up by arXiv id, which
takes up to 500 ids in one request. OpenAlex was not chosen because it has no filter by arXiv
id (only by arXiv DOI, which names the preprint record, not the published one), nor DBLP
because it has no batch look-up by arXiv id (one search per paper). Only entries listed as
preprints are looked up, ids whose `journal_ref` already answers are not, and answers are
cached. The venue is mapped through the venue table to its canonical name; a workshop paper
is not published at the main conference, a preprint server (arXiv, CoRR) is no publication,
and a venue the table does not know is reported as the service wrote it.

Fix: unsafe; the arXiv tag is rewritten in its own style (`[arXiv 2023]` -> `[ICLR 2024]`,
`(arXiv'23)` -> `(ICLR'24)`, a venue column's `arXiv` -> `ICLR`); the arXiv link stays as it
is. No fix for an entry with no tag, for a venue not in the table, or without a year.

Options: none. Severity info: it is news, not a defect. Needs the network; skipped with
`--offline`; a paper that could not be looked up is not reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from awesomelint.diagnostics import Applicability, Edit, Finding, Fix, Severity
from awesomelint.document.model import Document, Span
from awesomelint.knowledge.preprints import (
    PreprintEntry,
    Published,
    preprint_entries,
    read_journal_ref,
    read_venue,
)
from awesomelint.knowledge.venues import VenueTable, default_table
from awesomelint.rules._base import Context, NoOptions, Rule
from awesomelint.rules._net import net_facts

if TYPE_CHECKING:
    from awesomelint.net import NetFacts


def _published(arxiv_id: str, facts: NetFacts, table: VenueTable) -> tuple[Published, str] | None:
    record = facts.arxiv.get(arxiv_id)
    if record is not None and record.journal_ref:
        found = read_journal_ref(record.journal_ref, table)
        return (found, "its arXiv journal reference") if found else None
    venue = facts.venues.get(arxiv_id)
    if venue is None:
        return None
    found = read_venue(venue.names, venue.year, table)
    return (found, venue.source or "the metadata service") if found else None


def _replacement(doc: Document, item: PreprintEntry, published: Published) -> Edit | None:
    """The arXiv tag rewritten in its own style, or None when that cannot be done safely."""
    tag, parsed = item.tag, item.parsed
    if tag is None or parsed is None or published.venue is None:
        return None
    if parsed.prefix or parsed.qualifiers or parsed.parent is not None:
        return None
    if doc.text[tag.span.start : tag.span.end] != tag.value:
        return None
    start, end = parsed.venue.start, parsed.venue.end
    text = published.venue.canonical
    year = parsed.year
    if year is not None:
        if published.year is None:
            return None
        end = year.end
        if year.kind == "short_year":  # (arXiv'23) -> (ICLR'24)
            text += f"{year.text[0]}{published.year % 100:02d}"
        else:  # a year, a YYMM or an arXiv id -> the year
            text += f" {published.year}"
    text += " Findings" if published.findings else ""
    return Edit(tag.span.start + start, tag.span.start + end, text)


def check(doc: Document, ctx: Context[NoOptions]) -> Iterator[Finding]:
    facts = net_facts(ctx)
    if facts is None:
        return
    table = default_table()
    for item in preprint_entries(doc, table):
        found = _published(item.arxiv_id, facts, table)
        if found is None:
            continue
        published, source = found
        edit = _replacement(doc, item, published)
        fix = Fix((edit,), Applicability.UNSAFE) if edit else None
        if item.tag is not None:
            span = item.tag.span
            listed = f"listed as {item.tag.value}"
        else:
            entry = item.entry
            span = entry.title_span or (entry.links[0].span if entry.links else entry.span)
            listed = "listed without a venue"
        where = published.label
        if published.venue is None:
            where = f'"{where}" (not in the venue table)'
        message = f"arXiv {item.arxiv_id} has since appeared at {where}, per {source}; {listed}"
        yield ctx.finding(Span(span.start, span.end), message, fix=fix)


RULE = Rule(
    code="VEN003",
    name="preprint-published",
    summary="An entry listed as a preprint has since been published at a venue",
    check=check,
    doc=__doc__ or "",
    default_severity=Severity.INFO,
    fixable=True,
    needs_network=True,
)
