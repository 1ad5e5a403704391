"""A parsed document as a stream of headings and entries, cut where nothing is open.

markdown-it reads a block that starts where no block is open the same whatever came before
it. Three kinds of line start one for sure (or a list item, which reads the same):

- a top-level heading (its line does not start with `>`): a heading inside a list item or
  an HTML block or a fence would be no section of the model;
- a top-level list item whose marker is in the first column: the items from there on read
  the same whether a list goes on there or starts there (only its looseness differs, which
  the model does not keep);
- a line after a blank line that starts in the first column with a character that cannot
  continue anything (no list marker, `>`, `#`, fence or `<`), outside a code block,
  when no HTML block that may hold blank lines (`<!--`, `<pre`, `<script`, ...) starts
  between it and the heading before it.

`fixing.reparse` parses again only the segments between such lines that edits touched.
"""

from __future__ import annotations

import bisect
import dataclasses as dc
import itertools
import re
from collections.abc import Sequence

from awesomelint.diagnostics import Edit
from awesomelint.document.locate import Problem
from awesomelint.document.model import Document, Entry, EntryKind, Link, Section, Span
from awesomelint.document.parse import ParsedDocument
from awesomelint.document.sections import SectionBuilder
from awesomelint.fixing.shift import Shifter

LONG_HTML = re.compile(r"^ {0,3}<(?:!|\?|script|pre|style|textarea)", re.IGNORECASE | re.MULTILINE)
"""HTML blocks that blank lines do not end."""
_AFTER_BLANK = re.compile(r"\n[ \t]*\n(?=[^\s>#*+\-<=_~`\d]|[*+\-]\S|\d(?!\d{0,8}[.)](?:\s|$)))")
"""A blank line, then a line that starts no list item, quote, heading, fence or HTML."""


@dc.dataclass(frozen=True, slots=True)
class Heading:
    title: str
    level: int
    span: Span


Item = Heading | Entry


def item_start(item: Item) -> int:
    return item.span.start


def stream(doc: Document) -> list[Item]:
    """The headings and the top-level entries, in order."""
    items: list[Item] = []
    for section in doc.walk_sections():
        if section.heading_span is not None:
            items.append(Heading(section.title, section.level, section.heading_span))
        items.extend(section.entries)
    return items


def sections(items: Sequence[Item], length: int) -> tuple[Section, ...]:
    """The heading tree of a stream, built as the parser builds it."""
    root = SectionBuilder("", 0, None, 0)
    stack = [root]
    for item in items:
        if isinstance(item, Heading):
            while stack[-1].level >= item.level:
                stack.pop().end = item.span.start
            builder = SectionBuilder(item.title, item.level, item.span, item.span.start)
            stack[-1].children.append(builder)
            stack.append(builder)
        else:
            stack[-1].entries.append(item)
    for builder in stack:
        builder.end = length
    built = root.build()
    return (dc.replace(built, subsections=()), *built.subsections)


def line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end == -1 else end + 1


def _at_line_start(text: str, at: int) -> bool:
    return at > 0 and text[at - 1] == "\n"


def top_level_heading(text: str, span: Span) -> bool:
    first = text[span.start : span.start + 4].lstrip(" ")[:1]
    return first not in ("", ">", "\t")


def after_blank(text: str, at: int) -> bool:
    """Whether a line starting at `at` follows a blank line and starts as `_AFTER_BLANK` asks."""
    if at < 2 or text[at - 1] != "\n":
        return False
    previous = text.rfind("\n", 0, at - 1)
    return (
        previous != -1
        and not text[previous + 1 : at - 1].strip(" \t")
        and _AFTER_BLANK.match(text, previous) is not None
    )


@dc.dataclass(slots=True)
class Cut:
    start: int
    reach: int
    """The end of the cut's first line (of its heading, for a heading): where the blocks
    before the cut stop looking."""
    heading: Heading | None
    item: Entry | None = None
    """The top-level list item the cut is before, if it is before one."""


@dc.dataclass(slots=True)
class Pieces:
    """What the new document is assembled from, in order."""

    items: list[Item] = dc.field(default_factory=list)
    links: list[Link] = dc.field(default_factory=list)
    code_spans: list[Span] = dc.field(default_factory=list)
    problems: list[Problem] = dc.field(default_factory=list)

    def take(
        self,
        items: Sequence[Item],
        links: Sequence[Link],
        code_spans: Sequence[Span],
        problems: Sequence[Problem],
        by: int,
    ) -> None:
        if by == 0:
            self.items.extend(items)
            self.links.extend(links)
            self.code_spans.extend(code_spans)
            self.problems.extend(problems)
            return
        move = Shifter(by)
        for item in items:
            if isinstance(item, Heading):
                self.items.append(Heading(item.title, item.level, move.span(item.span)))
            else:
                self.items.append(move.entry(item))
        self.links.extend(map(move.link, links))
        self.code_spans.extend(map(move.span, code_spans))
        self.problems.extend(map(move.problem, problems))


class Segments:
    """A document as it was, cut into segments."""

    def __init__(self, parsed: ParsedDocument) -> None:
        doc = parsed.document
        text = doc.text
        self.doc = doc
        self._problems = parsed.problems
        self.items = stream(doc)
        self._item_starts = [item_start(item) for item in self.items]
        self._link_starts = [link.span.start for link in doc.links]
        self._code_starts = [span.start for span in doc.code_spans]
        self.cuts = [Cut(0, 0, None)]
        headings = [
            item for item in self.items if isinstance(item, Heading) and item.span.start > 0
        ]
        long_html = [match.start() for match in LONG_HTML.finditer(text)]
        lines = [match.end() for match in _AFTER_BLANK.finditer(text)]
        for heading in [None, *headings]:
            start = 0 if heading is None else heading.span.start
            if heading is not None and top_level_heading(text, heading.span):
                self.cuts.append(Cut(start, line_end(text, heading.span.end), heading))
            end = self._next_heading(headings, start)
            html = bisect.bisect_left(long_html, start)
            stop = min(end, long_html[html] if html < len(long_html) else end)
            first = bisect.bisect_right(lines, start)
            for at in lines[first : bisect.bisect_left(lines, stop)]:
                if self._free(at):
                    self.cuts.append(Cut(at, line_end(text, at), None))
        for item in self.items:
            at = item.span.start
            if (
                isinstance(item, Entry)
                and item.kind is EntryKind.LIST_ITEM
                and _at_line_start(text, at)
            ):
                self.cuts.append(Cut(at, line_end(text, at), None, item))
        self.cuts.sort(key=lambda cut: cut.start)
        self.starts = [cut.start for cut in self.cuts]
        self._problem_segments = [
            bisect.bisect_right(self.starts, p.start) - 1 for p in self._problems
        ]
        self._problems_in_order = all(a <= b for a, b in itertools.pairwise(self._problem_segments))

    @staticmethod
    def _next_heading(headings: Sequence[Heading], start: int) -> int:
        at = bisect.bisect_right(headings, start, key=lambda heading: heading.span.start)
        return headings[at].span.start if at < len(headings) else 1 << 62

    def _free(self, at: int) -> bool:
        """Whether no entry or code block of the document holds offset `at`."""
        doc = self.doc
        code = bisect.bisect_right(self._code_starts, at) - 1
        if code >= 0 and doc.code_spans[code].end > at:
            return False
        item = bisect.bisect_right(self._item_starts, at) - 1
        return item < 0 or self.items[item].span.end < at

    def __len__(self) -> int:
        return len(self.cuts)

    def next_heading(self, segment: int) -> int:
        """The first segment after `segment` that starts with a heading (or the count)."""
        following = segment + 1
        while following < len(self.cuts) and self.cuts[following].heading is None:
            following += 1
        return following

    def start(self, segment: int) -> int:
        return self.starts[segment] if segment < len(self) else len(self.doc.text)

    def reach(self, segment: int) -> int:
        """The last offset an edit can be at without changing how the segment parses."""
        return self.cuts[segment + 1].reach if segment + 1 < len(self) else len(self.doc.text)

    def touched(self, edits: Sequence[Edit]) -> list[bool]:
        touched = [False] * len(self)
        for edit in edits:
            segment = bisect.bisect_right(self.starts, edit.end) - 1
            while segment >= 0 and self.reach(segment) >= edit.start:
                touched[segment] = True
                segment -= 1
        return touched

    def take(self, first: int, last: int, into: Pieces, by: int) -> None:
        """Segments first..last, moved `by` characters."""
        doc = self.doc
        start, end = self.start(first), self.start(last + 1)

        def within(starts: list[int]) -> slice:
            return slice(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end))

        segments = self._problem_segments
        if self._problems_in_order:  # as the parser reads them: segment after segment
            problems: Sequence[Problem] = self._problems[
                bisect.bisect_left(segments, first) : bisect.bisect_right(segments, last)
            ]
        else:
            problems = [
                p for p, at in zip(self._problems, segments, strict=True) if first <= at <= last
            ]
        into.take(
            self.items[within(self._item_starts)],
            doc.links[within(self._link_starts)],
            doc.code_spans[within(self._code_starts)],
            problems,
            by,
        )
