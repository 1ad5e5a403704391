"""The source line under a finding, with a caret under its span, as ruff and rustc show it."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable

from awesomelint.diagnostics import Finding

Paint = Callable[[str, str], str]

MAX_WIDTH = 100
"""Columns of a shown line; longer lines are cut around the span."""
_CONTEXT = 30


def _width(char: str) -> int:
    if unicodedata.combining(char) or char in "\u200b\u200d\ufe0f":
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _cells(line: str) -> list[tuple[str, int]]:
    return [(" " if char == "\t" else char, _width(char)) for char in line]


@functools.lru_cache(maxsize=4)
def _lines(text: str) -> tuple[str, ...]:
    """A file's lines, split once for all the findings shown from it (in a row, sorted)."""
    return tuple(text.split("\n"))


def _plain(text: str, _code: str) -> str:
    return text


def snippet(finding: Finding, text: str, paint: Paint = _plain) -> list[str]:
    """`  N | line` and `    | ^^^` for the finding's first line; [] when the line is not in
    `text`. `paint(text, code)` colours the caret and the gutter."""
    lines = _lines(text)
    if not 1 <= finding.line <= len(lines):
        return []
    line = lines[finding.line - 1].rstrip("\r")
    start = min(max(finding.column - 1, 0), len(line))
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line)
    end = min(max(end, start + 1), max(len(line), start + 1))
    cells = _cells(line)
    first, last = 0, len(cells)
    if sum(width for _, width in cells) > MAX_WIDTH:
        first = max(0, start - _CONTEXT)
        last = first
        used = 0
        while last < len(cells) and used + cells[last][1] <= MAX_WIDTH:
            used += cells[last][1]
            last += 1
    shown = "".join(char for char, _ in cells[first:last])
    pad = sum(width for _, width in cells[first:start])
    marks = max(1, sum(width for _, width in cells[start : min(end, last)]))
    if first > 0:
        shown, pad = "\u2026" + shown, pad + 1
    if last < len(cells):
        shown += "\u2026"
    gutter = str(finding.line)
    color = paint
    bar = color(f"{' ' * len(gutter)} |", "34")
    return [
        f"{color(f'{gutter} |', '34')} {shown}".rstrip(),
        f"{bar} {' ' * pad}{color('^' * marks, '1')}",
    ]
