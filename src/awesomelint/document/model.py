"""The document model: what a Markdown list file is made of, as frozen dataclasses.

Offsets are indexes into `Document.text`, which has its newlines normalised to "\\n" and any
byte-order mark removed. Spans are half-open: `text[span.start:span.end]`.
"""

from __future__ import annotations

import bisect
import dataclasses as dc
import enum
from collections.abc import Iterator
from pathlib import Path

from awesomelint.document.lines import LineIndex


@dc.dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


class LinkKind(enum.Enum):
    INLINE = "inline"  # [text](url) or ![alt](src)
    REFERENCE = "reference"  # [text][label]; url_span points into the definition
    AUTOLINK = "autolink"  # <https://...>
    HTML = "html"  # href="..." or src="..." in raw HTML


@dc.dataclass(frozen=True, slots=True)
class Link:
    text: str
    """The link text exactly as written in the source (Markdown included)."""
    url: str
    """The destination as written, without angle brackets."""
    span: Span
    text_span: Span
    url_span: Span
    kind: LinkKind = LinkKind.INLINE
    image: bool = False


class TagKind(enum.Enum):
    LINK = "link"  # [[NeurIPS 2023]](url): a link whose whole text is bracketed
    BRACKET = "bracket"  # [NeurIPS 2023] as plain text
    PAREN = "paren"  # (ICLR'23) inside a title
    COLUMN = "column"  # the venue column of a table


@dc.dataclass(frozen=True, slots=True)
class Tag:
    kind: TagKind
    value: str
    """The label without its brackets, as written."""
    span: Span
    """The span of `value` in the source, for precise edits."""
    link: Link | None = None


class EntryKind(enum.Enum):
    LIST_ITEM = "list-item"
    TABLE_ROW = "table-row"


@dc.dataclass(frozen=True, slots=True)
class Entry:
    kind: EntryKind
    span: Span
    """From the list marker (or the row's first character) to the end of the last line."""
    content_span: Span
    """The entry's own text: after the marker, before any nested list."""
    depth: int
    """0 for a top-level item or a table row, 1 for an item nested in it, and so on."""
    marker: str
    links: tuple[Link, ...]
    tags: tuple[Tag, ...]
    title: str
    title_span: Span | None
    description: str
    children: tuple[Entry, ...] = ()

    @property
    def primary(self) -> Link | None:
        return self.links[0] if self.links else None

    @property
    def extra_links(self) -> tuple[Link, ...]:
        return self.links[1:]

    @property
    def is_empty(self) -> bool:
        return self.content_span.start == self.content_span.end and not self.children

    def walk(self) -> Iterator[Entry]:
        yield self
        for child in self.children:
            yield from child.walk()


@dc.dataclass(frozen=True, slots=True)
class Section:
    title: str
    """The heading's text; "" for the text before the first heading."""
    level: int
    """1-6 for a heading, 0 for the text before the first heading."""
    heading_span: Span | None
    span: Span
    """From the heading to the next heading of the same or a higher level."""
    entries: tuple[Entry, ...]
    """Top-level entries directly in this section, not in its subsections."""
    subsections: tuple[Section, ...] = ()
    is_toc: bool = False

    def walk(self) -> Iterator[Section]:
        yield self
        for sub in self.subsections:
            yield from sub.walk()


@dc.dataclass(frozen=True, slots=True)
class FrontMatterField:
    key: str
    value: str
    value_span: Span


@dc.dataclass(frozen=True, slots=True)
class FrontMatter:
    span: Span
    """The whole block, both `---` fences included."""
    fields: tuple[FrontMatterField, ...]
    """Top-level `key: value` scalars; nested YAML is kept only in `span`."""


@dc.dataclass(frozen=True, slots=True)
class FileStamp:
    """A file as it was read: where it was and what it held, to tell before writing it back
    whether someone changed it meanwhile."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    digest: bytes
    """SHA-256 of the bytes read."""


@dc.dataclass(frozen=True, slots=True)
class Document:
    path: Path
    text: str
    newline: str
    """The file's newline ("\\n" or "\\r\\n"), restored when the file is written."""
    bom: bool
    lines: LineIndex
    front_matter: FrontMatter | None
    sections: tuple[Section, ...]
    """The heading tree's roots, in order; the text before the first heading comes first."""
    links: tuple[Link, ...]
    """Every link in the document in source order: entries, headings, paragraphs and HTML."""
    code_spans: tuple[Span, ...]
    """Inline code and code blocks, where prose rules must not look."""
    encoding: str = "utf-8"
    """The file's encoding (utf-8, or utf-16/32 with a BOM), used when it is written back."""
    stamp: FileStamp | None = None
    """The file as read from disk; None for text that did not come from a file."""
    _by_start: tuple[list[int], list[Section]] = dc.field(init=False, repr=False, compare=False)
    """Every section in `walk_sections` order and their starts, for `section_at`."""

    def __post_init__(self) -> None:
        flat = list(self.walk_sections())
        object.__setattr__(self, "_by_start", ([s.span.start for s in flat], flat))

    def walk_sections(self) -> Iterator[Section]:
        for section in self.sections:
            yield from section.walk()

    def entries(self) -> Iterator[tuple[Section, Entry]]:
        """Every entry, nested ones included, with the section it belongs to."""
        for section in self.walk_sections():
            for entry in section.entries:
                for item in entry.walk():
                    yield section, item

    def section_at(self, offset: int) -> Section:
        """The innermost section that contains `offset` (the end of the text included).

        Sections in walk order start in order, and each lasts at least to the next one's
        start: so the last one starting at or before `offset` is the innermost holding it."""
        if not 0 <= offset <= len(self.text):
            return self.sections[0]
        starts, flat = self._by_start
        return flat[max(0, bisect.bisect_right(starts, offset) - 1)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset."""
        return self.lines.position(offset)
