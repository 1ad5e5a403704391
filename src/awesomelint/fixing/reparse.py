"""Parsing a document again after a pass of fixes: only the segments the edits touched.

The text is cut where markdown-it reads on the same whatever came before (see
`fixing.segments`). A segment that no edit touched, nor the first line of the next one
(where its last block stops), parses as it did: its entries and links are kept, moved by
what the edits before it added or removed. A run of touched segments is parsed again on its
own, with the next segment's first line after it, and must still end where nothing is open:
the next heading comes out the same, or the next line follows a blank line with no code
block or long HTML block open. Otherwise, and for documents with front matter or reference
definitions (which reach across the whole text), the text is parsed whole. Either way the
model is the one a whole parse gives.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence

from awesomelint.diagnostics import Edit
from awesomelint.document.frontmatter import find_front_matter
from awesomelint.document.lines import LineIndex
from awesomelint.document.model import Document, Entry
from awesomelint.document.parse import ParsedDocument, parse_source
from awesomelint.document.source import Source
from awesomelint.fixing.segments import (
    LONG_HTML,
    Heading,
    Pieces,
    Segments,
    after_blank,
    item_start,
    sections,
    stream,
)
from awesomelint.fixing.shift import MODEL_KNOWN, Shifter


def _parse_run(
    old: Segments, last: int, source: Source, start: int, end: int, into: Pieces
) -> bool:
    """Parse the new text[start:end] of a run of segments ending with `last`, with the next
    segment's first line after it; add what it holds to `into`; False when the run does not
    end where nothing is open."""
    text = source.text
    following = old.cuts[last + 1] if last + 1 < len(old) else None
    cut = end - start
    if following is None:
        piece = text[start:]
    else:
        piece = text[start : end + following.reach - following.start]
        starts_block = following.heading is not None or following.item is not None
        if not (starts_block or after_blank(text, end)):
            return False
    try:
        parsed = parse_source(Source(source.path, piece, source.newline, source.bom))
    except Exception:  # noqa: BLE001 - the whole parse reports it
        return False
    doc = parsed.document
    if doc.definitions or doc.front_matter is not None:
        return False
    items = stream(doc)
    # The last run keeps everything, an empty last table row at the very end of the text too.
    limit = cut if following is not None else len(piece) + 1
    kept = bisect.bisect_left(items, limit, key=item_start)
    codes = doc.code_spans[: bisect.bisect_left(doc.code_spans, limit, key=lambda span: span.start)]
    if following is not None:
        rest = items[kept:]
        if following.heading is not None:
            heading = following.heading
            moved = Heading(
                heading.title,
                heading.level,
                Shifter(end - start - following.start).span(heading.span),
            )
            if rest != [moved]:
                return False
        elif following.item is not None:
            got = rest[0] if len(rest) == 1 else None
            if not (
                isinstance(got, Entry)
                and got.span.start == cut
                and (got.kind, got.marker) == (following.item.kind, following.item.marker)
            ):
                return False
        elif rest or any(span.end > cut for span in codes) or LONG_HTML.search(piece, 0, cut):
            return False
    links = doc.links[: bisect.bisect_left(doc.links, limit, key=lambda link: link.span.start)]
    problems = [p for p in parsed.problems if p.start < limit]
    into.take(items[:kept], links, codes, problems, start)
    return True


def _spliced(
    before: ParsedDocument, source: Source, edits: Sequence[Edit]
) -> ParsedDocument | None:
    old = Segments(before)
    ordered = sorted(set(edits), key=lambda edit: (edit.start, edit.end))
    edit_starts = [edit.start for edit in ordered]
    grown = [0, *itertools.accumulate(len(e.text) - (e.end - e.start) for e in ordered)]

    def moved(offset: int) -> int:
        """Where an offset no edit touches is in the new text."""
        return offset + grown[bisect.bisect_left(edit_starts, offset)]

    def end_of(last: int) -> int:
        return moved(old.start(last + 1)) if last + 1 < len(old) else len(source.text)

    touched = old.touched(ordered)
    pieces = Pieces()
    segment = 0
    while segment < len(old):
        last = segment
        while last + 1 < len(old) and touched[last + 1] == touched[segment]:
            last += 1
        start = moved(old.start(segment))
        if not touched[segment]:
            old.take(segment, last, pieces, start - old.start(segment))
        else:
            while not _parse_run(old, last, source, start, end_of(last), pieces):
                # Something is open at the next line: on to the next heading, or give up.
                if last + 1 == len(old) or old.cuts[last + 1].heading is not None:
                    return None
                last = old.next_heading(last + 1) - 1
                while last + 1 < len(old) and touched[last + 1]:
                    last += 1
        segment = last + 1
    text = source.text
    document = Document(
        path=source.path,
        text=text,
        newline=source.newline,
        bom=source.bom,
        lines=LineIndex(text),
        front_matter=None,
        sections=sections(pieces.items, len(text)),
        links=tuple(pieces.links),
        code_spans=tuple(pieces.code_spans),
        definitions=(),
        encoding=source.encoding,
        stamp=source.stamp,
    )
    return ParsedDocument(document, tuple(pieces.problems))


def reparse(before: ParsedDocument, text: str, edits: Sequence[Edit]) -> ParsedDocument:
    """The parse of `text`, which is `before`'s text with `edits` applied."""
    doc = before.document
    source = Source(doc.path, text, doc.newline, doc.bom)
    if (
        MODEL_KNOWN
        and edits
        and not doc.definitions
        and doc.front_matter is None
        and find_front_matter(text) is None
    ):
        spliced = _spliced(before, source, edits)
        if spliced is not None:
            return spliced
    return parse_source(source)
