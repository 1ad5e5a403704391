"""Hand-built network facts for the rule fixtures: `# facts: NAME` in a case picks one."""

from __future__ import annotations

from awesomelint.net import (
    ArxivRecord,
    GitHubRecord,
    LinkState,
    LinkStatus,
    NetFacts,
    RepoStatus,
)

_ARXIV = {
    record.id: record
    for record in (
        ArxivRecord("1706.93762", found=False),
        ArxivRecord("2301.99999", found=False, reason="rejected by the arXiv API"),
        ArxivRecord("1706.03762", found=True, title="Attention Is All You Need", version=7),
        ArxivRecord(
            "1810.04805",
            found=True,
            title="BERT: Pre-training of Deep Bidirectional Transformers for Language "
            "Understanding",
            version=2,
        ),
        ArxivRecord(
            "2005.14165", found=True, title="Language Models are Few-Shot Learners", version=4
        ),
        ArxivRecord(
            "2104.08696",
            found=True,
            title="Knowledge Neurons in Pretrained Transformers",
            version=2,
        ),
        ArxivRecord(
            "1905.10650",
            found=True,
            title="Are Sixteen Heads Really Better than One?",
            version=3,
        ),
        ArxivRecord(
            "2202.05262",
            found=True,
            title="Locating and Editing Factual Associations in {GPT}",
            version=5,
        ),
        ArxivRecord(
            "1507.99999",
            found=True,
            title="A result we no longer stand by",
            version=2,
            withdrawn=True,
            comment="This paper has been withdrawn by the authors due to an error in Lemma 2",
        ),
    )
}

_GITHUB = {
    record.key: record
    for record in (
        GitHubRecord(
            "neelnanda-io/transformerlens",
            RepoStatus.MOVED,
            "TransformerLensOrg/TransformerLens",
        ),
        GitHubRecord("someone/deleted-repo", RepoStatus.NOT_FOUND),
        GitHubRecord("evil/dmca", RepoStatus.BLOCKED),
        GitHubRecord("someone/archived-repo", RepoStatus.OK, "someone/archived-repo", True),
        GitHubRecord("octocat/hello-world", RepoStatus.OK, "octocat/Hello-World"),
        GitHubRecord(
            "transformerlensorg/transformerlens",
            RepoStatus.OK,
            "TransformerLensOrg/TransformerLens",
        ),
    )
}

_LINKS = {
    status.url: status
    for status in (
        LinkStatus("https://example.org/gone", LinkState.BROKEN, 410, "HTTP 410"),
        LinkStatus("https://example.org/missing", LinkState.BROKEN, 404, "HTTP 404"),
        LinkStatus("https://example.org/busy", LinkState.UNCHECKED, 429, "HTTP 429"),
        LinkStatus("https://example.org/down", LinkState.UNCHECKED, None, "timeout"),
        LinkStatus("https://example.org/ok", LinkState.OK, 200, "HTTP 200"),
    )
}

FACTS: dict[str, NetFacts] = {
    "arxiv": NetFacts(arxiv=_ARXIV),
    "github": NetFacts(github=_GITHUB),
    "links": NetFacts(links=_LINKS, unchecked=2),
    "all": NetFacts(arxiv=_ARXIV, github=_GITHUB, links=_LINKS, unchecked=2),
}
"""Fact sets by name; the engine gets them as `facts={"net": FACTS[name]}`."""
