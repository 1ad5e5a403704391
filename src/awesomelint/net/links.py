"""Checking ordinary http(s) links: HEAD, GET where HEAD is refused, redirects followed."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from urllib.parse import urljoin, urlsplit, urlunsplit

from awesomelint.net import LinkState, LinkStatus, Response, TransportError
from awesomelint.net.cache import Cache
from awesomelint.net.session import RETRY_STATUSES, Session, origin, reason_of

BROKEN_STATUSES = frozenset({404, 410})
_KIND = "link"


def request_url(url: str) -> str:
    """The URL as sent: stripped, without its fragment (servers never see it)."""
    parts = urlsplit(url.strip())
    return urlunsplit(parts._replace(fragment=""))


def classify(url: str, status: int, final_url: str | None) -> LinkStatus:
    if status in BROKEN_STATUSES:
        state = LinkState.BROKEN
    elif status in RETRY_STATUSES or status >= 500:
        state = LinkState.UNCHECKED
    else:
        state = LinkState.OK
    return LinkStatus(url, state, status, f"HTTP {status}", final_url)


async def _probe(session: Session, url: str) -> Response:
    # Some servers refuse or mishandle HEAD (405, 403, even 404): only a GET answer counts
    # against a link.
    response = await session.send_retrying("HEAD", url)
    if 200 <= response.status < 400:
        return response
    return await session.send_retrying("GET", url)


async def check_link(session: Session, url: str) -> LinkStatus | None:
    """The link's status; None when policy says it must not be fetched."""
    # The address policy applies to what documents and servers name, not to remaps: those
    # come from the user.
    if session.refused(request_url(url)):
        return None
    current = session.target(request_url(url))
    try:
        for _ in range(session.settings.max_redirects + 1):
            response = await _probe(session, current)
            location = response.headers.get("location")
            if not (300 <= response.status < 400 and location):
                return classify(url, response.status, current)
            following = urljoin(current, location)
            why = session.refused(following) if origin(following) != origin(current) else None
            if why:
                return LinkStatus(url, LinkState.UNCHECKED, response.status, f"redirect to {why}")
            current = session.target(following)
    except TransportError as err:
        return LinkStatus(url, LinkState.UNCHECKED, None, reason_of(err))
    return LinkStatus(url, LinkState.UNCHECKED, None, "too many redirects")


class LinkChecker:
    def __init__(self, session: Session, cache: Cache | None) -> None:
        self._session = session
        self._cache = cache
        self.results: dict[str, LinkStatus] = {}
        self.skipped: dict[str, int] = {}
        self.refused: set[str] = set()

    async def run(self, urls: Iterable[str], progress: Callable[[], None] | None = None) -> None:
        by_request: dict[str, list[str]] = {}
        for url in urls:
            by_request.setdefault(request_url(url), []).append(url)
        async with asyncio.TaskGroup() as group:
            for target, originals in by_request.items():
                group.create_task(self._one(target, originals, progress))

    async def _one(
        self, target: str, originals: list[str], progress: Callable[[], None] | None
    ) -> None:
        status = self._cached(target)
        if status is None:
            status = await check_link(self._session, target)
            self._store(target, status)
        if progress is not None:
            progress()
        if status is None:
            why = self._session.refused(target) or "not fetched"
            self.skipped[why] = self.skipped.get(why, 0) + len(originals)
            self.refused.update(originals)
            return
        for url in originals:
            self.results[url] = LinkStatus(
                url, status.state, status.status, status.reason, status.final_url
            )

    def _cached(self, target: str) -> LinkStatus | None:
        found = self._cache.get(_KIND, self._session.target(target)) if self._cache else None
        if found is None:
            return None
        value = found.value
        try:
            status = LinkStatus(
                target, LinkState(value["state"]), value["status"], value["reason"], value["final"]
            )
        except (KeyError, ValueError):
            return None
        good = status.state is LinkState.OK
        return status if self._session.settings.fresh(found.age, good=good) else None

    def _store(self, target: str, status: LinkStatus | None) -> None:
        if self._cache is None or status is None or status.state is LinkState.UNCHECKED:
            return
        self._cache.put(
            _KIND,
            self._session.target(target),
            {
                "state": status.state.value,
                "status": status.status,
                "reason": status.reason,
                "final": status.final_url,
            },
        )
