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
wrapping them), entries of table-of-contents sections and news feeds (`feeds`: a "News" or
"Changelog" section, a list item that opens with a full date) never count.

Sharing a link is not enough to be one entry: two rows of a dataset table can name two
datasets of one paper and link that paper, and two entries can share a project homepage or an
organisation page. `title_relation` says whether two copies' titles name the same work.
"""

from __future__ import annotations

import dataclasses as dc
import functools
import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import Generic, TypeVar

from awesomelint.document.model import Document, Entry, EntryKind, Link, Section
from awesomelint.knowledge import urls
from awesomelint.knowledge.feeds import feed_sections, is_news_line
from awesomelint.knowledge.paper_titles import (
    TitleRelation,
    is_short_name,
    normalize_title,
    title_key,
    title_relation,
)
from awesomelint.knowledge.url_parts import split_url

PAPER_KINDS = frozenset({"arxiv", "openreview", "acl", "neurips", "doi", "lesswrong"})
T = TypeVar("T")


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

    def shares_paper(self, other: Occurrence) -> bool:
        """Whether the two share a paper link (arXiv, DOI, ...), not only a page or a repo."""
        return any(key.split(":", 1)[0] in PAPER_KINDS for key in self.keys & other.keys)

    def shares_page(self, other: Occurrence) -> bool:
        """Whether the two share one particular web page (`is_particular_page`)."""
        return any(is_particular_page(key) for key in self.keys & other.keys)


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


_HUB_HOSTS = frozenset(
    [
        "github.com",
        "gitlab.com",
        "huggingface.co",
        "hf.co",
        "modelscope.cn",
        "twitter.com",
        "x.com",
        "youtube.com",
        "medium.com",
        "zhihu.com",
        "zhuanlan.zhihu.com",
    ]
)


@functools.lru_cache(maxsize=65536)
def is_particular_page(key: str) -> bool:
    """Whether an identity key is one page deep in a site (`/blog/getting-started`), not a
    homepage, an organisation or a hub page, nor a page of a code or model host, where one
    repository or organisation holds many works."""
    if not key.startswith("url:"):
        return False
    parts = split_url(key.removeprefix("url:"))
    if parts is None or parts.netloc.lower() in _HUB_HOSTS:
        return False
    return len([part for part in parts.path.split("/") if part]) >= 2


def names_a_part(entry: Entry) -> bool:
    """Whether a table row names something made in the paper it links: a short name in a
    "Name" cell, the paper's link in another cell (a dataset or benchmark table)."""
    span, primary = entry.title_span, entry.primary
    return (
        entry.kind is EntryKind.TABLE_ROW
        and span is not None
        and primary is not None
        and not (primary.span.start <= span.start and span.end <= primary.span.end)
        and is_short_name(entry.title)
    )


def titles_agree(occ: Occurrence, other: Occurrence) -> bool:
    """Whether two occurrences that share a key name one work: their titles do not differ.

    A row that names a part of a paper (`names_a_part`) is the same entry only as a row with
    the same name: `MIMIC-IT` (the dataset) is not `MIMIC-IT: Multi-Modal ...` (the paper).
    """
    one, two = occ.entry.title, other.entry.title
    if (names_a_part(occ.entry) or names_a_part(other.entry)) and one and two:
        return normalize_title(one) == normalize_title(two)
    return title_relation(one, two) is not TitleRelation.DIFFERENT


def same_entry(occ: Occurrence, other: Occurrence) -> bool:
    """Whether two occurrences that share a key list one thing: their titles agree, or they
    link one particular page (a blog post listed twice under two names is still one post).
    Two papers that carry one paper link are not: one of the links is wrong."""
    return titles_agree(occ, other) or (
        occ.shares_page(other) and not names_a_part(occ.entry) and not names_a_part(other.entry)
    )


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


class _LastAnswer(Generic[T]):
    """The answer for the documents asked about last: duplicate-entry and
    inconsistent-duplicate ask in turn about the same documents, in every run."""

    def __init__(self) -> None:
        self.docs: tuple[Document, ...] = ()
        self.answer: list[T] = []

    def get(self, docs: Sequence[Document]) -> list[T] | None:
        if len(docs) == len(self.docs) and all(
            a is b for a, b in zip(docs, self.docs, strict=True)
        ):
            return self.answer
        return None

    def keep(self, docs: Sequence[Document], answer: list[T]) -> None:
        self.docs, self.answer = tuple(docs), answer


_OCCURRENCES: _LastAnswer[Occurrence] = _LastAnswer()
_MATCHES: _LastAnswer[tuple[Occurrence, list[Occurrence]]] = _LastAnswer()


def occurrences(docs: Sequence[Document]) -> list[Occurrence]:
    """Every entry that has an identity, in document and source order (do not change it)."""
    known = _OCCURRENCES.get(docs)
    if known is None:
        known = [occ for doc in docs for occ in document_occurrences(doc)]
        _OCCURRENCES.keep(docs, known)
        for key in _BY_DOCUMENT.keys() - {id(doc) for doc in docs}:
            del _BY_DOCUMENT[key]  # kept: the documents of the fix loop's next pass
    return known


_BY_DOCUMENT: dict[int, tuple[Document, list[Occurrence]]] = {}


def document_occurrences(doc: Document) -> list[Occurrence]:
    """One document's part of `occurrences`, found where it was parsed (`adopt_occurrences`)."""
    known = _BY_DOCUMENT.get(id(doc))
    if known is not None and known[0] is doc:
        return known[1]
    found: list[Occurrence] = []
    feeds = feed_sections(doc)
    for index, section in enumerate(doc.walk_sections()):
        if section.is_toc or index in feeds:
            continue
        for top in section.entries:
            if is_news_line(doc, top):
                continue
            for entry in top.walk():
                occurrence = _occurrence(doc, section, index, entry)
                if occurrence is not None:
                    found.append(occurrence)
    adopt_occurrences(doc, found)
    return found


def adopt_occurrences(doc: Document, found: list[Occurrence]) -> None:
    _BY_DOCUMENT[id(doc)] = (doc, found)


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
        doc, section, files = occ.doc, occ.section_index, self.files
        if not files or (len(files) == 1 and files[0][0] is not doc):
            files.append((doc, index))
        sections = self.sections.setdefault(id(doc), [])
        if not sections or (len(sections) == 1 and sections[0][0] != section):
            sections.append((section, index))
        self.in_section.setdefault((id(doc), section), []).append(index)

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
    known = _MATCHES.get(docs)
    if known is None:
        known = list(_earlier_matches(docs))
        _MATCHES.keep(docs, known)
    return iter(known)


def _earlier_matches(docs: Sequence[Document]) -> Iterator[tuple[Occurrence, list[Occurrence]]]:
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
            _record(by_key, key).add(occ, index)
        if title is not None:
            _record(by_title, title).add(occ, index)
            if not occ.keys:
                _record(linkless_by_title, title).add(occ, index)


def _record(records: dict[str, _Seen], key: str) -> _Seen:
    """The record under `key`, made when it is the first (most keys are met once)."""
    record = records.get(key)
    if record is None:
        record = records[key] = _Seen()
    return record
