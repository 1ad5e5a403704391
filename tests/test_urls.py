"""URL understanding: arXiv ids, GitHub repos, identity keys, normalised and canonical URLs."""

from __future__ import annotations

import datetime

import pytest

from awesomelint.knowledge.url_forms import ArxivForm, Preferences, arxiv_link_form, rewrite_url
from awesomelint.knowledge.urls import (
    ArxivId,
    GitHubRepo,
    Identity,
    arxiv_from_url,
    arxiv_id_problem,
    find_arxiv_ids,
    github_from_url,
    identity,
    normalize_url,
    parse_arxiv_id,
    parse_arxiv_id_loose,
)

P = pytest.param
TODAY = datetime.date(2026, 5, 11)
HASH = "34e1dbe95d34d7ebaf99b9bcaeb5b2be"
NEURIPS_2023 = "https://proceedings.neurips.cc/paper_files/paper/2023"


def new(ident: str, version: int | None = None) -> ArxivId:
    return ArxivId(ident, version, ident[:4], old_style=False)


def old(ident: str, version: int | None = None) -> ArxivId:
    return ArxivId(ident, version, ident.partition("/")[2][:4], old_style=True)


# ---------------------------------------------------------------------------------------------
# arXiv identifiers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        P("2302.12461", new("2302.12461"), id="new-5-digit"),
        P("1412.7878", new("1412.7878"), id="new-4-digit"),
        P("1706.03762v7", new("1706.03762", 7), id="version"),
        P("2302.12461v12", new("2302.12461", 12), id="two-digit-version"),
        P("arXiv:2303.08112", new("2303.08112"), id="prefix"),
        P("ARXIV: 2303.08112v2", new("2303.08112", 2), id="prefix-upper-space"),
        P(" 2302.12461 ", new("2302.12461"), id="surrounding-space"),
        P("hep-th/9901001", old("hep-th/9901001"), id="old"),
        P("hep-th/9901001v1", old("hep-th/9901001", 1), id="old-version"),
        P("cs.LG/0101001", old("cs/0101001"), id="old-subject-class-dropped"),
        P("math.GT/0309136v2", old("math/0309136", 2), id="old-subject-class-version"),
        P("arXiv:math-ph/0501001", old("math-ph/0501001"), id="old-prefix"),
        P("1501.0001", new("1501.0001"), id="syntactic-only-digit-count"),
        P("2712.00001", new("2712.00001"), id="syntactic-only-future"),
        P("2313.00001", None, id="month-13"),
        P("2300.12345", None, id="month-00"),
        P("2302.12461v0", None, id="version-0"),
        P("2302.123", None, id="3-digit-number"),
        P("2303.081123", None, id="6-digit-number"),
        P("foo-bar/9901001", None, id="unknown-archive"),
        P("hep-th/990100", None, id="old-6-digits"),
        P("arXiv 2302.12461", None, id="prefix-without-colon"),
        P("see 2302.12461", None, id="not-bare"),
        P("", None, id="empty"),
    ],
)
def test_parse_arxiv_id(text: str, expected: ArxivId | None) -> None:
    assert parse_arxiv_id(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        P("2313.00001", new("2313.00001"), id="month-13"),
        P("arXiv:2300.12345v2", new("2300.12345", 2), id="month-00"),
        P("foo-bar/9901001", old("foo-bar/9901001"), id="unknown-archive"),
        P("2302.12461", new("2302.12461"), id="valid"),
        P("2302.12461v0", None, id="version-0"),
        P("23.12461", None, id="short-yymm"),
    ],
)
def test_parse_arxiv_id_loose(text: str, expected: ArxivId | None) -> None:
    assert parse_arxiv_id_loose(text) == expected


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        P("1412.7878", None, id="last-4-digit-month"),
        P("0704.0001", None, id="first-new-style-month"),
        P("1501.00001", None, id="first-5-digit-month"),
        P("2605.12345", None, id="current-month"),
        P("1501.0001", "4-digit number after 1412 needs 5 digits", id="4-digits-after-1412"),
        P("1412.12345", "5-digit number before 1501", id="5-digits-before-1501"),
        P("0703.1234", "new-style id before 0704", id="new-style-before-0704"),
        P("2313.00001", "month 13", id="month-13"),
        P("2300.12345", "month 00", id="month-00"),
        P("2606.00001", "YYMM 2606 is in the future", id="next-month"),
        P("2712.00001", "YYMM 2712 is in the future", id="future"),
        P("0612.1234", "new-style id before 0704", id="2006-not-2106"),
        P("2302.00000", "number 00000 is never used", id="number-zero"),
        P("hep-th/9901001", None, id="old"),
        P("cs.LG/0101001", None, id="old-subject-class"),
        P("hep-th/9107001", None, id="old-first-month"),
        P("math/0703001", None, id="old-last-month"),
        P("arXiv:foo-bar/9901001", "unknown archive 'foo-bar'", id="unknown-archive"),
        P("hep-th/9106001", "old-style id before 9107", id="old-before-9107"),
        P("math/0704001", "old-style id after 0703", id="old-after-0703"),
        P("hep-th/9913001", "month 13", id="old-month-13"),
        P("hep-th/9901000", "number 000 is never used", id="old-number-zero"),
    ],
)
def test_arxiv_id_problem(text: str, problem: str | None) -> None:
    arxiv = parse_arxiv_id_loose(text)
    assert arxiv is not None
    assert arxiv_id_problem(arxiv, TODAY) == problem


def test_arxiv_id_problem_depends_on_today() -> None:
    arxiv = new("2712.00001")
    assert arxiv_id_problem(arxiv, datetime.date(2027, 11, 30)) == "YYMM 2712 is in the future"
    assert arxiv_id_problem(arxiv, datetime.date(2027, 12, 1)) is None


def test_arxiv_id_problem_yy_wraps_to_2100s() -> None:
    arxiv = new("0101.00001")
    assert arxiv_id_problem(arxiv, TODAY) == "new-style id before 0704"
    assert arxiv_id_problem(arxiv, datetime.date(2101, 1, 1)) is None
    assert arxiv_id_problem(new("0102.00001"), datetime.date(2101, 1, 1)) == (
        "new-style id before 0704"
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        P("see arXiv:2303.08112 now", ["arXiv:2303.08112"], id="prefix"),
        P("(arxiv: 1706.03762v7)", ["arxiv: 1706.03762v7"], id="prefix-space-version"),
        P("[arXiv 2302.12461]", ["2302.12461"], id="tag-without-colon"),
        P("hep-th/9901001v1 and cs.LG/0101001", ["hep-th/9901001v1", "cs.LG/0101001"], id="old"),
        P("ends with 2302.12461v2.", ["2302.12461v2"], id="trailing-period"),
        P("ends with 2302.12461.", ["2302.12461"], id="trailing-period-no-version"),
        P("2302.12461,1706.03762", ["2302.12461", "1706.03762"], id="comma-separated"),
        P("typo 2313.00001 here", ["2313.00001"], id="month-13-still-found"),
        P("typo 2300.12345 here", ["2300.12345"], id="month-00-still-found"),
        P("arXiv:foo-bar/9901001", ["arXiv:foo-bar/9901001"], id="unknown-archive-prefixed"),
        P("and/or foo-bar/9901001", [], id="unknown-archive-bare"),
        P("2303.081123", [], id="inside-longer-number"),
        P("12303.08112", [], id="longer-before"),
        P("1.2303.08112", [], id="dotted-before"),
        P("2303.08112.1", [], id="dotted-after"),
        P("v2302.12461", [], id="letter-before"),
        P("2302.12461v0", [], id="version-0"),
        P("2302.12461x", [], id="letter-after"),
        P("https://example.com/files/2302.12461", [], id="inside-url-path"),
        P("foo-hep-th/9901001", [], id="inside-hyphenated-word"),
        P("in 2023.", [], id="year"),
        P("1234.56", [], id="decimal"),
    ],
)
def test_find_arxiv_ids(text: str, found: list[str]) -> None:
    spans = find_arxiv_ids(text)
    assert [raw for _, _, raw in spans] == found
    assert all(text[start:end] == raw for start, end, raw in spans)


def test_find_arxiv_ids_offsets() -> None:
    assert find_arxiv_ids("x arXiv:2303.08112v1 y") == [(2, 20, "arXiv:2303.08112v1")]


def test_arxiv_id_urls() -> None:
    assert new("2302.12461", 2).abs_url == "https://arxiv.org/abs/2302.12461"
    assert new("2302.12461", 2).url(keep_version=True) == "https://arxiv.org/abs/2302.12461v2"
    assert new("2302.12461", 2).url(keep_version=False) == "https://arxiv.org/abs/2302.12461"
    assert new("2302.12461").url(keep_version=True) == "https://arxiv.org/abs/2302.12461"
    assert old("hep-th/9901001", 1).abs_url == "https://arxiv.org/abs/hep-th/9901001"


# ---------------------------------------------------------------------------------------------
# arXiv URLs

ARXIV_URLS = [
    P("https://arxiv.org/abs/2302.12461", new("2302.12461"), id="abs"),
    P("http://arxiv.org/abs/2302.12461", new("2302.12461"), id="http"),
    P("https://arxiv.org/abs/2302.12461v2", new("2302.12461", 2), id="abs-version"),
    P("https://www.arxiv.org/abs/2302.12461", new("2302.12461"), id="www"),
    P("http://export.arxiv.org/abs/2302.12461", new("2302.12461"), id="export"),
    P("https://browse.arxiv.org/abs/2302.12461", new("2302.12461"), id="browse"),
    P("http://xxx.lanl.gov/abs/hep-th/9901001", old("hep-th/9901001"), id="xxx-lanl"),
    P("https://arxiv.org/abs//2302.12461", new("2302.12461"), id="double-slash"),
    P("https://arxiv.org/abs/2302.12461/", new("2302.12461"), id="trailing-slash"),
    P("https://arxiv.org/abs/2302.12461?context=cs.LG", new("2302.12461"), id="query"),
    P("https://arxiv.org/abs/2302.12461#S3", new("2302.12461"), id="fragment"),
    P("https://arxiv.org/pdf/2302.12461", new("2302.12461"), id="pdf"),
    P("https://arxiv.org/pdf/2302.12461.pdf", new("2302.12461"), id="pdf-ext"),
    P("https://arxiv.org/pdf/2302.12461v3", new("2302.12461", 3), id="pdf-version"),
    P("https://arxiv.org/pdf/2302.12461v3.pdf", new("2302.12461", 3), id="pdf-version-ext"),
    P("https://arxiv.org/html/2302.12461v2", new("2302.12461", 2), id="html"),
    P("https://arxiv.org/format/2302.12461", new("2302.12461"), id="format"),
    P("https://arxiv.org/src/2302.12461", new("2302.12461"), id="src"),
    P("https://arxiv.org/e-print/2302.12461", new("2302.12461"), id="e-print"),
    P("https://arxiv.org/abs/hep-th/9901001", old("hep-th/9901001"), id="old"),
    P("https://arxiv.org/abs/cs.LG/0101001", old("cs/0101001"), id="old-subject-class"),
    P("https://arxiv.org/pdf/math/0611800v2.pdf", old("math/0611800", 2), id="old-pdf"),
    P("https://arxiv.org/abs/1501.0001", new("1501.0001"), id="impossible-id-still-parsed"),
    P("https://arxiv.org/abs/2313.00001", new("2313.00001"), id="month-13-still-parsed"),
    P("HTTPS://ArXiv.org/abs/2302.12461", new("2302.12461"), id="scheme-host-case"),
    P("https://ar5iv.labs.arxiv.org/html/2302.12461", new("2302.12461"), id="ar5iv-labs"),
    P("https://ar5iv.org/abs/2302.12461", new("2302.12461"), id="ar5iv-org"),
    P("https://ar5iv.arxiv.org/html/1706.03762", new("1706.03762"), id="ar5iv-arxiv"),
    P("https://www.alphaxiv.org/abs/2302.12461", new("2302.12461"), id="alphaxiv-abs"),
    P("https://alphaxiv.org/pdf/2302.12461v1", new("2302.12461", 1), id="alphaxiv-pdf"),
    P("https://www.alphaxiv.org/overview/2302.12461", new("2302.12461"), id="alphaxiv-overview"),
    P("https://huggingface.co/papers/2302.12461", new("2302.12461"), id="huggingface"),
    P("https://scirate.com/arxiv/2302.12461", new("2302.12461"), id="scirate"),
    P("https://doi.org/10.48550/arXiv.2302.12461", new("2302.12461"), id="doi"),
    P("http://dx.doi.org/10.48550/arXiv.2302.12461", new("2302.12461"), id="dx-doi"),
    P("https://doi.org/10.48550/ARXIV.2302.12461", new("2302.12461"), id="doi-upper"),
    P("https://doi.org/10.48550/arxiv.2302.12461", new("2302.12461"), id="doi-lower"),
    P("https://arxiv.org/list/cs.LG/recent", None, id="listing"),
    P("https://arxiv.org/a/smith_j_1", None, id="author-page"),
    P("https://arxiv.org/", None, id="home"),
    P("https://arxiv.org/abs/2302.12461/figure1.png", None, id="below-id"),
    P("https://arxiv.org/abs/not-an-id", None, id="not-an-id"),
    P("https://huggingface.co/papers/trending", None, id="huggingface-non-paper"),
    P("https://doi.org/10.1145/3639372", None, id="other-doi"),
    P("https://example.com/abs/2302.12461", None, id="other-host-abs"),
    P("https://github.com/o/r/blob/main/2302.12461.pdf", None, id="id-in-github-path"),
    P("https://notarxiv.org/abs/2302.12461", None, id="lookalike-host"),
    P("ftp://arxiv.org/abs/2302.12461", None, id="not-http"),
    P("arXiv:2302.12461", None, id="bare-id"),
]


@pytest.mark.parametrize(("url", "expected"), ARXIV_URLS)
def test_arxiv_from_url(url: str, expected: ArxivId | None) -> None:
    assert arxiv_from_url(url) == expected


# ---------------------------------------------------------------------------------------------
# GitHub


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        P("https://github.com/owner/repo", GitHubRepo("owner", "repo", False), id="plain"),
        P("http://github.com/owner/repo", GitHubRepo("owner", "repo", False), id="http"),
        P("https://www.github.com/Owner/Repo", GitHubRepo("Owner", "Repo", False), id="www-case"),
        P("https://github.com/owner/repo/", GitHubRepo("owner", "repo", False), id="slash"),
        P("https://github.com/owner/repo.git", GitHubRepo("owner", "repo", False), id="dot-git"),
        P("https://github.com/o/r/tree/main", GitHubRepo("o", "r", False), id="tree-main"),
        P("https://github.com/o/r/tree/master/", GitHubRepo("o", "r", False), id="tree-master"),
        P("https://github.com/o/r?tab=readme-ov-file", GitHubRepo("o", "r", False), id="query"),
        P("https://github.com/o/r#readme", GitHubRepo("o", "r", False), id="fragment"),
        P("https://github.com/o/x.github.io", GitHubRepo("o", "x.github.io", False), id="io-repo"),
        P("https://github.com/o/my_repo-1.0", GitHubRepo("o", "my_repo-1.0", False), id="chars"),
        P("https://github.com/o/r/tree/dev", GitHubRepo("o", "r", True), id="tree-branch"),
        P("https://github.com/o/r/tree/main/src", GitHubRepo("o", "r", True), id="tree-dir"),
        P("https://github.com/o/r/blob/main/README.md", GitHubRepo("o", "r", True), id="blob"),
        P("https://github.com/o/r/issues/12", GitHubRepo("o", "r", True), id="issue"),
        P("https://github.com/o/r/releases", GitHubRepo("o", "r", True), id="releases"),
        P("https://github.com/orgs/acme/repositories", None, id="orgs"),
        P("https://github.com/settings/profile", None, id="settings"),
        P("https://github.com/features/copilot", None, id="features"),
        P("https://github.com/topics/interpretability", None, id="topics"),
        P("https://github.com/sponsors/someone", None, id="sponsors"),
        P("https://github.com/someone", None, id="user-page"),
        P("https://github.com/someone/", None, id="user-page-slash"),
        P("https://github.com/", None, id="home"),
        P("https://someone.github.io/repo", None, id="github-io"),
        P("https://gist.github.com/someone/abc123", None, id="gist"),
        P("https://raw.githubusercontent.com/o/r/main/x", None, id="raw"),
        P("https://gitlab.com/o/r", None, id="gitlab"),
        P("https://github.com/o/..", None, id="dot-dot"),
    ],
)
def test_github_from_url(url: str, expected: GitHubRepo | None) -> None:
    assert github_from_url(url) == expected


def test_github_repo_key_and_url() -> None:
    repo = GitHubRepo("TransformerLensOrg", "TransformerLens", deep=False)
    assert repo.key == "transformerlensorg/transformerlens"
    assert repo.url == "https://github.com/TransformerLensOrg/TransformerLens"


# ---------------------------------------------------------------------------------------------
# Identities

ACL = "acl:2023.acl-long.893"
NEURIPS = f"neurips:2023/{HASH}"
LW = "lesswrong:AcKRB8wDpdaN6v6ru"


@pytest.mark.parametrize(
    ("url", "key"),
    [
        P("https://arxiv.org/abs/2302.12461v2", "arxiv:2302.12461", id="arxiv-abs"),
        P("http://export.arxiv.org/pdf/2302.12461.pdf", "arxiv:2302.12461", id="arxiv-pdf"),
        P("https://arxiv.org/abs/cs.LG/0101001", "arxiv:cs/0101001", id="arxiv-old"),
        P("https://huggingface.co/papers/2302.12461", "arxiv:2302.12461", id="arxiv-hf"),
        P("https://doi.org/10.48550/arXiv.2302.12461", "arxiv:2302.12461", id="arxiv-doi"),
        P("https://dl.acm.org/doi/10.48550/arXiv.2302.12461", "arxiv:2302.12461", id="arxiv-acm"),
        P("https://github.com/Owner/Repo", "github:owner/repo", id="github"),
        P("http://www.github.com/owner/repo.git/", "github:owner/repo", id="github-variants"),
        P("https://github.com/owner/REPO/tree/main", "github:owner/repo", id="github-tree-main"),
        P("https://openreview.net/forum?id=NpsVSN6o4ul", "openreview:NpsVSN6o4ul", id="or-forum"),
        P("http://openreview.net/pdf?id=NpsVSN6o4ul", "openreview:NpsVSN6o4ul", id="or-pdf"),
        P(
            "https://openreview.net/forum?id=NpsVSN6o4ul&noteId=abc",
            "openreview:NpsVSN6o4ul",
            id="or-note",
        ),
        P(
            "https://openreview.net/forum?referrer=x&id=NpsVSN6o4ul",
            "openreview:NpsVSN6o4ul",
            id="or-id-second",
        ),
        P("https://aclanthology.org/2023.acl-long.893", ACL, id="acl"),
        P("https://aclanthology.org/2023.acl-long.893/", ACL, id="acl-slash"),
        P("https://aclanthology.org/2023.acl-long.893.pdf", ACL, id="acl-pdf"),
        P("https://aclanthology.org/2023.acl-long.893v2.pdf", ACL, id="acl-revision"),
        P(
            "https://aclanthology.org/2023.findings-emnlp.624",
            "acl:2023.findings-emnlp.624",
            id="acl-findings",
        ),
        P("https://aclanthology.org/2022.tacl-1.74/", "acl:2022.tacl-1.74", id="acl-tacl"),
        P("https://aclanthology.org/P19-1001", "acl:P19-1001", id="acl-old-id"),
        P("https://www.aclweb.org/anthology/P19-1001.pdf", "acl:P19-1001", id="aclweb"),
        P("https://aclweb.org/anthology/2020.acl-main.1/", "acl:2020.acl-main.1", id="aclweb-new"),
        P("http://aclweb.org/anthology/P/P19/P19-1001.pdf", "acl:P19-1001", id="aclweb-letter-dir"),
        P("http://anthology.aclweb.org/W/W06/W06-2920.pdf", "acl:W06-2920", id="anthology-aclweb"),
        P("https://aclanthology.info/papers/P18-1024/p18-1024", "acl:P18-1024", id="acl-info"),
        P("https://doi.org/10.18653/v1/2023.acl-long.893", ACL, id="acl-doi"),
        P(
            f"{NEURIPS_2023}/hash/{HASH}-Abstract-Conference.html",
            NEURIPS,
            id="neurips-abstract-conference",
        ),
        P(
            f"{NEURIPS_2023}/file/{HASH}-Paper-Conference.pdf",
            NEURIPS,
            id="neurips-paper-conference",
        ),
        P(
            f"{NEURIPS_2023}/hash/{HASH}-Abstract.html",
            NEURIPS,
            id="neurips-abstract",
        ),
        P(
            f"https://proceedings.neurips.cc/paper/2023/file/{HASH}-Paper.pdf",
            NEURIPS,
            id="neurips-old-file",
        ),
        P(
            f"http://papers.nips.cc/paper/2023/hash/{HASH}-Abstract.html",
            NEURIPS,
            id="nips-old-hash",
        ),
        P(
            f"{NEURIPS_2023}/hash/{HASH}-Abstract-Datasets_and_Benchmarks.html",
            NEURIPS,
            id="neurips-datasets-track",
        ),
        P("https://doi.org/10.1145/3639372", "doi:10.1145/3639372", id="doi"),
        P("http://dx.doi.org/10.1145/3639372", "doi:10.1145/3639372", id="dx-doi"),
        P("https://DOI.org/10.1007/ABC-123", "doi:10.1007/abc-123", id="doi-case"),
        P("https://doi.org/10.1002/%28SICI%291", "doi:10.1002/(sici)1", id="doi-escaped"),
        P("https://dl.acm.org/doi/10.1145/3639372", "doi:10.1145/3639372", id="acm"),
        P("https://dl.acm.org/doi/abs/10.1145/3639372", "doi:10.1145/3639372", id="acm-abs"),
        P("https://dl.acm.org/doi/pdf/10.1145/3639372", "doi:10.1145/3639372", id="acm-pdf"),
        P("https://www.lesswrong.com/posts/AcKRB8wDpdaN6v6ru/some-slug", LW, id="lesswrong"),
        P("https://lesswrong.com/posts/AcKRB8wDpdaN6v6ru", LW, id="lesswrong-no-slug"),
        P("https://www.alignmentforum.org/posts/AcKRB8wDpdaN6v6ru/slug", LW, id="af"),
        P("https://alignmentforum.org/posts/AcKRB8wDpdaN6v6ru/slug/", LW, id="af-slash"),
        P(
            "https://www.lesswrong.com/posts/AcKRB8wDpdaN6v6ru/slug?commentId=x",
            LW,
            id="lesswrong-comment",
        ),
        P("https://www.lesswrong.com/s/abcDEF123/p/AcKRB8wDpdaN6v6ru", LW, id="lesswrong-sequence"),
        P("https://www.greaterwrong.com/posts/AcKRB8wDpdaN6v6ru/slug", LW, id="greaterwrong"),
    ],
)
def test_identity(url: str, key: str) -> None:
    found = identity(url)
    assert found is not None
    assert found.key == key
    assert found.kind == key.partition(":")[0]


@pytest.mark.parametrize(
    ("url", "key"),
    [
        P("https://someone.github.io/project/", "url:https://someone.github.io/project", id="io"),
        P("https://github.com/orgs/acme", "url:https://github.com/orgs/acme", id="gh-orgs"),
        P("https://github.com/someone", "url:https://github.com/someone", id="gh-user"),
        P(
            "https://github.com/o/R/blob/main/a.md",
            "url:https://github.com/o/R/blob/main/a.md",
            id="gh-deep",
        ),
        P(
            "https://arxiv.org/list/cs.LG/recent",
            "url:https://arxiv.org/list/cs.LG/recent",
            id="arxiv-listing",
        ),
        P(
            "https://openreview.net/group?id=ICLR.cc/2024/Conference",
            "url:https://openreview.net/group?id=ICLR.cc/2024/Conference",
            id="or-group",
        ),
        P("https://openreview.net/forum", "url:https://openreview.net/forum", id="or-no-id"),
        P(
            "https://example.com/papers/2302.12461.pdf",
            "url:https://example.com/papers/2302.12461.pdf",
            id="arxiv-number-elsewhere",
        ),
        P(
            "https://aclanthology.org/events/acl-2023/",
            "url:https://aclanthology.org/events/acl-2023",
            id="acl-event",
        ),
        P(
            "https://papers.nips.cc/paper/7181-attention-is-all-you-need.pdf",
            "url:https://papers.nips.cc/paper/7181-attention-is-all-you-need.pdf",
            id="nips-legacy",
        ),
        P(
            "https://forum.effectivealtruism.org/posts/AcKRB8wDpdaN6v6ru/x",
            "url:https://forum.effectivealtruism.org/posts/AcKRB8wDpdaN6v6ru/x",
            id="ea-forum",
        ),
        P(
            "https://www.lesswrong.com/tag/interpretability",
            "url:https://lesswrong.com/tag/interpretability",
            id="lesswrong-tag",
        ),
        P(
            "http://Transformer-Circuits.pub/2021/framework/index.html#x",
            "url:https://transformer-circuits.pub/2021/framework/index.html",
            id="other",
        ),
    ],
)
def test_identity_falls_back_to_url(url: str, key: str) -> None:
    assert identity(url) == Identity("url", key)


@pytest.mark.parametrize(
    "url",
    [
        P("#section", id="anchor"),
        P("mailto:someone@example.com", id="mailto"),
        P("docs/README.md", id="relative"),
        P("/absolute/path", id="root-relative"),
        P("//example.com/x", id="protocol-relative"),
        P("ftp://example.com/x", id="ftp"),
        P("https://", id="no-host"),
        P("", id="empty"),
    ],
)
def test_identity_none(url: str) -> None:
    assert identity(url) is None


def test_identity_same_paper_across_forms() -> None:
    urls = [
        url for url, expected in (p.values for p in ARXIV_URLS) if expected == new("2302.12461")
    ]
    assert len(urls) > 20
    assert {identity(str(url)) for url in urls} == {Identity("arxiv", "arxiv:2302.12461")}


# ---------------------------------------------------------------------------------------------
# Normalised and canonical URLs


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        P("https://example.com/a", "https://example.com/a", id="unchanged"),
        P("http://example.com/a", "https://example.com/a", id="http"),
        P("HTTPS://WWW.Example.COM/Path", "https://example.com/Path", id="case-www"),
        P("https://example.com:443/a", "https://example.com/a", id="port-443"),
        P("http://example.com:80/a", "https://example.com/a", id="port-80"),
        P("https://example.com:8080/a", "https://example.com:8080/a", id="other-port"),
        P("https://example.com/a#frag", "https://example.com/a", id="fragment"),
        P("https://example.com/a/", "https://example.com/a", id="trailing-slash"),
        P("https://example.com/", "https://example.com", id="root"),
        P("https://example.com", "https://example.com", id="no-path"),
        P("https://example.com/a?", "https://example.com/a", id="empty-query"),
        P(
            "https://example.com/a?utm_source=x&b=2&UTM_medium=y&a=1",
            "https://example.com/a?b=2&a=1",
            id="utm-order-kept",
        ),
        P(
            "https://example.com/a?fbclid=1&gclid=2&ref=3&ref_src=4",
            "https://example.com/a",
            id="tracking",
        ),
        P("https://example.com/a?reference=1", "https://example.com/a?reference=1", id="ref-like"),
        P("https://user@Example.com/a", "https://user@example.com/a", id="userinfo"),
    ],
)
def test_normalize_url(url: str, expected: str) -> None:
    assert normalize_url(url) == expected


ABS = Preferences()
PDF = Preferences(arxiv_form=ArxivForm.PDF)
KEEP = Preferences(strip_arxiv_version=False)
HTML = Preferences(drop_tracking=False)


@pytest.mark.parametrize(
    ("url", "prefs", "expected", "kinds"),
    [
        P("http://arxiv.org/abs/2302.12461", ABS, "https://arxiv.org/abs/2302.12461", "scheme"),
        P("https://www.arxiv.org/abs/2302.12461", ABS, "https://arxiv.org/abs/2302.12461", "host"),
        P(
            "http://export.arxiv.org/abs/2302.12461",
            ABS,
            "https://arxiv.org/abs/2302.12461",
            "scheme host",
            id="export",
        ),
        P(
            "https://browse.arxiv.org/pdf/2302.12461.pdf",
            PDF,
            "https://arxiv.org/pdf/2302.12461.pdf",
            "host",
        ),
        P(
            "http://xxx.lanl.gov/abs/hep-th/9901001",
            ABS,
            "https://arxiv.org/abs/hep-th/9901001",
            "scheme host",
            id="xxx",
        ),
        P("https://arxiv.org/abs//2302.12461", ABS, "https://arxiv.org/abs/2302.12461", "path"),
        P("https://arxiv.org/abs/cs.LG/0101001", ABS, "https://arxiv.org/abs/cs/0101001", "path"),
        P("https://arxiv.org/abs/2302.12461v2", ABS, "https://arxiv.org/abs/2302.12461", "version"),
        P("https://arxiv.org/pdf/2302.12461", ABS, "https://arxiv.org/abs/2302.12461", "form"),
        P("https://arxiv.org/pdf/2302.12461.pdf", ABS, "https://arxiv.org/abs/2302.12461", "form"),
        P(
            "http://arxiv.org/pdf/2302.12461v3.pdf?x=1",
            ABS,
            "https://arxiv.org/abs/2302.12461",
            "scheme form version",
            id="pdf-all",
        ),
        P("https://arxiv.org/abs/2302.12461/", PDF, "https://arxiv.org/pdf/2302.12461", "form"),
        P(
            "https://arxiv.org/pdf/2302.12461v3.pdf",
            PDF,
            "https://arxiv.org/pdf/2302.12461.pdf",
            "version",
        ),
        P(
            "https://arxiv.org/pdf/2302.12461v3.pdf",
            KEEP,
            "https://arxiv.org/abs/2302.12461v3",
            "form",
        ),
        P(
            "https://arxiv.org/pdf/2302.12461v2#page=3",
            ABS,
            "https://arxiv.org/pdf/2302.12461#page=3",
            "version",
            id="pdf-page-stays-a-pdf",
        ),
        P(
            "http://www.arxiv.org/abs/2302.12461/",
            ABS,
            "https://arxiv.org/abs/2302.12461/",
            "scheme host",
            id="slash-kept",
        ),
        P(
            "https://arxiv.org/abs/2302.12461?context=cs.LG&utm_source=x#S2",
            ABS,
            "https://arxiv.org/abs/2302.12461?context=cs.LG#S2",
            "tracking",
            id="abs-query-fragment-kept",
        ),
        P(
            "http://arxiv.org/html/2302.12461v2",
            ABS,
            "https://arxiv.org/html/2302.12461v2",
            "scheme",
        ),
        P("http://github.com/o/r/", ABS, "https://github.com/o/r/", "scheme"),
        P("https://www.github.com/o/r", ABS, "https://github.com/o/r", "host"),
        P("https://github.com/Owner/Repo.git", ABS, "https://github.com/Owner/Repo", "git"),
        P("https://github.com/o/r.git/", ABS, "https://github.com/o/r/", "git"),
        P("http://github.com/someone", ABS, "https://github.com/someone", "scheme"),
        P("http://openreview.net/pdf?id=abc", ABS, "https://openreview.net/pdf?id=abc", "scheme"),
        P(
            "https://www.openreview.net/forum?id=a",
            ABS,
            "https://openreview.net/forum?id=a",
            "host",
        ),
        P("https://example.com/a?utm_source=x", ABS, "https://example.com/a", "tracking"),
        P("https://example.com/a?fbclid=Ab1", ABS, "https://example.com/a", "tracking"),
        P(
            "https://example.com/a?x=1&utm_campaign=y&b=2#f",
            ABS,
            "https://example.com/a?x=1&b=2#f",
            "tracking",
            id="utm-middle",
        ),
    ],
)
def test_rewrite_url(url: str, prefs: Preferences, expected: str, kinds: str) -> None:
    found = rewrite_url(url, prefs)
    assert found is not None
    assert found.url == expected
    assert [change.kind for change in found.changes] == kinds.split()


def test_rewrite_url_names_what_it_changes() -> None:
    found = rewrite_url("http://www.arxiv.org/pdf/2302.12461v2?utm_source=x", ABS)
    assert found is not None
    details = [change.detail for change in found.changes]
    assert details == ["http:// -> https://", "www.arxiv.org -> arxiv.org", "pdf -> abs", "v2"]


@pytest.mark.parametrize(
    ("url", "prefs"),
    [
        P("https://arxiv.org/abs/2302.12461", ABS, id="arxiv-canonical"),
        P("https://arxiv.org/abs/2302.12461/", ABS, id="arxiv-slash"),
        P("https://arxiv.org/pdf/2302.12461.pdf", PDF, id="pdf-in-a-pdf-list"),
        P("https://arxiv.org/pdf/2302.12461", PDF, id="pdf-no-ext-in-a-pdf-list"),
        P("https://arxiv.org/abs/2302.12461v2", KEEP, id="abs-version-kept"),
        P("https://arxiv.org/pdf/2302.12461#page=3", ABS, id="pdf-page"),
        P("https://arxiv.org/abs/hep-th/9901001", ABS, id="arxiv-old-canonical"),
        P("https://arxiv.org/html/2302.12461v2", ABS, id="arxiv-html"),
        P("https://export.arxiv.org/html/2302.12461", ABS, id="arxiv-export-html"),
        P("https://arxiv.org/list/cs.LG/recent", ABS, id="arxiv-listing"),
        P("http://ar5iv.labs.arxiv.org/html/2302.12461", ABS, id="ar5iv"),
        P("https://www.alphaxiv.org/abs/2302.12461v2", ABS, id="alphaxiv"),
        P("https://huggingface.co/papers/2302.12461", ABS, id="huggingface"),
        P("http://doi.org/10.48550/arXiv.2302.12461", ABS, id="arxiv-doi"),
        P("https://github.com/Owner/Repo", ABS, id="github-case-kept"),
        P("https://github.com/o/r/", ABS, id="github-slash"),
        P("https://github.com/o/r/tree/main", ABS, id="github-tree-main"),
        P("https://github.com/o/r?tab=readme-ov-file", ABS, id="github-query"),
        P("https://github.com/o/r/tree/dev", ABS, id="github-branch"),
        P("https://github.com/orgs/acme", ABS, id="github-orgs"),
        P("http://someone.github.io/r/", ABS, id="github-io"),
        P("https://openreview.net/pdf?id=abc", ABS, id="openreview-pdf"),
        P("http://example.com/a/", ABS, id="other-http"),
        P("https://www.example.com/a?b=1&ref=x#f", ABS, id="other-query"),
        P("https://example.com/a?utm_source=x", HTML, id="tracking-kept-in-html"),
        P("https://example.com/a?", ABS, id="empty-query"),
        P("https://arxiv.org/abs/2302.12461?", ABS, id="arxiv-empty-query"),
        P("#anchor", ABS, id="anchor"),
        P("mailto:a@b.c", ABS, id="mailto"),
        P("README.md", ABS, id="relative"),
    ],
)
def test_rewrite_url_no_change(url: str, prefs: Preferences) -> None:
    assert rewrite_url(url, prefs) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        P("https://arxiv.org/abs/2302.12461v2", (ArxivForm.ABS, 2, False), id="abs"),
        P("http://export.arxiv.org/pdf/2302.12461.pdf", (ArxivForm.PDF, None, False), id="pdf"),
        P("https://arxiv.org/pdf/2302.12461#page=4", (ArxivForm.PDF, None, True), id="page"),
        P("https://arxiv.org/html/2302.12461", None, id="html"),
        P("https://alphaxiv.org/abs/2302.12461", None, id="mirror"),
    ],
)
def test_arxiv_link_form(url: str, expected: tuple[ArxivForm, int | None, bool] | None) -> None:
    found = arxiv_link_form(url)
    assert (found and (found.form, found.version, found.pinned_page)) == expected
