"""A list's own way of writing venues, read from the majority of its mentions (pure).

Each layout choice is counted over the list's venue mentions, and the most common form is the
list's style; ties go to the canonical form (a four-digit year after one space, qualifiers
after the year, in title case, without parentheses).
"""

from __future__ import annotations

import dataclasses as dc
from collections import Counter
from collections.abc import Iterable

from awesomelint.knowledge.venue_text import Mention, MentionKind
from awesomelint.knowledge.venues import QUALIFIERS, Token, VenueTag, year_gap

FULL_YEAR = "full"
"""The year form of a four-digit year."""
CANONICAL_ARXIV = "arXiv"
# Qualifiers whose case follows the list's style. "Findings" is not one: it is part of the
# name of a venue ("Findings of the ACL") and is always capitalised; "SRW" is an acronym.
FIXED_CASE = frozenset({"findings", "srw"})
STYLED = frozenset(QUALIFIERS) - FIXED_CASE
# Awards and presentation kinds, which lists write after the year bare or in parentheses;
# "Workshop" or "Findings" name a venue's part and are never parenthesised.
WRAPPABLE = frozenset({"oral", "spotlight", "poster", "highlight"})
# One odd tag is a slip, not a style: a non-canonical form is the list's when it is the most
# common and written at least this often.
_MIN_STYLE = 2


@dc.dataclass(frozen=True, slots=True)
class ListStyle:
    """How a list writes its venue tags, read from the list itself."""

    arxiv_name: str = CANONICAL_ARXIV
    arxiv_gap: str = " "
    """"" (glued `arxiv2503`) or " "."""
    venue_gap: str = " "
    """What separates a venue from a four-digit year: " ", "" (`ICLR2024`) or "-"."""
    year_form: str = FULL_YEAR
    """FULL_YEAR, or how a two-digit year is written after its venue: "'", "\u2019", " '",
    "" (glued `ICLR24`) or "-"."""
    title_qualifiers: bool = True
    wrapped_qualifiers: bool = False
    """Qualifiers after the year are written in parentheses: `ICCV 2023 (Oral)`."""
    early: frozenset[str] = frozenset()
    """Casefolded qualifiers this list writes before the year (`NeurIPS Workshop 2022`), and
    FINDINGS_OF when it writes `Findings of EMNLP 2023`."""


def year_form(parsed: VenueTag) -> str | None:
    """How the tag writes its year (see `ListStyle.year_form`); None without a year."""
    year = parsed.year
    if year is None or parsed.is_arxiv:
        return None
    if year.kind == "number" and len(year.text) == 4:
        return FULL_YEAR
    gap = year_gap(parsed)
    if gap is None:
        return None
    between = parsed.value[gap[0] : year.start]
    if year.kind == "short_year":
        return between + year.text[0]
    if year.kind == "number" and len(year.text) == 2:
        return between
    return None


def full_year_gap(parsed: VenueTag) -> str | None:
    """The text between the venue name and a four-digit year, when nothing else is there."""
    gap, year = year_gap(parsed), parsed.year
    if gap is None or year is None or gap[0] != parsed.venue.end or len(year.text) != 4:
        return None
    if year.kind != "number":
        return None
    return parsed.value[gap[0] : gap[1]]


def tail_qualifiers(parsed: VenueTag) -> list[Token]:
    """Qualifiers written after the year, where their case is a matter of list style."""
    if parsed.year is None:
        return []
    after = parsed.year.end
    return [q for q in parsed.qualifiers if q.start >= after and q.text.casefold() in STYLED]


def is_wrapped(parsed: VenueTag, token: Token) -> bool:
    value = parsed.value
    return value[token.start - 1 : token.start] == "(" and value[token.end : token.end + 1] == ")"


FINDINGS_OF = "findings of"
"""The key of the `Findings of EMNLP 2023` layout in `ListStyle.early`."""


def positions(parsed: VenueTag) -> Iterable[tuple[str, str]]:
    """(casefolded qualifier, "before" or "after" the year) for each qualifier of a dated
    tag; a `Findings of` prefix is its own layout, "findings" "prefix"."""
    if parsed.year is None or parsed.parent is not None:
        return
    if parsed.prefix:
        yield "findings", "prefix"
    for token in parsed.qualifiers:
        yield token.text.casefold(), "before" if token.end <= parsed.year.start else "after"


def _norm(counts: Counter[str], canonical: str) -> str:
    """The single most common form, when it is common enough; else the canonical one."""
    if not counts:
        return canonical
    top = max(counts.values())
    winners = [form for form, count in counts.items() if count == top]
    if canonical in winners or len(winners) > 1 or top < _MIN_STYLE:
        return canonical
    return winners[0]


def _majority(counts: Counter[str], tie: str) -> str | None:
    if not counts:
        return None
    top = max(counts.values())
    tied = sorted(name for name, count in counts.items() if count == top)
    return tie if tie in tied else tied[0]


def _early(layouts: dict[str, Counter[str]]) -> Iterable[str]:
    for key, counts in layouts.items():
        where = _norm(counts, "after")
        if where == "prefix":
            yield FINDINGS_OF
        elif where == "before":
            yield key


def list_style(mentions: Iterable[Mention], qualifier_case: str = "dominant") -> ListStyle:
    names: Counter[str] = Counter()
    arxiv_gaps: Counter[str] = Counter()
    venue_gaps: Counter[str] = Counter()
    years: Counter[str] = Counter()
    cases: Counter[str] = Counter()
    wrapping: Counter[str] = Counter()
    layouts: dict[str, Counter[str]] = {}
    # A list repeats its few venue strings many times: read each once, count it as often.
    distinct: Counter[tuple[str, bool]] = Counter()
    parsed_of: dict[tuple[str, bool], VenueTag] = {}
    for mention in mentions:
        identity = (mention.value, mention.kind is MentionKind.PAREN)
        distinct[identity] += 1
        parsed_of.setdefault(identity, mention.parsed)
    for (value, in_parens), weight in distinct.items():
        parsed = parsed_of[value, in_parens]
        if parsed.is_arxiv:
            text = parsed.venue.text
            if text.isalpha() and text.casefold() == "arxiv":
                names[text] += weight
            gap = year_gap(parsed)
            if gap is not None and parsed.year is not None and parsed.year.kind == "number":
                between = parsed.value[gap[0] : gap[1]]
                if between in ("", " "):
                    arxiv_gaps[between] += weight
        else:
            form = year_form(parsed)
            if form is not None:
                years[form] += weight
            gap_text = full_year_gap(parsed)
            if gap_text in ("", " ", "-"):
                venue_gaps[gap_text] += weight
        for token in tail_qualifiers(parsed):
            if token.text == QUALIFIERS[token.text.casefold()]:
                cases["title"] += weight
            elif token.text == token.text.casefold():
                cases["lower"] += weight
            if not in_parens and token.text.casefold() in WRAPPABLE:
                wrapping["wrapped" if is_wrapped(parsed, token) else "plain"] += weight
        for key, where in positions(parsed):
            layouts.setdefault(key, Counter())[where] += weight
    if qualifier_case == "dominant":
        qualifier_case = _norm(cases, "title")
    return ListStyle(
        arxiv_name=_majority(names, CANONICAL_ARXIV) or CANONICAL_ARXIV,
        arxiv_gap=_norm(arxiv_gaps, " "),
        venue_gap=_norm(venue_gaps, " "),
        year_form=_norm(years, FULL_YEAR),
        title_qualifiers=qualifier_case != "lower",
        wrapped_qualifiers=_norm(wrapping, "plain") == "wrapped",
        early=frozenset(_early(layouts)),
    )
