"""Link reference definitions (`[label]: url`), found where markdown-it-py saw them.

markdown-it-py resolves definitions at block level and reports only their labels and first
lines; the destination's exact position is recovered here from the source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from awesomelint.document.lines import LineIndex
from awesomelint.document.locate import InlineScan, Reference, normalize_label
from awesomelint.document.model import Definition, Span

# A definition's line may start inside a list item or a block quote: "2. [r]: url".
_REFERENCE_URL = re.compile(
    r"[ \t>]*(?:(?:[*+\-]|\d{1,9}[.)])[ \t][ \t>]*)*"
    r"(\[(?:\\.|[^\]\\])*\]:)[ \t]*\n?[ \t]*(<[^>\n]*>|\S+)"
)


def find_definitions(
    text: str, lines: LineIndex, env: dict[str, object]
) -> tuple[dict[str, Reference], list[Definition]]:
    """The definitions in use (the first of each label): by label for the inline scanner, and
    in source order for the model."""
    found: dict[str, Reference] = {}
    definitions: list[Definition] = []
    raw = env.get("references")
    if not isinstance(raw, dict):
        return found, definitions
    for label, info in raw.items():
        line = info.get("map", [0])[0]
        start = lines.line_start(line)
        match = _REFERENCE_URL.match(text, start)
        if match is None:
            continue
        url_start, url_end = match.span(2)
        if text[url_start] == "<":
            url_start, url_end = url_start + 1, url_end - 1
        key = normalize_label(label)
        url = text[url_start:url_end]
        found[key] = Reference(url, url_start, url_end)
        line_end = text.find("\n", url_end)
        span = Span(match.start(1), len(text) if line_end == -1 else line_end)
        definitions.append(Definition(key, url, span, Span(url_start, url_end)))
    definitions.sort(key=lambda definition: definition.span.start)
    return found, definitions


def drop_definitions(scan: InlineScan, definitions: Sequence[Span], start: int, end: int) -> None:
    """A definition inside a scanned region (in a list item) is not inline text: its label is
    no shortcut link and no bracketed tag."""
    inside = [d for d in definitions if start <= d.start < end]
    if not inside:
        return

    def kept(offset: int) -> bool:
        return not any(d.start <= offset < d.end for d in inside)

    scan.links[:] = [link for link in scan.links if kept(link.start)]
    scan.brackets[:] = [(a, b) for a, b in scan.brackets if kept(a)]
    scan.problems[:] = [problem for problem in scan.problems if kept(problem.start)]
