"""Venue tags: a tokenizer, the venue table and a parser that says what a tag means (pure).

A tag value such as "ICLR 2024 spotlight", "Findings of EMNLP 2023", "ICLR'23" or "arxiv2503"
is split into tokens (words, numbers, apostrophe years, arXiv ids, spaces, separators), and the
word runs are matched against the venue table (data/venues.toml). A regex over the whole tag
proved too brittle (DOMAIN.md §4.3). When a tag is not clearly a venue tag, `parse_tag` returns
None: labels such as "github", "blog" or "Neel Nanda's blog" are not venues.
"""

from __future__ import annotations

import dataclasses as dc
import functools
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from awesomelint.document.model import Document, Tag
from awesomelint.errors import ConfigError
from awesomelint.knowledge import compiled

_TOKEN = re.compile(
    r"(?P<arxiv_id>\d{4}\.\d{4,5}(?:v\d+)?)"
    r"|(?P<short_year>['\u2019]\d{2})(?!\d)"
    r"|(?P<number>\d+)"
    r"|(?P<word>[A-Za-z][A-Za-z&*]*)"
    r"|(?P<space>\s+)"
    r"|(?P<sep>.)",
    re.DOTALL,
)
_SQUEEZE = re.compile(r"[\s\-_.]+")
_MAX_NAME_WORDS = 4
# Separators a venue name may span when squeezed: "NAACL-HLT", "distill.pub".
_NAME_JOINERS = frozenset({"-", "_", "."})
QUALIFIERS: Mapping[str, str] = {
    word.casefold(): word
    for word in (
        "Oral",
        "Spotlight",
        "Poster",
        "Findings",
        "Workshop",
        "Tutorial",
        "Demo",
        "Short",
        "Long",
        "SRW",
        "Position",
        "Highlight",
    )
}
_STOP_WORDS = frozenset({"at", "of", "the", "in", "on", "track", "paper", "preprint"})
_FIRST_YEAR, _LAST_YEAR = 1987, 2099


@dc.dataclass(frozen=True, slots=True)
class Token:
    """A piece of a tag value."""

    kind: str
    """One of "word", "number", "short_year", "arxiv_id", "space", "sep"."""
    text: str
    start: int
    """Offset in the tag value."""
    end: int


@dc.dataclass(frozen=True, slots=True)
class Venue:
    """A venue of the table, by its canonical name."""

    canonical: str
    kind: str
    """conference, journal, workshop, preprint or source."""
    renamed_from: str = ""
    renamed_until: int = 0
    """The last year the old name was in use (NIPS: 2017)."""


@dc.dataclass(frozen=True, slots=True)
class VenueTable:
    """Every venue and each spelling of its name."""

    venues: tuple[Venue, ...]
    by_key: Mapping[str, Venue]
    """Squeezed, casefolded spelling -> venue; the canonical name maps to itself."""
    spellings: tuple[str, ...] = ()
    """Every name as written in the table (canonical names, aliases, old names)."""

    def lookup(self, name: str) -> Venue | None:
        return self.by_key.get(squeeze(name))


@dc.dataclass(frozen=True, slots=True)
class NameMatch:
    """A venue name found in a tag value."""

    venue: Venue
    start: int
    end: int
    text: str
    """The name as written in the tag."""


@dc.dataclass(frozen=True, slots=True)
class VenueTag:
    """A tag value read as `[prefix] venue [year] qualifiers... [at parent]`."""

    value: str
    tokens: tuple[Token, ...]
    venue: NameMatch
    parent: NameMatch | None
    year: Token | None
    """A "number" or "short_year" token: 2023, '23, 2312 (YYMM) or a glued 23."""
    qualifiers: tuple[Token, ...]
    prefix: tuple[Token, ...]
    """Words written before the venue name: "Findings" (and "of") in "Findings of EMNLP"."""

    @property
    def is_arxiv(self) -> bool:
        return self.venue.venue.kind == "preprint"


def squeeze(name: str) -> str:
    """The matching key: casefolded, without spaces, "-", "_" or "."."""
    return _SQUEEZE.sub("", name).casefold()


def tokenize(value: str) -> list[Token]:
    """Split a tag value into tokens; glued "arxiv2503" gives a word and a number."""
    tokens = []
    for match in _TOKEN.finditer(value):
        kind = match.lastgroup
        assert kind is not None
        tokens.append(Token(kind, match.group(), match.start(), match.end()))
    return tokens


def _venue_record(raw: Mapping[str, object]) -> tuple[Venue, list[str]]:
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list):
        raise ConfigError(f"venue {raw.get('canonical')!r}: aliases must be a list")
    venue = Venue(
        canonical=str(raw["canonical"]),
        kind=str(raw.get("kind", "conference")),
        renamed_from=str(raw.get("renamed_from", "")),
        renamed_until=int(str(raw.get("renamed_until", 0))),
    )
    names = [venue.canonical, *map(str, aliases)]
    if venue.renamed_from:
        names.append(venue.renamed_from)
    return venue, names


def build_table(records: list[Mapping[str, object]]) -> VenueTable:
    """A table from raw records; an alias that names two venues is an error."""
    venues: list[Venue] = []
    by_key: dict[str, Venue] = {}
    spellings: list[str] = []
    for raw in records:
        venue, names = _venue_record(raw)
        venues.append(venue)
        spellings.extend(names)
        for name in names:
            key = squeeze(name)
            other = by_key.get(key)
            if other is not None and other.canonical != venue.canonical:
                raise ConfigError(
                    f"venue alias {name!r} names both {other.canonical} and {venue.canonical}"
                )
            by_key[key] = venue
    return VenueTable(tuple(venues), by_key, tuple(spellings))


def read_records() -> list[Mapping[str, object]]:
    """The shipped venue records, as written in data/venues.toml (read once into the user
    cache folder: parsing TOML costs a check more than the rest of the table)."""
    path = compiled.DATA / "venues.toml"
    try:
        return compiled.load("venues", "awesomelint", path, list, lambda: _parse_records(path))
    except OSError:
        return _parse_records(path)


def _parse_records(path: Path) -> list[Mapping[str, object]]:
    import tomllib

    records = tomllib.loads(path.read_text("utf-8")).get("venue", [])
    assert isinstance(records, list)
    return records


@functools.cache
def default_table() -> VenueTable:
    return build_table(read_records())


def with_aliases(table: VenueTable, extra: Mapping[str, str]) -> VenueTable:
    """The table plus user aliases (alias -> canonical), which win over the shipped ones.

    A canonical name that is not in the table is added as a new venue.
    """
    by_key = dict(table.by_key)
    venues = list(table.venues)
    for alias, canonical in extra.items():
        venue = table.lookup(canonical)
        if venue is None or venue.canonical != canonical:
            venue = Venue(canonical, "conference")
            venues.append(venue)
            by_key[squeeze(canonical)] = venue
        by_key[squeeze(alias)] = venue
    return VenueTable(tuple(venues), by_key, (*table.spellings, *extra, *extra.values()))


def _name_at(tokens: list[Token], i: int, table: VenueTable) -> tuple[Venue, int] | None:
    """The longest venue name starting at word token i, with the index after it."""
    best: tuple[Venue, int] | None = None
    words: list[str] = []
    j = i
    while j < len(tokens) and len(words) < _MAX_NAME_WORDS and tokens[j].kind == "word":
        words.append(tokens[j].text)
        venue = table.by_key.get(squeeze("".join(words)))
        if venue is not None:
            best = (venue, j + 1)
        if j + 2 < len(tokens) and _joins(tokens[j + 1]) and tokens[j + 2].kind == "word":
            j += 2
        else:
            break
    return best


def names_in(text: str, table: VenueTable) -> Iterator[Venue]:
    """Every venue named in free text ("Proceedings of ICML 2023, PMLR 202"), in order."""
    tokens = tokenize(text)
    index = 0
    while index < len(tokens):
        found = _name_at(tokens, index, table) if tokens[index].kind == "word" else None
        if found is None:
            index += 1
            continue
        yield found[0]
        index = found[1]


def _joins(token: Token) -> bool:
    return token.kind == "space" or (token.kind == "sep" and token.text in _NAME_JOINERS)


def _match(tokens: list[Token], i: int, table: VenueTable, value: str) -> NameMatch | None:
    found = _name_at(tokens, i, table)
    if found is None:
        return None
    venue, after = found
    start, end = tokens[i].start, tokens[after - 1].end
    return NameMatch(venue, start, end, value[start:end])


def _split_prefix(words: list[Token]) -> bool:
    """Whether the words before a venue are a "Findings (of (the))" prefix."""
    keys = [w.text.casefold() for w in words]
    return keys in (["findings"], ["findings", "of"], ["findings", "of", "the"])


def parse_tag(value: str, table: VenueTable | None = None) -> VenueTag | None:
    """What a tag value means as a venue tag, or None when it is not clearly one."""
    if table is None or table is default_table():
        return _parse_with_default_table(value)
    return _parse_tag(value, table)


@functools.lru_cache(maxsize=65536)
def _parse_with_default_table(value: str) -> VenueTag | None:
    """`parse_tag` with the built-in table: a list repeats its few venue tags many times."""
    return _parse_tag(value, default_table())


def _parse_tag(value: str, table: VenueTable) -> VenueTag | None:
    tokens = tokenize(value)
    words = [t for t in tokens if t.kind == "word"]
    venue: NameMatch | None = None
    for index, token in enumerate(tokens):
        if token.kind == "word":
            venue = _match(tokens, index, table, value)
            if venue is not None:
                break
    if venue is None:
        return None
    prefix = tuple(w for w in words if w.end <= venue.start)
    if prefix and not _split_prefix(list(prefix)):
        return None
    if any(t.kind == "sep" and t.text != "-" for t in tokens if t.end <= venue.start):
        return None
    return _read_rest(value, tokens, venue, prefix, table)


def _read_rest(
    value: str,
    tokens: list[Token],
    venue: NameMatch,
    prefix: tuple[Token, ...],
    table: VenueTable,
) -> VenueTag | None:
    year: Token | None = None
    parent: NameMatch | None = None
    qualifiers: list[Token] = []
    free: list[Token] = []
    rest = [t for t in tokens if t.start >= venue.end]
    index = 0
    while index < len(rest):
        token = rest[index]
        index += 1
        if token.kind in ("number", "short_year", "arxiv_id"):
            glued = index < 2 or rest[index - 2].kind != "space"
            if year is not None or not _is_year_like(token, venue.venue, glued):
                return None
            year = token
        elif token.kind == "word":
            key = token.text.casefold()
            if key in QUALIFIERS:
                if free and key != "workshop":
                    return None
                free.clear()
                qualifiers.append(token)
            elif key in _STOP_WORDS:
                continue
            elif parent is None and (other := _match(rest, index - 1, table, value)):
                if other.venue == venue.venue:
                    return None
                parent = other
                index = next((i for i, t in enumerate(rest) if t.start >= other.end), len(rest))
            else:
                free.append(token)
        elif token.kind == "sep" and token.text not in "-@():,'\u2019":
            return None
    if free:
        return None
    return VenueTag(value, tuple(tokens), venue, parent, year, tuple(qualifiers), prefix)


def _is_year_like(token: Token, venue: Venue, glued: bool) -> bool:
    if token.kind == "short_year":
        return True
    if token.kind == "arxiv_id":
        return venue.kind == "preprint"
    digits = token.text
    if len(digits) == 2:
        # "NeurIPS23" and "AAAI-24" are years; "NeurIPS 36" may be a proceedings volume.
        return glued
    return len(digits) == 4 and (is_year(digits) or is_yymm(digits))


def is_year(digits: str) -> bool:
    return len(digits) == 4 and _FIRST_YEAR <= int(digits) <= _LAST_YEAR


def is_yymm(digits: str) -> bool:
    return len(digits) == 4 and 1 <= int(digits[2:]) <= 12


def year_gap(tag: VenueTag) -> tuple[int, int] | None:
    """Offsets of the text between the venue part and the year ("" when glued), if any."""
    if tag.year is None:
        return None
    before = [
        t for t in tag.tokens if t.end <= tag.year.start and t.kind != "space" and t.text != "-"
    ]
    if not before or before[-1].kind != "word":
        return None
    return before[-1].end, tag.year.start


def venue_tags(doc: Document, table: VenueTable) -> Iterator[tuple[Tag, VenueTag]]:
    """Every tag of every entry that reads as a venue tag, outside code, once each."""
    seen: set[int] = set()
    for _section, entry in doc.entries():
        for tag in entry.tags:
            if tag.span.start in seen or _in_code(doc, tag):
                continue
            seen.add(tag.span.start)
            parsed = parse_tag(tag.value, table)
            if parsed is not None:
                yield tag, parsed


def _in_code(doc: Document, tag: Tag) -> bool:
    return any(c.start <= tag.span.start < c.end for c in doc.code_spans)
