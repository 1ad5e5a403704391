"""The document model: what a Markdown list file is made of, as frozen dataclasses.

Offsets are indexes into `Document.text`, which has its newlines normalised to "\\n" and any
byte-order mark removed. Spans are half-open: `text[span.start:span.end]`.
"""

from __future__ import annotations

import bisect
import dataclasses as dc
import enum
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from awesomelint.document.lines import LineIndex

_T = TypeVar("_T")


def _quick_init(cls: type[_T]) -> type[_T]:
    """The frozen dataclass `cls` with an `__init__` that sets each slot through its own
    descriptor: the generated one calls `object.__setattr__(self, "name", value)` per field,
    and a parse makes a hundred thousand spans and tens of thousands of entries, links and
    tags. The signature, the defaults and immutability stay as they were.

    A class it cannot do this for exactly (no slots, a field outside `__init__`, a
    keyword-only field, a default factory or a `__post_init__`) keeps its own `__init__`."""
    fields = dc.fields(cls)  # type: ignore[arg-type]
    if (
        "__slots__" not in vars(cls)
        or hasattr(cls, "__post_init__")
        or any(not f.init or f.kw_only or f.default_factory is not dc.MISSING for f in fields)
    ):
        return cls
    namespace: dict[str, Any] = {}
    params: list[str] = []
    body: list[str] = []
    for f in fields:
        namespace[f"_set_{f.name}"] = vars(cls)[f.name].__set__
        if f.default is dc.MISSING:
            params.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        body.append(f"    _set_{f.name}(self, {f.name})")
    exec(f"def __init__(self, {', '.join(params)}) -> None:\n" + "\n".join(body), namespace)  # noqa: S102
    init: Callable[..., None] = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    setattr(cls, "__init__", init)  # noqa: B010 - mypy forbids assigning a method
    return cls


@_quick_init
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


@_quick_init
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


@_quick_init
@dc.dataclass(frozen=True, slots=True)
class Definition:
    """A link reference definition, `[label]: url`: a link destination written once for the
    reference links (`[text][label]`) that use it."""

    label: str
    """Normalised: spaces squeezed, casefolded."""
    url: str
    span: Span
    """From the `[` of the label to the end of the definition's last line."""
    url_span: Span


class TagKind(enum.Enum):
    LINK = "link"  # [[NeurIPS 2023]](url): a link whose whole text is bracketed
    BRACKET = "bracket"  # [NeurIPS 2023] as plain text
    PAREN = "paren"  # (ICLR'23) inside a title
    COLUMN = "column"  # the venue column of a table


@_quick_init
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


@_quick_init
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
    """Every link in the entry's own text, in source order, badges and images included."""
    tags: tuple[Tag, ...]
    title: str
    """The plain text that names the work; "" when nothing does.

    In a list item: bold text before the first naming link (`**Title** [[paper]](url)`), else
    the text of the first naming link (`[Title](url)`), else the leading text up to a link or
    a ` - ` / `: ` separator. Leading decoration is skipped first: badges, emoji, bracketed
    labels such as `[2023/05]` and generic labels such as `Paper:`. A naming link is one
    whose text is not generic (`[Paper]`, `[[code]]`, `[Project Page]`, `[📖]`; see
    `link_roles`), not a bracketed label (`[[NeurIPS 2023]]`) and not a badge.

    In a table row: the same reading of the cell of the first "Title", "Paper", "Name",
    "Resource" or "Project" column; without such a header, of the first cell that has words
    and is neither a date, a venue column nor only badges. A cell is not cut at separators.
    """
    title_span: Span | None
    description_cell: Span | None
    """A table row's description column cell, if the table has one; see
    `entry_text.description_of` for an entry's description, read when asked for."""
    children: tuple[Entry, ...] = ()
    primary: Link | None = None
    """The link to the work itself: the link that carries the title (unless it points to a
    code host and the entry has a paper link), else the first paper link (a `[Paper]`,
    `[arXiv]`, `[PDF]` link, or any link in a table's "Paper" column), else
    the first link whose text names something, else the first link (a `[[github]]` link for a
    tool). A code link (`[Code]`, `[Github]`, any link in a table's "Code" column) is never
    chosen over a paper link. Badges and images never are; None when the entry has no other
    link."""
    badges: tuple[Link, ...] = ()
    """The entry's badges (see `link_roles`): decoration, kept in `links` so that they are
    still checked as links, but never a title, a primary link or an identity."""

    @property
    def extra_links(self) -> tuple[Link, ...]:
        """The entry's links other than its primary link, badges included."""
        return tuple(link for link in self.links if link is not self.primary)

    @property
    def is_empty(self) -> bool:
        return self.content_span.start == self.content_span.end and not self.children

    def walk(self) -> Iterator[Entry]:
        yield self
        for child in self.children:
            yield from child.walk()


@_quick_init
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


@_quick_init
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
    definitions: tuple[Definition, ...] = ()
    """Link reference definitions in source order (the first of a label is the one in use)."""
    encoding: str = "utf-8"
    """The file's encoding (utf-8, or utf-16/32 with a BOM), used when it is written back."""
    stamp: FileStamp | None = None
    """The file as read from disk; None for text that did not come from a file."""
    _by_start: tuple[list[int], list[Section]] = dc.field(init=False, repr=False, compare=False)
    """Every section in `walk_sections` order and their starts, for `section_at`."""
    _entries: tuple[tuple[Section, Entry], ...] | None = dc.field(
        default=None, init=False, repr=False, compare=False
    )
    """`entries()`, once asked for."""

    def __post_init__(self) -> None:
        flat = list(self.walk_sections())
        object.__setattr__(self, "_by_start", ([s.span.start for s in flat], flat))

    def walk_sections(self) -> Iterator[Section]:
        for section in self.sections:
            yield from section.walk()

    def entries(self) -> Iterator[tuple[Section, Entry]]:
        """Every entry, nested ones included, with the section it belongs to."""
        flat = self._entries
        if flat is None:  # listed once: most rules go through every entry
            flat = tuple(
                (section, item)
                for section in self.walk_sections()
                for entry in section.entries
                for item in entry.walk()
            )
            object.__setattr__(self, "_entries", flat)
        return iter(flat)

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
