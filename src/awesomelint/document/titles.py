"""Where an entry's title is: the text that names the work, past badges and generic labels.

`Entry.title` documents the reading; `link_roles` says which links are badges and which link
texts are generic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from awesomelint.document.entry_text import plain
from awesomelint.document.html_syntax import TAG
from awesomelint.document.link_roles import generic_role, names_something
from awesomelint.document.model import Link, Span

# Bold text; it may run over a line break inside a paragraph, not over a blank line.
_STRONG = re.compile(
    r"\*\*(?=\S)((?:[^\n]|\n(?![ \t]*\n))+?)(?<=\S)\*\*"
    r"|__(?=\S)((?:[^\n]|\n(?![ \t]*\n))+?)(?<=\S)__"
)
_HTML_TAG = TAG
# A generic label before the title: "Paper: [Title](url)", "Project page - ...".
_LABEL = re.compile(r"([^\W\d_][^\W_]*(?:[ \t][^\W_]+){0,2})[ \t]*[:\uff1a]", re.UNICODE)
_SHORTCODE = re.compile(r":[a-z0-9_+\-]+:")  # an emoji shortcode such as :star:
_STOPS = "[*_`(\"'\\"
_SEPARATORS = (" - ", " \u2013 ", " \u2014 ", ": ", "<br")


_ALNUM = re.compile(r"[^\W_]")  # exactly the characters for which str.isalnum() holds


def _has_word(text: str, start: int, end: int) -> bool:
    return _ALNUM.search(text, start, end) is not None


def _inside(span: Span, links: Sequence[Link]) -> Link | None:
    return next(
        (link for link in links if link.span.start <= span.start and span.end <= link.span.end),
        None,
    )


def _bold_title(
    text: str, content: Span, links: Sequence[Link], labels: Sequence[tuple[int, int]]
) -> Span | None:
    """Bold text before the first naming link (or inside it) that names something itself:
    it has letters (`**[2024.05.01]**` is a date) and is not generic.

    Bold inside a leading bracketed label (`[**YOCO**] You Only Cache Once`) is a short name,
    not the title.
    """
    if (
        text.find("**", content.start, content.end) == -1
        and text.find("__", content.start, content.end) == -1
    ):
        return None
    naming = next((link for link in links if names_something(link)), None)
    limit = naming.span.start if naming is not None else content.end
    for strong in _STRONG.finditer(text, content.start, content.end):
        group = 1 if strong.group(1) is not None else 2
        span = Span(*strong.span(group))
        if any(a <= strong.start() and strong.end() <= b for a, b in labels):
            continue
        holder = _inside(span, links)
        if strong.start() > limit and (holder is None or holder is not naming):
            break
        if holder is not None and not names_something(holder):
            continue
        if holder is not None and holder.span == span:
            span = holder.text_span  # **[Title](url)**: the title is the link's text
        words = plain(text[span.start : span.end])
        if any(map(str.isalpha, words)) and generic_role(words) is None:
            return span
    return None


def _skip_decoration(
    text: str, start: int, end: int, links: Sequence[Link], brackets: Sequence[tuple[int, int]]
) -> int:
    """Past what comes before a title: spaces, badges, generic links, labels, emoji, tags.

    Emoji are any characters that are neither letters nor digits nor Markdown syntax, and
    GitHub's `:shortcode:` form.
    """
    at = {link.span.start: link for link in links}
    bracket_at = {inner - 1: close + 1 for inner, close in brackets}
    pos = start
    while pos < end:
        ch = text[pos]
        link = at.get(pos)
        if ch.isspace():
            pos += 1
        elif link is not None:
            if names_something(link):
                break
            pos = link.span.end
        elif pos in bracket_at and _has_word(text, bracket_at[pos], end):
            pos = bracket_at[pos]
        elif ch == "<" and (tag := _HTML_TAG.match(text, pos, end)) is not None:
            pos = tag.end()
        elif ch == ":" and (code := _SHORTCODE.match(text, pos, end)) is not None:
            pos = code.end()
        elif (label := _LABEL.match(text, pos, end)) is not None and generic_role(
            label.group(1)
        ) is not None:
            pos = label.end()
        elif not ch.isalnum() and ch not in _STOPS:
            pos += 1
        else:
            break
    return pos


def _lead_end(text: str, start: int, end: int, *, separators: bool) -> int:
    """End of the leading title text: before separators (in list items), trailing space cut."""
    for separator in _SEPARATORS if separators else _SEPARATORS[-1:]:
        found = text.find(separator, start, end)
        if found != -1:
            end = found
    while end > start and (text[end - 1].isspace() or text[end - 1] in "(["):
        end -= 1
    return end


def find_title(
    text: str,
    content: Span,
    links: Sequence[Link],
    brackets: Sequence[tuple[int, int]] = (),
    *,
    cell: bool = False,
) -> Span | None:
    """Where the entry's title is in text[content]; see `Entry.title`.

    `links` are the links inside `content`, `brackets` the inner spans of its plain bracketed
    labels; `cell` reads a table cell, which is not cut at separators.
    """
    labels = [(a, b) for a, b in brackets if _has_word(text, b + 1, content.end)]
    bold = _bold_title(text, content, links, labels)
    if bold is not None:
        return bold
    start = _skip_decoration(text, content.start, content.end, links, brackets)
    for link in links:
        if link.span.start == start and names_something(link):
            return link.text_span
    end = next((link.span.start for link in links if link.span.start >= start), content.end)
    bracket = text.find("[", start, end)
    if bracket != -1:
        end = bracket
    end = _lead_end(text, start, end, separators=not cell)
    return Span(start, end) if end > start and _has_word(text, start, end) else None
