"""What paper or resource an entry is, so that repeats can be found within and across files.

An entry's identity keys come from its links through `urls.identity`:

- Paper links (arXiv in any URL form, OpenReview, ACL Anthology, NeurIPS proceedings, DOI,
  LessWrong/Alignment Forum posts) identify a paper. When an entry has any, they are its
  identity and its other links (`[[github]]` code, project pages) are not: two papers that
  share a toolkit repository or a homepage are not the same paper.
- Otherwise the entry's primary link (`Entry.primary`: the link that carries its title, else
  its first naming or non-code link; a GitHub repository or any other normalised URL)
  identifies the resource it lists, or its first web link when the primary is not one. Its
  further links are extras.
- A nested item that is only links (`  * [[github]](url)` under a bold title) lends them to
  its parent, and has no identity of its own.
- An entry with no links at all is identified by its normalised title, when that title has at
  least `MIN_TITLE_WORDS` words and is the entry's own (a top-level item or a bold title, not
  a nested note). It matches any entry with the same title, linked or not. Table rows without
  links are data (a results table), not listed resources, and have no identity.

Anchor links, relative links, images, badges (`Entry.badges`: star and venue badges, and links
wrapping them) and entries of table-of-contents sections never count.
"""

from __future__ import annotations

import dataclasses as dc
import functools
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence

from awesomelint.document.entry_text import plain
from awesomelint.document.model import Document, Entry, EntryKind, Link, Section
from awesomelint.knowledge import urls

PAPER_KINDS = frozenset({"arxiv", "openreview", "acl", "neurips", "doi", "lesswrong"})
MIN_TITLE_WORDS = 3
_NON_WORD = re.compile(r"[\W_]+")


@dc.dataclass(frozen=True, slots=True)
class Occurrence:
    """One entry taking part in duplicate detection."""

    doc: Document
    section: Section
    section_index: int
    """The section's position in `doc.walk_sections()`, to tell sections apart."""
    entry: Entry
    keys: frozenset[str]
    """Identity keys from the entry's links; empty for a title-only entry."""
    title_key: str | None

    @property
    def line(self) -> int:
        return self.doc.position(self.entry.span.start)[0]

    @property
    def where(self) -> str:
        return f"{self.doc.path}:{self.line}"

    def encloses(self, other: Occurrence) -> bool:
        """Whether `other` is nested in this entry: a child repeating its parent's link."""
        outer, inner = self.entry.span, other.entry.span
        return self.doc is other.doc and outer.start <= inner.start and inner.end <= outer.end

    def same_section(self, other: Occurrence) -> bool:
        return self.doc is other.doc and self.section_index == other.section_index


RELATIONS = ("same_section", "other_section", "other_file")
"""How two occurrences relate, closest first."""


def relation(occ: Occurrence, other: Occurrence) -> str:
    """Whether `other` is in the same section, another section of the file, or another file."""
    if occ.doc is not other.doc:
        return "other_file"
    return "same_section" if occ.same_section(other) else "other_section"


def closest(occ: Occurrence, others: Sequence[Occurrence]) -> Occurrence:
    """The first of `others` in the closest relation to `occ`."""
    return min(others, key=lambda other: RELATIONS.index(relation(occ, other)))


@functools.lru_cache(maxsize=65536)
def normalize_title(title: str) -> str:
    """A comparison form of a title: plain text, casefolded, punctuation and spaces squeezed."""
    return _NON_WORD.sub(" ", plain(title).casefold()).strip()


@functools.lru_cache(maxsize=65536)
def title_key(title: str) -> str | None:
    """The title as an identity key, or None when it is too short to identify anything."""
    normal = normalize_title(title)
    return normal if len(normal.split()) >= MIN_TITLE_WORDS else None


def _web_links(links: Iterable[Link], badges: Sequence[Link]) -> list[tuple[Link, urls.Identity]]:
    found: list[tuple[Link, urls.Identity]] = []
    for link in links:
        ident = None if link.image or link in badges else urls.identity(link.url)
        if ident is not None:
            found.append((link, ident))
    return found


def _is_link_only(entry: Entry) -> bool:
    return bool(entry.links) and not entry.title.strip() and not entry.children


def identity_keys(entry: Entry) -> frozenset[str]:
    """The keys naming what this entry lists (see the module docs)."""
    found = _web_links(entry.links, entry.badges)
    if not found:
        found = [
            pair
            for child in entry.children
            if _is_link_only(child)
            for pair in _web_links(child.links, child.badges)
        ]
    papers = frozenset(ident.key for _, ident in found if ident.kind in PAPER_KINDS)
    if papers:
        return papers
    primary = next((ident for link, ident in found if link is entry.primary), None)
    if primary is not None:
        return frozenset({primary.key})
    return frozenset({found[0][1].key}) if found else frozenset()


def _is_bold(doc: Document, entry: Entry) -> bool:
    span = entry.title_span
    return span is not None and doc.text[span.start - 2 : span.start] in {"**", "__"}


def _occurrence(doc: Document, section: Section, index: int, entry: Entry) -> Occurrence | None:
    if _is_link_only(entry) and entry.depth > 0:
        return None
    keys = identity_keys(entry)
    title = title_key(entry.title)
    if keys:
        return Occurrence(doc, section, index, entry, keys, title)
    if entry.links or title is None or (entry.depth > 0 and not _is_bold(doc, entry)):
        return None
    if entry.kind is EntryKind.TABLE_ROW:
        return None  # a linkless row is data (a results table), not a listed resource
    return Occurrence(doc, section, index, entry, keys, title)


def occurrences(docs: Sequence[Document]) -> list[Occurrence]:
    """Every entry that has an identity, in document and source order."""
    found: list[Occurrence] = []
    for doc in docs:
        for index, section in enumerate(doc.walk_sections()):
            if section.is_toc:
                continue
            for top in section.entries:
                for entry in top.walk():
                    occurrence = _occurrence(doc, section, index, entry)
                    if occurrence is not None:
                        found.append(occurrence)
    return found


@dc.dataclass(slots=True)
class _Seen:
    """The earlier occurrences under one key, kept so that a repeat finds, in constant time,
    the first earlier one of each relation: a paper listed n times costs n, not n * n."""

    files: list[tuple[Document, int]] = dc.field(default_factory=list)
    """The first occurrence in each of the first two files."""
    sections: dict[int, list[tuple[int, int]]] = dc.field(default_factory=dict)
    """id(doc) -> (section index, first occurrence) for the first two sections of that file."""
    in_section: dict[tuple[int, int], list[int]] = dc.field(default_factory=dict)
    """(id(doc), section index) -> every occurrence there, in order."""

    def add(self, occ: Occurrence, index: int) -> None:
        if len(self.files) < 2 and all(doc is not occ.doc for doc, _ in self.files):
            self.files.append((occ.doc, index))
        sections = self.sections.setdefault(id(occ.doc), [])
        if len(sections) < 2 and all(s != occ.section_index for s, _ in sections):
            sections.append((occ.section_index, index))
        self.in_section.setdefault((id(occ.doc), occ.section_index), []).append(index)

    def firsts(self, occ: Occurrence, found: Sequence[Occurrence]) -> Iterator[int]:
        """The first earlier occurrence of each relation to `occ`, skipping its parents."""
        yield from (i for doc, i in self.files[:2] if doc is not occ.doc)
        sections = self.sections.get(id(occ.doc), [])
        yield from (i for s, i in sections if s != occ.section_index)
        # Only the entries enclosing `occ` are skipped: at most its depth of them.
        here = self.in_section.get((id(occ.doc), occ.section_index), [])
        yield from itertools.islice((i for i in here if not found[i].encloses(occ)), 1)


def earlier_matches(docs: Sequence[Document]) -> Iterator[tuple[Occurrence, list[Occurrence]]]:
    """Each occurrence that repeats earlier ones, with the first earlier one of each relation
    (`RELATIONS`; an entry is not a repeat of the entry it is nested in), in order."""
    by_key: dict[str, _Seen] = {}
    by_title: dict[str, _Seen] = {}
    linkless_by_title: dict[str, _Seen] = {}
    found = occurrences(docs)
    for index, occ in enumerate(found):
        seen = [by_key[key] for key in occ.keys if key in by_key]
        title = occ.title_key
        titles = linkless_by_title if occ.keys else by_title
        if title is not None and title in titles:
            seen.append(titles[title])
        firsts: dict[str, int] = {}
        for record in seen:
            for i in record.firsts(occ, found):
                kind = relation(occ, found[i])
                firsts[kind] = min(i, firsts.get(kind, i))
        if firsts:
            yield occ, [found[i] for i in sorted(firsts.values())]
        for key in occ.keys:
            by_key.setdefault(key, _Seen()).add(occ, index)
        if title is not None:
            by_title.setdefault(title, _Seen()).add(occ, index)
            if not occ.keys:
                linkless_by_title.setdefault(title, _Seen()).add(occ, index)
