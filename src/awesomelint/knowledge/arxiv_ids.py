"""The arXiv identifier grammar: parsing, scanning free text and checking that an id can exist."""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


OLD_ARCHIVES = _words(
    "acc-phys adap-org alg-geom ao-sci astro-ph atom-ph bayes-an chao-dyn chem-ph cmp-lg "
    "comp-gas cond-mat cs dg-ga funct-an gr-qc hep-ex hep-lat hep-ph hep-th math math-ph "
    "mtrl-th nlin nucl-ex nucl-th patt-sol physics plasm-ph q-alg q-bio quant-ph solv-int "
    "supr-con"
)


@dataclass(frozen=True, slots=True)
class ArxivId:
    """An arXiv identifier, new (2101.00001) or old style (hep-th/9901001)."""

    id: str
    version: int | None
    yymm: str
    old_style: bool

    @property
    def abs_url(self) -> str:
        return f"https://arxiv.org/abs/{self.id}"

    def url(self, keep_version: bool) -> str:
        if keep_version and self.version is not None:
            return f"{self.abs_url}v{self.version}"
        return self.abs_url


def _id_pattern(*, loose: bool) -> str:
    month = r"\d\d" if loose else r"(?:0[1-9]|1[0-2])"
    # Longest first; then by name, so that the pattern's text is the same on every run.
    archives = sorted(map(re.escape, OLD_ARCHIVES), key=lambda name: (-len(name), name))
    archive = r"[a-z]+(?:-[a-z]+)?" if loose else "|".join(archives)
    new = rf"(?P<yymm>\d\d{month})\.(?P<num>\d{{4,5}})"
    old = rf"(?P<archive>{archive})(?:\.[A-Za-z-]{{2,}})?/(?P<oyymm>\d{{4}})(?P<onum>\d{{3}})"
    return rf"(?:{new}|{old})(?:v(?P<ver>[1-9]\d*))?"


_PREFIX = r"(?P<prefix>(?i:arxiv): ?)?"
_STRICT_RE = re.compile(_PREFIX + _id_pattern(loose=False))
_LOOSE_RE = re.compile(_PREFIX + _id_pattern(loose=True))
# Not inside a longer token, a URL path or a dotted number; "2302.12461." in prose keeps its ".".
_SCAN_RE = re.compile(r"(?<![\w./-])" + _PREFIX + _id_pattern(loose=True) + r"(?!\w|\.\d)")


@functools.cache
def _cited_re() -> re.Pattern[str]:
    """`_SCAN_RE` with the `arXiv:` prefix required; starting at a plain "a" lets the search
    skip ahead fast. No id found by `_SCAN_RE` can overlap such a match (ids end with a
    digit), so this finds exactly the prefixed ids that `find_arxiv_ids` finds."""
    prefix = r"(?P<prefix>[aA](?<![\w./-][aA])(?i:rxiv): ?)"
    return re.compile(prefix + _id_pattern(loose=True) + r"(?!\w|\.\d)")


def _from_match(m: re.Match[str]) -> ArxivId:
    version = int(m["ver"]) if m["ver"] else None
    if m["yymm"]:
        return ArxivId(f"{m['yymm']}.{m['num']}", version, m["yymm"], old_style=False)
    return ArxivId(f"{m['archive']}/{m['oyymm']}{m['onum']}", version, m["oyymm"], old_style=True)


@functools.lru_cache(maxsize=65536)
def parse_arxiv_id(text: str) -> ArxivId | None:
    """Parse a bare identifier (`arXiv:` prefix and `vN` optional) that fits arXiv's grammar."""
    m = _STRICT_RE.fullmatch(text.strip())
    return _from_match(m) if m else None


@functools.lru_cache(maxsize=65536)
def parse_arxiv_id_loose(text: str) -> ArxivId | None:
    """Like `parse_arxiv_id`, but any month and any archive name, for reporting bad ids."""
    m = _LOOSE_RE.fullmatch(text.strip())
    return _from_match(m) if m else None


def find_arxiv_ids(text: str) -> list[tuple[int, int, str]]:
    """Find identifiers in free text, loosely; unknown archives only after an `arXiv:` prefix."""
    spans: list[tuple[int, int, str]] = []
    for m in _SCAN_RE.finditer(text):
        if m["archive"] and m["archive"] not in OLD_ARCHIVES and not m["prefix"]:
            continue
        spans.append((m.start(), m.end(), m[0]))
    return spans


def find_cited_arxiv_ids(text: str) -> list[tuple[int, int, str]]:
    """The ids of `find_arxiv_ids` that are written with an `arXiv:` prefix."""
    return [(m.start(), m.end(), m[0]) for m in _cited_re().finditer(text)]


def arxiv_id_problem(arxiv: ArxivId, today: datetime.date) -> str | None:
    """Why `arxiv` cannot be a real identifier as of `today`, or None if it can."""
    month = int(arxiv.yymm[2:])
    if arxiv.old_style:
        archive = arxiv.id.partition("/")[0]
        if archive not in OLD_ARCHIVES:
            return f"unknown archive {archive!r}"
    if not 1 <= month <= 12:
        return f"month {arxiv.yymm[2:]}"
    if arxiv.old_style:
        return _old_style_problem(arxiv, month)
    return _new_style_problem(arxiv, month, today)


def _old_style_problem(arxiv: ArxivId, month: int) -> str | None:
    yy = int(arxiv.yymm[:2])
    when = (1900 + yy if yy >= 91 else 2000 + yy, month)
    if when < (1991, 7):
        return "old-style id before 9107"
    if when > (2007, 3):
        return "old-style id after 0703"
    if arxiv.id.endswith("000"):
        return "number 000 is never used"
    return None


def _new_style_problem(arxiv: ArxivId, month: int, today: datetime.date) -> str | None:
    now = (today.year, today.month)
    when = (2000 + int(arxiv.yymm[:2]), month)
    # YY wraps around (00..06 are 2100..2106), but until then such an id predates the scheme.
    if when < (2007, 4) and (when[0] + 100, month) <= now:
        when = (when[0] + 100, month)
    number = arxiv.id.partition(".")[2]
    if when < (2007, 4):
        return "new-style id before 0704"
    if when > now:
        return f"YYMM {arxiv.yymm} is in the future"
    if len(number) == 4 and when > (2014, 12):
        return "4-digit number after 1412 needs 5 digits"
    if len(number) == 5 and when <= (2014, 12):
        return "5-digit number before 1501"
    if int(number) == 0:
        return f"number {number} is never used"
    return None
