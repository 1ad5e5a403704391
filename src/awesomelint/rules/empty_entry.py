"""ENT001 empty-entry: a list item with nothing in it.

Why: an item such as `3. ` with nothing after it renders as an empty bullet. It is usually a
placeholder that was never filled in, or what is left after an entry was cut.

Bad:
    1. [Neuronpedia](https://www.neuronpedia.org/)
    2.

Good:
    1. [Neuronpedia](https://www.neuronpedia.org/)

Fix: unsafe (the fix deletes the empty item, which may be a placeholder someone means to fill).
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.diagnostics import Applicability, Edit, Finding, Fix
from awesomelint.model import Document, EntryKind
from awesomelint.rules._base import Context, NoOptions, Rule


def _deletion(doc: Document, start: int, end: int) -> Edit:
    """Delete whole lines [line of start, line of end], newline included."""
    text = doc.text
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end + 1
    return Edit(line_start, line_end, "")


def check(doc: Document, ctx: Context[NoOptions]) -> Iterator[Finding]:
    from awesomelint.fixer import fix_is_safe  # the fixer imports the rule registry

    for _section, entry in doc.entries():
        if entry.kind is EntryKind.LIST_ITEM and entry.is_empty:
            fix = Fix(
                (_deletion(doc, entry.span.start, entry.span.end),),
                Applicability.UNSAFE,
                removes_entries=1,
            )
            yield ctx.finding(
                entry.span, "empty list item", fix=fix if fix_is_safe(doc, fix) else None
            )


RULE = Rule(
    code="ENT001",
    name="empty-entry",
    summary="A list item has no content",
    check=check,
    doc=__doc__ or "",
    fixable=True,
)
