"""Links a fix writes, written in the form the link rules ask for at once.

A fix that gives a link a new destination (unwrapping `[x]([y](http://...))` to the inner
URL) can write one that another rule then rewrites (`http://` to `https://`), which would
take a pass of its own: every rule run again over every file for a few links. So the fix
loop asks the rules that rewrite destinations (`Rule.settle_link`) for the form they would
write, and the fix writes that. Only an edit that replaces exactly the destination of a link
of the document, with the new URL the fix declares, is written so. The next pass checks the
result as it checks any other, so nothing is taken on trust.
"""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Sequence
from typing import Protocol

from awesomelint.diagnostics import Edit, Finding
from awesomelint.document.model import Link, Span
from awesomelint.document.parse import ParsedDocument

Changes = Sequence[tuple[str, str | None]]


class Settler(Protocol):
    def settle_link(
        self, parsed: ParsedDocument, link: Link, url: str, changes: Changes
    ) -> str: ...


def _writes_links(finding: Finding) -> bool:
    fix = finding.fix
    return fix is not None and any(new is not None for _, new in fix.link_changes)


def settled(parsed: ParsedDocument, chosen: Sequence[Finding], settler: Settler) -> list[Finding]:
    """`chosen`, each fix writing the new destinations it declares in their settled form."""
    if not any(_writes_links(finding) for finding in chosen):
        return list(chosen)
    destinations = {link.url_span: link for link in parsed.document.links}
    changes = [change for f in chosen if f.fix is not None for change in f.fix.link_changes]
    return [_settle(finding, destinations, parsed, settler, changes) for finding in chosen]


def _settle(
    finding: Finding,
    destinations: dict[Span, Link],
    parsed: ParsedDocument,
    settler: Settler,
    changes: Changes,
) -> Finding:
    fix = finding.fix
    if fix is None or not _writes_links(finding):
        return finding
    written = {new for _, new in fix.link_changes if new is not None}
    renamed: dict[str, str] = {}
    edits: list[Edit] = []
    for edit in fix.edits:
        link = destinations.get(Span(edit.start, edit.end))
        if link is not None and edit.text in written:
            url = renamed.get(edit.text) or settler.settle_link(parsed, link, edit.text, changes)
            if url != edit.text:
                renamed[edit.text] = url
                edit = Edit(edit.start, edit.end, url)
        edits.append(edit)
    if not renamed:
        return finding
    declared = tuple(
        (old, renamed.get(new, new) if new is not None else None) for old, new in fix.link_changes
    )
    return dc.replace(finding, fix=dc.replace(fix, edits=tuple(edits), link_changes=declared))
