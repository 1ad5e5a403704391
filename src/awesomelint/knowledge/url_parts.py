"""URL parts kept exactly as written, so that an unchanged URL joins back to the same string;
the query-parameter filters that canonical forms use."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

_URL_RE = re.compile(
    r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?P<netloc>[^/?#]*)(?P<path>[^?#]*)"
    r"(?:\?(?P<query>[^#]*))?(?:#(?P<fragment>.*))?",
    re.DOTALL,
)
NETLOC_RE = re.compile(r"(?:(?P<user>.*)@)?(?P<host>\[[^\]]*\]|[^:]*)(?::(?P<port>.*))?", re.DOTALL)
_TRACKING = frozenset({"fbclid", "gclid", "ref", "ref_src"})
CACHE_SIZE = 65536
"""Entries in each cache of a pure function of a URL string: a big list has some 30,000
links, and several rules ask about each."""


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass(frozen=True, slots=True)
class UrlParts:
    """A URL split into its parts, the host lower case."""

    scheme: str
    netloc: str
    path: str
    query: str | None
    fragment: str | None

    @property
    def host(self) -> str:
        return host_of(self.netloc)

    def join(self) -> str:
        url = f"{self.scheme}://{self.netloc}{self.path}"
        if self.query is not None:
            url += "?" + self.query
        if self.fragment is not None:
            url += "#" + self.fragment
        return url


@functools.lru_cache(maxsize=CACHE_SIZE)
def host_of(netloc: str) -> str:
    m = NETLOC_RE.fullmatch(netloc)
    return m["host"].lower().rstrip(".") if m else ""


@functools.lru_cache(maxsize=CACHE_SIZE)
def split_url(url: str) -> UrlParts | None:
    m = _URL_RE.fullmatch(url)
    if m is None:
        return None
    return UrlParts(m["scheme"], m["netloc"], m["path"], m["query"], m["fragment"])


def web_parts(url: str) -> UrlParts | None:
    parts = split_url(url)
    if parts is None or parts.scheme.lower() not in {"http", "https"} or not parts.host:
        return None
    return parts


def filter_query(query: str | None, drop: Callable[[str], bool]) -> str | None:
    if not query:
        return query
    pairs = query.split("&")
    kept = [pair for pair in pairs if not drop(pair.partition("=")[0].lower())]
    if len(kept) == len(pairs):
        return query
    return "&".join(kept) or None


def is_tracking(key: str) -> bool:
    return key.startswith("utm_") or key in _TRACKING
