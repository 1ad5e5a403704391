"""The one seam between awesomelint and HTTP: a `Transport` protocol and its httpx version.

This is the only module that imports httpx. Redirects are never followed here: the callers
follow them, so that remaps, address checks and credentials apply to every hop.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import TracebackType
from typing import Protocol, Self

import httpx

from awesomelint.net import Response, TransportError

_DNS_HINTS = (
    "name or service not known",
    "nodename nor servname",
    "getaddrinfo",
    "name resolution",
)


class Transport(Protocol):
    async def request(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        data: Mapping[str, str] | None = None,
        json: object | None = None,
        max_body: int = 0,
    ) -> Response:
        """One request, no redirects followed; at most `max_body` bytes of the body are read.

        Raises `TransportError` when no HTTP answer comes.
        """
        ...

    async def aclose(self) -> None: ...


class HttpxTransport:
    def __init__(self, *, timeout: float, user_agent: str, trust_env: bool = True) -> None:
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            headers={"User-Agent": user_agent},
            trust_env=trust_env,
            limits=httpx.Limits(max_connections=64, max_keepalive_connections=16),
        )

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def request(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        data: Mapping[str, str] | None = None,
        json: object | None = None,
        max_body: int = 0,
    ) -> Response:
        try:
            request = self._client.build_request(
                method, url, headers=dict(headers or {}), data=data, json=json
            )
            response = await self._client.send(request, stream=True)
            try:
                body = await _read_body(response, max_body) if method != "HEAD" else b""
            finally:
                await response.aclose()
        except httpx.TimeoutException as err:
            raise TransportError("timeout", f"timeout: {url}") from err
        except httpx.ConnectError as err:
            text = str(err).lower()
            kind = "dns" if any(hint in text for hint in _DNS_HINTS) else "connect"
            raise TransportError(kind, f"cannot connect: {url}: {err}") from err
        except (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError) as err:
            raise TransportError("reset", f"connection reset: {url}: {err}") from err
        except (httpx.HTTPError, httpx.InvalidURL, ValueError) as err:
            raise TransportError("error", f"{type(err).__name__}: {url}: {err}") from err
        return Response(
            status=response.status_code,
            headers={name.lower(): value for name, value in response.headers.items()},
            body=body,
            url=url,
        )

    async def aclose(self) -> None:
        await self._client.aclose()


async def _read_body(response: httpx.Response, max_body: int) -> bytes:
    if max_body <= 0:
        return b""
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size >= max_body:
            break
    return b"".join(chunks)[:max_body]
