"""Venue mentions wherever a list writes them (pure).

Lists name a paper's venue in many places: link tags (`[[ICLR 2024]](url)`), bracket and
parenthesised labels in titles or after a link (`(NeurIPS 2021 Oral)`), table venue columns,
badges (`img.shields.io/badge/Conference-ICLR'24-blue`) and running text (`*Authors.* ACL'23
Findings`, `ICML 2019.`). `mentions` finds them all in a document, outside code, headings,
front matter, URLs and HTML, and reads each with `venues.parse_tag`.

In running text a venue is a mention only when it stands as a word of its own (not `ACLU`,
`ICLR-style`, `CoLT5`, `IJCNLP-AACL`) and either a year follows it (`NeurIPS 2023`, `ACL'23`,
`ICLR24`, `NeurIPS Workshop 2022`, `NeurIPS ML Safety Workshop 2022`) or it is a sentence of
its own (`*A. Author et al. ACL.*`): prose such as "why NIPS became NeurIPS" or "what iclr
authors write" names a venue without labelling a paper, and is left alone.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator

from awesomelint.document.locate import normalize_label
from awesomelint.document.model import Document, LinkKind, TagKind
from awesomelint.knowledge.venue_badges import badge_mentions
from awesomelint.knowledge.venue_text import Mention, MentionKind
from awesomelint.knowledge.venues import QUALIFIERS, VenueTable, parse_tag, squeeze

__all__ = ["Mention", "MentionKind", "mentions"]

_WORD = re.compile(r"[A-Za-z][A-Za-z&*]*")
_GROUP = re.compile(r"\[([^\[\]\n\x00]{1,80})\]|\(([^()\n\x00]{1,80})\)")
_HTML = re.compile(r"<!--.*?-->|<[A-Za-z/!][^>\n]*>", re.DOTALL)
_BARE_URL = re.compile(r"(?:https?://|www\.)\S+")
_YEAR_AFTER = re.compile(
    r"(?P<gap> ?-? ?)(?P<year>\d{4}|['\u2019]\d{2}|\d{2})(?![A-Za-z0-9'\u2019]|\.\d|/\d)"
)
_QUALIFIER_AFTER = re.compile(r" (?:(?P<word>[A-Za-z]+)|\((?P<paren>[A-Za-z]+)\))(?![A-Za-z])")
_QUALIFIER_BEFORE_YEAR = re.compile(
    r" (?P<word>[A-Za-z]+)(?=[ ]?-?[ ]?(?:\d{4}|['\u2019]\d{2}|\d{2}(?!\d)))"
)
_NAMED_WORKSHOP = re.compile(
    r"(?: [A-Z][A-Za-z0-9&\-]*){1,4} [Ww]orkshop"
    r"(?=[ ]?-?[ ]?(?:\d{4}|['\u2019]\d{2}|\d{2}(?!\d)))"
)
_ALONE_BEFORE = re.compile(r"[.;|][*_]{0,2} $")
_ALONE_AFTER = re.compile(r"[.,;|]?(?:[*_]|[ \t]*(?:\n|$|!?\[))")
# Ordinary words that are also venue names: never a venue without a year.
_COMMON_WORDS = frozenset({"colt", "distill", "interspeech"})
_FINDINGS_PREFIX = re.compile(r"findings(?: of(?: the)?)?[ \-]$", re.IGNORECASE)
_GLUE = frozenset("-_./@#&+")
_MAX_NAME = 60


_STARTS: dict[int, tuple[VenueTable, frozenset[str]]] = {}


def _name_starts(table: VenueTable) -> frozenset[str]:
    """The casefolded words that can start a venue name as written: `neurips`, `alignment`,
    `alignmentforum` (a name written as one word)."""
    cached = _STARTS.get(id(table))
    if cached is not None and cached[0] is table:
        return cached[1]
    words = {key for key in table.by_key if key.isalpha()}
    for spelling in table.spellings:
        first = _WORD.match(spelling)
        if first is not None:
            words.add(first.group().casefold())
    if len(_STARTS) > 8:
        _STARTS.clear()
    _STARTS[id(table)] = (table, frozenset(words))
    return _STARTS[id(table)][1]


_DEFINITION_LINE = re.compile(
    r"^[ \t>]*(?:(?:[*+\-]|\d{1,9}[.)])[ \t][ \t>]*)*\[((?:\\.|[^\]\\\n])+)\]:", re.MULTILINE
)


def shadowed_definitions(doc: Document) -> Iterator[tuple[int, int]]:
    """Later definitions of a label already defined: markdown-it reads them as definitions
    (no text) but keeps only the first, so the model has no record of them. Their labels are
    no prose: renaming one would define a new label."""
    labels = {definition.label for definition in doc.definitions}
    if not labels:
        return
    recorded = {definition.span.start for definition in doc.definitions}
    text = doc.text
    for match in _DEFINITION_LINE.finditer(text):
        bracket = match.start(1) - 1
        if bracket not in recorded and normalize_label(match.group(1)) in labels:
            line_end = text.find("\n", match.end())
            yield bracket, len(text) if line_end == -1 else line_end


def reference_labels(doc: Document) -> Iterator[tuple[int, int]]:
    """The labels of reference links: `[label]` in `[text][label]`, and the text itself of
    `[label][]` and `[label]`. Renaming one would leave the link without its definition."""
    text = doc.text
    for link in doc.links:
        if link.kind is not LinkKind.REFERENCE:
            continue
        if text[link.text_span.end : link.span.end] in ("]", "][]"):
            yield link.span.start, link.span.end
        else:
            yield link.text_span.end, link.span.end


def masked_text(doc: Document) -> str:
    """The document's text with everything that is not prose replaced by NUL characters."""
    cuts: list[tuple[int, int]] = [(s.start, s.end) for s in doc.code_spans]
    cuts.extend((link.url_span.start, link.url_span.end) for link in doc.links)
    cuts.extend((d.span.start, d.span.end) for d in doc.definitions)
    cuts.extend(shadowed_definitions(doc))
    cuts.extend(reference_labels(doc))
    if doc.front_matter is not None:
        cuts.append((doc.front_matter.span.start, doc.front_matter.span.end))
    cuts.extend(
        (section.heading_span.start, section.heading_span.end)
        for section in doc.walk_sections()
        if section.heading_span is not None
    )
    text = doc.text
    cuts.extend(m.span() for m in _HTML.finditer(text))
    cuts.extend(m.span() for m in _BARE_URL.finditer(text))
    cuts.sort()
    pieces: list[str] = []
    pos = 0
    for start, end in cuts:
        if end <= pos:
            continue
        start = max(start, pos)
        pieces.append(text[pos:start])
        pieces.append("\x00" * (end - start))
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


_LAST: list[tuple[Document, VenueTable, list[Mention]]] = []
"""The last document's mentions: VEN001 and VEN002 read the same document one after the other."""


def mentions(doc: Document, table: VenueTable) -> list[Mention]:
    """Every venue mention of the document, in source order, each once."""
    for seen_doc, seen_table, found in _LAST:
        if seen_doc is doc and seen_table is table:
            return found
    found = _find(doc, table)
    _LAST[:] = [(doc, table, found)]
    return found


def _find(doc: Document, table: VenueTable) -> list[Mention]:
    masked = masked_text(doc)
    starts: list[int] = []
    ends: list[int] = []
    found: list[Mention] = []

    def add(mention: Mention) -> None:
        # Kept mentions never overlap, so only the neighbours of the new one can.
        index = bisect.bisect_left(starts, mention.start)
        if index > 0 and ends[index - 1] > mention.start:
            return
        if index < len(starts) and starts[index] < mention.end:
            return
        starts.insert(index, mention.start)
        ends.insert(index, mention.end)
        found.append(mention)

    for mention in _table_columns(doc, table):
        add(mention)
    for mention in _groups(masked, table):
        add(mention)

    def covered(offset: int) -> bool:
        index = bisect.bisect_right(starts, offset) - 1
        return index >= 0 and offset < ends[index]

    for mention in _running_text(masked, table, covered):
        add(mention)
    for mention in badge_mentions(doc, table):
        add(mention)
    found.sort(key=lambda m: m.start)
    return found


def _table_columns(doc: Document, table: VenueTable) -> Iterator[Mention]:
    for _section, entry in doc.entries():
        for tag in entry.tags:
            if tag.kind is not TagKind.COLUMN:
                continue
            value = tag.value.strip()
            parsed = parse_tag(value, table) if value else None
            if parsed is not None:
                start = tag.span.start + tag.value.index(value)
                yield Mention(MentionKind.COLUMN, start, parsed)


def _groups(masked: str, table: VenueTable) -> Iterator[Mention]:
    """Bracketed and parenthesised labels whose whole text reads as a venue tag."""
    for match in _GROUP.finditer(masked):
        index = 1 if match.group(1) is not None else 2
        if index == 1 and _names_a_link(masked, match.start(), match.end()):
            continue
        value = match.group(index)
        stripped = value.strip()
        if not stripped or _WORD.search(stripped) is None:
            continue
        parsed = parse_tag(stripped, table)
        if parsed is None:
            continue
        start = match.start(index) + value.index(stripped)
        opener = masked[match.start()]
        if opener == "[" and masked[match.start() - 1 : match.start()] == "[":
            kind = MentionKind.LINK
        else:
            kind = MentionKind.BRACKET if opener == "[" else MentionKind.PAREN
        yield Mention(kind, start, parsed)


def _names_a_link(masked: str, start: int, end: int) -> bool:
    """An image's alt text, or the text of a link: `[arXiv](url)` names where a link goes.
    (A label link's inner `[ICLR 2024]` in `[[ICLR 2024]](url)` is followed by `]`.)"""
    return masked[start - 1 : start] == "!" or masked[end : end + 1] in ("(", "[")


def _running_text(
    masked: str, table: VenueTable, covered: Callable[[int], bool]
) -> Iterator[Mention]:
    starts = _name_starts(table)
    # A word's key is its text without trailing `*`: `FAT` and `FAT*` both start `fat*`.
    keys = starts | {start.removesuffix("*") for start in starts}
    for word in _WORD.finditer(masked):
        if word.group().rstrip("*").casefold() not in keys or covered(word.start()):
            continue
        mention = _mention_at(masked, word.start(), table)
        if mention is not None:
            yield mention


def _glued_before(masked: str, start: int) -> bool:
    before = masked[start - 1 : start]
    if not before:
        return False
    if before.isalnum():
        return True
    return before in _GLUE and masked[start - 2 : start - 1].isalnum()


def _name_end(masked: str, start: int, table: VenueTable) -> int | None:
    """The end of the longest venue name at `start` (names of up to four words)."""
    line_end = masked.find("\n", start)
    window_end = min(len(masked), start + _MAX_NAME, line_end if line_end != -1 else len(masked))
    best: int | None = None
    pos = start
    for _ in range(4):
        word = _WORD.match(masked, pos, window_end)
        if word is None:
            break
        if squeeze(masked[start : word.end()]) in table.by_key:
            best = word.end()
        elif word.group().endswith("*"):
            # `FAT*` is a name; the `*` of `*et al. CVPR*` closes emphasis.
            bare = word.end() - (len(word.group()) - len(word.group().rstrip("*")))
            if squeeze(masked[start:bare]) in table.by_key:
                best = bare
        pos = word.end()
        if pos < window_end and masked[pos] in " -":
            pos += 1
        else:
            break
    return best


def _mention_at(masked: str, start: int, table: VenueTable) -> Mention | None:
    end = _name_end(masked, start, table)
    if end is None:
        return None
    begin = start
    prefix = _FINDINGS_PREFIX.search(masked, max(0, start - 18), start)
    if prefix is not None and not _glued_before(masked, prefix.start()):
        begin = prefix.start()
    elif _glued_before(masked, start):
        return None
    name = masked[start:end]
    line_end = masked.find("\n", end)
    line_end = len(masked) if line_end == -1 else line_end
    pos = end
    early = _QUALIFIER_BEFORE_YEAR.match(masked, pos, line_end)
    if early is not None and early.group("word").casefold() in QUALIFIERS:
        pos = early.end()
    elif (named := _NAMED_WORKSHOP.match(masked, pos, line_end)) is not None:
        pos = named.end()
    year = _YEAR_AFTER.match(masked, pos, line_end)
    if year is None or not _year_is_plausible(year, name, table):
        if not _stands_alone(masked, begin, end, name, table):
            return None
        pos = end
    else:
        pos = _qualifiers_end(masked, year.end(), line_end)
    parsed = parse_tag(masked[begin:pos], table)
    if parsed is None:
        return None
    return Mention(MentionKind.TEXT, begin, parsed)


def _stands_alone(masked: str, begin: int, end: int, name: str, table: VenueTable) -> bool:
    """A venue with no year that is a whole sentence of its own, as in `*A. Author et al.
    ACL.*`: after a full stop, before punctuation or the end of emphasis or line."""
    if _ALONE_BEFORE.search(masked, max(0, begin - 5), begin) is None:
        return False
    if _ALONE_AFTER.match(masked, end) is None:
        return False
    venue = table.lookup(name)
    if venue is None or venue.kind not in ("conference", "journal"):
        return False
    if name in (venue.canonical, venue.renamed_from) or name.isupper() or name.islower():
        return name.casefold() not in _COMMON_WORDS
    capitals = sum(1 for ch in venue.canonical if ch.isupper())
    return name.istitle() and capitals >= 2 and name.casefold() not in _COMMON_WORDS


def _qualifiers_end(masked: str, pos: int, line_end: int) -> int:
    while True:
        qualifier = _QUALIFIER_AFTER.match(masked, pos, line_end)
        if qualifier is None:
            return pos
        word = qualifier.group("word") or qualifier.group("paren")
        if word.casefold() not in QUALIFIERS:
            return pos
        pos = qualifier.end()


def _year_is_plausible(year: re.Match[str], name: str, table: VenueTable) -> bool:
    gap, digits = year.group("gap"), year.group("year")
    venue = table.lookup(name)
    if digits[0] in "'\u2019":
        return gap in ("", " ")
    if len(digits) == 2:
        return gap in ("", "-")
    if venue is not None and venue.kind == "preprint":
        # Running text dates a preprint by its year (`arXiv 2023.`); a YYMM such as
        # `arxiv2502` there is a word of prose, not a label.
        return gap in ("", " ") and 1987 <= int(digits) <= 2099
    return gap in ("", " ", "-") and 1987 <= int(digits) <= 2099
