"""ARX001 invalid-arxiv-id: an arXiv identifier that cannot exist.

Why: arXiv identifiers follow a strict grammar: `YYMM.NNNN` up to 1412, `YYMM.NNNNN` from
1501, a month from 01 to 12, never a month still to come, and old-style ids only under a known
archive (`hep-th/9901001`). An id outside it is a typo, and the link leads to an error page
or, worse, to some other paper.

Bad:
    - [Paper](https://arxiv.org/abs/2313.01234) - month 13
    - [Paper](https://arxiv.org/abs/2103.1234) - 4 digits after 1412
    - Paper, arXiv:1409.01234 - 5 digits before 1501

Good:
    - [Paper](https://arxiv.org/abs/2103.01234)
    - Paper, arXiv:1409.0123

Fix: none; the right identifier has to be looked up.

Options:
    today: the date ("2025-01-31") that "in the future" is judged against; default: today.
"""

from __future__ import annotations

import dataclasses as dc
import datetime
import re
from collections.abc import Iterator

from awesomelint.diagnostics import Finding
from awesomelint.document.model import Document, Link, Span
from awesomelint.knowledge import urls
from awesomelint.knowledge.arxiv_ids import find_cited_arxiv_ids
from awesomelint.rules._base import Context, Rule

# Bare URLs in prose: an `arXiv:` inside one is part of an address, not a citation.
_BARE_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S+")


@dc.dataclass(frozen=True, slots=True)
class Options:
    """The rule's settings (see the module documentation)."""

    today: str | None = None
    """ISO date used as "now" for the future-month check; None means the current date."""


def _today(options: Options) -> datetime.date:
    if options.today is None:
        return datetime.date.today()
    return datetime.date.fromisoformat(options.today)


def _id_span(doc: Document, link: Link, arxiv: urls.ArxivId) -> Span:
    """Where the id sits inside the link's destination (the whole destination if not found)."""
    start, end = link.url_span.start, link.url_span.end
    written = doc.text[start:end]
    at = written.find(arxiv.id)
    if at != -1:
        return Span(start + at, start + at + len(arxiv.id))
    # An old-style id written with its subject class: "cs.XX/0101001" for "cs/0101001".
    number = "/" + arxiv.id.rpartition("/")[2]
    at = written.find(number)
    if arxiv.old_style and at != -1:
        segment = written.rfind("/", 0, at) + 1
        return Span(start + segment, start + at + len(number))
    return link.url_span


def _link_findings(doc: Document, ctx: Context[Options], today: datetime.date) -> Iterator[Finding]:
    seen: set[Span] = set()
    for link in doc.links:
        arxiv = urls.arxiv_from_url(link.url)
        if arxiv is None or link.url_span in seen:
            continue
        seen.add(link.url_span)
        problem = urls.arxiv_id_problem(arxiv, today)
        if problem is not None:
            yield ctx.finding(
                _id_span(doc, link, arxiv), f"arXiv id {arxiv.id} cannot exist: {problem}"
            )


def _excluded(doc: Document) -> list[Span]:
    """Code, link destinations, bare URLs, and the text of links that give the id already."""
    spans = [*doc.code_spans]
    for link in doc.links:
        spans.append(link.url_span)
        if urls.arxiv_from_url(link.url) is not None:
            spans.append(link.text_span)
    spans.extend(Span(*m.span()) for m in _BARE_URL.finditer(doc.text))
    return spans


def _text_findings(doc: Document, ctx: Context[Options], today: datetime.date) -> Iterator[Finding]:
    excluded: list[Span] | None = None  # made when first needed: most lists cite no ids
    # Only cited ids ("arXiv:2303.08112"): a bare dotted number may be anything.
    for start, end, written in find_cited_arxiv_ids(doc.text):
        if not written.lower().startswith("arxiv:"):
            continue
        if excluded is None:
            excluded = _excluded(doc)
        if any(span.start < end and start < span.end for span in excluded):
            continue
        arxiv = urls.parse_arxiv_id_loose(written)
        problem = urls.arxiv_id_problem(arxiv, today) if arxiv else None
        if arxiv is not None and problem is not None:
            id_start = end - len(written.partition(":")[2].lstrip())
            message = f"arXiv id {arxiv.id} cannot exist: {problem}"
            yield ctx.finding(Span(id_start, end), message)


def check(doc: Document, ctx: Context[Options]) -> Iterator[Finding]:
    today = _today(ctx.options)
    yield from _link_findings(doc, ctx, today)
    yield from _text_findings(doc, ctx, today)


RULE = Rule(
    code="ARX001",
    name="invalid-arxiv-id",
    summary="An arXiv identifier in a link or citation cannot exist",
    check=check,
    doc=__doc__ or "",
    options=Options,
)
