"""Moving parsed pieces of a document by a number of characters, for `fixing.reparse`.

The model is frozen and holds absolute offsets: a piece parsed again elsewhere, or left as it
was behind an edit that changed the text's length, is rebuilt with every offset moved. Links
are shared between an entry, its tags and the document's list of links; one `Shifter` moves
each link once, so that they stay the same objects, as the parser makes them.
"""

from __future__ import annotations

import dataclasses as dc

from awesomelint.document.locate import Problem
from awesomelint.document.model import Entry, Link, Span, Tag

_FIELDS = {
    Entry: (
        "kind",
        "span",
        "content_span",
        "depth",
        "marker",
        "links",
        "tags",
        "title",
        "title_span",
        "description_cell",
        "children",
        "primary",
        "badges",
    ),
    Link: ("text", "url", "span", "text_span", "url_span", "kind", "image"),
    Tag: ("kind", "value", "span", "link"),
    Problem: ("start", "end", "reason"),
}

MODEL_KNOWN = all(
    tuple(field.name for field in dc.fields(cls)) == names for cls, names in _FIELDS.items()
)
"""Whether the model's classes have the fields moved here; when not, nothing is moved and
documents are parsed whole."""


class Shifter:
    """Moves offsets by `by`; each link is moved once."""

    def __init__(self, by: int) -> None:
        self.by = by
        self._links: dict[int, Link] = {}

    def span(self, span: Span) -> Span:
        return Span(span.start + self.by, span.end + self.by)

    def link(self, link: Link) -> Link:
        moved = self._links.get(id(link))
        if moved is None:
            span = self.span
            moved = self._links[id(link)] = Link(
                link.text,
                link.url,
                span(link.span),
                span(link.text_span),
                span(link.url_span),
                link.kind,
                link.image,
            )
        return moved

    def tag(self, tag: Tag) -> Tag:
        return Tag(
            tag.kind,
            tag.value,
            self.span(tag.span),
            None if tag.link is None else self.link(tag.link),
        )

    def entry(self, entry: Entry) -> Entry:
        link, span = self.link, self.span
        return Entry(
            kind=entry.kind,
            span=span(entry.span),
            content_span=span(entry.content_span),
            depth=entry.depth,
            marker=entry.marker,
            links=tuple(map(link, entry.links)),
            tags=tuple(map(self.tag, entry.tags)),
            title=entry.title,
            title_span=None if entry.title_span is None else span(entry.title_span),
            description_cell=None
            if entry.description_cell is None
            else span(entry.description_cell),
            children=tuple(map(self.entry, entry.children)),
            primary=None if entry.primary is None else link(entry.primary),
            badges=tuple(map(link, entry.badges)),
        )

    def problem(self, problem: Problem) -> Problem:
        return Problem(problem.start + self.by, problem.end + self.by, problem.reason)
