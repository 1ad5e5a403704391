"""NET001 arxiv-not-found: an arXiv link to a paper the arXiv API does not know.

Why: a well-formed identifier can still be wrong: a digit swapped, a number that was never
assigned. The link then opens arXiv's "Article identifier not recognized" page. The arXiv
API is asked twice, a while apart, before an id is reported, because it sometimes answers
with an empty page by accident.

Bad:
    - [Attention Is All You Need](https://arxiv.org/abs/1706.93762)

Good:
    - [Attention Is All You Need](https://arxiv.org/abs/1706.03762)

Fix: none; the right identifier has to be looked up.

Options: none. Needs the network; skipped with `--offline`.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.diagnostics import Finding
from awesomelint.document.model import Document
from awesomelint.rules._base import Context, NoOptions, Rule
from awesomelint.rules._net import arxiv_links, net_facts


def check(doc: Document, ctx: Context[NoOptions]) -> Iterator[Finding]:
    facts = net_facts(ctx)
    if facts is None:
        return
    for link, _arxiv, record in arxiv_links(doc, facts):
        if record.found:
            continue
        why = f" ({record.reason})" if record.reason else ""
        yield ctx.finding(link.url_span, f"arXiv has no paper {record.id}{why}")


RULE = Rule(
    code="NET001",
    name="arxiv-not-found",
    summary="An arXiv link points to an id the arXiv API does not know",
    check=check,
    doc=__doc__ or "",
    needs_network=True,
)
