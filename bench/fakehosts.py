"""The link bench's fake hosts: arXiv, GitHub and ordinary web hosts on 127.0.0.1, counted."""

from __future__ import annotations

import dataclasses as dc
import re
import sys
import zlib
from contextlib import ExitStack
from typing import Any

from linklist import OTHER_HOSTS, World
from projectenv import REPO

sys.path.insert(0, str(REPO))  # for the test suite's fakes, tests/net_servers.py

from tests import net_servers
from tests.net_servers import (
    FakeArxiv,
    FakeGitHub,
    FakeSemanticScholar,
    FakeServer,
    Paper,
    Reply,
    Repo,
    Seen,
    running,
)

# A client closing a kept-alive connection is not worth a traceback on stderr.
net_servers._Server.handle_error = lambda self, request, client_address: None  # type: ignore[method-assign]

TOKEN = "bench-token"
ARXIV_INTERVAL = 2.9
"""The fake arXiv hosts refuse a request that comes sooner than this after the previous one
(the rule is 3 s; 0.1 s of slack for the client's timer and the connection)."""


def latency(seen: Seen) -> float:
    """50-150 ms, the same for the same request."""
    return 0.05 + zlib.crc32(f"{seen.method} {seen.path}".encode()) % 101 / 1000


class ArxivRule:
    """arXiv's 3 s rule, per host: too soon after the previous request -> 429."""

    def __init__(self) -> None:
        self.last = float("-inf")
        self.refused = 0

    def too_soon(self, seen: Seen) -> Reply | None:
        previous, self.last = self.last, seen.at
        if seen.at - previous < ARXIV_INTERVAL:
            self.refused += 1
            return Reply(429, b"Rate exceeded.", {"Retry-After": "3"}, delay=latency(seen))
        return None


class BenchArxivApi(FakeArxiv):
    def __init__(self, papers: dict[str, Paper]) -> None:
        super().__init__(papers)
        self.rule = ArxivRule()

    def handle(self, seen: Seen) -> Reply:
        refused = self.rule.too_soon(seen)
        if refused is not None:
            return refused
        reply = super().handle(seen)
        ids = len(self.batches()[-1])
        # A real batch of 100 takes the API about a second.
        return dc.replace(reply, delay=latency(seen) + 0.006 * ids)


class ArxivPages(FakeServer):
    """arxiv.org: /abs/ID and /pdf/ID, 200 or 404, under the same 3 s rule."""

    def __init__(self, papers: dict[str, Paper]) -> None:
        super().__init__()
        self.papers = papers
        self.rule = ArxivRule()
        self.answered: set[str] = set()
        """Paths that got a real answer (not a 429)."""

    def handle(self, seen: Seen) -> Reply:
        refused = self.rule.too_soon(seen)
        if refused is not None:
            return refused
        self.answered.add(seen.path)
        m = re.fullmatch(r"/(?:abs|pdf)/(.+?)(?:v\d+)?", seen.path.split("?")[0])
        paper = self.papers.get(m[1]) if m else None
        if paper is None:
            return Reply(
                404, b"<html>Article identifier not recognized</html>", delay=latency(seen)
            )
        body = f"<html><title>{paper.title}</title></html>".encode()
        return Reply(200, body, {"Content-Type": "text/html"}, delay=latency(seen))


class BenchSemanticScholar(FakeSemanticScholar):
    """The Graph API batch look-up under the public pool's pace: a request less than 0.95 s
    after the previous one gets 429 (the client keeps to one a second)."""

    def __init__(self) -> None:
        super().__init__()
        self.last = float("-inf")
        self.refused = 0

    def handle(self, seen: Seen) -> Reply:
        previous, self.last = self.last, seen.at
        if seen.at - previous < 0.95:
            self.refused += 1
            return Reply(429, b'{"message": "Too Many Requests"}', delay=latency(seen))
        reply = super().handle(seen)
        ids = seen.body.count(b"ARXIV:")
        return dc.replace(reply, delay=latency(seen) + 0.001 * ids)


class BenchGitHubApi(FakeGitHub):
    """REST and GraphQL; separate quotas for anonymous and token requests."""

    def __init__(self, repos: list[Repo], renamed: dict[str, int]) -> None:
        super().__init__(repos)
        self.renamed = renamed
        self.token = TOKEN
        self.quota = {"anonymous": 60, "token": 5000}

    def handle(self, seen: Seen) -> Reply:
        who = "token" if seen.headers.get("authorization") == f"Bearer {TOKEN}" else "anonymous"
        self.remaining = self.quota[who]
        reply = super().handle(seen)
        self.quota[who] = self.remaining
        delay = latency(seen)
        if seen.path == "/graphql":
            delay += 0.01 * seen.body.count(b"repository(")
        return dc.replace(reply, delay=delay)


class GitHubPages(FakeServer):
    """github.com: /OWNER/REPO pages; renamed ones redirect to the new name. No rate limit."""

    def __init__(self, repos: list[Repo], renamed: dict[str, int]) -> None:
        super().__init__()
        self.repos = {r.full_name.lower(): r for r in repos}
        by_id = {r.id: r for r in repos}
        self.moved = {old: by_id[new].full_name for old, new in renamed.items()}

    def handle(self, seen: Seen) -> Reply:
        key = seen.path.split("?")[0].strip("/").lower()
        if key in self.repos:
            return Reply(200, b"<html>repo</html>", delay=latency(seen))
        if key in self.moved:
            headers = {"Location": f"/{self.moved[key]}"}
            return Reply(301, headers=headers, delay=latency(seen))
        return Reply(404, b"<html>Not Found</html>", delay=latency(seen))


class WebHost(FakeServer):
    """An ordinary host: `mode` is "normal" (paths answer from `pages`), "busy" (429 to
    everyone), "down" (503 to everyone) or "slow" (200 after 1.5 s)."""

    def __init__(self, mode: str, pages: dict[str, int] | None = None) -> None:
        super().__init__()
        self.mode = mode
        self.pages = pages or {}

    def handle(self, seen: Seen) -> Reply:
        delay = latency(seen)
        if self.mode == "busy":
            return Reply(429, b"Too Many Requests", {"Retry-After": "5"}, delay=delay)
        if self.mode == "down":
            return Reply(503, b"Service Unavailable", delay=delay)
        if self.mode == "slow":
            return Reply(200, b"<html>ok</html>", delay=1.5)
        status = self.pages.get(seen.path, 404)
        if status == 301:
            return Reply(301, headers={"Location": seen.path + "-new"}, delay=delay)
        return Reply(status, b"<html>page</html>", delay=delay)


@dc.dataclass
class Hosts:
    arxiv_api: BenchArxivApi
    arxiv_pages: ArxivPages
    github_api: BenchGitHubApi
    github_pages: GitHubPages
    web: dict[str, WebHost]
    semantic_scholar: BenchSemanticScholar = dc.field(default_factory=BenchSemanticScholar)

    def all(self) -> dict[str, FakeServer]:
        return {
            "export.arxiv.org": self.arxiv_api,
            "arxiv.org": self.arxiv_pages,
            "api.github.com": self.github_api,
            "github.com": self.github_pages,
            "api.semanticscholar.org": self.semantic_scholar,
            **self.web,
        }

    def reset(self) -> None:
        for server in self.all().values():
            with server.lock:
                server.requests.clear()
        self.arxiv_api.rule.refused = self.arxiv_pages.rule.refused = 0
        self.semantic_scholar.refused = 0
        self.semantic_scholar.last = float("-inf")
        self.arxiv_pages.answered.clear()
        self.github_api.quota = {"anonymous": 60, "token": 5000}

    def remaps(self) -> list[str]:
        return [
            f"^https?://{re.escape(host)}(/.*)?$ {server.base}$1"
            for host, server in self.all().items()
        ]

    def counts(self) -> dict[str, Any]:
        web = {host: len(server.requests) for host, server in self.web.items()}
        return {
            "arxiv_api": len(self.arxiv_api.requests),
            "arxiv_pages": len(self.arxiv_pages.requests),
            "arxiv_429": self.arxiv_api.rule.refused + self.arxiv_pages.rule.refused,
            "arxiv_pages_answered": len(self.arxiv_pages.answered),
            "arxiv_api_gaps": [
                round(b.at - a.at, 3)
                for a, b in zip(self.arxiv_api.requests, self.arxiv_api.requests[1:], strict=False)
            ],
            "github_api": len(self.github_api.requests),
            "github_graphql": len(self.github_api.paths("POST")),
            "github_pages": len(self.github_pages.requests),
            "other": sum(web.values()),
            "s2_requests": len(self.semantic_scholar.requests),
            "s2_ids": sum(len(batch) for batch in self.semantic_scholar.batches()),
            "s2_429": self.semantic_scholar.refused,
            "other_by_host": web,
        }


def start_hosts(world: World, stack: ExitStack) -> Hosts:
    hosts = Hosts(
        BenchArxivApi(world.papers),
        ArxivPages(world.papers),
        BenchGitHubApi(world.repos, world.renamed),
        GitHubPages(world.repos, world.renamed),
        {host: WebHost(OTHER_HOSTS[host][0], pages) for host, pages in world.pages.items()},
    )
    for server in hosts.all().values():
        stack.enter_context(running(server))
    return hosts
