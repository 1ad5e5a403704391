"""Canonical spellings of links: what to rewrite in a URL, and why, given the forms a list
prefers for its arXiv links."""

from __future__ import annotations

import enum
import functools
import re
from dataclasses import dataclass

from awesomelint.knowledge.url_parts import CACHE_SIZE, UrlParts, filter_query, web_parts
from awesomelint.knowledge.urls import (
    ARXIV_REWRITE_HOSTS,
    ArxivId,
    arxiv_path,
    github_from_parts,
)


class ArxivForm(enum.Enum):
    ABS = "abs"
    PDF = "pdf"


@dataclass(frozen=True, slots=True)
class ArxivLinkForm:
    """How an arXiv link on arXiv's own hosts is written: its page and whether it pins a
    version. `pinned_page` marks a PDF link to one page (`#page=3`), which only a PDF means."""

    form: ArxivForm
    version: int | None
    pinned_page: bool


@dataclass(frozen=True, slots=True)
class Preferences:
    """What a list asks of its links. None leaves that part as written."""

    arxiv_form: ArxivForm | None = ArxivForm.ABS
    strip_arxiv_version: bool = True
    drop_tracking: bool = True


@dataclass(frozen=True, slots=True)
class Change:
    """One step of a URL's rewrite into canonical form."""

    kind: str
    """One of the CHANGE_* names below, for the caller to word in context."""
    detail: str
    """What is rewritten, as written: `http:// -> https://`, `utm_source`, `v2`."""


@dataclass(frozen=True, slots=True)
class Rewrite:
    """A URL's canonical form and the steps that made it."""

    url: str
    changes: tuple[Change, ...]


CHANGE_SCHEME = "scheme"
CHANGE_HOST = "host"
CHANGE_PATH = "path"
CHANGE_FORM = "form"
CHANGE_VERSION = "version"
CHANGE_GIT = "git"
CHANGE_TRACKING = "tracking"

_HTTPS_HOSTS = frozenset(
    {*ARXIV_REWRITE_HOSTS, "github.com", "www.github.com", "openreview.net", "www.openreview.net"}
    - {"xxx.lanl.gov"}
)
_HOST_ALIASES = {
    **dict.fromkeys(ARXIV_REWRITE_HOSTS, "arxiv.org"),
    "www.github.com": "github.com",
    "www.openreview.net": "openreview.net",
}
_TRACKING_KEYS = frozenset({"fbclid", "gclid"})
_DOUBLE_SLASH_RE = re.compile(r"//+")
_PAGE_FRAGMENT_RE = re.compile(r"page=\d+.*", re.IGNORECASE)


def _is_tracking(key: str) -> bool:
    return key.startswith("utm_") or key in _TRACKING_KEYS


def _tracking_keys(query: str | None) -> list[str]:
    keys = [pair.partition("=")[0] for pair in (query or "").split("&")]
    return [key for key in keys if _is_tracking(key.lower())]


@functools.lru_cache(maxsize=CACHE_SIZE)
def arxiv_link_form(url: str) -> ArxivLinkForm | None:
    """The form of an abstract or PDF link on arXiv's hosts; None for any other link."""
    parts = web_parts(url)
    found = arxiv_path(parts) if parts and parts.host in ARXIV_REWRITE_HOSTS else None
    if parts is None or found is None or found[0] not in {"abs", "pdf"}:
        return None
    form = ArxivForm(found[0])
    return ArxivLinkForm(form, found[1].version, _pinned_page(form, parts))


def _pinned_page(form: ArxivForm, parts: UrlParts) -> bool:
    return form is ArxivForm.PDF and bool(_PAGE_FRAGMENT_RE.fullmatch(parts.fragment or ""))


def _arxiv_path_text(form: ArxivForm, arxiv: ArxivId, version: int | None, pdf_ext: bool) -> str:
    suffix = f"v{version}" if version is not None else ""
    return f"/{form.value}/{arxiv.id}{suffix}" + (".pdf" if pdf_ext else "")


def _rewrite_arxiv(parts: UrlParts, prefs: Preferences, changes: list[Change]) -> UrlParts:
    found = arxiv_path(parts)
    if found is None or found[0] not in {"abs", "pdf"}:
        return parts
    written = ArxivForm(found[0])
    arxiv = found[1]
    form = written
    if prefs.arxiv_form not in {None, written} and not _pinned_page(written, parts):
        form = prefs.arxiv_form or written
        changes.append(Change(CHANGE_FORM, f"{written.value} -> {form.value}"))
    version = arxiv.version
    if version is not None and prefs.strip_arxiv_version:
        changes.append(Change(CHANGE_VERSION, f"v{version}"))
        version = None
    keep_ext = form is written and parts.path.rstrip("/").endswith(".pdf")
    path = _arxiv_path_text(form, arxiv, version, keep_ext)
    if form is written and version == arxiv.version:
        if parts.path.rstrip("/") == path:
            path = parts.path  # only a trailing slash differs: a spelling that works
        elif _DOUBLE_SLASH_RE.sub("/", parts.path).rstrip("/") == path:
            changes.append(Change(CHANGE_PATH, f"{written.value}// -> {written.value}/"))
        else:
            changes.append(Change(CHANGE_PATH, f"{parts.path} -> {path}"))
    if form is ArxivForm.ABS and written is ArxivForm.PDF:
        # A PDF link's query and fragment mean nothing on the abstract page.
        return UrlParts(parts.scheme, parts.netloc, path, None, None)
    return UrlParts(parts.scheme, parts.netloc, path, parts.query, parts.fragment)


def _rewrite_github(parts: UrlParts, changes: list[Change]) -> UrlParts:
    found = github_from_parts(parts) if parts.host == "github.com" else None
    if found is None:
        return parts
    repo = found[0]
    head = f"/{repo.owner}/{repo.repo}"
    if not parts.path.startswith(head + ".git"):
        return parts
    changes.append(Change(CHANGE_GIT, f"{repo.repo}.git -> {repo.repo}"))
    path = head + parts.path[len(head) + len(".git") :]
    return UrlParts(parts.scheme, parts.netloc, path, parts.query, parts.fragment)


def _rewrite_host(parts: UrlParts, changes: list[Change]) -> UrlParts:
    host = parts.host
    netloc = parts.netloc
    alias = _HOST_ALIASES.get(host)
    if host in ARXIV_REWRITE_HOSTS and arxiv_link_form(parts.join()) is None:
        alias = None  # arXiv's other pages exist on some of its hosts only
    host_change = None
    if alias and alias != host:
        host_change = Change(CHANGE_HOST, f"{host} -> {alias}")
        netloc = host = alias
    scheme = parts.scheme
    if host in _HTTPS_HOSTS and scheme.lower() != "https":
        changes.append(Change(CHANGE_SCHEME, f"{scheme}:// -> https://"))
        scheme = "https"
    if host_change:
        changes.append(host_change)
    if host in _HTTPS_HOSTS and netloc != host:
        netloc = host  # upper case or a default port
    return UrlParts(scheme, netloc, parts.path, parts.query, parts.fragment)


@functools.lru_cache(maxsize=CACHE_SIZE)
def rewrite_url(url: str, prefs: Preferences = Preferences()) -> Rewrite | None:
    """The canonical spelling of `url` under `prefs` and what differs, or None when `url` is
    already canonical (or not a web link)."""
    parts = web_parts(url)
    if parts is None:
        return None
    changes: list[Change] = []
    parts = _rewrite_host(parts, changes)
    if parts.host == "arxiv.org":
        parts = _rewrite_arxiv(parts, prefs, changes)
    parts = _rewrite_github(parts, changes)
    if prefs.drop_tracking and (keys := _tracking_keys(parts.query)):
        changes.append(Change(CHANGE_TRACKING, ", ".join(keys)))
        query = filter_query(parts.query, _is_tracking)
        parts = UrlParts(parts.scheme, parts.netloc, parts.path, query, parts.fragment)
    canonical = parts.join()
    if not changes or canonical == url:
        return None
    return Rewrite(canonical, tuple(changes))
