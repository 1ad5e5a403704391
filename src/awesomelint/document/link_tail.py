"""The tail of an inline link, `(destination "title")` after its `]`: CommonMark's rules
(spec 6.5), with markdown-it's bound on nested parentheses so that each scan is bounded."""

from __future__ import annotations

import re

# A destination with no parentheses, escapes, spaces or controls: the common case, in one match.
_PLAIN_DESTINATION = re.compile(r"[^ \x01-\x1f\x7f()\\]*")
WHITESPACE = " \t\n"
MAX_PAREN_DEPTH = 32
"""Parentheses nested deeper than this end a destination, as in markdown-it (and cmark): an
unclosed destination is then given up after a bounded scan, not at the end of the text."""


def _skip_space(text: str, pos: int, end: int) -> int:
    """Skip spaces and tabs and at most one line ending, as CommonMark allows inside links."""
    newline_seen = False
    while pos < end and text[pos] in WHITESPACE:
        if text[pos] == "\n":
            if newline_seen:
                break
            newline_seen = True
        pos += 1
    return pos


def _ends_destination(ch: str) -> bool:
    """A space or an ASCII control character (DEL too) ends a destination; NUL does not,
    since markdown-it reads it as U+FFFD."""
    return (ch <= " " and ch != "\x00") or ch == "\x7f"


def _parse_destination(text: str, pos: int, end: int) -> tuple[int, int, int] | None:
    """Parse a destination at `pos`; return (url_start, url_end, next_pos) or None."""
    if pos < end and text[pos] == "<":
        q = pos + 1
        while q < end:
            ch = text[q]
            if ch == "\\" and q + 1 < end:
                q += 2
                continue
            if ch == ">":
                return pos + 1, q, q + 1
            if ch in "<\n":
                return None
            q += 1
        return None
    fast = _PLAIN_DESTINATION.match(text, pos, end)
    q = fast.end() if fast is not None else pos
    if q >= end or text[q] == ")" or _ends_destination(text[q]):
        return pos, q, q
    q = pos
    depth = 0
    while q < end:
        ch = text[q]
        if ch == "\\" and q + 1 < end:
            # As markdown-it reads it: a backslash takes the next character along, but a
            # backslash before a space ends the destination.
            if text[q + 1] == " ":
                break
            q += 2
            continue
        if _ends_destination(ch):
            break
        if ch == "(":
            depth += 1
            if depth > MAX_PAREN_DEPTH:
                return None
        elif ch == ")":
            if depth == 0:
                break
            depth -= 1
        q += 1
    if depth != 0:
        return None
    return pos, q, q


def _parse_title(text: str, pos: int, end: int) -> int | None:
    """Parse a link title at `pos`; return the offset after it, or None."""
    closer = {'"': '"', "'": "'", "(": ")"}[text[pos]]
    q = pos + 1
    while q < end:
        ch = text[q]
        if ch == "\\":
            q += 2
            continue
        if ch == closer:
            return q + 1
        if closer == ")" and ch == "(":
            return None
        q += 1
    return None


def parse_inline_tail(text: str, pos: int, end: int) -> tuple[int, int, int] | str:
    """Parse `(dest "title")` starting at the `(` at `pos`.

    Returns (url_start, url_end, end_of_link), or a reason why it is not a link.
    """
    return _read_tail(text, pos, end)[0]


def _read_tail(text: str, pos: int, end: int) -> tuple[tuple[int, int, int] | str, int]:
    """`parse_inline_tail`'s answer, and the offset where its scan stopped."""
    q = _skip_space(text, pos + 1, end)
    dest = _parse_destination(text, q, end)
    if dest is None:
        return "the link destination is never closed", q
    url_start, url_end, q = dest
    after_dest = q
    q = _skip_space(text, q, end)
    if q < end and text[q] in "\"'(" and q > after_dest:
        title_end = _parse_title(text, q, end)
        if title_end is None:
            return "the link title is never closed", q
        q = _skip_space(text, title_end, end)
    if q < end and text[q] == ")":
        return (url_start, url_end, q + 1), q
    if q < end and text[q] not in WHITESPACE:
        return "the link destination contains a space", q
    return "the link destination is never closed", q


def reference_fallback(text: str, pos: int, end: int) -> int | None:
    """Where markdown-it looks for a `[label]` when the inline tail at `pos` (its `(`) does not
    parse: one past where the tail stopped, so `[S](x [[N]]` is a reference to `N` through
    `[N]`. None when the text ends inside the tail's opening, where markdown-it reads no link
    at all."""
    if _skip_space(text, pos + 1, end) >= end:
        return None
    return _read_tail(text, pos, end)[1] + 1
