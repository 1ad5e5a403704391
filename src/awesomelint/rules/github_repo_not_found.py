"""NET004 github-repo-not-found: a GitHub link to a repository that is gone.

Why: code links rot: repositories are deleted, made private, or taken down. GitHub answers
404 for both deleted and private repositories, so the message says "deleted or private".

Bad:
    - [Paper](https://arxiv.org/abs/1706.03762) [[code]](https://github.com/someone/deleted-repo)

Good:
    - [Paper](https://arxiv.org/abs/1706.03762) [[code]](https://github.com/tensorflow/tensor2tensor)

Fix: none; find where the code went, or drop the link.

Options: none. Needs the network; skipped with `--offline`. Links into a repository (files,
issues) are reported when the repository itself is gone.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.diagnostics import Finding
from awesomelint.document.model import Document
from awesomelint.rules._base import Context, NoOptions, Rule
from awesomelint.rules._net import github_links, net_facts

_MESSAGES = {
    "NOT_FOUND": "GitHub repository {} not found (deleted or private)",
    "BLOCKED": "GitHub repository {} is blocked (HTTP 451)",
}
"""By `RepoStatus` name: an offline run never imports the network layer."""


def check(doc: Document, ctx: Context[NoOptions]) -> Iterator[Finding]:
    facts = net_facts(ctx)
    if facts is None:
        return
    for link, repo, record in github_links(doc, facts):
        message = _MESSAGES.get(record.status.name)
        if message is None:
            continue
        yield ctx.finding(link.url_span, message.format(f"{repo.owner}/{repo.repo}"))


RULE = Rule(
    code="NET004",
    name="github-repo-not-found",
    summary="A GitHub link points to a repository that does not exist (or is private)",
    check=check,
    doc=__doc__ or "",
    needs_network=True,
)
