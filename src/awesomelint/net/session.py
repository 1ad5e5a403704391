"""Sending requests politely: remaps, address policy, gates, retries, deadline, dead hosts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

from awesomelint.net import Response, TransportError
from awesomelint.net.addresses import PRIVATE, canonical_host, spelling_problem
from awesomelint.net.pacing import Clock, Deadline, Gates, HostGate, backoff_delay
from awesomelint.net.remap import remap_url
from awesomelint.net.settings import NetSettings
from awesomelint.net.transport import Transport

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_RETRY_KINDS = frozenset({"timeout", "reset"})
_DEAD_KINDS = frozenset({"connect", "dns"})
# With nothing answered and this many hosts unreachable, the network itself is down.
_HOSTS_FOR_NO_NETWORK = 5


def origin(url: str) -> str:
    """scheme://host:port, lower case, the host as a resolver sees it: same-host decisions."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return f"{scheme}://{host_of(url)}:{port or (443 if scheme == 'https' else 80)}"


def host_of(url: str) -> str:
    host = urlsplit(url).hostname or ""
    try:
        return canonical_host(host)
    except ValueError:
        return host.lower()


class Session:
    def __init__(
        self, transport: Transport, settings: NetSettings, clock: Clock, deadline: Deadline
    ) -> None:
        self.settings = settings
        self.clock = clock
        self.deadline = deadline
        self.gates = Gates(settings, clock)
        self.requests = 0
        self._transport = transport
        self._answered = 0
        self._dead: dict[str, TransportError] = {}
        self._down: dict[str, int] = {}
        """Origins that refuse everything (429 or 5xx), with the status they answer."""

    @property
    def network_down(self) -> bool:
        return self._answered == 0 and len(self._dead) >= _HOSTS_FOR_NO_NETWORK

    @property
    def nothing_answered(self) -> bool:
        """No HTTP answer came, and some host could not be reached at all."""
        return self._answered == 0 and bool(self._dead)

    def mark_down(self, where: str, status: int) -> None:
        """Send nothing more to `where` (an origin) in this run: it answers `status` to all."""
        self._down.setdefault(where, status)

    def down_status(self, where: str) -> int | None:
        return self._down.get(where)

    def target(self, url: str) -> str:
        return remap_url(url, self.settings.remaps)

    def refused(self, url: str) -> str | None:
        """Why `url` (already remapped) must not be fetched, or None."""
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 - raises ValueError for a port that is not a number
        except ValueError:
            return "malformed URL"
        if parts.scheme.lower() not in {"http", "https"}:
            return f"{parts.scheme or 'relative'} link"
        host = parts.hostname or ""
        if self.settings.allow_private or host_of(url) in self.settings.trusted_hosts:
            return None
        return spelling_problem(host)

    async def send(
        self,
        method: str,
        url: str,
        *,
        gate: HostGate | None = None,
        headers: Mapping[str, str] | None = None,
        data: Mapping[str, str] | None = None,
        json: object | None = None,
        max_body: int = 0,
    ) -> Response:
        """One attempt at `url` (already remapped). Raises `TransportError`."""
        where = origin(url)
        self._fail_fast(where)
        gate = gate or self.gates.gate(where)
        # The host's own turn first, then a shared slot only for the request itself: a task
        # waiting for a slow or rate-limited host must not hold up the other hosts.
        async with gate.slot(), self.gates.everything:
            self._fail_fast(where)
            self.requests += 1
            try:
                response = await self._transport.request(
                    method, url, headers=headers, data=data, json=json, max_body=max_body
                )
            except TransportError as err:
                if err.kind in _DEAD_KINDS:
                    self._dead.setdefault(where, err)
                raise
        self._answered += 1
        return response

    def _fail_fast(self, where: str) -> None:
        if self.deadline.passed:
            raise TransportError("deadline", "the time allowed for checking ran out")
        if self.network_down:
            raise TransportError("connect", "no network")
        if where in self._dead:
            raise self._dead[where]
        if where in self._down:
            raise TransportError("down", f"HTTP {self._down[where]}")

    async def send_retrying(
        self,
        method: str,
        url: str,
        *,
        gate: HostGate | None = None,
        headers: Mapping[str, str] | None = None,
        data: Mapping[str, str] | None = None,
        json: object | None = None,
        max_body: int = 0,
    ) -> Response:
        """`send`, retried with backoff on 429, 5xx, timeouts and resets."""
        gate = gate or self.gates.gate(origin(url))
        attempt = 0
        while True:
            attempt += 1
            try:
                response = await self.send(
                    method,
                    url,
                    gate=gate,
                    headers=headers,
                    data=data,
                    json=json,
                    max_body=max_body,
                )
            except TransportError as err:
                if err.kind not in _RETRY_KINDS or not await self._wait(attempt, {}, gate):
                    raise
                continue
            # An exhausted quota (GitHub) does not come back within a retry's wait.
            exhausted = response.headers.get("x-ratelimit-remaining") == "0"
            if response.status not in RETRY_STATUSES or exhausted:
                return response
            if not await self._wait(attempt, response.headers, gate):
                return response

    async def _wait(self, attempt: int, headers: Mapping[str, str], gate: HostGate) -> bool:
        delay = backoff_delay(self.settings, attempt, headers)
        if delay is None or delay >= self.deadline.left():
            return False
        gate.defer(delay)
        await self.clock.sleep(delay)
        return True


def summarise(reasons: Iterable[str]) -> str:
    """ "3 timeout, 1 HTTP 503": most frequent first, then alphabetical."""
    counts = Counter(reasons)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ", ".join(f"{count} {reason}" for reason, count in ordered)


def reason_of(err: TransportError) -> str:
    return {
        "timeout": "timeout",
        "reset": "connection reset",
        "connect": "no connection",
        "dns": "no connection",
        "deadline": "deadline",
        "private": PRIVATE,
    }.get(err.kind, "error")
