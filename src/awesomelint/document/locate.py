"""Recovery of inline links, labels and code spans from the source text.

markdown-it-py gives line ranges for blocks but no positions for inline tokens, so links,
bracketed labels and code spans are found here by scanning the source itself, following
CommonMark's inline rules for links (spec sections 6.3 code spans, 6.5 links, 6.7 autolinks).
"""

from __future__ import annotations

import bisect
import dataclasses as dc
import re
from collections.abc import Mapping
from typing import NamedTuple

from awesomelint.document.html_syntax import INLINE_HTML
from awesomelint.document.link_tail import parse_inline_tail, reference_fallback

_SPECIAL = re.compile(r"[\\`\[\]<]")
_BACKTICKS = re.compile(r"`+")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\x01-\x20]*)>")
_EMAIL_AUTOLINK = re.compile(r"<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\-]+@[A-Za-z0-9.\-]+>")
# Inline HTML as markdown-it reads it (comments are read before): `<img alt=b [x](u)>` is no
# tag, since `[x](u)` is no attribute, so the link in it is a link.
_HTML_TAG = INLINE_HTML
_HTML_URL_ATTR = re.compile(
    r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"'`=<]+))""", re.IGNORECASE
)
MAX_LABEL = 999
"""CommonMark's longest link label; a longer bracketed text is never a reference."""


class RawLink(NamedTuple):
    """A link as the scan found it, before the model's `Link` is made of it (a tuple: a
    parse makes one per link)."""

    start: int
    end: int
    text_start: int
    text_end: int
    url: str
    url_start: int
    url_end: int
    kind: str  # "inline", "reference", "autolink", "html"
    image: bool = False


@dc.dataclass(frozen=True, slots=True)
class Problem:
    """Link syntax that did not parse as a link, though it was evidently meant as one."""

    start: int
    end: int
    reason: str


@dc.dataclass(slots=True)
class InlineScan:
    links: list[RawLink] = dc.field(default_factory=list)
    brackets: list[tuple[int, int]] = dc.field(default_factory=list)
    """Inner spans of `[...]` that are plain text, not links."""
    code_spans: list[tuple[int, int]] = dc.field(default_factory=list)
    problems: list[Problem] = dc.field(default_factory=list)

    def extend(self, other: InlineScan) -> None:
        self.links.extend(other.links)
        self.brackets.extend(other.brackets)
        self.code_spans.extend(other.code_spans)
        self.problems.extend(other.problems)


@dc.dataclass(frozen=True, slots=True)
class Reference:
    url: str
    url_start: int
    url_end: int


def _escaped(text: str, at: int) -> bool:
    """Whether the character at `at` follows an odd run of backslashes (`\\![` is no image)."""
    run = 0
    while at - run - 1 >= 0 and text[at - run - 1] == "\\":
        run += 1
    return run % 2 == 1


def normalize_label(label: str) -> str:
    return " ".join(label.split()).casefold()


def _line_end(text: str, pos: int, end: int) -> int:
    nl = text.find("\n", pos, end)
    return end if nl == -1 else nl


def _html_links(text: str, start: int, end: int, scan: InlineScan) -> None:
    for attr in _HTML_URL_ATTR.finditer(text, start, end):
        group = next(g for g in (1, 2, 3) if attr.group(g) is not None)
        scan.links.append(
            RawLink(
                start=attr.start(),
                end=attr.end(),
                text_start=attr.start(),
                text_end=attr.start(),
                url=attr.group(group),
                url_start=attr.start(group),
                url_end=attr.end(group),
                kind="html",
                image=attr.group(0)[:3].lower() == "src",  # <img src>, not a link to follow
            )
        )


def scan_html_block(text: str, start: int, end: int) -> InlineScan:
    """Find the href/src links in a raw HTML block."""
    scan = InlineScan()
    _html_links(text, start, end, scan)
    return scan


class _BacktickRuns:
    """The runs of backticks in a region by width, read once: a code span's closer is then
    looked up, not scanned for (runs of 1, 2, 3... backticks would make that quadratic)."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.by_width: dict[int, list[int]] = {}
        for run in _BACKTICKS.finditer(text, start, end):
            self.by_width.setdefault(run.end() - run.start(), []).append(run.start())

    def next_start(self, width: int, after: int) -> int | None:
        """The start of the first run of exactly `width` backticks at or after `after`."""
        starts = self.by_width.get(width)
        if not starts:
            return None
        index = bisect.bisect_left(starts, after)
        return starts[index] if index < len(starts) else None


def _scan_code_span(text: str, pos: int, end: int, scan: InlineScan, runs: _BacktickRuns) -> int:
    run = _BACKTICKS.match(text, pos, end)
    assert run is not None
    width = run.end() - pos
    closer = runs.next_start(width, run.end())
    if closer is None:
        return run.end()
    scan.code_spans.append((pos, closer + width))
    return closer + width


def _scan_angle(text: str, pos: int, end: int, scan: InlineScan) -> int:
    auto = _AUTOLINK.match(text, pos, end)
    if auto is not None:
        scan.links.append(
            RawLink(
                start=pos,
                end=auto.end(),
                text_start=auto.start(1),
                text_end=auto.end(1),
                url=auto.group(1),
                url_start=auto.start(1),
                url_end=auto.end(1),
                kind="autolink",
            )
        )
        return auto.end()
    email = _EMAIL_AUTOLINK.match(text, pos, end)
    if email is not None:
        return email.end()
    tag = _HTML_TAG.match(text, pos, end)
    if tag is not None:
        _html_links(text, tag.start(), tag.end(), scan)
        return tag.end()
    return pos + 1


class _Scanner:
    """One pass over an inline region; see `scan_inline`."""

    def __init__(
        self, text: str, start: int, end: int, references: Mapping[str, Reference]
    ) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.references = references
        self.scan = InlineScan()
        # [offset of "[", is image, still able to open a link]
        self.openers: list[list[int | bool]] = []
        self._settled = 0
        """openers[:_settled] have been switched off by a link already (if not images)."""
        self._runs: _BacktickRuns | None = None
        self._line: tuple[int, int] = (end, end)
        """The last line end found, and where the search for it started."""
        self._last_close: int | None = None
        """Where the region's last `-->` starts (-1: none), once a comment is seen."""
        self._markers: dict[int, int] = {}
        """Line end -> start of the line's last `](` or `(http`, -1 if none."""

    def line_end(self, pos: int) -> int:
        """The end of the line holding `pos` (or the region's end); remembered, because a
        long line may hold many problems."""
        found, searched_from = self._line
        if searched_from <= pos <= found:
            return found
        found = _line_end(self.text, pos, self.end)
        self._line = (found, pos)
        return found

    def run(self) -> InlineScan:
        text, end = self.text, self.end
        pos = self.start
        while True:
            match = _SPECIAL.search(text, pos, end)
            if match is None:
                break
            i = match.start()
            ch = text[i]
            if ch == "\\":
                pos = i + 2
            elif ch == "`":
                if self._runs is None:
                    self._runs = _BacktickRuns(text, self.start, end)
                pos = _scan_code_span(text, i, end, self.scan, self._runs)
            elif ch == "<":
                if text.startswith("<!--", i):
                    pos = self._skip_comment(i)
                else:
                    pos = _scan_angle(text, i, end, self.scan)
            elif ch == "[":
                image = i > self.start and text[i - 1] == "!" and not _escaped(text, i - 1)
                self.openers.append([i, image, True])
                pos = i + 1
            else:
                pos = self._close_bracket(i)
        self._report_unclosed_openers()
        return self.scan

    def _skip_comment(self, i: int) -> int:
        """Past an HTML comment at `i` (`<!-->`, `<!--->` or up to the first `-->`): no
        links in it. An unclosed one is text."""
        text = self.text
        for short in ("<!-->", "<!--->"):
            if text.startswith(short, i):
                return i + len(short)
        if self._last_close is None:
            self._last_close = text.rfind("-->", self.start, self.end)
        if self._last_close < i + 4:
            return i + 1
        return text.find("-->", i + 4, self.end) + 3

    def _close_bracket(self, i: int) -> int:
        text, end = self.text, self.end
        if not self.openers:
            if i + 1 < end and text[i + 1] == "(":
                self.scan.problems.append(
                    Problem(i, self.line_end(i), "`](` without a matching `[`")
                )
            return i + 1
        opener, image, active = self.openers.pop()
        self._settled = min(self._settled, len(self.openers))
        assert isinstance(opener, int)
        if not active:
            return i + 1
        start = opener - 1 if image else opener
        after = i + 1
        if i + 1 < end and text[i + 1] == "(":
            tail = parse_inline_tail(text, i + 1, end)
            if isinstance(tail, tuple):
                link_end = tail[2]
                self._add_link(start, link_end, opener, i, bool(image), "inline", tail)
                return link_end
            self.scan.problems.append(Problem(start, self.line_end(i), tail))
            fallback = reference_fallback(text, i + 1, end)
            if fallback is None:
                self.scan.brackets.append((opener + 1, i))
                return i + 1
            after = fallback
        reference = self._reference_after(opener, i, after)
        if reference is not None:
            ref, link_end = reference
            self._add_link(
                start,
                link_end,
                opener,
                i,
                bool(image),
                "reference",
                (ref.url_start, ref.url_end, link_end),
                url=ref.url,
            )
            return link_end
        self.scan.brackets.append((opener + 1, i))
        return i + 1

    def _reference_after(self, opener: int, close: int, after: int) -> tuple[Reference, int] | None:
        """The reference link `[text]` at `opener`..`close` makes, its second label (if any)
        looked for at `after`: right after `]`, or past a tail that did not parse."""
        if not self.references or close - opener > MAX_LABEL + 1:
            return None
        text, end = self.text, self.end
        label = text[opener + 1 : close]
        link_end = close + 1
        if after < end and text[after] == "[":
            label_end = text.find("]", after + 1, min(end, after + MAX_LABEL + 2))
            if label_end != -1:
                if label_end > after + 1:
                    label = text[after + 1 : label_end]
                link_end = label_end + 1
        ref = self.references.get(normalize_label(label))
        return None if ref is None else (ref, link_end)

    def _add_link(
        self,
        start: int,
        link_end: int,
        opener: int,
        close: int,
        image: bool,
        kind: str,
        tail: tuple[int, int, int],
        url: str | None = None,
    ) -> None:
        url_start, url_end, _ = tail
        self.scan.links.append(
            RawLink(
                start=start,
                end=link_end,
                text_start=opener + 1,
                text_end=close,
                url=self.text[url_start:url_end] if url is None else url,
                url_start=url_start,
                url_end=url_end,
                kind=kind,
                image=image,
            )
        )
        if not image:
            # CommonMark: links may not contain links, so earlier openers can no longer form one.
            for earlier in self.openers[self._settled :]:
                if not earlier[1]:
                    earlier[2] = False
            self._settled = len(self.openers)

    def _last_marker(self, line_end: int) -> int:
        """Where the last `](` or `(http` of the line ending at `line_end` starts, or -1."""
        found = self._markers.get(line_end)
        if found is None:
            line_start = self.text.rfind("\n", self.start, line_end) + 1
            line_start = max(line_start, self.start)
            found = max(
                self.text.rfind("](", line_start, line_end),
                self.text.rfind("(http", line_start, line_end),
            )
            self._markers[line_end] = found
        return found

    def _report_unclosed_openers(self) -> None:
        for opener, _image, active in self.openers:
            assert isinstance(opener, int)
            if not active:
                continue
            line_end = self.line_end(opener)
            if self._last_marker(line_end) >= opener:
                self.scan.problems.append(Problem(opener, line_end, "`[` is never closed"))


def scan_inline(
    text: str, start: int, end: int, references: Mapping[str, Reference] | None = None
) -> InlineScan:
    """Find links, plain bracketed text, code spans and broken link syntax in text[start:end]."""
    return _Scanner(text, start, end, references or {}).run()
