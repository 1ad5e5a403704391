"""The facts the network layer gathers about links, for the network rules to read.

Types only: importing this package pulls in neither httpx nor asyncio, so rules can use these
types while staying pure.

Owns: every request the tool makes (arXiv, GitHub, Semantic Scholar, other links), pacing,
retries and the cache. May import: `awesomelint.knowledge`, `awesomelint.document`,
`awesomelint.errors` and `awesomelint.version`; never rules, the engine, fixing or the CLI.
"""

from __future__ import annotations

import dataclasses as dc
import enum
from collections.abc import Mapping

from awesomelint.errors import AwesomelintError


class TransportError(AwesomelintError):
    """A request got no HTTP answer: timeout, refused or reset connection, DNS failure."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        """One of "timeout", "connect", "dns", "reset", "error", "deadline", "down"."""


@dc.dataclass(frozen=True, slots=True)
class Response:
    status: int
    headers: Mapping[str, str]
    """Header names in lower case."""
    body: bytes = b""
    """At most what the caller asked for; empty for HEAD."""
    url: str = ""


@dc.dataclass(frozen=True, slots=True)
class ArxivRecord:
    id: str
    """Versionless, as in `ArxivId.id`."""
    found: bool
    title: str = ""
    """Whitespace-normalised; may contain TeX."""
    version: int | None = None
    """The latest version the API reported."""
    withdrawn: bool = False
    comment: str = ""
    reason: str = ""
    """Why the paper was not found, when the API said more than "no entry"."""
    journal_ref: str = ""
    """`arxiv:journal_ref`: where the authors say the paper appeared, as they wrote it."""
    doi: str = ""
    """`arxiv:doi`: the published version's DOI, when the authors gave one."""


@dc.dataclass(frozen=True, slots=True)
class PaperVenue:
    """Where a scholarly metadata service says an arXiv paper appeared."""

    id: str
    """Versionless arXiv id."""
    names: tuple[str, ...] = ()
    """The venue's names as the service gives them: its name first, then alternate names,
    the venue string and the journal's name; empty when it knows of no venue."""
    year: int | None = None
    kind: str = ""
    """The service's venue type ("conference", "journal", ...), "" when it gives none."""
    doi: str = ""
    source: str = ""
    """Who said so: "Semantic Scholar"."""


class RepoStatus(enum.Enum):
    OK = "ok"
    MOVED = "moved"
    NOT_FOUND = "not-found"
    BLOCKED = "blocked"


@dc.dataclass(frozen=True, slots=True)
class GitHubRecord:
    key: str
    """The requested "owner/repo", lower case."""
    status: RepoStatus
    full_name: str = ""
    """The repository's current "owner/repo" in GitHub's casing (the new one when moved)."""
    archived: bool = False


class LinkState(enum.Enum):
    OK = "ok"
    BROKEN = "broken"
    UNCHECKED = "unchecked"


@dc.dataclass(frozen=True, slots=True)
class LinkStatus:
    url: str
    state: LinkState
    status: int | None = None
    """The last HTTP status seen, None when no answer came."""
    reason: str = ""
    """"HTTP 404", "timeout", "no connection", ..."""
    final_url: str | None = None


@dc.dataclass(frozen=True, slots=True)
class NetFacts:
    """Everything the network rules may know, gathered before any rule runs."""

    arxiv: Mapping[str, ArxivRecord] = dc.field(default_factory=dict)
    """By versionless arXiv id; ids that could not be checked are absent."""
    github: Mapping[str, GitHubRecord] = dc.field(default_factory=dict)
    """By lower-case "owner/repo"; repositories that could not be checked are absent."""
    links: Mapping[str, LinkStatus] = dc.field(default_factory=dict)
    """By the link's URL exactly as written in the document."""
    venues: Mapping[str, PaperVenue] = dc.field(default_factory=dict)
    """By versionless arXiv id: what the metadata service knows of papers tagged as
    preprints; ids it was not asked about or could not answer for are absent."""
    unchecked: int = 0
    """How many arXiv ids, repositories and links got no answer."""
    requests: int = 0
    """HTTP requests made (zero when everything came from the cache)."""
    notes: tuple[str, ...] = ()
    """Human-readable summary lines, e.g. "12 links could not be checked (no network)"."""


__all__ = [
    "ArxivRecord",
    "GitHubRecord",
    "LinkState",
    "LinkStatus",
    "NetFacts",
    "PaperVenue",
    "RepoStatus",
    "Response",
    "TransportError",
]
