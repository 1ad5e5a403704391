"""The one seam between awesomelint and HTTP: a `Transport` protocol and its httpx version.

This module and `net.backend` are the only ones that import httpx or httpcore. Redirects are
never followed here: the callers follow them, so that remaps, address checks and credentials
apply to every hop. Every connection goes through the address guard (`net.addresses`).
"""

from __future__ import annotations

import contextlib
import urllib.request
from collections.abc import Mapping
from types import TracebackType
from typing import Protocol, Self

import httpcore
import httpx

from awesomelint.net import Response, TransportError
from awesomelint.net.addresses import AddressGuard, AddressRefused
from awesomelint.net.backend import GuardedBackend

_DNS_HINTS = (
    "name or service not known",
    "nodename nor servname",
    "getaddrinfo",
    "name resolution",
)
_MAX_CONNECTIONS = 64
_MAX_KEEPALIVE = 16
_KEEPALIVE_EXPIRY = 5.0


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

        Raises `TransportError` when no HTTP answer comes; its kind is "private" when the
        address guard refused the connection.
        """
        ...

    async def aclose(self) -> None: ...


class _GuardedHTTPTransport(httpx.AsyncHTTPTransport):
    """httpx's transport over an httpcore pool whose every connection goes through the guard.

    httpx offers no way to choose the pool's network backend, so the pool is built here; the
    rest (request and response mapping, errors) is httpx's own.
    """

    def __init__(self, guard: AddressGuard, *, trust_env: bool, proxy: str | None = None):
        ssl_context = httpx.create_ssl_context(trust_env=trust_env)
        if proxy is None:
            self._pool = httpcore.AsyncConnectionPool(
                ssl_context=ssl_context,
                network_backend=GuardedBackend(guard),
                max_connections=_MAX_CONNECTIONS,
                max_keepalive_connections=_MAX_KEEPALIVE,
                keepalive_expiry=_KEEPALIVE_EXPIRY,
            )
            return
        settings = httpx.Proxy(url=proxy)
        # The proxy is the operator's: it may be on a private address. It resolves the
        # target names itself; `HttpxTransport` judges those before the request is sent.
        proxy_guard = AddressGuard(
            guard.resolver,
            allow_private=guard.allow_private,
            trusted_hosts={*guard.trusted_hosts, settings.url.host},
        )
        self._pool = httpcore.AsyncHTTPProxy(
            proxy_url=httpcore.URL(
                scheme=settings.url.raw_scheme,
                host=settings.url.raw_host,
                port=settings.url.port,
                target=settings.url.raw_path,
            ),
            proxy_auth=settings.raw_auth,
            proxy_headers=settings.headers.raw,
            proxy_ssl_context=settings.ssl_context,
            ssl_context=ssl_context,
            network_backend=GuardedBackend(proxy_guard),
            max_connections=_MAX_CONNECTIONS,
            max_keepalive_connections=_MAX_KEEPALIVE,
            keepalive_expiry=_KEEPALIVE_EXPIRY,
        )


def environment_proxies() -> dict[str, str]:
    """http/https proxies from the environment (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY)."""
    found = urllib.request.getproxies()
    return {key: value for key, value in found.items() if key in {"http", "https", "all"}}


class HttpxTransport:
    def __init__(
        self,
        *,
        timeout: float,
        user_agent: str,
        trust_env: bool = True,
        guard: AddressGuard | None = None,
    ) -> None:
        self._guard = guard or AddressGuard()
        self._trust_env = trust_env
        self._proxies = environment_proxies() if trust_env else {}
        self._timeout = timeout
        self._user_agent = user_agent
        self._clients: dict[str | None, httpx.AsyncClient] = {}

    def _client(self, proxy: str | None) -> httpx.AsyncClient:
        if proxy not in self._clients:
            self._clients[proxy] = httpx.AsyncClient(
                transport=_GuardedHTTPTransport(
                    self._guard, trust_env=self._trust_env, proxy=proxy
                ),
                timeout=httpx.Timeout(self._timeout),
                follow_redirects=False,
                headers={"User-Agent": self._user_agent},
                trust_env=False,
            )
        return self._clients[proxy]

    def _proxy_for(self, url: httpx.URL) -> str | None:
        proxy = self._proxies.get(url.scheme) or self._proxies.get("all")
        if not proxy or urllib.request.proxy_bypass(url.host):  # NO_PROXY
            return None
        return proxy if "://" in proxy else f"http://{proxy}"

    async def _judge_behind_proxy(self, target: httpx.URL) -> None:
        """Behind a proxy the connection goes to the proxy, which resolves the target itself:
        refuse what resolves to a private address here, and leave to the proxy the names only
        it can resolve."""
        with contextlib.suppress(OSError):
            await self._guard.addresses(target.host, target.port or 0)

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
            target = httpx.URL(url)
            proxy = self._proxy_for(target)
            if proxy is not None:
                await self._judge_behind_proxy(target)
            client = self._client(proxy)
            request = client.build_request(
                method, target, headers=dict(headers or {}), data=data, json=json
            )
            response = await client.send(request, stream=True)
            try:
                body = await _read_body(response, max_body) if method != "HEAD" else b""
            finally:
                await response.aclose()
        except AddressRefused as err:
            raise TransportError("private", f"not fetched: {err}") from err
        except httpx.TimeoutException as err:
            raise TransportError("timeout", f"timeout: {url}") from err
        except (httpx.ConnectError, OSError) as err:
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
        for client in self._clients.values():
            await client.aclose()
        self._clients.clear()


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
