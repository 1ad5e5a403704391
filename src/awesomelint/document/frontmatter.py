"""Jekyll/YAML front matter: found at the top of a file and kept out of the Markdown model."""

from __future__ import annotations

import re

from awesomelint.document.model import FrontMatter, FrontMatterField, Span

_OPEN = re.compile(r"---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)


def find_front_matter(text: str) -> FrontMatter | None:
    opening = _OPEN.match(text)
    if opening is None:
        return None
    closing = _CLOSE.search(text, opening.end())
    if closing is None:
        return None
    end = closing.end()
    if end < len(text) and text[end] == "\n":
        end += 1
    fields = tuple(
        FrontMatterField(key=match.group(1), value=match.group(2), value_span=Span(*match.span(2)))
        for match in _FIELD.finditer(text, opening.end(), closing.start())
    )
    return FrontMatter(span=Span(0, end), fields=fields)


def blank_out(text: str, front_matter: FrontMatter) -> str:
    """Replace the front matter by as many empty lines, so line numbers stay the same."""
    block = text[front_matter.span.start : front_matter.span.end]
    return "\n" * block.count("\n") + text[front_matter.span.end :]
