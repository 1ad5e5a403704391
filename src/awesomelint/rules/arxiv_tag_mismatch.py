"""ARX002 arxiv-tag-mismatch: an arXiv tag disagrees with the entry's arXiv link.

Why: a tag such as `[arxiv 2303]` repeats the month (YYMM) or the year of the linked arXiv
id. When the two disagree, one of them is wrong, and the link is the one readers follow: the
tag was most likely copied from a neighbouring entry or mistyped.

Bad:
    * **Editing Backdoored Language Models** [[arxiv 2303]](https://arxiv.org/abs/2302.12461)
    * **Paper** [arXiv 2024] [paper](https://arxiv.org/abs/2302.12461)

Good:
    * **Editing Backdoored Language Models** [[arxiv 2302]](https://arxiv.org/abs/2302.12461)
    * **Paper** [arXiv 2023] [paper](https://arxiv.org/abs/2302.12461)

Fix: unsafe; the tag's digits are rewritten to the link's YYMM (or year, for a year tag),
keeping the tag's own spelling. The link is taken as the source of truth, which is usually
but not always right. A year tag agrees with any id from that year. The tag is compared with
its own link when it is one (`[[arxiv 2303]](url)`), otherwise with the entry's only arXiv
id; entries linking several different arXiv ids are skipped.
"""

from __future__ import annotations

import dataclasses as dc
import functools
from collections.abc import Iterable, Iterator

from awesomelint.diagnostics import Applicability, Edit, Finding, Fix, Severity
from awesomelint.document.model import Document, Entry, Tag
from awesomelint.knowledge import urls
from awesomelint.rules._base import Context, NoOptions, Rule

_ARXIV_WORDS = frozenset({"arxiv", "arxvi"})  # "arxvi" is a typo seen in real lists
_SEPARATORS = frozenset(" \t:-")
_DIGITS = frozenset("0123456789")


@dc.dataclass(frozen=True, slots=True)
class _TagDate:
    """The YYMM digits of an arXiv tag, and where they start."""

    digits: str
    start: int
    """Offset of the digits in the tag's value."""

    @property
    def maybe_year(self) -> bool:
        return self.digits[:2] in {"19", "20"}

    @property
    def maybe_yymm(self) -> bool:
        return 1 <= int(self.digits[2:]) <= 12


def _skip(value: str, pos: int, chars: Iterable[str]) -> int:
    while pos < len(value) and value[pos] in chars:
        pos += 1
    return pos


@functools.lru_cache(maxsize=65536)  # a list repeats its few tag values often
def _read_tag(value: str) -> _TagDate | None:
    """The four digits of `arXiv 2303`, `arxiv2503`, `arxvi  2410`; None for other labels."""
    word_start = _skip(value, 0, " \t")
    word_end = word_start
    while word_end < len(value) and value[word_end].isascii() and value[word_end].isalpha():
        word_end += 1
    if value[word_start:word_end].lower() not in _ARXIV_WORDS:
        return None
    digits_start = _skip(value, word_end, _SEPARATORS)
    digits_end = _skip(value, digits_start, _DIGITS)
    if digits_end - digits_start != 4 or value[digits_end:].strip():
        return None
    date = _TagDate(value[digits_start:digits_end], digits_start)
    return date if date.maybe_year or date.maybe_yymm else None


def _year(arxiv: urls.ArxivId) -> str:
    yy = int(arxiv.yymm[:2])
    return str(1900 + yy if arxiv.old_style and yy >= 91 else 2000 + yy)


def _wanted(date: _TagDate, arxiv: urls.ArxivId, prefer_year: bool) -> str | None:
    """The digits the tag should have, or None when it agrees with the id."""
    if date.digits == arxiv.yymm or (date.maybe_year and date.digits == _year(arxiv)):
        return None
    if date.maybe_year and (prefer_year or not date.maybe_yymm):
        return _year(arxiv)
    return arxiv.yymm


def _valid_arxiv(url: str) -> urls.ArxivId | None:
    arxiv = urls.arxiv_from_url(url)
    return arxiv if arxiv is not None and urls.parse_arxiv_id(arxiv.id) else None


def _linked_id(entry: Entry, tag: Tag) -> urls.ArxivId | None:
    """The id the tag describes: its own link's, else the entry's only arXiv id."""
    if tag.link is not None and (own := _valid_arxiv(tag.link.url)):
        return own
    found = {arxiv.id: arxiv for link in entry.links if (arxiv := _valid_arxiv(link.url))}
    return next(iter(found.values())) if len(found) == 1 else None


def _arxiv_tags(doc: Document) -> Iterator[tuple[Entry, Tag, _TagDate]]:
    for _section, entry in doc.entries():
        for tag in entry.tags:
            date = _read_tag(tag.value)
            if date is not None and doc.text[tag.span.start : tag.span.end] == tag.value:
                yield entry, tag, date


def _prefers_years(tags: Iterable[_TagDate]) -> bool:
    """Whether the list writes years (`arXiv 2023`) more often than months (`arxiv 2303`)."""
    years = sum(1 for date in tags if not date.maybe_yymm)
    months = sum(1 for date in tags if not date.maybe_year)
    return years > months


def check(doc: Document, ctx: Context[NoOptions]) -> Iterator[Finding]:
    found = list(_arxiv_tags(doc))
    prefer_year = _prefers_years(date for _entry, _tag, date in found)
    for entry, tag, date in found:
        arxiv = _linked_id(entry, tag)
        wanted = _wanted(date, arxiv, prefer_year) if arxiv else None
        if arxiv is None or wanted is None:
            continue
        start = tag.span.start + date.start
        fix = Fix((Edit(start, start + 4, wanted),), Applicability.UNSAFE)
        message = f"tag says {tag.value} but the link is arXiv {arxiv.id} (use {wanted})"
        yield ctx.finding(tag.span, message, fix=fix)


RULE = Rule(
    code="ARX002",
    name="arxiv-tag-mismatch",
    summary="An arXiv tag's YYMM or year disagrees with the entry's arXiv link",
    check=check,
    doc=__doc__ or "",
    default_severity=Severity.WARNING,
    fixable=True,
)
