"""`--remap 'REGEX REPLACEMENT'`: rewriting request URLs, with lychee's syntax."""

from __future__ import annotations

import dataclasses as dc
import re
from collections.abc import Iterable

from awesomelint.errors import ConfigError

# Rust regex replacement syntax (what lychee uses): $1, ${1}, $name, ${name}, and $$ for "$".
_GROUP_REF = re.compile(r"\$(?:\$|\{(?P<braced>\w+)\}|(?P<bare>\w+))")


@dc.dataclass(frozen=True, slots=True)
class Remap:
    pattern: re.Pattern[str]
    replacement: str

    def apply(self, url: str) -> str:
        return self.pattern.sub(self._expand, url)

    def _expand(self, m: re.Match[str]) -> str:
        def group(ref: re.Match[str]) -> str:
            name = ref["braced"] or ref["bare"]
            if name is None:
                return "$"
            key: int | str = int(name) if name.isdigit() else name
            try:
                return m.group(key) or ""
            except IndexError:  # an unknown group expands to nothing, as in Rust's regex
                return ""

        return _GROUP_REF.sub(group, self.replacement)


def parse_remap(text: str) -> Remap:
    """Parse one `REGEX REPLACEMENT` pair (separated by whitespace)."""
    parts = text.strip().split(None, 1)
    if len(parts) != 2:
        raise ConfigError(f"--remap needs 'REGEX REPLACEMENT', got {text!r}")
    try:
        pattern = re.compile(parts[0])
    except re.error as err:
        raise ConfigError(f"--remap: bad regular expression {parts[0]!r}: {err}") from err
    return Remap(pattern, parts[1].strip())


def parse_remaps(texts: Iterable[str]) -> tuple[Remap, ...]:
    return tuple(parse_remap(text) for text in texts)


def remap_url(url: str, remaps: Iterable[Remap]) -> str:
    """The URL to request instead of `url`: the first matching remap wins, as in lychee."""
    for remap in remaps:
        if remap.pattern.search(url):
            return remap.apply(url)
    return url
