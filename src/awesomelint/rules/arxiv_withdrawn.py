"""NET002 arxiv-withdrawn: an arXiv link to a paper its authors withdrew.

Why: a withdrawn paper's latest version has no PDF, only the withdrawal notice; readers of a
curated list deserve to know before they click. Earlier versions stay readable, so the entry
may still be wanted, but it should say so.

Bad:
    - [Some result](https://arxiv.org/abs/1234.56789) - withdrawn by its authors in v2

Good:
    - [Some result](https://arxiv.org/abs/1234.56789v1) (withdrawn in v2; v1 kept for history)

Fix: none; whether to keep, pin or drop the entry is the maintainers' call.

Options: none. Needs the network; skipped with `--offline`. A link pinned to a version
before the withdrawal (`v1`) is not reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.diagnostics import Finding, Severity
from awesomelint.document.model import Document
from awesomelint.rules._base import Context, NoOptions, Rule
from awesomelint.rules._net import arxiv_links, net_facts

_MAX_COMMENT = 80


def check(doc: Document, ctx: Context[NoOptions]) -> Iterator[Finding]:
    facts = net_facts(ctx)
    if facts is None:
        return
    for link, arxiv, record in arxiv_links(doc, facts):
        if not record.withdrawn:
            continue
        if arxiv.version is not None and record.version and arxiv.version < record.version:
            continue
        comment = record.comment
        if len(comment) > _MAX_COMMENT:
            comment = comment[: _MAX_COMMENT - 1].rstrip() + "\u2026"
        version = f" in v{record.version}" if record.version else ""
        detail = f": {comment}" if comment else ""
        yield ctx.finding(link.url_span, f"arXiv {record.id} was withdrawn{version}{detail}")


RULE = Rule(
    code="NET002",
    name="arxiv-withdrawn",
    summary="An arXiv link points to a withdrawn paper",
    check=check,
    doc=__doc__ or "",
    default_severity=Severity.WARNING,
    needs_network=True,
)
