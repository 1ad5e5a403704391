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

Fix: safe. The list's dominant style wins: the spelling of `arXiv` (ties: `arXiv`), a space
or none between `arXiv` and its number (ties: a space) and the case of qualifiers written
after the year (ties: title case, `Spotlight`). Other venues always take one space before a
four-digit year. Misspelt `arxvi`, doubled spaces, a YYMM on a venue other than arXiv
(`AlignmentForum 2312` -> 2023) and qualifiers before the year are corrected. Venue names
and short years are VEN001's.

Options: qualifier-case: "dominant" (default), "title" or "lower".
"""

from __future__ import annotations

import dataclasses as dc
from collections import Counter
from collections.abc import Iterator, Sequence

from awesomelint.diagnostics import Edit, Finding, Fix, Severity
from awesomelint.document.model import Document, Span, Tag
from awesomelint.knowledge import venues
from awesomelint.knowledge.venues import QUALIFIERS, Token, VenueTag
from awesomelint.rules._base import Context, Rule

_CANONICAL_ARXIV = "arXiv"
# Qualifiers whose case follows the list's style. "Findings" is not one: it is part of the
# name of a venue ("Findings of the ACL") and is always capitalised; "SRW" is an acronym.
_FIXED_CASE = frozenset({"findings", "srw"})
_STYLED = frozenset(QUALIFIERS) - _FIXED_CASE


@dc.dataclass(frozen=True, slots=True)
class Options:
    qualifier_case: str = "dominant"
    """"dominant" (the list's majority, ties title case), "title" or "lower"."""


@dc.dataclass(frozen=True, slots=True)
class _Style:
    arxiv_name: str
    arxiv_gap: str
    """"" (glued `arxiv2503`) or " "."""
    title_qualifiers: bool


@dc.dataclass(frozen=True, slots=True)
class _Problem:
    message: str
    edits: tuple[Edit, ...]
    """Offsets relative to the tag value."""


def check(doc: Document, ctx: Context[Options]) -> Iterator[Finding]:
    tags = list(venues.venue_tags(doc, venues.default_table()))
    style = _style([parsed for _tag, parsed in tags], ctx.options)
    # A tag's problems depend on its value alone, and a list repeats its few values often.
    memo: dict[str, list[_Problem]] = {}
    for tag, parsed in tags:
        problems = memo.get(parsed.value)
        if problems is None:
            problems = memo[parsed.value] = list(_problems(parsed, style))
        for problem in problems:
            yield _finding(ctx, tag, problem)


def _problems(parsed: VenueTag, style: _Style) -> Iterator[_Problem]:
    if parsed.is_arxiv:
        yield from _arxiv_name(parsed, style)
    yield from _year_gap(parsed, style)
    yield from _spaces(parsed)
    yield from _yymm_as_year(parsed)
    yield from _order(parsed)
    yield from _qualifier_case(parsed, style)


def _finding(ctx: Context[Options], tag: Tag, problem: _Problem) -> Finding:
    base = tag.span.start
    edits = tuple(Edit(base + e.start, base + e.end, e.text) for e in problem.edits)
    start = min(e.start for e in edits)
    end = max(e.end for e in edits)
    return ctx.finding(Span(start, end), problem.message, fix=Fix(edits))


def _majority(counts: Counter[str], tie: str) -> str | None:
    if not counts:
        return None
    top = max(counts.values())
    tied = sorted(name for name, count in counts.items() if count == top)
    return tie if tie in tied else tied[0]


def _style(tags: Sequence[VenueTag], options: Options) -> _Style:
    names: Counter[str] = Counter()
    gaps: Counter[str] = Counter()
    cases: Counter[str] = Counter()
    for parsed in tags:
        if parsed.is_arxiv:
            text = parsed.venue.text
            if text.isalpha() and text.casefold() == "arxiv":
                names[text] += 1
            gap = venues.year_gap(parsed)
            if gap is not None and parsed.year is not None and parsed.year.kind == "number":
                between = parsed.value[gap[0] : gap[1]]
                if between in ("", " "):
                    gaps[between] += 1
        for token in _tail_qualifiers(parsed):
            if token.text == QUALIFIERS[token.text.casefold()]:
                cases["title"] += 1
            elif token.text == token.text.casefold():
                cases["lower"] += 1
    qualifier_case = options.qualifier_case
    if qualifier_case == "dominant":
        qualifier_case = _majority(cases, "title") or "title"
    return _Style(
        arxiv_name=_majority(names, _CANONICAL_ARXIV) or _CANONICAL_ARXIV,
        arxiv_gap=" " if (glue := _majority(gaps, " ")) is None else glue,
        title_qualifiers=qualifier_case != "lower",
    )


def _arxiv_name(parsed: VenueTag, style: _Style) -> Iterator[_Problem]:
    name = parsed.venue
    if name.text == style.arxiv_name:
        return
    if name.text.casefold() == "arxiv":
        message = f"{name.text} is written {style.arxiv_name} in this list"
    else:
        message = f"{name.text} is a misspelling of {style.arxiv_name}"
    yield _Problem(message, (Edit(name.start, name.end, style.arxiv_name),))


def _year_gap(parsed: VenueTag, style: _Style) -> Iterator[_Problem]:
    """The text between the venue name and a four-digit year or arXiv number."""
    gap, year = venues.year_gap(parsed), parsed.year
    if gap is None or year is None or gap[0] != parsed.venue.end or len(year.text) < 4:
        return
    if year.kind == "short_year":
        return
    between = parsed.value[gap[0] : gap[1]]
    wanted = style.arxiv_gap if parsed.is_arxiv else " "
    if between == wanted or between.strip(" -"):
        return
    name = parsed.venue.text
    if wanted:
        message = f"put one space between {name} and {year.text}"
    else:
        message = f"write {name}{year.text} without a space, as the rest of this list does"
    yield _Problem(message, (Edit(gap[0], gap[1], wanted),))


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


def _order(parsed: VenueTag) -> Iterator[_Problem]:
    """Venue, year, then qualifiers: move a "Findings of" prefix or early qualifiers back."""
    if parsed.parent is not None or parsed.year is None:
        return
    anchor = parsed.year.end
    if parsed.prefix:
        moved = parsed.prefix[0].text
        delete = Edit(parsed.prefix[0].start, parsed.venue.start, "")
        message = f"write {moved} after the year: {parsed.venue.text} {parsed.year.text} {moved}"
        yield _Problem(message, (delete, Edit(anchor, anchor, " " + moved)))
        return
    early = [q for q in parsed.qualifiers if q.end <= parsed.year.start]
    if not early:
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


def _tail_qualifiers(parsed: VenueTag) -> list[Token]:
    """Qualifiers written after the year, where their case is a matter of list style."""
    if parsed.year is None:
        return []
    after = parsed.year.end
    return [q for q in parsed.qualifiers if q.start >= after and q.text.casefold() in _STYLED]


def _qualifier_case(parsed: VenueTag, style: _Style) -> Iterator[_Problem]:
    fixed_case = [q for q in parsed.qualifiers if q.text.casefold() in _FIXED_CASE]
    for token in [*_tail_qualifiers(parsed), *fixed_case]:
        key = token.text.casefold()
        wanted = QUALIFIERS[key] if style.title_qualifiers or key in _FIXED_CASE else key
        if token.text != wanted:
            message = f"{token.text} is written {wanted} in this list"
            yield _Problem(message, (Edit(token.start, token.end, wanted),))


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
