"""Hand-built network facts for the rule fixtures: `# facts: NAME` in a case picks one."""

from __future__ import annotations

from awesomelint.net import (
    ArxivRecord,
    GitHubRecord,
    LinkState,
    LinkStatus,
    NetFacts,
    PaperVenue,
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

_PUBLISHED_ARXIV = {
    record.id: record
    for record in (
        ArxivRecord("2106.15928", found=True, title="A Paper", version=2),
        ArxivRecord(
            "2307.55555",
            found=True,
            title="A Journal Paper",
            journal_ref="Transactions on Machine Learning Research (2023)",
        ),
        ArxivRecord(
            "2309.77777", found=True, title="A Findings Paper", journal_ref="Findings of EMNLP 2023"
        ),
        ArxivRecord(
            "2310.88888", found=True, title="A Physics Paper", journal_ref="Phys. Rev. D 76 (2007)"
        ),
    )
}

_S2 = "Semantic Scholar"
_VENUES = {
    venue.id: venue
    for venue in (
        PaperVenue(
            "2106.15928",
            ("International Conference on Learning Representations", "ICLR"),
            2024,
            "conference",
            source=_S2,
        ),
        PaperVenue(
            "2308.66666",
            ("Neural Information Processing Systems", "NeurIPS", "NIPS"),
            2023,
            "conference",
            source=_S2,
        ),
        PaperVenue("2303.11111", ("NeurIPS 2023 Workshop on Foo",), 2023, source=_S2),
        PaperVenue("2304.22222", ("Journal of Obscure Results",), 2023, "journal", source=_S2),
        PaperVenue("2305.33333", ("arXiv.org", "ArXiv"), 2023, source=_S2),
        PaperVenue("2306.44444", (), 2023, source=_S2),
        PaperVenue("2311.99999", ("ICML",), None, "conference", source=_S2),
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
    "venues": NetFacts(arxiv=_PUBLISHED_ARXIV, venues=_VENUES),
    "all": NetFacts(arxiv=_ARXIV, github=_GITHUB, links=_LINKS, unchecked=2),
}
"""Fact sets by name; the engine gets them as `facts={"net": FACTS[name]}`."""
