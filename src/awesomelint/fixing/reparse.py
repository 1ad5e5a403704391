"""Parsing a document again after a pass of fixes: only the parts the edits touched.

A top-level heading (one not in a block quote) starts a block that markdown-it reads the same
whatever came before it: nothing is open there. So the text is cut before such headings into
segments. A segment that no edit touches (nor the heading after it, which decided where its
last block ends) parses as it did; its entries and links are kept, moved by what the edits
before it added or removed. A run of touched segments is parsed again on its own, with the
next segment's heading line after it; when that line comes out as the same heading, the run
ended where it did before and the rest of the document reads as before. Otherwise, and for
documents with front matter or reference definitions (which reach across the whole text),
the text is parsed whole. Either way the model is the one a whole parse gives.
"""

from __future__ import annotations

import bisect
import dataclasses as dc
import itertools
from collections.abc import Sequence

from awesomelint.diagnostics import Edit
from awesomelint.document.frontmatter import find_front_matter
from awesomelint.document.lines import LineIndex
from awesomelint.document.locate import Problem
from awesomelint.document.model import Document, Entry, Link, Section, Span
from awesomelint.document.parse import ParsedDocument, parse_source
from awesomelint.document.sections import SectionBuilder
from awesomelint.document.source import Source
from awesomelint.fixing.shift import MODEL_KNOWN, Shifter


@dc.dataclass(slots=True)
class _Part:
    """A section's own part: its heading and the entries before its first subsection."""

    title: str
    level: int
    heading_span: Span | None
    entries: Sequence[Entry]


@dc.dataclass(slots=True)
class _Pieces:
    """What the new document is assembled from, in order."""

    parts: list[_Part] = dc.field(default_factory=list)
    links: list[Link] = dc.field(default_factory=list)
    code_spans: list[Span] = dc.field(default_factory=list)
    problems: list[Problem] = dc.field(default_factory=list)

    def take(
        self,
        parts: Sequence[_Part],
        links: Sequence[Link],
        code_spans: Sequence[Span],
        problems: Sequence[Problem],
        by: int,
    ) -> None:
        if by == 0:
            self.parts.extend(parts)
            self.links.extend(links)
            self.code_spans.extend(code_spans)
            self.problems.extend(problems)
            return
        move = Shifter(by)
        for part in parts:
            heading = None if part.heading_span is None else move.span(part.heading_span)
            entries = [move.entry(entry) for entry in part.entries]
            self.parts.append(_Part(part.title, part.level, heading, entries))
        self.links.extend(map(move.link, links))
        self.code_spans.extend(map(move.span, code_spans))
        self.problems.extend(map(move.problem, problems))


def _parts(doc: Document) -> list[_Part]:
    return [_Part(s.title, s.level, s.heading_span, s.entries) for s in doc.walk_sections()]


def _cuts_before(text: str, part: _Part) -> bool:
    """Whether a segment may start at this part's heading: a top-level heading's line."""
    if part.heading_span is None:
        return False
    start = part.heading_span.start
    line = text[start : start + 4]
    first = line.lstrip(" ")[:1]
    return first not in ("", ">", "\t")


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end == -1 else end + 1


class _Old:
    """The document as it was, cut into segments."""

    def __init__(self, parsed: ParsedDocument) -> None:
        doc = parsed.document
        self.doc = doc
        self.parts = _parts(doc)
        self.firsts = [0] + [
            k for k in range(1, len(self.parts)) if _cuts_before(doc.text, self.parts[k])
        ]
        """The index of each segment's first part."""
        self.starts = [0] + [self._heading(i).start for i in range(1, len(self.firsts))]
        self.heading_ends = [0] + [
            _line_end(doc.text, self._heading(i).end) for i in range(1, len(self.firsts))
        ]
        self.problems = parsed.problems
        self._link_starts = [link.span.start for link in doc.links]
        self._code_starts = [span.start for span in doc.code_spans]

    def _heading(self, segment: int) -> Span:
        span = self.parts[self.firsts[segment]].heading_span
        assert span is not None
        return span

    def __len__(self) -> int:
        return len(self.firsts)

    def start(self, segment: int) -> int:
        return self.starts[segment] if segment < len(self) else len(self.doc.text)

    def reach(self, segment: int) -> int:
        """The last offset an edit can be at without changing how the segment parses."""
        return self.heading_ends[segment + 1] if segment + 1 < len(self) else len(self.doc.text)

    def touched(self, edits: Sequence[Edit]) -> list[bool]:
        touched = [False] * len(self)
        for edit in edits:
            segment = bisect.bisect_right(self.starts, edit.end) - 1
            while segment >= 0 and self.reach(segment) >= edit.start:
                touched[segment] = True
                segment -= 1
        return touched

    def take(self, first: int, last: int, into: _Pieces, by: int) -> None:
        """Segments first..last, moved `by` characters."""
        doc = self.doc
        start, end = self.start(first), self.start(last + 1)
        links = slice(
            bisect.bisect_left(self._link_starts, start), bisect.bisect_left(self._link_starts, end)
        )
        codes = slice(
            bisect.bisect_left(self._code_starts, start), bisect.bisect_left(self._code_starts, end)
        )
        parts = self.parts[
            self.firsts[first] : self.firsts[last + 1] if last + 1 < len(self) else None
        ]
        problems = [p for p in self.problems if start <= p.start < end]
        into.take(parts, doc.links[links], doc.code_spans[codes], problems, by)


def _parse_run(
    old: _Old, first: int, last: int, source: Source, start: int, end: int, into: _Pieces
) -> bool:
    """Parse the new text[start:end] of segments first..last, with the next segment's heading
    after it; add what it holds to `into`; False when the heading did not come out the same."""
    text = source.text
    tail = None
    if last + 1 < len(old):
        tail = old.parts[old.firsts[last + 1]]
        assert tail.heading_span is not None
        tail_length = old.heading_ends[last + 1] - old.start(last + 1)
    piece = text[start : end + tail_length] if tail is not None else text[start:]
    try:
        parsed = parse_source(Source(source.path, piece, source.newline, source.bom))
    except Exception:  # noqa: BLE001 - the whole parse reports it
        return False
    doc = parsed.document
    if doc.definitions or doc.front_matter is not None:
        return False
    parts = _parts(doc)
    if first > 0:  # the piece starts with the segment's heading: nothing before it
        heading = parts[1].heading_span if len(parts) > 1 else None
        if parts[0].entries or heading is None or heading.start != 0:
            return False
        parts = parts[1:]
    cut = len(piece)
    if tail is not None:
        assert tail.heading_span is not None
        cut = end - start
        moved = Shifter(cut - old.start(last + 1)).span(tail.heading_span)
        got = parts[-1]
        if (got.heading_span, got.title, got.level, tuple(got.entries)) != (
            moved,
            tail.title,
            tail.level,
            (),
        ):
            return False
        parts = parts[:-1]
    links = doc.links[: bisect.bisect_left(doc.links, cut, key=lambda link: link.span.start)]
    codes = doc.code_spans[: bisect.bisect_left(doc.code_spans, cut, key=lambda span: span.start)]
    problems = [p for p in parsed.problems if p.start < cut]
    into.take(parts, links, codes, problems, start)
    return True


def _sections(parts: Sequence[_Part], length: int) -> tuple[Section, ...]:
    """The heading tree, built as the parser builds it."""
    root = SectionBuilder("", 0, None, 0, list(parts[0].entries))
    stack = [root]
    for part in parts[1:]:
        span = part.heading_span
        assert span is not None
        while stack[-1].level >= part.level:
            stack.pop().end = span.start
        builder = SectionBuilder(part.title, part.level, span, span.start, list(part.entries))
        stack[-1].children.append(builder)
        stack.append(builder)
    for builder in stack:
        builder.end = length
    built = root.build()
    return (dc.replace(built, subsections=()), *built.subsections)


def _spliced(
    before: ParsedDocument, source: Source, edits: Sequence[Edit]
) -> ParsedDocument | None:
    old = _Old(before)
    ordered = sorted(set(edits), key=lambda edit: (edit.start, edit.end))
    edit_starts = [edit.start for edit in ordered]
    grown = [0, *itertools.accumulate(len(e.text) - (e.end - e.start) for e in ordered)]

    def moved(offset: int) -> int:
        """Where an offset no edit touches is in the new text."""
        return offset + grown[bisect.bisect_left(edit_starts, offset)]

    touched = old.touched(ordered)
    pieces = _Pieces()
    segment = 0
    while segment < len(old):
        last = segment
        while last + 1 < len(old) and touched[last + 1] == touched[segment]:
            last += 1
        start = moved(old.start(segment))
        if not touched[segment]:
            old.take(segment, last, pieces, start - old.start(segment))
        else:
            end = moved(old.start(last + 1)) if last + 1 < len(old) else len(source.text)
            if not _parse_run(old, segment, last, source, start, end, pieces):
                return None
        segment = last + 1
    text = source.text
    document = Document(
        path=source.path,
        text=text,
        newline=source.newline,
        bom=source.bom,
        lines=LineIndex(text),
        front_matter=None,
        sections=_sections(pieces.parts, len(text)),
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
