"""NET005 github-repo-moved: a GitHub link to a repository that was renamed or transferred.

Why: GitHub redirects the old address for now, but the redirect breaks as soon as someone
creates a repository under the old name; then the link silently shows a different project.

Bad:
    - [TransformerLens](https://github.com/neelnanda-io/TransformerLens)

Good:
    - [TransformerLens](https://github.com/TransformerLensOrg/TransformerLens)

Fix: unsafe (it comes from the network): the owner/name part of the URL is rewritten to the
repository's current one; the rest of the URL (`/blob/main/...`, `#readme`) is kept.

Options: none. Needs the network; skipped with `--offline`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.diagnostics import Applicability, Edit, Finding, Fix, Severity
from awesomelint.document.model import Document, Link, LinkKind
from awesomelint.knowledge.urls import GitHubRepo
from awesomelint.rules._base import Context, NoOptions, Rule
from awesomelint.rules._net import github_links, net_facts

_PREFIX = re.compile(r"[A-Za-z]+://(?:www\.)?github\.com/", re.IGNORECASE)


def _moved_url(url: str, repo: GitHubRepo, full_name: str) -> str | None:
    prefix = _PREFIX.match(url)
    old = f"{repo.owner}/{repo.repo}"
    if prefix is None or not url.startswith(old, prefix.end()):
        return None
    rest = url[prefix.end() + len(old) :]
    return url[: prefix.end()] + full_name + rest


def _fix(doc: Document, link: Link, new_url: str | None) -> Fix | None:
    span = link.url_span
    if new_url is None or doc.text[span.start : span.end] != link.url:
        return None
    # Every link that shares the destination (a reference definition's uses) changes with it,
    # and a definition's destination counts as a link of its own.
    users = sum(1 for other in doc.links if other.url_span == span)
    count = users + (link.kind is LinkKind.REFERENCE)
    return Fix(
        (Edit(span.start, span.end, new_url),),
        applicability=Applicability.UNSAFE,
        link_changes=((link.url, new_url),) * count,
    )


def check(doc: Document, ctx: Context[NoOptions]) -> Iterator[Finding]:
    facts = net_facts(ctx)
    if facts is None:
        return
    from awesomelint.net import RepoStatus

    for link, repo, record in github_links(doc, facts):
        if record.status is not RepoStatus.MOVED:
            continue
        new_url = _moved_url(link.url, repo, record.full_name)
        yield ctx.finding(
            link.url_span,
            f"GitHub repository {repo.owner}/{repo.repo} moved to {record.full_name}",
            fix=_fix(doc, link, new_url),
        )


RULE = Rule(
    code="NET005",
    name="github-repo-moved",
    summary="A GitHub link points to a repository's old name; it was renamed or transferred",
    check=check,
    doc=__doc__ or "",
    default_severity=Severity.WARNING,
    fixable=True,
    needs_network=True,
)
