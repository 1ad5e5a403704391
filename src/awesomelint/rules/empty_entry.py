"""ENT001 empty-entry: a list item with nothing in it.

Why: an item such as `3. ` with nothing after it renders as an empty bullet. It is usually a
placeholder that was never filled in, or what is left after an entry was cut.

Bad:
    1. [Neuronpedia](https://www.neuronpedia.org/)
    2.

Good:
    1. [Neuronpedia](https://www.neuronpedia.org/)

Not empty: an item that holds a link reference definition (`2. [np]: https://www.neuronpedia.org/`)
renders as an empty bullet too, but the definition is the destination of `[text][np]` links
elsewhere; it is content, and deleting it would break them.

Fix: unsafe (the fix deletes the empty item, which may be a placeholder someone means to fill).
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.diagnostics import Finding
from awesomelint.document.model import Document, EntryKind
from awesomelint.rules._base import Context, NoOptions, Rule
from awesomelint.rules._deletion import deletion_fix


def check(doc: Document, ctx: Context[NoOptions]) -> Iterator[Finding]:
    for _section, entry in doc.entries():
        if entry.kind is EntryKind.LIST_ITEM and entry.is_empty:
            yield ctx.finding(entry.span, "empty list item", fix=deletion_fix(doc, entry))


RULE = Rule(
    code="ENT001",
    name="empty-entry",
    summary="A list item has no content",
    check=check,
    doc=__doc__ or "",
    fixable=True,
)
