"""Checking ordinary http(s) links: HEAD, GET where HEAD is refused, redirects followed."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from urllib.parse import urljoin, urlsplit, urlunsplit

from awesomelint.net import LinkState, LinkStatus, Response, TransportError
from awesomelint.net.addresses import PRIVATE
from awesomelint.net.cache import (
    NUMBER,
    OPTIONAL_TEXT,
    OPTIONAL_WHOLE,
    TEXT,
    WHOLE,
    Cache,
    fields,
)
from awesomelint.net.session import RETRY_STATUSES, Session, origin, reason_of
from awesomelint.net.settings import HOUR

BROKEN_STATUSES = frozenset({404, 410})
DOWN_AFTER = 3
"""A host that refused this many links in a row (429 or 5xx, after retries) is given up on."""
UNCHECKED_TTL = HOUR
"""How long a refusal is remembered: no request to that host or link until then."""
_KIND = "link"
_HOST_KIND = "host-down"
_LINK_ROW = {"state": TEXT, "status": OPTIONAL_WHOLE, "reason": TEXT, "final": OPTIONAL_TEXT}
_HOST_ROW = {"status": WHOLE, "ttl": NUMBER}
_STATES = {state.value: state for state in LinkState}


def request_url(url: str) -> str:
    """The URL as sent: stripped, without its fragment (servers never see it)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # "http://[::1": `Session.refused` says why it is not fetched
        return url.strip()
    return urlunsplit(parts._replace(fragment=""))


def classify(url: str, status: int, final_url: str | None) -> LinkStatus:
    if status in BROKEN_STATUSES:
        state = LinkState.BROKEN
    elif status in RETRY_STATUSES or status >= 500:
        state = LinkState.UNCHECKED
    else:
        state = LinkState.OK
    return LinkStatus(url, state, status, f"HTTP {status}", final_url)


def _head_is_the_problem(status: int) -> bool:
    """Whether a HEAD answer may be about HEAD rather than the page (405, 501, 403, 404, ...).

    A 429 or a 5xx is about the host, already retried by `send_retrying`: a GET would only be
    refused the same way.
    """
    if 200 <= status < 400:
        return False
    return status == 501 or not (status in RETRY_STATUSES or status >= 500)


async def _probe(session: Session, url: str) -> Response:
    # Some servers refuse or mishandle HEAD (405, 403, even 404): only a GET answer counts
    # against a link.
    try:
        response = await session.send_retrying("HEAD", url)
    except TransportError as err:
        # Some servers drop the connection on HEAD; a timeout says nothing about HEAD.
        if err.kind != "reset":
            raise
        return await session.send_retrying("GET", url)
    if not _head_is_the_problem(response.status):
        return response
    return await session.send_retrying("GET", url)


async def check_link(session: Session, url: str) -> LinkStatus | str:
    """The link's status, or why it was not fetched at all (no connection was made).

    The address guard judges the link, the remapped target and every redirect hop alike:
    remaps may come from a configuration file, and redirects from anyone.
    """
    first = request_url(url)
    why = session.refused(first)
    if why:
        return why
    current = session.target(first)
    hops = 0
    try:
        for hops in range(session.settings.max_redirects + 1):  # noqa: B007 - used below
            response = await _probe(session, current)
            location = response.headers.get("location")
            if not (300 <= response.status < 400 and location):
                return classify(url, response.status, current)
            following = urljoin(current, location)
            why = session.refused(following)
            if why:
                return LinkStatus(url, LinkState.UNCHECKED, response.status, f"redirect to {why}")
            current = session.target(following)
    except TransportError as err:
        if err.kind == "private":
            if hops == 0:
                return PRIVATE
            return LinkStatus(url, LinkState.UNCHECKED, None, f"redirect to {PRIVATE}")
        if err.kind == "down":
            status = session.down_status(origin(current))
            return LinkStatus(url, LinkState.UNCHECKED, status, str(err), current)
        return LinkStatus(url, LinkState.UNCHECKED, None, reason_of(err))
    return LinkStatus(url, LinkState.UNCHECKED, None, "too many redirects")


def refused_by_host(status: LinkStatus) -> bool:
    """Unchecked because the host answered 429 or a 5xx (after the retries)."""
    code = status.status
    return (
        status.state is LinkState.UNCHECKED
        and code is not None
        and (code in RETRY_STATUSES or code >= 500)
    )


class LinkChecker:
    def __init__(self, session: Session, cache: Cache | None) -> None:
        self._session = session
        self._cache = cache
        self.results: dict[str, LinkStatus] = {}
        self.skipped: dict[str, list[str]] = {}
        """Why links were not fetched -> those links, as written."""
        self.refused: set[str] = set()
        self._refusals: dict[str, int] = {}
        """Links in a row each origin answered with a 429 or a 5xx."""
        self._cached_down: dict[str, int | None] = {}

    async def run(self, urls: Iterable[str], progress: Callable[[], None] | None = None) -> None:
        by_request: dict[str, list[str]] = {}
        for url in urls:
            by_request.setdefault(request_url(url), []).append(url)
        async with asyncio.TaskGroup() as group:
            for target, originals in by_request.items():
                group.create_task(self._one(target, originals, progress))

    def notes(self) -> list[str]:
        """One line per host given up on: it refused every request."""
        notes = []
        for where, status in sorted(self._down_hosts().items()):
            left = {
                url
                for url, result in self.results.items()
                if refused_by_host(result) and origin(result.final_url or url) == where
            }
            noun = "link" if len(left) == 1 else "links"
            host = urlsplit(where).netloc
            notes.append(
                f"host {host} answered {status} to every request; {len(left)} {noun} not checked"
            )
        return notes

    def _down_hosts(self) -> dict[str, int]:
        hosts = {*self._refusals, *self._cached_down}
        found = {where: self._session.down_status(where) for where in hosts}
        return {where: status for where, status in found.items() if status is not None}

    async def _one(
        self, target: str, originals: list[str], progress: Callable[[], None] | None
    ) -> None:
        status: LinkStatus | str | None = self._session.refused(target)
        if status is None:
            down = self._down_from_cache(target)
            status = self._cached(target) or down
        if status is None:
            status = await check_link(self._session, target)
            if isinstance(status, LinkStatus):
                self._count(target, status)
                self._store(target, status)
        if progress is not None:
            progress()
        if isinstance(status, str):
            self.skipped.setdefault(status, []).extend(originals)
            self.refused.update(originals)
            return
        for url in originals:
            self.results[url] = LinkStatus(
                url, status.state, status.status, status.reason, status.final_url
            )

    def _count(self, target: str, status: LinkStatus | None) -> None:
        """Give up on a host after `DOWN_AFTER` links in a row it refused with a 429 or 5xx."""
        if status is None or status.status is None:
            return  # not fetched, or no answer at all: says nothing about refusing
        where = origin(status.final_url or self._session.target(target))
        if not refused_by_host(status):
            self._refusals[where] = 0
            return
        self._refusals[where] = self._refusals.get(where, 0) + 1
        if self._refusals[where] >= DOWN_AFTER and self._session.down_status(where) is None:
            self._session.mark_down(where, status.status)
            if self._cache is not None:
                value = {"status": status.status, "ttl": UNCHECKED_TTL}
                self._cache.put(_HOST_KIND, where, value)

    def _down_from_cache(self, target: str) -> LinkStatus | None:
        """A host a recent run gave up on is not asked again until its time is up."""
        where = origin(self._session.target(target))
        if where not in self._cached_down:
            found = self._cache.get(_HOST_KIND, where) if self._cache else None
            status: int | None = None
            valid = found is not None and fields(found.value, _HOST_ROW)
            if found is not None and valid and found.age < found.value["ttl"]:
                status = found.value["status"]
            self._cached_down[where] = status
            if status is not None:
                self._session.mark_down(where, status)
        status = self._cached_down[where]
        if status is None:
            return None
        final = self._session.target(target)
        return LinkStatus(target, LinkState.UNCHECKED, status, f"HTTP {status}", final)

    def _cached(self, target: str) -> LinkStatus | None:
        found = self._cache.get(_KIND, self._session.target(target)) if self._cache else None
        if found is None:
            return None
        value = found.value
        if not fields(value, _LINK_ROW) or value["state"] not in _STATES:
            return None
        ttl = value.get("ttl", 0.0)
        if not fields({"ttl": ttl}, {"ttl": NUMBER}):
            return None
        state = _STATES[value["state"]]
        status = LinkStatus(target, state, value["status"], value["reason"], value["final"])
        if status.state is LinkState.UNCHECKED:
            return status if found.age < ttl else None
        good = status.state is LinkState.OK
        return status if self._session.settings.fresh(found.age, good=good) else None

    def _store(self, target: str, status: LinkStatus | None) -> None:
        if self._cache is None or status is None:
            return
        value: dict[str, object] = {
            "state": status.state.value,
            "status": status.status,
            "reason": status.reason,
            "final": status.final_url,
        }
        if status.state is LinkState.UNCHECKED:
            # Timeouts and the like may be ours; a host refusing is asked again only later.
            if not refused_by_host(status):
                return
            value["ttl"] = UNCHECKED_TTL
        self._cache.put(_KIND, self._session.target(target), value)
