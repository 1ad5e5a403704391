"""What the network rules share: their facts, and each link paired with its record."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from awesomelint.document.model import Document, Link
from awesomelint.knowledge.urls import ArxivId, GitHubRepo, arxiv_from_url, github_from_url
from awesomelint.rules._base import Context

if TYPE_CHECKING:  # an offline run never imports the network layer's types
    from awesomelint.net import ArxivRecord, GitHubRecord, NetFacts


def net_facts(ctx: Context[Any]) -> NetFacts | None:
    """The gathered facts; None when offline, so the rule reports nothing."""
    facts = ctx.facts.get("net")
    if facts is None:
        return None
    from awesomelint.net import NetFacts

    return facts if isinstance(facts, NetFacts) else None


def arxiv_links(doc: Document, facts: NetFacts) -> Iterator[tuple[Link, ArxivId, ArxivRecord]]:
    for link in doc.links:
        arxiv = arxiv_from_url(link.url.strip())
        record = facts.arxiv.get(arxiv.id) if arxiv else None
        if arxiv is not None and record is not None:
            yield link, arxiv, record


def github_links(doc: Document, facts: NetFacts) -> Iterator[tuple[Link, GitHubRepo, GitHubRecord]]:
    for link in doc.links:
        repo = github_from_url(link.url.strip())
        record = facts.github.get(repo.key) if repo else None
        if repo is not None and record is not None:
            yield link, repo, record
