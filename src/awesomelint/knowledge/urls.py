"""The identities and canonical forms of links found in paper lists."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote

from awesomelint.knowledge.arxiv_ids import (
    OLD_ARCHIVES,
    ArxivId,
    arxiv_id_problem,
    find_arxiv_ids,
    parse_arxiv_id,
    parse_arxiv_id_loose,
)
from awesomelint.knowledge.url_parts import (
    CACHE_SIZE,
    NETLOC_RE,
    UrlParts,
    filter_query,
    is_tracking,
    split_url,
    web_parts,
    word_set,
)

__all__ = [
    "OLD_ARCHIVES",
    "ArxivId",
    "GitHubRepo",
    "Identity",
    "arxiv_from_url",
    "arxiv_id_problem",
    "find_arxiv_ids",
    "github_from_url",
    "identity",
    "normalize_url",
    "parse_arxiv_id",
    "parse_arxiv_id_loose",
]

# ---------------------------------------------------------------------------------------------
# arXiv URLs

_ARXIV_HOSTS = ("arxiv.org", "www.arxiv.org", "export.arxiv.org", "browse.arxiv.org")
ARXIV_REWRITE_HOSTS = frozenset({*_ARXIV_HOSTS, "xxx.lanl.gov"})
_AR5IV_HOSTS = ("ar5iv.org", "www.ar5iv.org", "ar5iv.labs.arxiv.org", "ar5iv.arxiv.org")
_ARXIV_PATH_KINDS: dict[str, str] = {
    **dict.fromkeys(ARXIV_REWRITE_HOSTS, "abs|pdf|html|format|src|e-print|ps"),
    **dict.fromkeys(_AR5IV_HOSTS, "abs|html|pdf"),
    **dict.fromkeys(("alphaxiv.org", "www.alphaxiv.org"), "abs|pdf|overview"),
    **dict.fromkeys(("huggingface.co", "www.huggingface.co"), "papers"),
    **dict.fromkeys(("scirate.com", "www.scirate.com"), "arxiv"),
}
_ARXIV_PATH_RES = {
    host: re.compile(rf"/+(?P<kind>{kinds})/+(?P<id>[^?#]+?)(?:\.pdf)?/?")
    for host, kinds in _ARXIV_PATH_KINDS.items()
}
_ARXIV_DOI_RE = re.compile(r"10\.48550/arxiv\.(?P<id>.+)", re.IGNORECASE)


def arxiv_path(parts: UrlParts) -> tuple[str, ArxivId] | None:
    path_re = _ARXIV_PATH_RES.get(parts.host)
    m = path_re.fullmatch(parts.path) if path_re else None
    arxiv = parse_arxiv_id_loose(m["id"]) if m else None
    return (m["kind"], arxiv) if m and arxiv else None


def _arxiv_from_parts(parts: UrlParts) -> ArxivId | None:
    found = arxiv_path(parts)
    if found:
        return found[1]
    doi = _doi_from_parts(parts)
    m = _ARXIV_DOI_RE.fullmatch(doi) if doi else None
    return parse_arxiv_id_loose(m["id"]) if m else None


@functools.lru_cache(maxsize=CACHE_SIZE)
def arxiv_from_url(url: str) -> ArxivId | None:
    """The arXiv id an arXiv URL (any host, mirror or DOI form) points to; loosely parsed,
    so check `arxiv_id_problem` before trusting it."""
    parts = web_parts(url)
    return _arxiv_from_parts(parts) if parts else None


# ---------------------------------------------------------------------------------------------
# GitHub

_GITHUB_HOSTS = frozenset({"github.com", "www.github.com"})
_GITHUB_PATH_RE = re.compile(
    r"/(?P<owner>[A-Za-z0-9][A-Za-z0-9_-]{0,38})/(?P<repo>[A-Za-z0-9._-]{1,100}?)(?:\.git)?"
    r"(?P<rest>/.*)?",
    re.DOTALL,
)
# First path segments that are GitHub's own pages, not users or organisations.
_GITHUB_RESERVED = word_set(
    "about account apps codespaces collections contact customer-stories dashboard "
    "enterprise enterprises events explore features issues join login marketplace new "
    "notifications organizations orgs pricing pulls readme search security settings site "
    "sponsors stars team topics trending users"
)


@dataclass(frozen=True, slots=True)
class GitHubRepo:
    """A GitHub repository a link points into."""

    owner: str
    repo: str
    deep: bool

    @property
    def key(self) -> str:
        return f"{self.owner}/{self.repo}".lower()

    @property
    def url(self) -> str:
        return f"https://github.com/{self.owner}/{self.repo}"


def github_from_parts(parts: UrlParts) -> tuple[GitHubRepo, str] | None:
    m = _GITHUB_PATH_RE.fullmatch(parts.path) if parts.host in _GITHUB_HOSTS else None
    if m is None or m["owner"].lower() in _GITHUB_RESERVED or m["repo"] in {".", ".."}:
        return None
    rest = (m["rest"] or "").strip("/")
    deep = rest not in {"", "tree/main", "tree/master"}
    return GitHubRepo(m["owner"], m["repo"], deep), rest


@functools.lru_cache(maxsize=CACHE_SIZE)
def github_from_url(url: str) -> GitHubRepo | None:
    """The repository a github.com URL points to or into; None for other GitHub pages."""
    parts = web_parts(url)
    found = github_from_parts(parts) if parts else None
    return found[0] if found else None


# ---------------------------------------------------------------------------------------------
# Identities


@dataclass(frozen=True, slots=True)
class Identity:
    """What a link identifies (a paper, a repository, a page), as a comparable key."""

    kind: str
    key: str


_DOI_HOSTS = frozenset({"doi.org", "dx.doi.org", "www.doi.org"})
_DOI_RE = re.compile(r"10\.\d{4,9}/\S+")
_ACM_PATH_RE = re.compile(r"/doi/(?:(?:abs|pdf|full|epdf|fullHtml)/)?(?P<doi>10\..+)")
_ACL_ID = r"(?P<id>[A-Z]\d{2}-\d{4}|\d{4}\.[a-z0-9]+-[a-z0-9]+\.\d+)"
_ACL_DOI_RE = re.compile(r"10\.18653/v1/" + _ACL_ID, re.IGNORECASE)


def _acl_path(prefix: str, tail: str = "") -> re.Pattern[str]:
    letter_dir = r"(?:[A-Z]/[A-Z]\d{2}/)?"
    return re.compile(prefix + letter_dir + _ACL_ID + r"(?:v\d+)?(?:\.pdf|\.bib|\.xml)?" + tail)


_ACL_PATH_RES = {
    **dict.fromkeys(("aclanthology.org", "www.aclanthology.org"), _acl_path("/", "/?")),
    **dict.fromkeys(("aclweb.org", "www.aclweb.org"), _acl_path("/anthology/", "/?")),
    "anthology.aclweb.org": _acl_path("/", "/?"),
    **dict.fromkeys(
        ("aclanthology.info", "www.aclanthology.info"), _acl_path("/papers/", "(?:/.*)?")
    ),
}
_NEURIPS_HOSTS = word_set(
    "papers.nips.cc proceedings.neurips.cc papers.neurips.cc proceedings.nips.cc "
    "datasets-benchmarks-proceedings.neurips.cc"
)
_NEURIPS_PATH_RE = re.compile(
    r"/paper(?:_files/paper)?/(?P<year>\d{4})/(?:hash|file)/(?P<hash>[0-9a-fA-F]{32})"
    r"-(?:Abstract|Paper)(?:-[A-Za-z0-9_]+)?\.(?:html|pdf)"
)
_OPENREVIEW_HOSTS = frozenset({"openreview.net", "www.openreview.net"})
_OPENREVIEW_ID_RE = re.compile(r"[A-Za-z0-9_-]+")
_LESSWRONG_HOSTS = frozenset(
    f"{www}{site}"
    for www in ("", "www.")
    for site in ("lesswrong.com", "alignmentforum.org", "greaterwrong.com")
)
_LESSWRONG_PATH_RE = re.compile(r"/(?:posts|s/[A-Za-z0-9]+/p)/(?P<id>[A-Za-z0-9]{17})(?:/|$)")


def _doi_from_parts(parts: UrlParts) -> str | None:
    if parts.host in _DOI_HOSTS:
        doi = unquote(parts.path[1:])
    elif parts.host == "dl.acm.org" and (m := _ACM_PATH_RE.fullmatch(parts.path)):
        doi = unquote(m["doi"])
    else:
        return None
    doi = doi.rstrip("/")
    return doi if _DOI_RE.fullmatch(doi) else None


def _github_identity(parts: UrlParts) -> Identity | None:
    found = github_from_parts(parts)
    if found is None or found[0].deep:
        return None
    return Identity("github", f"github:{found[0].key}")


def _doi_identity(parts: UrlParts) -> Identity | None:
    doi = _doi_from_parts(parts)
    if doi is None:
        return None
    if m := _ACL_DOI_RE.fullmatch(doi):
        return Identity("acl", f"acl:{m['id']}")
    return Identity("doi", f"doi:{doi.lower()}")


def _openreview_identity(parts: UrlParts) -> Identity | None:
    if parts.host not in _OPENREVIEW_HOSTS or parts.path.rstrip("/") not in {"/forum", "/pdf"}:
        return None
    ids = [value for key, value in parse_qsl(parts.query or "") if key == "id"]
    if not ids or not _OPENREVIEW_ID_RE.fullmatch(ids[0]):
        return None
    return Identity("openreview", f"openreview:{ids[0]}")


def _acl_identity(parts: UrlParts) -> Identity | None:
    path_re = _ACL_PATH_RES.get(parts.host)
    m = path_re.fullmatch(parts.path) if path_re else None
    return Identity("acl", f"acl:{m['id']}") if m else None


def _neurips_identity(parts: UrlParts) -> Identity | None:
    m = _NEURIPS_PATH_RE.fullmatch(parts.path) if parts.host in _NEURIPS_HOSTS else None
    return Identity("neurips", f"neurips:{m['year']}/{m['hash'].lower()}") if m else None


def _lesswrong_identity(parts: UrlParts) -> Identity | None:
    m = _LESSWRONG_PATH_RE.match(parts.path) if parts.host in _LESSWRONG_HOSTS else None
    return Identity("lesswrong", f"lesswrong:{m['id']}") if m else None


# After the arXiv forms, which `identity` finds through the cache of `arxiv_from_url`.
_IDENTITY_FINDERS: tuple[Callable[[UrlParts], Identity | None], ...] = (
    _github_identity,
    _doi_identity,
    _openreview_identity,
    _acl_identity,
    _neurips_identity,
    _lesswrong_identity,
)


@functools.lru_cache(maxsize=CACHE_SIZE)
def identity(url: str) -> Identity | None:
    """What a link points to, for duplicate detection; None for non-http(s) links."""
    stripped = url.strip()
    parts = web_parts(stripped)
    if parts is None:
        return None
    arxiv = arxiv_from_url(stripped)
    if arxiv:
        return Identity("arxiv", f"arxiv:{arxiv.id}")
    for finder in _IDENTITY_FINDERS:
        if found := finder(parts):
            return found
    return Identity("url", f"url:{normalize_url(url)}")


@functools.lru_cache(maxsize=CACHE_SIZE)
def normalize_url(url: str) -> str:
    """A comparison form of any URL: case, `www.`, ports, fragment and tracking removed."""
    parts = split_url(url.strip())
    if parts is None:
        return url
    scheme = parts.scheme.lower()
    m = NETLOC_RE.fullmatch(parts.netloc)
    netloc = parts.netloc
    if m:
        netloc = m["host"].lower().removeprefix("www.")
        if m["port"] and m["port"] not in {"80", "443"}:
            netloc += f":{m['port']}"
        if m["user"] is not None:
            netloc = f"{m['user']}@{netloc}"
    query = filter_query(parts.query, is_tracking) or None
    path = parts.path.rstrip("/")
    return UrlParts("https" if scheme == "http" else scheme, netloc, path, query, None).join()
