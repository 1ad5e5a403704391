"""A finding's message as a person reads it, and the details the machine formats carry apart:
the other places a message points to, and the URL a link finding is about."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from awesomelint.diagnostics import Finding
from awesomelint.rules import find_rule

MAX_MESSAGE = 200
MAX_QUOTE = 32
_QUOTED = re.compile(r"'([^']{%d,})'" % (MAX_QUOTE + 1))  # noqa: UP031 - a regex, not text
_BEFORE_LINE = re.compile(r"\bline (\d+)\b")
_URL = re.compile(r"https?://\S+")


_PLACE = re.compile(r":(\d+)\b")
_index: list[tuple[Mapping[Path, str], dict[int, dict[str, Path]]]] = []


def _names(sources: Mapping[Path, str]) -> dict[int, dict[str, Path]]:
    """The checked files by the length of their name as printed, for finding `PATH:LINE`."""
    if _index and _index[0][0] is sources:
        return _index[0][1]
    names: dict[int, dict[str, Path]] = {}
    for path in sources:
        names.setdefault(len(str(path)), {})[str(path)] = path
    _index[:] = [(sources, names)]
    return names


def _references(finding: Finding, sources: Mapping[Path, str]) -> list[tuple[Path, int, int, int]]:
    """(path, line, start, end) of each `PATH:LINE` in the message naming a checked file."""
    names = _names(sources)
    own = str(finding.path)
    message = finding.message
    found: list[tuple[Path, int, int, int]] = []
    for match in _PLACE.finditer(message):
        end = match.start()
        candidates = [own] if message[:end].endswith(own) else []
        for length in sorted(names, reverse=True):
            name = message[max(0, end - length) : end]
            if len(name) == length and name in names[length]:
                candidates.append(name)
        if candidates:
            name = max(candidates, key=len)
            path = finding.path if name == own else names[len(name)][name]
            found.append((path, int(match.group(1)), end - len(name), match.end()))
    return found


def related(finding: Finding, sources: Mapping[Path, str]) -> list[tuple[Path, int]]:
    """The other places the message points to: another copy's file and line, a line to move to."""
    places = [(path, line) for path, line, _, _ in _references(finding, sources)]
    if not places:
        places = [(finding.path, int(m.group(1))) for m in _BEFORE_LINE.finditer(finding.message)]
    return places


def url(finding: Finding, sources: Mapping[Path, str]) -> str | None:
    """The URL the finding's span covers, when it is on a link destination."""
    text = sources.get(finding.path)
    if text is None:
        return None
    covered = text[finding.span.start : finding.span.end]
    return covered if _URL.fullmatch(covered) else None


def _clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "\u2026"


def short(finding: Finding, sources: Mapping[Path, str]) -> str:
    """The message for a line of text: another place in the same file is `line N`, long quotes
    and the whole are cut, and a link finding names its URL."""
    message = finding.message
    for path, line, start, end in reversed(_references(finding, sources)):
        if path == finding.path:
            message = f"{message[:start]}line {line}{message[end:]}"
    message = _QUOTED.sub(lambda m: f"'{_clip(m.group(1), MAX_QUOTE)}'", message)
    message = _clip(message, MAX_MESSAGE)
    rule = find_rule(finding.code)
    link = url(finding, sources) if rule is not None and rule.needs_network else None
    if link is not None and link not in message:
        message = f"{message}: {_clip(link, MAX_MESSAGE)}"
    return message
