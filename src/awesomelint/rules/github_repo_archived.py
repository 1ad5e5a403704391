"""NET006 github-repo-archived: a GitHub link to an archived (read-only) repository.

Why: an archived repository still works, but nobody maintains it any more. That is worth
knowing about code you are pointed to, and worth a look from the list's maintainers: there
may be a maintained successor.

Bad:
    - [Paper](https://arxiv.org/abs/2009.11462) [[code]](https://github.com/someone/archived-repo)

Good:
    - [Paper](https://arxiv.org/abs/2009.11462) [[code]](https://github.com/someone/active-repo)

Fix: none. This is information, not an error: it does not fail the run.

Options: none. Needs the network; skipped with `--offline`.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.diagnostics import Finding, Severity
from awesomelint.document.model import Document
from awesomelint.rules._base import Context, NoOptions, Rule
from awesomelint.rules._net import github_links, net_facts


def check(doc: Document, ctx: Context[NoOptions]) -> Iterator[Finding]:
    facts = net_facts(ctx)
    if facts is None:
        return
    from awesomelint.net import RepoStatus

    for link, _repo, record in github_links(doc, facts):
        if not record.archived:
            continue
        if record.status in {RepoStatus.OK, RepoStatus.MOVED}:
            yield ctx.finding(link.url_span, f"GitHub repository {record.full_name} is archived")


RULE = Rule(
    code="NET006",
    name="github-repo-archived",
    summary="A GitHub link points to an archived repository",
    check=check,
    doc=__doc__ or "",
    default_severity=Severity.INFO,
    needs_network=True,
)
