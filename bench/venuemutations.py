"""Venue drifts injected into real venue mentions, in the list's own context (seeded).

Each kind rewrites one mention the way a contributor drifts from the list's style: an old
name, a lower-case name, a short year written otherwise than the list writes years, a
qualifier recased, moved or put in other parentheses, a year glued or hyphenated to its
venue, arXiv spelt in another case, a year that disagrees with the proceedings link beside it. A kind that does not apply to a mention (no year, no
qualifier, already that way) gives None.
"""

from __future__ import annotations

import dataclasses as dc
import random
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from awesomelint.document.model import Document
from awesomelint.document.parse import parse_text
from awesomelint.engine import check_documents
from awesomelint.knowledge.venue_mentions import Mention, mentions
from awesomelint.knowledge.venue_style import (
    FULL_YEAR,
    WRAPPABLE,
    ListStyle,
    is_wrapped,
    list_style,
    tail_qualifiers,
    year_form,
)
from awesomelint.knowledge.venue_years import link_venue_year
from awesomelint.knowledge.venues import QUALIFIERS, default_table, year_gap
from awesomelint.rules import venue_alias, venue_tag_format

RULES = (venue_alias.RULE, venue_tag_format.RULE)
Mutate = Callable[[Mention, ListStyle], str | None]


@dc.dataclass(frozen=True, slots=True)
class Trial:
    file: str
    kind: str
    line: int
    before: str
    after: str
    found: bool


def _replace(value: str, start: int, end: int, new: str) -> str:
    return value[:start] + new + value[end:]


def historical(mention: Mention, _style: ListStyle) -> str | None:
    name = mention.parsed.venue
    if name.venue.canonical != "NeurIPS" or name.text.casefold() == "nips":
        return None
    return _replace(mention.value, name.start, name.end, "NIPS")


def lower_case(mention: Mention, _style: ListStyle) -> str | None:
    name = mention.parsed.venue
    if mention.parsed.is_arxiv or name.text == name.text.lower():
        return None
    return _replace(mention.value, name.start, name.end, name.text.lower())


def _short_year(mark: str) -> Mutate:
    def mutate(mention: Mention, style: ListStyle) -> str | None:
        parsed = mention.parsed
        form, gap, year = year_form(parsed), year_gap(parsed), parsed.year
        if form is None or gap is None or year is None or mark == style.year_form:
            return None
        digits = year.text[-2:]
        if form == FULL_YEAR and style.year_form == FULL_YEAR:
            return _replace(mention.value, gap[0], year.end, mark + digits)
        if form != FULL_YEAR and style.year_form != FULL_YEAR and form == style.year_form:
            return _replace(mention.value, gap[0], year.end, mark + digits)
        return None

    return mutate


def qualifier_case(mention: Mention, style: ListStyle) -> str | None:
    for token in tail_qualifiers(mention.parsed):
        title = QUALIFIERS[token.text.casefold()]
        if style.title_qualifiers and token.text == title:
            return _replace(mention.value, token.start, token.end, token.text.lower())
        if not style.title_qualifiers and token.text == token.text.lower():
            return _replace(mention.value, token.start, token.end, title)
    return None


def qualifier_moved(mention: Mention, style: ListStyle) -> str | None:
    """A qualifier after the year moved before it (`ICLR Oral 2024`), where the list writes
    it after the year; or the other way round where the list writes it before."""
    parsed = mention.parsed
    if parsed.year is None or parsed.parent is not None or parsed.prefix:
        return None
    value = parsed.value
    for token in parsed.qualifiers:
        key = token.text.casefold()
        after = token.start >= parsed.year.end
        if after and key not in style.early and not is_wrapped(parsed, token):
            if value[token.start - 1 : token.start] != " ":
                return None
            moved = _replace(value, token.start - 1, token.end, "")
            end = parsed.venue.end
            return moved[:end] + " " + token.text + moved[end:]
        if not after and key in style.early:
            moved = _replace(value, parsed.venue.end, token.end, "")
            shift = token.end - parsed.venue.end
            end = parsed.year.end - shift
            return moved[:end] + " " + token.text + moved[end:]
    return None


def qualifier_wrapped(mention: Mention, style: ListStyle) -> str | None:
    """An award written in parentheses where the list writes it bare, or the reverse."""
    for token in tail_qualifiers(mention.parsed):
        if token.text.casefold() not in WRAPPABLE:
            continue
        wrapped = is_wrapped(mention.parsed, token)
        if wrapped != style.wrapped_qualifiers:
            return None
        if wrapped:
            return _replace(mention.value, token.start - 1, token.end + 1, token.text)
        return _replace(mention.value, token.start, token.end, f"({token.text})")
    return None


def _year_layout(gap_text: str) -> Mutate:
    def mutate(mention: Mention, style: ListStyle) -> str | None:
        parsed = mention.parsed
        gap, year = year_gap(parsed), parsed.year
        if gap is None or year is None or gap[0] != parsed.venue.end or len(year.text) != 4:
            return None
        wanted = style.arxiv_gap if parsed.is_arxiv else style.venue_gap
        if (parsed.is_arxiv or mention.in_badge) and gap_text == "-":
            return None
        if parsed.value[gap[0] : gap[1]] != wanted or gap_text == wanted:
            return None
        return _replace(parsed.value, gap[0], gap[1], gap_text)

    return mutate


def arxiv_case(mention: Mention, style: ListStyle) -> str | None:
    name = mention.parsed.venue
    if not mention.parsed.is_arxiv or name.text != style.arxiv_name:
        return None
    if mention.parsed.year is None:
        return None
    other = next(s for s in ("arXiv", "Arxiv", "arxiv") if s != name.text)
    return _replace(mention.value, name.start, name.end, other)


# Kinds that drift from a style the list itself sets: measured only where at least
# MIN_SUPPORT mentions show that style, since a list with one `ICLR2025` has no style to drift
# from (a lone mutated tag then ties with the one it copies).
MIN_SUPPORT = 3
_STYLE_KINDS = frozenset(
    {"qualifier recased", "qualifier parentheses", "year spaced", "arXiv case"}
)


def year_disagrees(mention: Mention, _style: ListStyle) -> str | None:
    """The year moved by one, in a mention whose line also links to its proceedings."""
    parsed, year = mention.parsed, mention.parsed.year
    if year is None or year.kind != "number" or len(year.text) != 4 or parsed.is_arxiv:
        return None
    if parsed.venue.venue.canonical not in _EVIDENCE.get(mention.start, ()):
        return None
    return _replace(parsed.value, year.start, year.end, str(int(year.text) - 1))


_EVIDENCE: dict[int, frozenset[str]] = {}
"""Mention start -> the venues that links on its line name with a year (set per list)."""


def _gather_evidence(doc: Document, found: Sequence[Mention]) -> None:
    _EVIDENCE.clear()
    table = default_table()
    by_line: dict[int, set[str]] = {}
    for link in doc.links:
        named = link_venue_year(link.url, table)
        if named is not None:
            by_line.setdefault(doc.position(link.span.start)[0], set()).add(named[0])
    for mention in found:
        venues = by_line.get(doc.position(mention.start)[0])
        if venues:
            _EVIDENCE[mention.start] = frozenset(venues)


KINDS: dict[str, Mutate] = {
    "historical name (NIPS)": historical,
    "lower-case name": lower_case,
    "short year '": _short_year("'"),
    "short year \u2019": _short_year("\u2019"),
    "short year glued": _short_year(""),
    "qualifier recased": qualifier_case,
    "qualifier moved": qualifier_moved,
    "qualifier parentheses": qualifier_wrapped,
    "year glued to venue": _year_layout(""),
    "year hyphenated": _year_layout("-"),
    "year spaced": _year_layout(" "),
    "arXiv case": arxiv_case,
    "year disagrees with link": year_disagrees,
}


def _styles(found: Sequence[Mention]) -> dict[bool, ListStyle]:
    return {b: list_style(m for m in found if m.in_badge == b) for b in (False, True)}


def trials(name: str, text: str, per_kind: int, seed: int) -> Iterator[Trial]:
    """Up to `per_kind` mutations of each kind in one list, each checked on its own."""
    parsed = parse_text(text, name)
    doc = parsed.document
    found = mentions(doc, default_table())
    styles = _styles(found)
    _gather_evidence(doc, found)
    flagged = {f.line for f in check_documents([parsed], RULES)}
    rng = random.Random(f"{seed}:{name}")
    for kind, mutate in KINDS.items():
        candidates: list[tuple[Mention, str]] = []
        for mention in found:
            if doc.position(mention.start)[0] in flagged:
                continue
            new = mutate(mention, styles[mention.in_badge])
            if new is not None and new != mention.value:
                candidates.append((mention, new))
        if kind in _STYLE_KINDS and len(candidates) < MIN_SUPPORT:
            continue
        for mention, new in rng.sample(candidates, min(per_kind, len(candidates))):
            yield _trial(name, kind, text, mention, new)


def _trial(name: str, kind: str, text: str, mention: Mention, new: str) -> Trial:
    if mention.in_badge:
        new = new.replace(" ", "_")
    mutated = text[: mention.start] + new + text[mention.end :]
    parsed = parse_text(mutated, name)
    line = parsed.document.position(mention.start)[0]
    lines = {f.line for f in check_documents([parsed], RULES)}
    return Trial(name, kind, line, mention.value, new, line in lines)


def corpus_texts(corpus: Path, seeds: Path) -> list[tuple[str, str]]:
    """(name, text) of every real list, read in memory: the corpus's lists and the seeds."""
    paths = sorted(p for p in corpus.glob("*.md") if p.name != "README.md")
    paths += sorted(p for p in seeds.glob("*") if p.is_file())
    return [(p.name, p.read_text(encoding="utf-8", errors="replace")) for p in paths]
