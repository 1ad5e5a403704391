"""Asking GitHub about repositories: REST with ETags, or GraphQL batches with a token."""

from __future__ import annotations

import asyncio
import dataclasses as dc
import json
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import urljoin

from awesomelint.knowledge.urls import GitHubRepo
from awesomelint.net import GitHubRecord, RepoStatus, Response, TransportError
from awesomelint.net.cache import FLAG, TEXT, Cache, Cached, fields
from awesomelint.net.credentials import token_problem
from awesomelint.net.pacing import HostGate
from awesomelint.net.session import Session, reason_of, summarise
from awesomelint.net.settings import HostLimit

_KIND = "github"
_MAX_BODY = 2_000_000
_GRAPHQL_BATCH = 100
_REST_WORKERS = 2
_REDIRECTS = frozenset({301, 302, 307, 308})
_HEADERS = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}
_FRAGMENT = "fragment R on Repository { nameWithOwner isArchived }"
RATE_LIMIT = "rate limit"


@dc.dataclass(frozen=True, slots=True)
class _Todo:
    repo: GitHubRepo
    stale: Cached | None


def _record(repo: GitHubRepo, full_name: str, archived: bool) -> GitHubRecord:
    moved = full_name.lower() != repo.key
    status = RepoStatus.MOVED if moved else RepoStatus.OK
    return GitHubRecord(repo.key, status, full_name, archived)


def _is_rate_limited(response: Response) -> bool:
    if response.status not in {403, 429}:
        return False
    if response.headers.get("x-ratelimit-remaining") == "0":
        return True
    return b"rate limit" in response.body.lower()


_ROW = {"status": TEXT, "full_name": TEXT, "archived": FLAG}
_STATUSES = {status.value: status for status in RepoStatus}


def _from_row(repo: GitHubRepo, value: Mapping[str, Any]) -> GitHubRecord | None:
    """The record a cache row holds; None for a row of any other shape."""
    if not fields(value, _ROW) or value["status"] not in _STATUSES:
        return None
    return GitHubRecord(repo.key, _STATUSES[value["status"]], value["full_name"], value["archived"])


def _json(response: Response) -> Any:
    try:
        return json.loads(response.body)
    except ValueError:
        return None


class GitHubClient:
    def __init__(self, session: Session, cache: Cache | None) -> None:
        self._session = session
        self._cache = cache
        self._gate = HostGate(HostLimit("github-api", 2, 0.0), session.clock)
        settings = session.settings
        apis = (settings.github_api, settings.graphql_url)
        token = settings.github_token
        self._withheld = token_problem(settings.github_api, session) if token else None
        self._token = token if self._withheld is None else None
        # The endpoints asked (after remaps) are part of the cache key: answers from a mirror
        # or a fake API must not be served to runs that ask the real one.
        self._endpoints = " ".join(session.target(api) for api in apis)
        self.results: dict[str, GitHubRecord] = {}
        self._why: dict[str, str] = {}
        self._stopped: str | None = None
        self._token_refused = False

    async def run(self, repos: Sequence[GitHubRepo], progress: Callable[[int], None]) -> None:
        todo: list[_Todo] = []
        for repo in repos:
            cached = self._cache.get(_KIND, self._cache_key(repo)) if self._cache else None
            if cached is not None and _from_row(repo, cached.value) is None:
                cached = None  # a row of the wrong shape is a miss, its ETag included
            if cached is not None and self._fresh(cached) and self._restore(repo, cached.value):
                continue
            todo.append(_Todo(repo, cached))
        progress(len(repos) - len(todo))
        graphql = self._session.settings.graphql_url
        if self._token and todo and self._may_send_token(graphql):
            todo = await self._graphql_all(todo, progress)
        if todo:
            # A few workers taking turns, so that nothing is sent once the quota runs out.
            queue = iter(todo)
            async with asyncio.TaskGroup() as group:
                for _ in range(_REST_WORKERS):
                    group.create_task(self._rest_worker(queue, progress))

    def unchecked(self, planned: int) -> int:
        return planned - len(self.results)

    def notes(self, planned: int) -> list[str]:
        notes = []
        if self._withheld:
            notes.append(f"GITHUB_TOKEN not sent: {self._withheld}")
        if self._token_refused:
            notes.append(
                "GITHUB_TOKEN was refused by GitHub (HTTP 401); used the REST API without it"
            )
        left = self.unchecked(planned)
        if not left:
            return notes
        reasons = Counter(self._why.values())
        if sum(reasons.values()) < left:
            reasons["deadline"] += left - sum(reasons.values())
        noun = "repository" if left == 1 else "repositories"
        if reasons.get(RATE_LIMIT):
            hint = "; set GITHUB_TOKEN" if not self._token else ""
            notes.append(f"GitHub rate limit reached: {left} {noun} unchecked{hint}")
        else:
            why = summarise(reasons.elements())
            notes.append(f"{left} GitHub {noun} could not be checked ({why})")
        return notes

    def _fresh(self, cached: Cached) -> bool:
        good = cached.value.get("status") in {RepoStatus.OK.value, RepoStatus.MOVED.value}
        return self._session.settings.fresh(cached.age, good=good)

    def _cache_key(self, repo: GitHubRepo) -> str:
        # ETags differ between authenticated and anonymous answers (DOMAIN.md §2.2).
        return f"{repo.key}|{'token' if self._token else 'anonymous'}|{self._endpoints}"

    def _restore(self, repo: GitHubRepo, value: Mapping[str, Any]) -> bool:
        record = _from_row(repo, value)
        if record is None:
            return False
        self.results[repo.key] = record
        return True

    def _store(self, repo: GitHubRepo, record: GitHubRecord, etag: str | None = None) -> None:
        self.results[repo.key] = record
        self._why.pop(repo.key, None)
        if self._cache is None:
            return
        value = {
            "status": record.status.value,
            "full_name": record.full_name,
            "archived": record.archived,
        }
        self._cache.put(_KIND, self._cache_key(repo), value, etag=etag)

    # -- REST ---------------------------------------------------------------------------------

    def _headers(self, url: str, etag: str | None) -> dict[str, str]:
        headers = dict(_HEADERS)
        # The token goes to the GitHub API and nowhere else, redirects included.
        if self._token and self._may_send_token(url):
            headers["Authorization"] = f"Bearer {self._token}"
        if etag:
            headers["If-None-Match"] = etag
        return headers

    def _may_send_token(self, url: str) -> bool:
        problem = token_problem(url, self._session)
        self._withheld = self._withheld or problem
        return problem is None

    async def _rest_worker(self, queue: Iterator[_Todo], progress: Callable[[int], None]) -> None:
        for item in queue:
            await self._rest(item, progress)

    async def _rest(self, item: _Todo, progress: Callable[[int], None]) -> None:
        repo = item.repo
        url = f"{self._session.settings.github_api.rstrip('/')}/repos/{repo.owner}/{repo.repo}"
        etag = item.stale.etag if item.stale else None
        try:
            for _ in range(self._session.settings.max_redirects):
                if self._stopped:
                    self._why[repo.key] = self._stopped
                    return
                response = await self._session.send_retrying(
                    "GET",
                    self._session.target(url),
                    gate=self._gate,
                    headers=self._headers(url, etag),
                    max_body=_MAX_BODY,
                )
                location = response.headers.get("location")
                if response.status not in _REDIRECTS or not location:
                    self._answer(item, response, etag)
                    return
                url, etag = urljoin(url, location), None
            self._why[repo.key] = "too many redirects"
        except TransportError as err:
            self._why[repo.key] = reason_of(err)
        finally:
            progress(1)

    def _answer(self, item: _Todo, response: Response, etag: str | None) -> None:
        repo = item.repo
        if response.headers.get("x-ratelimit-remaining") == "0":
            self._stopped = RATE_LIMIT
        stale = item.stale
        if response.status == 304 and stale is not None and self._restore(repo, stale.value):
            self._store(repo, self.results[repo.key], etag)
            return
        body = _json(response)
        if response.status == 200 and isinstance(body, dict) and body.get("full_name"):
            record = _record(repo, str(body["full_name"]), bool(body.get("archived")))
            moved = record.status is RepoStatus.MOVED
            self._store(repo, record, None if moved else response.headers.get("etag"))
        elif response.status in {404, 410}:
            self._store(repo, GitHubRecord(repo.key, RepoStatus.NOT_FOUND))
        elif response.status == 451:
            self._store(repo, GitHubRecord(repo.key, RepoStatus.BLOCKED))
        elif _is_rate_limited(response):
            self._stopped = RATE_LIMIT
            self._why[repo.key] = RATE_LIMIT
        else:
            self._why[repo.key] = f"HTTP {response.status}"

    # -- GraphQL ------------------------------------------------------------------------------

    async def _graphql_all(self, todo: list[_Todo], progress: Callable[[int], None]) -> list[_Todo]:
        """Ask in batches; returns what is left for REST: batches GraphQL failed to answer
        (5xx), and everything once the token is refused."""
        left: list[_Todo] = []
        for start in range(0, len(todo), _GRAPHQL_BATCH):
            batch = todo[start : start + _GRAPHQL_BATCH]
            if self._stopped:
                self._why.update(dict.fromkeys((item.repo.key for item in batch), self._stopped))
                continue
            outcome = await self._graphql(batch)
            if outcome == "refused":
                self._token_refused = True
                self._token = None
                return left + todo[start:]
            if outcome == "failed":
                left += batch
                continue
            progress(len(batch))
        return left

    async def _graphql(self, batch: list[_Todo]) -> str:
        """ "answered", "failed" (a server error: REST may do better) or "refused" (401)."""
        lines = [
            f"r{i}: repository(owner: {json.dumps(item.repo.owner)}, "
            f"name: {json.dumps(item.repo.repo)}) {{ ...R }}"
            for i, item in enumerate(batch)
        ]
        query = f"{_FRAGMENT}\nquery {{\n" + "\n".join(lines) + "\nrateLimit { remaining }\n}"
        url = self._session.settings.graphql_url
        try:
            response = await self._session.send_retrying(
                "POST",
                self._session.target(url),
                gate=self._gate,
                headers=self._headers(url, None),
                json={"query": query},
                max_body=_MAX_BODY,
            )
        except TransportError as err:
            self._why.update(dict.fromkeys((item.repo.key for item in batch), reason_of(err)))
            return "answered"
        if response.status == 401:
            return "refused"
        if response.status >= 500:
            return "failed"
        self._graphql_answer(batch, response)
        return "answered"

    def _graphql_answer(self, batch: list[_Todo], response: Response) -> None:
        body = _json(response)
        data = body.get("data") if isinstance(body, dict) else None
        errors = body.get("errors") if isinstance(body, dict) else None
        kinds = {
            str(error.get("path", [""])[0]): str(error.get("type", ""))
            for error in errors or []
            if isinstance(error, dict) and error.get("path")
        }
        limited = _is_rate_limited(response) or any(
            isinstance(error, dict) and error.get("type") == "RATE_LIMITED"
            for error in errors or []
        )
        for i, item in enumerate(batch):
            alias, key = f"r{i}", item.repo.key
            found = data.get(alias) if isinstance(data, dict) else None
            if isinstance(found, dict) and found.get("nameWithOwner"):
                self._store(
                    item.repo,
                    _record(item.repo, str(found["nameWithOwner"]), bool(found.get("isArchived"))),
                )
            elif kinds.get(alias) == "NOT_FOUND":
                self._store(item.repo, GitHubRecord(key, RepoStatus.NOT_FOUND))
            elif limited:
                self._why[key] = RATE_LIMIT
            else:
                self._why[key] = kinds.get(alias) or f"HTTP {response.status}"
        if limited:
            self._stopped = RATE_LIMIT
