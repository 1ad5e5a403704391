"""AWL100 unused-suppression: a suppression comment that hides nothing.

Why: suppressions outlive the findings they were written for. An unused one hides the next
real finding on that line without anyone deciding it should. Off by default: turn it on with
`--extend-select AWL100` (or `extend-select` in the configuration).

Bad:
    <!-- awesomelint-disable-next-line empty-entry -->
    - [A paper](https://arxiv.org/abs/2302.12461)

Good:
    - [A paper](https://arxiv.org/abs/2302.12461)

Fix: unsafe; deletes the comment (none when that would change what the rest of its line is:
a comment that opens a line or a list item with text after it, one between two
characters, or a line whose deletion would put a heading underline or table delimiter row
under a line of text).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from awesomelint.diagnostics import Applicability, Edit, Finding, Fix, Severity
from awesomelint.directives import Directive
from awesomelint.document.model import Document
from awesomelint.rules._base import Context, NoOptions, Rule
from awesomelint.rules._isolation import cut_keeps_the_rest

# Indentation, block quote markers and list markers: what may come before a block's start.
_BLOCK_PREFIX = re.compile(r"[ \t>]*(?:(?:[*+\-]|\d{1,9}[.)])[ \t][ \t>]*)*")

_LONE_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>\s*")
"""A tag alone on a line: an HTML block (CommonMark's seventh kind), where with a comment
beside it the line was text."""

_UNDERLINE = re.compile(r"[ \t|:=\-]*[=\-][ \t|:=\-]*")

FACTS_KEY = "awesomelint.directive-use"
"""The engine passes (directives, indexes of the used ones) under this key."""


def _joins(text: str, line_start: int, line_end: int) -> bool:
    """Whether deleting the line brings a line of dashes, equals signs or table delimiters
    right under a line of text: a heading or a table would appear."""
    if line_start == 0 or line_end >= len(text):
        return False
    previous = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1]
    next_end = text.find("\n", line_end + 1)
    following = text[line_end + 1 : len(text) if next_end == -1 else next_end]
    return bool(previous.strip()) and _UNDERLINE.fullmatch(following) is not None


def _joining(ch: str) -> bool:
    """A character that deleting the comment next to it could join to another; the end of
    another tag or comment joins nothing."""
    return not ch.isspace() and ch != ">"


def _prefix_end(before: str) -> int:
    match = _BLOCK_PREFIX.match(before)
    return match.end() if match else 0


def _removal(doc: Document, directive: Directive) -> Edit | None:
    """Deleting the comment: its whole line when it is alone there, else just the comment
    otherwise. None when deleting it would change what the rest of the line is: a comment
    that opens a line (or a list item or a quote) makes that line an HTML block, one between
    two characters keeps them apart (`[text]<!-- -->(url)` is no link), and a tag left alone
    on its line (`<br> <!-- -->`) would make the line an HTML block. A line of its own goes
    only where the text around parses the same without it (the lines below could join a
    paragraph or a table above it)."""
    text = doc.text
    start, end = directive.span.start, directive.span.end
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    before, after = text[line_start:start], text[end:line_end]
    if _BLOCK_PREFIX.fullmatch(before) is not None and after.strip():
        return None
    rest = (before + after)[_prefix_end(before) :]
    if _LONE_TAG.fullmatch(rest) is not None:
        return None
    if not before.strip():
        whole_line = Edit(line_start, min(line_end + 1, len(text)))
        if _joins(text, line_start, line_end) or not cut_keeps_the_rest(doc, whole_line):
            return None
        return whole_line
    if _joining(before[-1]) and after and _joining(after[0]) and after[0] != "<":
        return None
    return Edit(start, end)


def check(doc: Document, ctx: Context[NoOptions]) -> Iterator[Finding]:
    use: tuple[Sequence[Directive], set[int]] | None = ctx.facts.get(FACTS_KEY)
    if use is None:
        return
    directives, used = use
    for index, directive in enumerate(directives):
        if directive.kind == "enable" or index in used:
            continue
        removal = _removal(doc, directive)
        fix = None if removal is None else Fix((removal,), Applicability.UNSAFE)
        yield ctx.finding(
            directive.span, f"awesomelint-{directive.kind} suppresses nothing", fix=fix
        )


RULE = Rule(
    code="AWL100",
    name="unused-suppression",
    summary="A suppression comment hides no finding",
    check=check,
    doc=__doc__ or "",
    default_severity=Severity.WARNING,
    fixable=True,
    enabled_by_default=False,
)
