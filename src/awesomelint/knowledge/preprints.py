"""Entries listed as preprints, and where a paper was published, read through the venue table.

An entry is listed as a preprint when it links one arXiv paper and its venue tags are all
arXiv tags (`[arXiv 2023]`, `(arXiv'23)`, a venue column's `arXiv`), or when it has no venue
tag at all in a list that tags most of its entries. Both the network layer (which papers to ask
about) and the preprint-published rule read entries through `preprint_entries`.
"""

from __future__ import annotations

import dataclasses as dc
import re
from collections.abc import Iterable

from awesomelint.document.model import Document, Entry, Tag, TagKind
from awesomelint.knowledge import urls
from awesomelint.knowledge.venues import Venue, VenueTable, VenueTag, names_in, parse_tag, squeeze

# Preprint servers and their index names: appearing there is not being published.
_PREPRINT_KEYS = frozenset(
    squeeze(name)
    for name in (
        "arXiv",
        "arXiv.org",
        "ArXiv preprint",
        "CoRR",
        "bioRxiv",
        "medRxiv",
        "SSRN",
        "SSRN Electronic Journal",
        "Research Square",
        "Preprints.org",
    )
)
_WORKSHOP = re.compile(r"\bworkshops?\b", re.IGNORECASE)
_FINDINGS = re.compile(r"\bfindings\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(19[89]\d|20\d\d)(?!\d)")
_NOT_PUBLISHED = frozenset({"preprint", "workshop"})
_BRACKETS = re.compile(r"[()\[\],;:]")
_MOSTLY = 0.5
"""Untagged entries count as preprints when more than this share of linked entries is tagged."""


@dc.dataclass(frozen=True, slots=True)
class PreprintEntry:
    """An entry that lists a paper as an arXiv preprint."""

    entry: Entry
    arxiv_id: str
    """Versionless."""
    tag: Tag | None
    """The arXiv tag to rewrite; None when the entry has no venue tag at all."""
    parsed: VenueTag | None


@dc.dataclass(frozen=True, slots=True)
class Published:
    """Where a paper appeared: a venue from the table, or a name we do not know."""

    written: str
    """The name as the source gave it."""
    venue: Venue | None
    """From the venue table; None for a name it does not know (reported as written)."""
    year: int | None
    findings: bool = False

    @property
    def label(self) -> str:
        if self.venue is None and (not self.year or str(self.year) in self.written):
            return self.written
        name = self.venue.canonical if self.venue else self.written
        year = f" {self.year}" if self.year else ""
        return f"{name}{year}{' Findings' if self.findings else ''}"


def is_preprint_name(name: str, table: VenueTable) -> bool:
    venue = table.lookup(name)
    return squeeze(name) in _PREPRINT_KEYS or (venue is not None and venue.kind == "preprint")


def _in_code(doc: Document, tag: Tag) -> bool:
    return any(c.start <= tag.span.start < c.end for c in doc.code_spans)


def _arxiv_ids(entry: Entry) -> set[str]:
    found = set()
    for link in entry.links:
        arxiv = urls.arxiv_from_url(link.url.strip())
        if arxiv is not None and urls.parse_arxiv_id(arxiv.id) is not None:
            found.add(arxiv.id)
    return found


def _venue_tags(doc: Document, entry: Entry, table: VenueTable) -> list[tuple[Tag, VenueTag]]:
    tags = []
    for tag in entry.tags:
        parsed = None if _in_code(doc, tag) else parse_tag(tag.value, table)
        if parsed is not None:
            tags.append((tag, parsed))
    return tags


def _says_a_venue(entry: Entry, tags: list[tuple[Tag, VenueTag]]) -> bool:
    """Whether the entry names a venue: a venue tag, or any text in a venue column (a venue
    the table does not know, such as a workshop's name, is still a venue)."""
    column = any(tag.kind is TagKind.COLUMN and tag.value.strip() for tag in entry.tags)
    return bool(tags) or column


def preprint_entries(doc: Document, table: VenueTable) -> list[PreprintEntry]:
    """The entries of `doc` listed as preprints of exactly one arXiv paper.

    Whether a section tags most of its entries is judged section by section: a table of data
    sets beside tables of papers says nothing about the papers' venues.
    """
    by_section: dict[int, list[Entry]] = {}
    for section, entry in doc.entries():
        if entry.links:
            by_section.setdefault(id(section), []).append(entry)
    found = []
    for entries in by_section.values():
        tagged = [(entry, _venue_tags(doc, entry, table)) for entry in entries]
        share = sum(1 for entry, tags in tagged if _says_a_venue(entry, tags)) / len(entries)
        for entry, tags in tagged:
            ids = _arxiv_ids(entry)
            if len(ids) != 1 or any(not parsed.is_arxiv for _tag, parsed in tags):
                continue
            if not tags and (_says_a_venue(entry, tags) or share <= _MOSTLY):
                continue
            tag, parsed = tags[0] if tags else (None, None)
            found.append(PreprintEntry(entry, next(iter(ids)), tag, parsed))
    found.sort(key=lambda item: item.entry.span.start)
    return found


def read_venue(names: Iterable[str], year: int | None, table: VenueTable) -> Published | None:
    """Where the named venue is in the table, or the first name as written; None for a
    preprint server, a workshop or no name at all.

    A name that is the table's spelling (or alias) wins; failing that, the first venue any
    name mentions ("Proceedings of the AAAI Conference ..."); failing that, as written.
    """
    names = [" ".join(name.split()) for name in names if name and name.strip()]
    if not names or any(_WORKSHOP.search(name) for name in names):
        return None
    published = [name for name in names if not is_preprint_name(name, table)]
    if not published:
        return None
    findings = any(_FINDINGS.search(name) for name in published)
    for name in published:
        venue = table.lookup(name)
        if venue is not None and venue.kind not in _NOT_PUBLISHED:
            return Published(name, venue, year, findings)
    for name in published:
        for venue in names_in(name, table):
            if venue.kind not in _NOT_PUBLISHED:
                return Published(name, venue, year, findings)
    return Published(published[0], None, year, findings)


def read_journal_ref(journal_ref: str, table: VenueTable) -> Published | None:
    """Where an arXiv `journal_ref` says the paper appeared ("ICLR 2024", "Phys. Rev. D 76")."""
    text = " ".join(journal_ref.split())
    if not text:
        return None
    years = _YEAR.findall(text)
    bare = " ".join(_BRACKETS.sub(" ", _YEAR.sub(" ", text)).split()).strip(" ,;:")
    return read_venue([text, bare], int(years[-1]) if years else None, table)
