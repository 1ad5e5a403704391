"""NET007 broken-link: a link whose server says the page does not exist (404 or 410).

Why: dead links are the commonest defect in curated lists, and the hardest to notice by
reading. Only a definite "not found" (404) or "gone" (410) counts, after a GET where the
HEAD answer was not a success. Rate limits, server errors, timeouts and unreachable hosts are
never reported as broken: they are counted as unchecked in the summary.

Bad:
    - [Project page](https://example.org/a-page-that-was-removed)

Good:
    - [Project page](https://example.org/the-page-now)

Fix: none; find the new address (the Wayback Machine often has the old page), or drop it.

Options: none. Needs the network; skipped with `--offline`. arXiv and GitHub links are checked
through their APIs instead (arxiv-not-found, github-repo-not-found).
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.diagnostics import Finding
from awesomelint.document.model import Document
from awesomelint.rules._base import Context, NoOptions, Rule
from awesomelint.rules._net import net_facts


def check(doc: Document, ctx: Context[NoOptions]) -> Iterator[Finding]:
    facts = net_facts(ctx)
    if facts is None:
        return
    from awesomelint.net import LinkState

    for link in doc.links:
        status = facts.links.get(link.url.strip())
        if status is not None and status.state is LinkState.BROKEN:
            yield ctx.finding(link.url_span, f"link is broken ({status.reason})")


RULE = Rule(
    code="NET007",
    name="broken-link",
    summary="A link's server answers 404 Not Found or 410 Gone",
    check=check,
    doc=__doc__ or "",
    needs_network=True,
)
