"""Reading an entry's own text: its links, labels (tags), title and description."""

from __future__ import annotations

import re
from collections.abc import Sequence

from awesomelint.document.link_roles import is_label_link
from awesomelint.document.locate import InlineScan, RawLink
from awesomelint.document.model import Entry, EntryKind, Link, LinkKind, Span, Tag, TagKind

# A venue label written in parentheses inside a title: "(ICLR'23)", "(NeurIPS 2023)".
_PAREN_TAG = re.compile(
    r"\((?P<value>[A-Za-z][A-Za-z&\-]*(?: [A-Za-z&\-]+)*(?:'\d{2}| ?(?:19|20)\d{2})"
    r"(?: [A-Za-z]+)*)\)"
)
_TASK_BOX = frozenset({" ", "x", "X"})
_SEPARATORS = " \t\n-\u2013\u2014:|,;."
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`")
_ESCAPE = re.compile(r"\\(.)")
_SPACES = re.compile(r"\s+")
_NOT_PLAIN = re.compile(r"[*_`\\]|\s\s|[^\S ]")


def plain(markdown: str) -> str:
    """Inline Markdown to plain text, well enough for titles and comparisons."""
    if _NOT_PLAIN.search(markdown) is None:
        return markdown.strip()
    text = _EMPHASIS.sub("", markdown)
    text = _ESCAPE.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip()


_LINK_KINDS = {kind.value: kind for kind in LinkKind}


def make_link(text: str, raw: RawLink) -> Link:
    return Link(
        text=text[raw.text_start : raw.text_end],
        url=raw.url,
        span=Span(raw.start, raw.end),
        text_span=Span(raw.text_start, raw.text_end),
        url_span=Span(raw.url_start, raw.url_end),
        kind=_LINK_KINDS[raw.kind],
        image=raw.image,
    )


def collect_tags(text: str, links: Sequence[Link], scan: InlineScan, content: Span) -> list[Tag]:
    tags: list[Tag] = []
    for link in links:
        if is_label_link(link):
            span = Span(link.text_span.start + 1, link.text_span.end - 1)
            tags.append(Tag(TagKind.LINK, text[span.start : span.end], span, link))
    link_spans = [link.span for link in links]
    for start, end in scan.brackets:
        if start == end or any(s.start <= start and end <= s.end for s in link_spans):
            continue
        value = text[start:end]
        if value in _TASK_BOX and start == content.start + 1:
            continue
        tags.append(Tag(TagKind.BRACKET, value, Span(start, end)))
    if len(tags) > 1:
        tags.sort(key=lambda tag: tag.span.start)
    return tags


def paren_tags(text: str, title_span: Span | None) -> list[Tag]:
    if title_span is None:
        return []
    return [
        Tag(TagKind.PAREN, match.group("value"), Span(*match.span("value")))
        for match in _PAREN_TAG.finditer(text, title_span.start, title_span.end)
    ]


def description_of(text: str, entry: Entry) -> str:
    """The entry's description, from `text`, the text of its document: a table row's
    description column; an item's own text with its title, labels, badges and link syntax
    taken out. Read only when asked for: no rule needs it, and a large list has tens of
    thousands of entries."""
    if entry.kind is EntryKind.TABLE_ROW:
        cell = entry.description_cell
        return plain(text[cell.start : cell.end]) if cell is not None else ""
    decoration = [link for link in entry.links if link.image or link in entry.badges]
    return _description(
        text, entry.content_span, entry.title_span, entry.links, entry.tags, decoration
    )


def _description(
    text: str,
    content: Span,
    title: Span | None,
    links: Sequence[Link],
    tags: Sequence[Tag],
    decoration: Sequence[Link] = (),
) -> str:
    """The entry's text with its title, labels, badges and link syntax taken out."""
    cut: list[tuple[int, int]] = []
    if title is not None:
        cut.append((content.start, title.end))
    for link in links:
        if (
            is_label_link(link)
            or link in decoration
            or (title is not None and link.text_span == title)
        ):
            cut.append((link.span.start, link.span.end))
        else:
            cut.append((link.span.start, link.text_span.start))
            cut.append((link.text_span.end, link.span.end))
    cut.extend(
        (tag.span.start - 1, tag.span.end + 1) for tag in tags if tag.kind is TagKind.BRACKET
    )
    cut.sort()
    pieces: list[str] = []
    pos = content.start
    for start, end in cut:
        if start > pos:
            pieces.append(text[pos:start])
        pos = max(pos, end)
    pieces.append(text[pos : content.end])
    return plain(" ".join(pieces)).strip(_SEPARATORS)
