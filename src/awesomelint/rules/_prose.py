"""The words of a document's prose: what is never prose (code, link targets, HTML, paths,
front matter keys) blanked out with offsets kept, and each word's place, sentence start and
link."""

from __future__ import annotations

import bisect
import dataclasses as dc
import functools
import re
from collections.abc import Iterable

from awesomelint.document.model import Document, Link, LinkKind
from awesomelint.knowledge.venue_mentions import shadowed_definitions

PROSE_KEYS = frozenset({"title", "description", "tags", "categories", "summary", "excerpt"})
# What is never prose, as alternatives of one pattern, each with a string that any match of
# it contains: an alternative whose string is not in the text is left out of the pattern.
# (HTML comments are found apart, with str.find: a pattern for them would scan to the end of
# the text from every unclosed "<!--".)
_HIDDEN_PARTS = (
    ("<", r"</?[A-Za-z][^<>]*>"),
    ("://", r"\b(?:https?|ftp)://\S+"),
    ("www.", r"\bwww\.\S+"),
    # Text with an "@" in it, to the end of its run of non-space: an e-mail address or handle.
    # (As `\S+@\S+`, but checking once for the "@" instead of backtracking for it, and only
    # where a run, or its part after an "@" or a tag's ">", starts: from every character of
    # a long run the look-ahead would read the run again.)
    ("@", r"(?<![^\s@>])\S(?=[^\s@]*+@\S)\S*"),
    ("]:", r"^ {0,3}\[(?:[^\]\\\n]|\\.)+\]:[^\n]*"),  # a link reference definition
)
# Paths, domains and file names ("owner/repo", "nnsight.net") once the URLs are gone: each
# whole run of non-space with a word character, a "/", "." or "\" and a word character in it.
# The "/", "." or "\" between two letters or digits (matched first: it is rarer than a word);
# not "Welleck._", the end of a name in italics.
_PATH_MARK = re.compile(r"[/.\\](?<=[^\W_][/.\\])(?=[^\W_])")
_RUN = re.compile(r"\S+")
TOKEN = re.compile("(\\w+)(?:['\u2019]\\w+)*")
"""A word; the group is the part before any apostrophe ("don" of "don't")."""
_WORD_CHAR = re.compile(r"\w")
_NEWLINE = re.compile("\n")
_NOT_NEWLINE = re.compile("[^\n]")
_BOUNDARY = frozenset(".!?:;-\u2013\u2014|([>#")
_SKIPPED = frozenset(" \t*_~\"'\u201c\u2018")
FEW_HEADS = 16
"""Up to this many words are looked for with str.find, each over the whole text."""
ASKS_BEFORE_AN_INDEX = 16
"""After this many questions, `Words.places` indexes every word's places in one pass."""


@dc.dataclass(frozen=True, slots=True)
class Word:
    """A word of prose and where it stands."""

    text: str
    start: int
    at_start: bool
    """First word of a sentence, heading, title or list item."""
    link: Link | None
    """The link whose text the word is in."""
    tail: str = ""
    """What follows the word's first part in its token: "'t" of "wasn't", "'s"."""


def _hidden_spans(doc: Document) -> list[tuple[int, int]]:
    """What is never prose: front matter other than its prose values, code, link targets."""
    spans: list[tuple[int, int]] = []
    front = doc.front_matter
    if front is not None:
        start = front.span.start
        values = sorted(
            (field.value_span.start, field.value_span.end)
            for field in front.fields
            if field.key.lower() in PROSE_KEYS
        )
        for value_start, value_end in values:
            spans.append((start, max(start, value_start)))
            start = max(start, value_end)
        spans.append((start, front.span.end))
    spans.extend((span.start, span.end) for span in doc.code_spans)
    spans.extend((link.url_span.start, link.url_span.end) for link in doc.links)
    # Labels are no prose: renaming one would break a link or define a new label.
    spans.extend((d.span.start, d.span.end) for d in doc.definitions)
    spans.extend(shadowed_definitions(doc))
    # A full reference's label (`[text][label]`); a shortcut's text is its label too, and is
    # reported without a fix (`misspelling`).
    text = doc.text
    spans.extend(
        (link.text_span.end, link.span.end)
        for link in doc.links
        if link.kind is LinkKind.REFERENCE
        and text[link.text_span.end : link.span.end] not in ("]", "][]")
    )
    return spans


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with every span replaced by as many spaces, its line breaks kept."""
    pieces: list[str] = []
    done = 0
    for start, end in sorted(spans):
        if end <= done:
            continue
        start = max(start, done)
        if start < end:
            part = text[start:end]
            # Line breaks stay: a blanked front matter or code block still ends its line, so
            # a definition after it still starts one.
            blank = _NOT_NEWLINE.sub(" ", part) if "\n" in part else " " * (end - start)
            pieces += (text[done:start], blank)
            done = end
    pieces.append(text[done:])
    return "".join(pieces)


@functools.lru_cache(maxsize=64)  # 2 ** len(_HIDDEN_PARTS): every choice of parts
def _hidden_pattern(parts: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(parts), re.DOTALL | re.MULTILINE)


def _path_spans(text: str) -> list[tuple[int, int]]:
    """The runs of non-space that look like a path, a domain or a file name."""
    spans: list[tuple[int, int]] = []
    done = 0
    for mark in _PATH_MARK.finditer(text):
        at = mark.start()
        if at < done:
            continue
        # The run around the mark: back to the space before it (never into an earlier run
        # already taken, so each character is read once), on to the space after it.
        start = at
        while start > done and not text[start - 1].isspace():
            start -= 1
        run = _RUN.match(text, at)
        done = run.end() if run is not None else at + 1
        spans.append((start, done))
    return spans


def _comment_spans(text: str) -> list[tuple[int, int]]:
    """HTML comments, `<!--` to the first `-->` after it."""
    spans: list[tuple[int, int]] = []
    at = text.find("<!--")
    while at != -1:
        close = text.find("-->", at + 4)
        if close == -1:
            break
        spans.append((at, close + 3))
        at = text.find("<!--", close + 3)
    return spans


def visible_prose(doc: Document) -> str:
    """doc.text with everything that is not prose replaced by spaces (offsets kept)."""
    text = _blank_spans(doc.text, _hidden_spans(doc))
    if "<!--" in text:
        text = _blank_spans(text, _comment_spans(text))
    parts = tuple(part for literal, part in _HIDDEN_PARTS if literal in text)
    if parts:
        hidden = _hidden_pattern(parts)
        text = _blank_spans(text, [m.span() for m in hidden.finditer(text)])
    return _blank_spans(text, _path_spans(text))


def line_around(text: str, offset: int) -> tuple[str, int]:
    """The line of `text` that holds `offset`, and the offset within it."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start : len(text) if end == -1 else end], offset - start


def _at_start(text: str, start: int) -> bool:
    pos = start - 1
    while pos >= 0 and text[pos] in _SKIPPED:
        pos -= 1
    return pos < 0 or text[pos] == "\n" or text[pos] in _BOUNDARY


class Words:
    """The words of a document's prose. Only their text is listed up front; the place of a
    word is looked for when it may be misspelt, and its neighbours on its line with it."""

    def __init__(self, doc: Document, text: str) -> None:
        self.doc = doc
        self.text = text
        self.tokens: list[str] = TOKEN.findall(text)
        """Each word's part before any apostrophe, in order."""
        self._lines: dict[int, tuple[list[Word], list[int]]] = {}
        self._places_asked = 0

    @functools.cached_property
    def link_starts(self) -> list[int]:
        return [link.text_span.start for link in self.doc.links]

    @functools.cached_property
    def _newlines(self) -> list[int]:
        return [m.start() for m in _NEWLINE.finditer(self.text)]

    @functools.cached_property
    def heads(self) -> frozenset[str]:
        """Each word's part before any apostrophe, once, as written."""
        return frozenset(self.tokens)

    def line_around(self, offset: int) -> tuple[str, int]:
        return line_around(self.text, offset)

    def _is_word_start(self, start: int, end: int) -> bool:
        """Whether text[start:end], all word characters, is a whole token's first part."""
        text = self.text
        if _WORD_CHAR.match(text, end):
            return False
        if start == 0 or _WORD_CHAR.match(text, start - 1):
            return start == 0
        return not (
            text[start - 1] in "'\u2019" and start >= 2 and _WORD_CHAR.match(text, start - 2)
        )

    @functools.cached_property
    def _by_lower(self) -> dict[str, list[str]]:
        by_lower: dict[str, list[str]] = {}
        for head in self.heads:
            by_lower.setdefault(head.lower(), []).append(head)
        return by_lower

    def spellings(self, lower: str) -> list[str]:
        """The heads that are `lower` in some case ("Mor" and "MOR" for "mor")."""
        return self._by_lower.get(lower, [])

    def has(self, head: str) -> bool:
        """Whether a word whose text is `head` (in that case) is in the prose."""
        return head in self.heads

    def places(self, heads: Iterable[str]) -> list[int]:
        """Where the words whose text is one of `heads` start, in order."""
        heads = frozenset(heads)
        self._places_asked += 1
        if self._places_asked > ASKS_BEFORE_AN_INDEX or "_starts" in self.__dict__:
            # Asked often: every word's places, found in one pass and kept.
            starts = self._starts
            found = [at for head in heads for at in starts.get(head, ())]
            return sorted(found) if len(heads) > 1 else found
        if len(heads) > FEW_HEADS:  # one pass over the text instead of one for each
            return [m.start() for m in TOKEN.finditer(self.text) if m[1] in heads]
        found = []
        for head in heads:
            at = self.text.find(head)
            while at != -1:
                if self._is_word_start(at, at + len(head)):
                    found.append(at)
                at = self.text.find(head, at + 1)
        return sorted(found)

    @functools.cached_property
    def _starts(self) -> dict[str, list[int]]:
        starts: dict[str, list[int]] = {}
        for m in TOKEN.finditer(self.text):
            starts.setdefault(m[1], []).append(m.start())
        return starts

    def word_at(self, start: int) -> tuple[list[Word], int]:
        """The words of the line that has the word starting at `start`, and its index there.

        Lines are read once: a long line may hold very many words to look at."""
        line = bisect.bisect_left(self._newlines, start)
        cached = self._lines.get(line)
        if cached is None:
            line_start = self._newlines[line - 1] + 1 if line else 0
            line_end = self._newlines[line] if line < len(self._newlines) else len(self.text)
            words = [
                self._word(m[1], m.start(), m[0][len(m[1]) :])
                for m in TOKEN.finditer(self.text, line_start, line_end)
            ]
            cached = self._lines[line] = (words, [word.start for word in words])
        words, starts = cached
        index = bisect.bisect_left(starts, start)
        if index == len(starts) or starts[index] != start:
            raise ValueError(f"no word starts at offset {start}")
        return words, index

    def _word(self, head: str, start: int, tail: str) -> Word:
        return Word(head, start, _at_start(self.text, start), self.link_at(start), tail)

    def link_at(self, offset: int) -> Link | None:
        """The link whose text holds `offset`."""
        index = bisect.bisect_right(self.link_starts, offset) - 1
        link = self.doc.links[index] if index >= 0 else None
        return link if link is not None and link.text_span.contains(offset) else None

    def head_at(self, start: int) -> str:
        """The text, before any apostrophe, of the word that starts at `start`."""
        found = TOKEN.match(self.text, start)
        if found is None:
            raise ValueError(f"no word starts at offset {start}")
        return found[1]

    def place_key(self, start: int) -> tuple[str, int, bool, str | None]:
        """All that a word's place tells about it: its line and its offset there, whether it
        is in a title, and the URL of the link whose text holds it."""
        link = self.link_at(start)
        return (*self.line_around(start), self.in_title(start), None if link is None else link.url)

    @functools.cached_property
    def _titles(self) -> tuple[list[int], list[int]]:
        spans = sorted(
            (entry.title_span.start, entry.title_span.end)
            for section in self.doc.sections
            for top in section.walk()
            for root in top.entries
            for entry in root.walk()
            if entry.title_span is not None
        )
        return [start for start, _ in spans], [end for _, end in spans]

    def in_title(self, offset: int) -> bool:
        """Whether `offset` is in an entry's title."""
        starts, ends = self._titles
        index = bisect.bisect_right(starts, offset) - 1
        return index >= 0 and offset < ends[index]
