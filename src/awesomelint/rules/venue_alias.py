"""VEN001 venue-alias: a venue tag names its venue by an old name, an alias or a short year.

Why: the same conference written as `NIPS`, `Neurips` and `NeurIPS`, or a year written as
`'23`, makes a list harder to scan and to search: a reader looking for "NeurIPS 2023" misses
the `[NIPS 2023]` entries. NeurIPS changed its acronym from NIPS in 2018; the canonical names
are in `data/venues.toml`. Venues are read wherever a list writes them: link tags, bracket
and parenthesised labels, table venue columns, static badges and running text such as
`*Authors.* ACL 2023` (see `knowledge/venue_mentions.py`). A list that writes its years the
short way throughout (`ACL'23`) keeps them: their consistency is VEN002's.

Bad:
    - **Paper** [[NIPS 2023]](https://openreview.net/forum?id=abc)
    - **Paper (iclr'23)** [[Lesswrong 2020]](https://www.lesswrong.com/posts/abc)

Good:
    - **Paper** [[NeurIPS 2023]](https://openreview.net/forum?id=abc)
    - **Paper (ICLR 2023)** [[LessWrong 2020]](https://www.lesswrong.com/posts/abc)

Fix: safe: only the venue name, or the short year, is rewritten; a badge's address is
reported, never rewritten. The spelling of `arXiv`
and the tag's layout (spacing, qualifier case, order) are VEN002's.

Options: keep-historical-names (default false): leave `NIPS 2017` and older as written.
aliases (default none): extra aliases as "ALIAS=Canonical", e.g.
`aliases = ["Neural IPS=NeurIPS", "MechInterp Workshop=ICML MI Workshop"]`; they win over the
shipped table.
"""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Iterator

from awesomelint.diagnostics import Edit, Finding, Fix, Severity
from awesomelint.document.model import Document, Span
from awesomelint.knowledge import venues
from awesomelint.knowledge.venue_mentions import Mention, mentions
from awesomelint.knowledge.venue_style import FULL_YEAR, list_style
from awesomelint.knowledge.venues import NameMatch, VenueTag
from awesomelint.rules._base import Context, Rule

# Two-digit years from here on are read as 19YY ('98 -> 1998), the rest as 20YY.
_LAST_CENTURY_FROM = 87


@dc.dataclass(frozen=True, slots=True)
class Options:
    """The rule's settings (see the module documentation)."""

    keep_historical_names: bool = False
    aliases: tuple[str, ...] = ()
    """Extra aliases as "ALIAS=Canonical" (e.g. "Neural IPS=NeurIPS"); they win over ours."""

    def __post_init__(self) -> None:
        for alias in self.aliases:
            left, sep, right = alias.partition("=")
            if not sep or not left.strip() or not right.strip():
                raise ValueError(f"aliases: {alias!r} is not of the form ALIAS=Canonical")

    def table(self) -> venues.VenueTable:
        if not self.aliases:
            return venues.default_table()
        pairs = (alias.partition("=") for alias in self.aliases)
        extra = {left.strip(): right.strip() for left, _, right in pairs}
        return venues.with_aliases(venues.default_table(), extra)


def check(doc: Document, ctx: Context[Options]) -> Iterator[Finding]:
    found = mentions(doc, ctx.options.table())
    four_digit_years = list_style(m for m in found if not m.in_badge).year_form == FULL_YEAR
    for mention in found:
        parsed = mention.parsed
        for name in (parsed.venue, parsed.parent):
            if name is not None and _is_alias(name, parsed, ctx.options):
                yield _finding(ctx, mention, name.start, name.end, name.text, name.venue.canonical)
        # A badge's few characters are its own medium: `ICLR'24` is how badges write years.
        short = _short_year(parsed) if four_digit_years and not mention.in_badge else None
        if short is not None:
            start, end, year = short
            yield _finding(ctx, mention, start, end, parsed.value[start:end].strip(), year)


def _is_alias(name: NameMatch, parsed: VenueTag, options: Options) -> bool:
    venue = name.venue
    if name.text == venue.canonical or venue.kind == "preprint":
        return False
    if options.keep_historical_names and venues.squeeze(name.text) == venues.squeeze(
        venue.renamed_from
    ):
        year = _full_year(parsed)
        return year is None or year > venue.renamed_until
    return True


def _full_year(parsed: VenueTag) -> int | None:
    if parsed.year is None:
        return None
    digits = parsed.year.text.lstrip("'\u2019")
    if len(digits) == 2:
        return int(_expand(digits))
    return int(digits) if venues.is_year(digits) else None


def _expand(two_digits: str) -> str:
    century = "19" if int(two_digits) >= _LAST_CENTURY_FROM else "20"
    return century + two_digits


def _short_year(parsed: VenueTag) -> tuple[int, int, str] | None:
    """(start, end, replacement) for a year written `'23`, `-23` or glued `23`."""
    year, gap = parsed.year, venues.year_gap(parsed)
    if year is None or gap is None:
        return None
    digits = year.text.lstrip("'\u2019")
    if len(digits) != 2:
        return None
    between = parsed.value[gap[0] : gap[1]]
    if between in ("", "-"):
        return gap[0], year.end, " " + _expand(digits)
    return year.start, year.end, _expand(digits)


def _finding(
    ctx: Context[Options], mention: Mention, start: int, end: int, old: str, new: str
) -> Finding:
    base = mention.start
    edit = Edit(base + start, base + end, new)
    # A badge's text is its address: rewriting it is changing a link, never a safe fix.
    fix = None if mention.in_badge else Fix((edit,))
    return ctx.finding(Span(base + start, base + end), f"{old} is written {new.strip()}", fix=fix)


RULE = Rule(
    code="VEN001",
    name="venue-alias",
    summary="Venue tags use the venue's canonical name and a four-digit year",
    check=check,
    doc=__doc__ or "",
    default_severity=Severity.WARNING,
    options=Options,
    fixable=True,
)
