"""Markdown text to the document model; the only module that imports markdown-it-py.

markdown-it-py supplies the block structure (headings, lists, tables, HTML blocks) and line
ranges. Its inline phase is switched off: inline positions are recovered from the source by
`locate.scan_inline`, which is both exact about offsets and cheaper than the token stream.
"""

from __future__ import annotations

import dataclasses as dc
import re
from collections.abc import Sequence
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from awesomelint.document import entry_text, link_roles
from awesomelint.document.frontmatter import blank_out, find_front_matter
from awesomelint.document.lines import LineIndex
from awesomelint.document.locate import (
    InlineScan,
    Problem,
    Reference,
    scan_html_block,
    scan_inline,
)
from awesomelint.document.model import (
    Definition,
    Document,
    Entry,
    EntryKind,
    Link,
    Section,
    Span,
)
from awesomelint.document.quiet_rules import quiet_debug_logging
from awesomelint.document.references import drop_definitions, find_definitions
from awesomelint.document.rows import row_entry
from awesomelint.document.sections import SectionBuilder
from awesomelint.document.source import Source, from_text
from awesomelint.document.tables import quote_depth, row_cells
from awesomelint.document.titles import find_title
from awesomelint.errors import ParseCrashed

_LIST_OPENERS = frozenset({"bullet_list_open", "ordered_list_open"})
_CODE_BLOCKS = frozenset({"fence", "code_block"})
_MARKER = re.compile(r"[ \t>]*(?:[*+\-]|\d{1,9}[.)])(?:[ \t]+|(?=\n)|$)")


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.disable("inline")
    # Joins the text pieces the inline phase makes: with no inline phase, a walk over every
    # token for nothing.
    md.disable("text_join", ignoreInvalid=True)
    return md


_MD = _markdown()
quiet_debug_logging()


@dc.dataclass(frozen=True, slots=True)
class ParsedDocument:
    document: Document
    problems: tuple[Problem, ...]
    """Link syntax that did not parse, for the malformed-link rule."""


class _Walker:
    def __init__(
        self,
        text: str,
        lines: LineIndex,
        references: dict[str, Reference],
        definitions: Sequence[Definition] = (),
    ) -> None:
        self.text = text
        self.lines = lines
        self.references = references
        self.definitions = [definition.span for definition in definitions]
        self.links: list[Link] = []
        self.code_spans: list[Span] = []
        self.problems: list[Problem] = []
        self.root = SectionBuilder("", 0, None, 0)
        self.stack: list[SectionBuilder] = [self.root]
        self.line: int | None = None
        """The 0-based line of the block or item being read: where a crash is reported."""
        self._ends: dict[tuple[int, int], int] = {}

    # -- helpers -------------------------------------------------------------------
    def _block_span(self, token: Token) -> Span:
        assert token.map is not None
        first, last = token.map
        return Span(self.lines.line_start(first), self._trimmed_end(first, last))

    def _trimmed_end(self, first: int, last: int) -> int:
        """End of the last non-blank line in [first, last) (a paragraph's opening token and
        its inline token ask about the same lines)."""
        end = self._ends.get((first, last))
        if end is None:
            end = self._ends[first, last] = self._find_trimmed_end(first, last)
        return end

    def _find_trimmed_end(self, first: int, last: int) -> int:
        line = last - 1
        while (
            line > first
            and not self.text[self.lines.line_start(line) : self.lines.line_end(line)].strip()
        ):
            line -= 1
        end = self.lines.line_end(line)
        while end > self.lines.line_start(first) and self.text[end - 1] in " \t":
            end -= 1
        return end

    def _scan(self, start: int, end: int) -> tuple[InlineScan, list[Link]]:
        scan = scan_inline(self.text, start, end, self.references)
        if self.definitions:
            drop_definitions(scan, self.definitions, start, end)
        links = [entry_text.make_link(self.text, raw) for raw in scan.links]
        self.links.extend(links)
        if scan.code_spans:
            self.code_spans.extend(Span(a, b) for a, b in scan.code_spans)
        if scan.problems:
            self.problems.extend(scan.problems)
        return scan, links

    # -- blocks ----------------------------------------------------------------------
    def walk(self, tokens: Sequence[Token]) -> Section:
        i = 0
        while i < len(tokens):
            token = tokens[i]
            kind = token.type
            if token.map is not None:
                self.line = token.map[0]
            if kind == "heading_open":
                self._heading(token, tokens[i + 1])
                i += 3
            elif kind in ("bullet_list_open", "ordered_list_open"):
                entries, i = self._list(tokens, i, 0)
                self.stack[-1].entries.extend(entries)
            elif kind == "table_open":
                entries, i = self._table(tokens, i)
                self.stack[-1].entries.extend(entries)
            else:
                self._other_block(token)
                i += 1
        for builder in self.stack:
            builder.end = len(self.text)
        return self.root.build()

    def _heading(self, token: Token, inline: Token) -> None:
        span = self._block_span(token)
        level = int(token.tag[1])
        while self.stack[-1].level >= level:
            self.stack.pop().end = span.start
        builder = SectionBuilder(inline.content.strip(), level, span, span.start)
        self.stack[-1].children.append(builder)
        self.stack.append(builder)
        if inline.content:
            start = self.text.find(inline.content, span.start, span.end)
            if start != -1:
                self._scan(start, start + len(inline.content))

    def _other_block(self, token: Token) -> None:
        if token.map is None:
            return
        if token.type == "inline":
            self._scan(*self._inline_bounds(token))
        elif token.type == "html_block":
            span = self._block_span(token)
            scan = scan_html_block(self.text, span.start, span.end)
            self.links.extend(entry_text.make_link(self.text, raw) for raw in scan.links)
        elif token.type in ("fence", "code_block"):
            self.code_spans.append(self._block_span(token))

    def _inline_bounds(self, token: Token) -> tuple[int, int]:
        span = self._block_span(token)
        start = span.start
        while start < span.end and self.text[start] in " \t>":
            start += 1
        return start, span.end

    # -- lists -----------------------------------------------------------------------
    def _list(self, tokens: Sequence[Token], i: int, depth: int) -> tuple[list[Entry], int]:
        close = tokens[i].type.replace("_open", "_close")
        nesting = tokens[i].level
        entries: list[Entry] = []
        i += 1
        token = tokens[i]
        while not (token.type == close and token.level == nesting):
            if token.type == "list_item_open":
                entry, i = self._item(tokens, i, depth)
                entries.append(entry)
            else:
                i += 1
            token = tokens[i]
        return entries, i + 1

    def _item(self, tokens: Sequence[Token], i: int, depth: int) -> tuple[Entry, int]:
        opening = tokens[i]
        assert opening.map is not None
        self.line = opening.map[0]
        item_span = self._block_span(opening)
        line_start = self.lines.line_start(opening.map[0])
        marker = _MARKER.match(self.text, line_start)
        content_start = marker.end() if marker is not None else line_start
        marker_start = content_start
        if marker is not None:
            marker_text = marker.group(0)
            marker_start = line_start + len(marker_text) - len(marker_text.lstrip(" \t>"))
        own_end = content_start
        regions: list[tuple[str, Span]] = []
        """The item's own blocks before its sub-list, by token type: what is inline text."""
        children: list[Entry] = []
        level = opening.level
        i += 1
        token = tokens[i]
        while not (token.type == "list_item_close" and token.level == level):
            kind = token.type
            if kind in _LIST_OPENERS:
                nested, i = self._list(tokens, i, depth + 1)
                children.extend(nested)
            elif kind == "table_open":
                rows, i = self._table(tokens, i)
                children.extend(rows)
            else:
                if token.map is not None and not children:
                    if kind == "inline":
                        start, end = self._inline_bounds(token)
                        regions.append(("inline", Span(max(start, content_start), end)))
                    elif kind in _CODE_BLOCKS or kind == "html_block":
                        span = self._block_span(token)
                        end = span.end
                        if kind == "html_block":
                            regions.append(("html", span))
                        else:
                            self.code_spans.append(span)
                    else:
                        end = self._trimmed_end(*token.map)
                    own_end = max(own_end, end)
                elif token.map is not None:
                    self._other_block(token)
                i += 1
            token = tokens[i]
        content = Span(content_start, max(own_end, content_start))
        if content.end == content_start and not children:
            held = [d for d in self.definitions if content_start <= d.start < item_span.end]
            # An item holding only a reference definition has it as its text; an empty item
            # has an empty span where it ends.
            end = held[-1].end if held else item_span.end
            content = Span(content_start if held else end, end)
            if held:
                regions.append(("inline", content))
        entry = self._entry(
            EntryKind.LIST_ITEM,
            Span(marker_start, item_span.end),
            content,
            depth,
            opening.info + opening.markup,
            tuple(children),
            regions,
        )
        return entry, i + 1

    def _scan_regions(self, regions: Sequence[tuple[str, Span]]) -> tuple[InlineScan, list[Link]]:
        """Scan an item's blocks one by one: text in an HTML block or a code block inside
        an item is no inline Markdown, as markdown-it reads it."""
        if len(regions) == 1 and regions[0][0] == "inline":  # most items: one paragraph
            return self._scan(regions[0][1].start, regions[0][1].end)
        scan = InlineScan()
        links: list[Link] = []
        for kind, span in regions:
            if kind == "inline":
                part, part_links = self._scan(span.start, span.end)
            else:
                part = scan_html_block(self.text, span.start, span.end)
                part_links = [entry_text.make_link(self.text, raw) for raw in part.links]
                self.links.extend(part_links)
            scan.extend(part)
            links.extend(part_links)
        return scan, links

    def _entry(
        self,
        kind: EntryKind,
        span: Span,
        content: Span,
        depth: int,
        marker: str,
        children: tuple[Entry, ...],
        regions: Sequence[tuple[str, Span]],
    ) -> Entry:
        scan, links = self._scan_regions(regions)
        tags = entry_text.collect_tags(self.text, links, scan, content)
        badges = link_roles.badge_indexes(links)
        title_span = find_title(self.text, content, links, scan.brackets)
        in_title = entry_text.paren_tags(self.text, title_span)
        if in_title:  # collect_tags gave them in order
            tags.extend(in_title)
            tags.sort(key=lambda tag: tag.span.start)
        title = (
            entry_text.plain(self.text[title_span.start : title_span.end])
            if title_span is not None
            else ""
        )
        return Entry(
            kind=kind,
            span=span,
            content_span=content,
            depth=depth,
            marker=marker,
            links=tuple(links),
            tags=tuple(tags),
            title=title,
            title_span=title_span,
            description_cell=None,
            children=children,
            primary=link_roles.choose_primary(links, badges, title_span),
            badges=tuple(links[i] for i in sorted(badges)),
        )

    # -- tables ----------------------------------------------------------------------
    def _table(self, tokens: Sequence[Token], i: int) -> tuple[list[Entry], int]:
        nesting = tokens[i].level
        header: list[str] = []
        entries: list[Entry] = []
        in_head = False
        quotes = quote_depth(self.text, self._block_span(tokens[i]).start)
        i += 1
        while not (tokens[i].type == "table_close" and tokens[i].level == nesting):
            token = tokens[i]
            if token.type == "thead_open":
                in_head = True
            elif token.type == "thead_close":
                in_head = False
            elif token.type == "tr_open" and token.map is not None:
                self.line = token.map[0]
                row = self._row_cells(token.map[0], quotes)
                if header:
                    row = row[: len(header)]  # GFM ignores a body row's excess cells
                if in_head:
                    header = [entry_text.plain(self.text[a:b]).casefold() for a, b in row]
                    for a, b in row:
                        self._scan(a, b)
                else:
                    entries.append(row_entry(self.text, row, header, self._scan))
            i += 1
        return entries, i + 1

    def _row_cells(self, line: int, quotes: int) -> list[tuple[int, int]]:
        return row_cells(self.text, self.lines.line_start(line), self.lines.line_end(line), quotes)


def parse_source(source: Source) -> ParsedDocument:
    """The document model of `source`; ParseCrashed, with the line when known, on a bug."""
    text = source.text
    lines = LineIndex(text)
    walker: _Walker | None = None
    try:
        front_matter = find_front_matter(text)
        markdown = blank_out(text, front_matter) if front_matter is not None else text
        env: dict[str, object] = {}
        tokens = _MD.parse(markdown, env)
        references, definitions = find_definitions(text, lines, env)
        walker = _Walker(text, lines, references, definitions)
        root = walker.walk(tokens)
    except Exception as err:  # a parser bug costs this one file, never the run
        line = None if walker is None or walker.line is None else walker.line + 1
        raise ParseCrashed(line, err) from err
    sections = (dc.replace(root, subsections=()), *root.subsections)
    document = Document(
        path=source.path,
        text=text,
        newline=source.newline,
        bom=source.bom,
        lines=lines,
        front_matter=front_matter,
        sections=sections,
        links=tuple(sorted(walker.links, key=lambda link: link.span.start)),
        code_spans=tuple(sorted(walker.code_spans, key=lambda span: span.start)),
        definitions=tuple(definitions),
        encoding=source.encoding,
        stamp=source.stamp,
    )
    return ParsedDocument(document, tuple(walker.problems))


def parse_text(text: str, path: str | Path = "<text>") -> ParsedDocument:
    """Parse Markdown given as a string (tests, the Python API and the rules' trial parses).

    The string is text already: no byte of it is read as a sign of a binary file."""
    if text.startswith("\ufeff"):
        return parse_source(from_text(text[1:], Path(path), bom=True))
    return parse_source(from_text(text, Path(path)))
