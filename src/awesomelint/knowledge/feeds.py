"""Parts of a list that report events rather than list resources: news feeds and changelogs.

A news line ("[2024/05/02] Our paper X was accepted") names a paper that the list also lists
as an entry, and two news lines often name one paper; neither is a repeat a maintainer would
remove. A section is a feed when its heading, emoji and punctuation aside, is made only of
feed words ("News", "📢 Latest Updates", "What's new", "Changelog", "Release notes"); its
subsections are too. A list item is a news line when it opens with a full date (year, month
and day: `[2024/06/07]`, `**[2026.05.27]**`, `2024-06-07:`, `April 15, 2025:`); a month
alone (`[2023/05]`) is how many lists date their papers, so it does not count.
"""

from __future__ import annotations

import re

from awesomelint.document.model import Document, Entry, EntryKind, Section

_FEED_WORDS = frozenset(
    [
        "news",
        "updates",
        "update",
        "changelog",
        "changelogs",
        "change",
        "changes",
        "log",
        "logs",
        "history",
        "what",
        "whats",
        "s",
        "new",
        "release",
        "releases",
        "notes",
        "announcement",
        "announcements",
        "latest",
        "recent",
        "and",
        "the",
    ]
)
_FEED_CORE = frozenset(
    [
        "news",
        "updates",
        "update",
        "changelog",
        "changelogs",
        "changes",
        "log",
        "new",
        "releases",
        "announcement",
        "announcements",
    ]
)
_HEADING_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"  # "April", "Sep."
_FULL_DATE = (
    r"(?:\d{4}[./\-]\d{1,2}[./\-]\d{1,2}"
    rf"|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{_MONTHS}\s+\d{{4}})"
)
# Decoration before the date (emoji, bold, brackets), then the date and what ends a label.
_NEWS_LEAD = re.compile(
    rf"^[^\w\[(*_]*[\[(*_]*\s*{_FULL_DATE}(?=[\])*_:\s,\-]|$)", re.IGNORECASE | re.UNICODE
)


def is_feed_heading(title: str) -> bool:
    """Whether a heading names a news feed or a changelog."""
    words = [word.casefold() for word in _HEADING_WORD.findall(title)]
    return bool(words) and set(words) <= _FEED_WORDS and bool(set(words) & _FEED_CORE)


def is_news_line(doc: Document, entry: Entry) -> bool:
    """Whether a list item opens with a full date, as a news line does."""
    if entry.kind is not EntryKind.LIST_ITEM:
        return False
    start = entry.content_span.start
    lead = doc.text[start : min(entry.content_span.end, start + 80)]
    return _NEWS_LEAD.match(lead) is not None


def feed_sections(doc: Document) -> set[int]:
    """Positions, in `doc.walk_sections()` order, of the sections that are feeds."""
    found: set[int] = set()
    index = 0

    def visit(section: Section, inherited: bool) -> None:
        nonlocal index
        feed = inherited or (section.level > 0 and is_feed_heading(section.title))
        if feed:
            found.add(index)
        index += 1
        for sub in section.subsections:
            visit(sub, feed)

    for root in doc.sections:
        visit(root, False)
    return found
