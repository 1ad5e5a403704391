"""VEN002 venue-tag-format: a venue tag's layout differs from the list's own style.

Why: `[arxiv2502]`, `[arxiv 2402]`, `[arxiv  2405]` and `[arxvi 2410]` in one list, or
`ICLR 2024 spotlight` next to `ICLR 2024 Oral`, look careless and defeat searching.
Tags read best as venue, year, then qualifiers (`EMNLP 2023 Findings`), with single spaces.

Bad:
    - **Paper A** [[arxiv 2402]](https://arxiv.org/abs/2402.00001)
    - **Paper B** [[arxiv2502]](https://arxiv.org/abs/2502.00001)
    - **Paper C** [[arxvi 2410]](https://arxiv.org/abs/2410.00001)
    - **Paper D** [[Findings of EMNLP 2023]](https://aclanthology.org/2023.findings-emnlp.1)

Good:
    - **Paper A** [[arxiv 2402]](https://arxiv.org/abs/2402.00001)
    - **Paper B** [[arxiv 2502]](https://arxiv.org/abs/2502.00001)
    - **Paper C** [[arxiv 2410]](https://arxiv.org/abs/2410.00001)
    - **Paper D** [[EMNLP 2023 Findings]](https://aclanthology.org/2023.findings-emnlp.1)

Fix: safe. Venues are read wherever the list writes them (link tags, labels, table venue
columns, badges, running text such as `*Authors.* ACL'23 Findings`), and the list's dominant
style wins, a form being the list's only when it is the most common and written at least
twice (else the canonical form): the spelling of `arXiv` (ties: `arXiv`), a space or none
between `arXiv` and its number, a space, none or `-` between a venue and a four-digit year,
how two-digit years are written (`ACL'23`, `ACL23`, or with a curly apostrophe) in a list
that writes them short, the case of qualifiers written after the year (title case, `Spotlight`, by default),
awards bare or in parentheses (`ICCV 2023 (Oral)`), and qualifiers after the year or before
it (`NeurIPS Workshop 2022`, `Findings of EMNLP 2023`). Misspelt `arxvi`, doubled spaces and
a YYMM on a venue other than arXiv (`AlignmentForum 2312` -> 2023) are corrected. Badges
follow the badges' majority and are reported, never rewritten (their text is their
address). Venue names and short years in a list of four-digit years are VEN001's.

A venue's year that disagrees with the entry's own proceedings link (ACL Anthology, NeurIPS
proceedings, CVF open access) or with another mention of that venue in the entry is
reported, with no fix: which of the two is right needs a reader.

Options: qualifier-case: "dominant" (default), "title" or "lower".
"""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Iterator

from awesomelint.diagnostics import Edit, Finding, Fix, Severity
from awesomelint.document.model import Document, Span
from awesomelint.knowledge import venues
from awesomelint.knowledge.venue_mentions import Mention, MentionKind, mentions
from awesomelint.knowledge.venue_style import (
    FINDINGS_OF,
    FIXED_CASE,
    FULL_YEAR,
    WRAPPABLE,
    ListStyle,
    is_wrapped,
    list_style,
    tail_qualifiers,
    year_form,
)
from awesomelint.knowledge.venue_years import year_conflicts
from awesomelint.knowledge.venues import QUALIFIERS, Token, VenueTag
from awesomelint.rules._base import Context, Rule


@dc.dataclass(frozen=True, slots=True)
class Options:
    """The rule's settings (see the module documentation)."""

    qualifier_case: str = "dominant"
    """"dominant" (the list's majority, ties title case), "title" or "lower"."""


@dc.dataclass(frozen=True, slots=True)
class _Problem:
    """What is wrong with a venue tag, and its fix."""

    message: str
    edits: tuple[Edit, ...]
    """Offsets relative to the mention's value."""


def check(doc: Document, ctx: Context[Options]) -> Iterator[Finding]:
    found = mentions(doc, venues.default_table())
    case = ctx.options.qualifier_case
    # Badges are a medium of their own (`Conference-ICLR'24`): they follow their own majority.
    styles = {
        in_badge: list_style((m for m in found if m.in_badge == in_badge), case)
        for in_badge in (False, True)
    }
    # A mention's problems depend on its value alone, and a list repeats its few values often.
    memo: dict[tuple[str, MentionKind], list[_Problem]] = {}
    for mention in found:
        key = (mention.value, mention.kind)
        problems = memo.get(key)
        if problems is None:
            problems = memo[key] = list(_problems(mention, styles[mention.in_badge]))
        for problem in problems:
            yield _finding(ctx, mention, problem)
    for conflict in year_conflicts(doc, found, venues.default_table()):
        mention = conflict.mention
        name = mention.parsed.venue.venue.canonical
        message = f"{name} {conflict.year} here, but {conflict.source} says {name} {conflict.other}"
        yield ctx.finding(Span(mention.start, mention.end), message)


def _problems(mention: Mention, style: ListStyle) -> Iterator[_Problem]:
    parsed = mention.parsed
    if parsed.is_arxiv:
        yield from _arxiv_name(parsed, style)
    yield from _year_gap(parsed, style)
    yield from _short_year_form(parsed, style)
    yield from _spaces(parsed)
    yield from _yymm_as_year(parsed)
    yield from _order(parsed, style)
    yield from _qualifier_case(parsed, style)
    if mention.kind is not MentionKind.PAREN:
        yield from _wrapping(parsed, style)


def _finding(ctx: Context[Options], mention: Mention, problem: _Problem) -> Finding:
    base = mention.start
    edits = tuple(Edit(base + e.start, base + e.end, e.text) for e in problem.edits)
    start = min(e.start for e in edits)
    end = max(e.end for e in edits)
    # A badge's text is its address: rewriting it is changing a link, never a safe fix.
    fix = None if mention.in_badge else Fix(edits)
    return ctx.finding(Span(start, end), problem.message, fix=fix)


def _arxiv_name(parsed: VenueTag, style: ListStyle) -> Iterator[_Problem]:
    name = parsed.venue
    if name.text == style.arxiv_name:
        return
    if name.text.casefold() == "arxiv":
        message = f"{name.text} is written {style.arxiv_name} in this list"
    else:
        message = f"{name.text} is a misspelling of {style.arxiv_name}"
    yield _Problem(message, (Edit(name.start, name.end, style.arxiv_name),))


def _year_gap(parsed: VenueTag, style: ListStyle) -> Iterator[_Problem]:
    """The text between the venue name and a four-digit year or arXiv number."""
    gap, year = venues.year_gap(parsed), parsed.year
    if gap is None or year is None or gap[0] != parsed.venue.end or len(year.text) < 4:
        return
    if year.kind == "short_year":
        return
    between = parsed.value[gap[0] : gap[1]]
    if parsed.is_arxiv:
        wanted = style.arxiv_gap
    else:
        wanted = style.venue_gap
        if between == "-" and wanted == "-":
            return
    if between == wanted or between.strip(" -"):
        return
    name = parsed.venue.text
    if wanted == " ":
        message = f"put one space between {name} and {year.text}"
    elif wanted:
        message = f"write {name}{wanted}{year.text}, as the rest of this list does"
    else:
        message = f"write {name}{year.text} without a space, as the rest of this list does"
    yield _Problem(message, (Edit(gap[0], gap[1], wanted),))


def _short_year_form(parsed: VenueTag, style: ListStyle) -> Iterator[_Problem]:
    """A two-digit year written otherwise than this list writes its two-digit years."""
    form = year_form(parsed)
    if style.year_form == FULL_YEAR or form in (None, FULL_YEAR, style.year_form):
        return
    gap, year = venues.year_gap(parsed), parsed.year
    assert gap is not None and year is not None
    digits = year.text.lstrip("'\u2019")
    wanted = style.year_form + digits
    written = parsed.value[gap[0] : year.end]
    message = f"{parsed.venue.text}{written} is written {parsed.venue.text}{wanted} in this list"
    yield _Problem(message, (Edit(gap[0], year.end, wanted),))


def _spaces(parsed: VenueTag) -> Iterator[_Problem]:
    """Runs of spaces inside the tag, except in names (VEN001) and before the year."""
    gap = venues.year_gap(parsed)
    names = [m for m in (parsed.venue, parsed.parent) if m is not None]
    last = len(parsed.tokens) - 1
    for index, token in enumerate(parsed.tokens):
        if token.kind != "space" or token.text == " " or index in (0, last):
            continue
        if gap is not None and gap[0] == parsed.venue.end and token.end == gap[1]:
            continue
        if any(m.start <= token.start and token.end <= m.end for m in names):
            continue
        yield _Problem("use a single space in a venue tag", (Edit(token.start, token.end, " "),))


def _yymm_as_year(parsed: VenueTag) -> Iterator[_Problem]:
    year = parsed.year
    if parsed.is_arxiv or year is None or year.kind != "number" or venues.is_year(year.text):
        return
    if len(year.text) != 4 or not venues.is_yymm(year.text):
        return
    full = "20" + year.text[:2]
    message = f"{year.text} is a month (YYMM); {parsed.venue.text} tags take the year {full}"
    yield _Problem(message, (Edit(year.start, year.end, full),))


def _order(parsed: VenueTag, style: ListStyle) -> Iterator[_Problem]:
    """Venue, year, then qualifiers: move a "Findings of" prefix or early qualifiers back,
    unless this list writes them before the year."""
    if parsed.parent is not None or parsed.year is None:
        return
    anchor = parsed.year.end
    if parsed.prefix and FINDINGS_OF in style.early:
        return
    if parsed.prefix:
        moved = parsed.prefix[0].text
        delete = Edit(parsed.prefix[0].start, parsed.venue.start, "")
        message = f"write {moved} after the year: {parsed.venue.text} {parsed.year.text} {moved}"
        yield _Problem(message, (delete, Edit(anchor, anchor, " " + moved)))
        return
    early = [q for q in parsed.qualifiers if q.end <= parsed.year.start]
    if not early:
        yield from _late(parsed, style)
        return
    if any(q.text.casefold() in style.early for q in early):
        return
    stretch = _inside(parsed, parsed.venue.end, early[-1].end)
    if any(
        (t.kind == "word" and t not in early) or (t.kind == "sep" and t.text != "-")
        for t in stretch
    ):
        return
    moved = " ".join(q.text for q in early)
    message = f"write {moved} after the year, not before it"
    delete = Edit(parsed.venue.end, early[-1].end, "")
    yield _Problem(message, (delete, Edit(anchor, anchor, " " + moved)))


def _inside(parsed: VenueTag, start: int, end: int) -> list[Token]:
    return [t for t in parsed.tokens if start <= t.start and t.end <= end]


def _qualifier_case(parsed: VenueTag, style: ListStyle) -> Iterator[_Problem]:
    fixed_case = [q for q in parsed.qualifiers if q.text.casefold() in FIXED_CASE]
    for token in [*tail_qualifiers(parsed), *fixed_case]:
        key = token.text.casefold()
        wanted = QUALIFIERS[key] if style.title_qualifiers or key in FIXED_CASE else key
        if token.text != wanted:
            message = f"{token.text} is written {wanted} in this list"
            yield _Problem(message, (Edit(token.start, token.end, wanted),))


def _late(parsed: VenueTag, style: ListStyle) -> Iterator[_Problem]:
    """A qualifier after the year in a list that writes it before (`NeurIPS Workshop 2022`)."""
    assert parsed.year is not None
    for token in parsed.qualifiers:
        key = token.text.casefold()
        if key not in style.early or is_wrapped(parsed, token):
            continue
        if parsed.value[token.start - 1 : token.start] != " ":
            continue
        message = f"write {token.text} before the year, as the rest of this list does"
        delete = Edit(token.start - 1, token.end, "")
        insert = Edit(parsed.venue.end, parsed.venue.end, " " + token.text)
        yield _Problem(message, (insert, delete))
        return


def _wrapping(parsed: VenueTag, style: ListStyle) -> Iterator[_Problem]:
    """Qualifiers after the year in parentheses, or not, as the list writes them."""
    for token in tail_qualifiers(parsed):
        wrapped = is_wrapped(parsed, token)
        if token.text.casefold() not in WRAPPABLE or wrapped == style.wrapped_qualifiers:
            continue
        if wrapped:
            message = f"write {token.text} without parentheses, as the rest of this list does"
            edits = (Edit(token.start - 1, token.end + 1, token.text),)
        else:
            message = f"write ({token.text}) in parentheses, as the rest of this list does"
            edits = (Edit(token.start, token.end, f"({token.text})"),)
        yield _Problem(message, edits)


RULE = Rule(
    code="VEN002",
    name="venue-tag-format",
    summary="Venue tags follow the list's style: spacing, arXiv spelling, qualifier case, order",
    check=check,
    doc=__doc__ or "",
    default_severity=Severity.WARNING,
    options=Options,
    fixable=True,
)
