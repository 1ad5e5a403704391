"""Time and pacing: an injectable clock, per-host gates, retry delays and the run's deadline."""

from __future__ import annotations

import asyncio
import email.utils
import time
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Protocol

from awesomelint.net.settings import HostLimit, NetSettings


class Clock(Protocol):
    def now(self) -> float:
        """Seconds, monotonic."""
        ...

    async def sleep(self, seconds: float) -> None: ...


class RealClock:
    def now(self) -> float:
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


class HostGate:
    """At most `concurrency` requests in flight; each starts at least `min_interval` after
    the previous one started and after the previous one finished (arXiv counts arrivals, and
    the time to connect is not ours to measure)."""

    def __init__(self, limit: HostLimit, clock: Clock) -> None:
        self._semaphore = asyncio.Semaphore(max(1, limit.concurrency))
        self._lock = asyncio.Lock()
        self._interval = limit.min_interval
        self._clock = clock
        self._next = float("-inf")

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        async with self._semaphore:
            async with self._lock:
                wait = self._next - self._clock.now()
                if wait > 0:
                    await self._clock.sleep(wait)
                self._next = self._clock.now() + self._interval
            try:
                yield
            finally:
                self._next = max(self._next, self._clock.now() + self._interval)

    def defer(self, seconds: float) -> None:
        """Start nothing more for `seconds` (a 429's `Retry-After`)."""
        self._next = max(self._next, self._clock.now() + seconds)


class Gates:
    """One gate per host, created on first use, under one global concurrency limit."""

    def __init__(self, settings: NetSettings, clock: Clock) -> None:
        self._settings = settings
        self._clock = clock
        self._gates: dict[str, HostGate] = {}
        self.everything = asyncio.Semaphore(max(1, settings.concurrency))

    def gate(self, host: str, limit: HostLimit | None = None) -> HostGate:
        if host not in self._gates:
            self._gates[host] = HostGate(limit or self._settings.host_limit(host), self._clock)
        return self._gates[host]


class Deadline:
    def __init__(self, clock: Clock, seconds: float) -> None:
        self._clock = clock
        self._end = clock.now() + seconds

    @property
    def passed(self) -> bool:
        return self._clock.now() >= self._end

    def left(self) -> float:
        return max(0.0, self._end - self._clock.now())


def retry_after(headers: Mapping[str, str], now_epoch: float | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header (delta seconds or an HTTP date)."""
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    now = time.time() if now_epoch is None else now_epoch
    return max(0.0, when.timestamp() - now)


def backoff_delay(settings: NetSettings, attempt: int, headers: Mapping[str, str]) -> float | None:
    """How long to wait before retry `attempt` (1-based); None when it is not worth waiting."""
    if attempt > settings.retries:
        return None
    asked = retry_after(headers)
    if asked is not None:
        return asked if asked <= settings.max_retry_after else None
    return float(settings.backoff * 2 ** (attempt - 1))
