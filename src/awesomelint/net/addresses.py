"""Which addresses may be connected to: host spellings normalised, names resolved, and judged.

A host is judged on every address it resolves to, and the connection then goes to one of the
addresses judged (see `net.backend`), so a name that resolves differently the second time
(DNS rebinding) gains nothing. Hosts are first put into the form a resolver would see: IDNA
and full-width dots (`127。0。0。1`), a trailing dot, and the IPv4 spellings that `inet_aton`
and URL parsers accept (`2130706433`, `0x7f000001`, `0177.0.0.1`, `127.1`, `0`).
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
from collections.abc import Iterable, Sequence
from typing import Protocol

Address = ipaddress.IPv4Address | ipaddress.IPv6Address

_LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".home.arpa", ".lan", ".intranet")
_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})
_IPV4_PART = re.compile(r"0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*")
_NUMERIC_LABEL = re.compile(r"[0-9]+|0[xX][0-9a-fA-F]*")
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
PRIVATE = "private address"


class AddressRefused(Exception):
    """A connection the guard refused: the host is, or resolves to, a non-public address."""

    def __init__(self, host: str, address: str) -> None:
        super().__init__(f"{host} is a private address ({address})")
        self.host = host
        self.address = address


class Resolver(Protocol):
    async def resolve(self, host: str, port: int) -> list[str]:
        """The addresses `host` resolves to, as text; raises OSError when it does not."""
        ...


class SystemResolver:
    async def resolve(self, host: str, port: int) -> list[str]:
        loop = asyncio.get_running_loop()
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        return list(dict.fromkeys(str(info[4][0]) for info in infos))


def canonical_host(host: str) -> str:
    """The host as a resolver sees it: lower case, IDNA applied, no trailing dot, IP literals
    in their usual form. Raises ValueError for a host no resolver would accept."""
    host = host.strip().strip("[]").translate(_DOTS)
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError as err:
            raise ValueError(f"not a valid host name: {host!r}") from err
    host = host.lower().removesuffix(".")
    literal = literal_address(host)
    return str(literal) if literal is not None else host


def literal_address(host: str) -> Address | None:
    """The address a host names by itself (no DNS), in any spelling; None for a name.

    Raises ValueError for a host that ends in a number but is not a valid IPv4 address (URL
    parsers reject those too).
    """
    host = host.strip("[]")
    if ":" in host:
        try:
            return ipaddress.IPv6Address(host)
        except ValueError:
            return None
    labels = host.split(".")
    if not _NUMERIC_LABEL.fullmatch(labels[-1]):
        return None
    if len(labels) > 4 or not all(_IPV4_PART.fullmatch(label) for label in labels):
        raise ValueError(f"not a valid IPv4 address: {host!r}")
    numbers = [_ipv4_number(label) for label in labels]
    *leading, last = numbers
    if any(n > 255 for n in leading) or last >= 256 ** (5 - len(numbers)):
        raise ValueError(f"not a valid IPv4 address: {host!r}")
    value = last
    for i, number in enumerate(leading):
        value += number << (8 * (3 - i))
    return ipaddress.IPv4Address(value)


def _ipv4_number(label: str) -> int:
    if label[:2].lower() == "0x":
        return int(label[2:] or "0", 16)
    if len(label) > 1 and label[0] == "0":
        return int(label[1:], 8)
    return int(label)


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_public(address: Address) -> bool:
    """Whether `address` is on the public internet: not loopback, private, link-local,
    unique-local, unspecified, reserved, multicast, shared (CGNAT) or documentation space,
    nor an IPv6 address wrapping one of those."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.scope_id:
            return False
        if address.ipv4_mapped is not None:
            return is_public(address.ipv4_mapped)  # what is connected to is the IPv4 address
        inner = _embedded_ipv4(address)
        if inner is not None and not is_public(inner):
            return False
    flags = (
        address.is_private,
        address.is_loopback,
        address.is_link_local,
        address.is_unspecified,
        address.is_reserved,
        address.is_multicast,
        address.is_site_local if isinstance(address, ipaddress.IPv6Address) else False,
    )
    return address.is_global and not any(flags) and address not in _CGNAT


def is_local_name(host: str) -> bool:
    """Names that only mean something on this machine or network (no DNS asked)."""
    return host == "localhost" or host.endswith(_LOCAL_SUFFIXES) or "." not in host


def spelling_problem(host: str) -> str | None:
    """Why `host` must not be fetched, judged from its spelling alone; None if it may be."""
    try:
        host = canonical_host(host)
        literal = literal_address(host)
    except ValueError:
        return None  # the URL parser refuses it as well: reported as unchecked, never fetched
    if literal is not None:
        return None if is_public(literal) else PRIVATE
    return PRIVATE if is_local_name(host) else None


class AddressGuard:
    """Resolves a host once and refuses it when any of its addresses is not public.

    `allow_private` lifts the refusal for every host (checking an intranet list);
    `trusted_hosts` lifts it for hosts the operator named (a GitHub Enterprise API, a proxy).
    """

    def __init__(
        self,
        resolver: Resolver | None = None,
        *,
        allow_private: bool = False,
        trusted_hosts: Iterable[str] = (),
    ) -> None:
        self.resolver: Resolver = resolver or SystemResolver()
        self.allow_private = allow_private
        self.trusted_hosts = frozenset(canonical_host(host) for host in trusted_hosts)

    def permits_all(self, host: str) -> bool:
        return self.allow_private or canonical_host(host) in self.trusted_hosts

    async def addresses(self, host: str, port: int) -> Sequence[str]:
        """The addresses to connect to for `host`, all of them checked.

        Raises `AddressRefused`, ValueError for a malformed host, OSError when it does not
        resolve.
        """
        name = canonical_host(host)
        literal = literal_address(name)
        free = self.permits_all(name)
        if literal is not None:
            if not free and not is_public(literal):
                raise AddressRefused(host, str(literal))
            return [str(literal)]
        if not free and is_local_name(name):
            raise AddressRefused(host, name)
        found = await self.resolver.resolve(name, port)
        if not found:
            raise OSError(f"{host}: no address")
        if not free:
            for text in found:
                if not is_public(ipaddress.ip_address(text)):
                    raise AddressRefused(host, text)
        return found
