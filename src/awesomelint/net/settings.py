"""How the network layer behaves: limits, endpoints, remaps and cache, as one frozen value."""

from __future__ import annotations

import dataclasses as dc
from pathlib import Path

from awesomelint.cachedir import user_cache_dir
from awesomelint.net.remap import Remap
from awesomelint.version import __version__

GITHUB_API = "https://api.github.com"
SEMANTIC_SCHOLAR_API = "https://api.semanticscholar.org/graph/v1/paper/batch"
DAY = 86400.0
HOUR = 3600.0


def default_cache_dir() -> Path:
    """The per-user cache directory for awesomelint on this platform."""
    return Path(user_cache_dir())


@dc.dataclass(frozen=True, slots=True)
class HostLimit:
    host: str
    concurrency: int
    min_interval: float
    """Seconds between the starts of two requests to this host."""


# github.com pages are throttled hard for bots (DOMAIN.md §2.4); arXiv's API host is paced by
# the arXiv client itself.
DEFAULT_HOST_LIMITS = (HostLimit("github.com", 1, 1.0),)


@dc.dataclass(frozen=True, slots=True)
class NetSettings:
    timeout: float = 20.0
    """Seconds for one request."""
    total_deadline: float = 300.0
    """Seconds for the whole gathering; what is left after it is reported unchecked."""
    concurrency: int = 16
    """Requests in flight at once, all hosts together."""
    per_host_concurrency: int = 2
    per_host_interval: float = 0.0
    host_limits: tuple[HostLimit, ...] = DEFAULT_HOST_LIMITS
    retries: int = 2
    """Extra attempts after a 429, a 5xx, a timeout or a reset."""
    backoff: float = 1.0
    """First retry delay in seconds; doubled on each retry."""
    max_retry_after: float = 60.0
    """A longer `Retry-After` is not waited for: the link is reported unchecked."""
    max_redirects: int = 10
    arxiv_api: str = "https://export.arxiv.org/api/query"
    arxiv_interval: float = 3.0
    """arXiv API terms: no more than one request every three seconds, one connection."""
    arxiv_batch: int = 100
    semantic_scholar_api: str = SEMANTIC_SCHOLAR_API
    """The batch look-up: one POST of up to `venue_batch` arXiv ids."""
    venue_interval: float = 1.0
    """Semantic Scholar's public pool: at most one request a second."""
    venue_batch: int = 500
    github_api: str = GITHUB_API
    github_graphql: str | None = None
    """Defaults to `<github_api>/graphql` (GitHub Enterprise: `/api/v3` -> `/api/graphql`)."""
    github_token: str | None = None
    """Read from GITHUB_TOKEN by the caller; sent only to `github_token_api`'s origin."""
    github_token_api: str = GITHUB_API
    """The one API the token may go to: GitHub's, or the one the operator names on the command
    line or in the environment (GitHub Enterprise), never one a configuration file names.
    Over https only, or plain http to a loopback address."""
    trusted_hosts: frozenset[str] = frozenset()
    """Hosts the operator named (a GitHub Enterprise API): connected to even when they are
    on a private address."""
    remaps: tuple[Remap, ...] = ()
    cache_dir: Path | None = None
    """None turns the cache off."""
    ttl_good: float = 7 * DAY
    ttl_bad: float = 12 * HOUR
    ask_arxiv: bool = True
    ask_github: bool = True
    ask_links: bool = True
    ask_venues: bool = True
    """What to gather: callers turn off what no selected rule reads."""
    allow_private: bool = False
    """Connect to loopback, private, link-local and other non-public addresses too."""
    trust_env: bool = True
    """Honour HTTP(S)_PROXY and friends from the environment."""
    user_agent: str = f"awesomelint/{__version__} (link checker)"

    @property
    def graphql_url(self) -> str:
        if self.github_graphql:
            return self.github_graphql
        base = self.github_api.rstrip("/")
        if base.endswith("/api/v3"):
            return base.removesuffix("/v3") + "/graphql"
        return base + "/graphql"

    def fresh(self, age: float, *, good: bool) -> bool:
        """Whether a cached answer this old is still trusted (good ones for days)."""
        return age < (self.ttl_good if good else self.ttl_bad)

    def host_limit(self, host: str) -> HostLimit:
        for limit in self.host_limits:
            if limit.host == host:
                return limit
        return HostLimit(host, self.per_host_concurrency, self.per_host_interval)
