"""The httpcore network backend that connects only where the address guard allows.

httpcore asks the backend for a TCP connection to a host name; this one resolves the name
once through the guard, refuses it when any address is not public, and connects to an
address it checked. TLS is started afterwards by httpcore with the original host name, so
SNI and certificate verification are for the name in the URL, not for the address.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any

import httpcore

from awesomelint.net.addresses import AddressGuard


class GuardedBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, guard: AddressGuard, inner: httpcore.AsyncNetworkBackend | None = None):
        self._guard = guard
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            async with asyncio.timeout(timeout):
                addresses = await self._guard.addresses(host, port)
        except TimeoutError as err:
            raise httpcore.ConnectTimeout(f"name resolution timed out for {host}") from err
        except (OSError, ValueError) as err:
            # The wording getaddrinfo uses, so that the transport calls it a DNS failure.
            raise httpcore.ConnectError(f"name resolution failed for {host}: {err}") from err
        failure: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    address,
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as err:
                failure = err
        assert failure is not None  # `addresses` is never empty
        raise failure

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are never connected to")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)
