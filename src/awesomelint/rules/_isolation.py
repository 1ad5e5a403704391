"""Checking deletions: does the rest of the section still parse the same without them?

Each check parses a window of the text twice. The windows a document's checks may parse add
up to at most `BUDGET_PER_CHAR` times its length (plus `BUDGET_BASE`): past that, deletions
are not offered as fixes, so that a file of very many deletable entries (a hostile one, say:
a table of thousands of copies) costs time in proportion to its size. Real lists stay far
below it.
"""

from __future__ import annotations

import bisect
import dataclasses as dc
import functools
import re
from collections import Counter
from collections.abc import Sequence

from awesomelint.diagnostics import Edit, Fix, OverlappingEdits, apply_edits
from awesomelint.document.model import Document, Entry, EntryKind, Span
from awesomelint.document.parse import parse_text

BUDGET_PER_CHAR = 4
BUDGET_BASE = 256 * 1024
_KEPT_STATES = 8
_BLANK_LINE = re.compile(r"\n[ \t]*(?:\n|$)")
_TEXT_LINE = re.compile(r"^([ \t>]*)[^ \t>\n]", re.MULTILINE)


@dc.dataclass(slots=True)
class _State:
    """What the checks on one document share."""

    budget: int
    first_rows: dict[int, int] = dc.field(default_factory=dict)
    """A table row's start -> the index of its table's first row among its section's entries."""


_STATES: dict[int, tuple[Document, _State]] = {}
"""id(document) -> the document and its state, for the last few documents."""


def _state(doc: Document) -> _State:
    held = _STATES.get(id(doc))
    if held is None or held[0] is not doc:
        while len(_STATES) >= _KEPT_STATES:
            del _STATES[next(iter(_STATES))]
        held = _STATES[id(doc)] = (doc, _State(BUDGET_PER_CHAR * len(doc.text) + BUDGET_BASE))
    return held[1]


def _spend(doc: Document, amount: int) -> bool:
    """Take `amount` from the document's budget. When it is short, the budget is used up: no
    window is looked for again (finding one costs about its length too)."""
    state = _state(doc)
    if state.budget < amount:
        state.budget = 0
        return False
    state.budget -= amount
    return True


@dc.dataclass(frozen=True, slots=True)
class _Window:
    """The text around an entry that deleting it takes along."""

    span: Span
    """The part of the text a cut can affect."""
    prefix: str = ""
    """Text to parse before it, for context: a table's header and delimiter rows."""


@dc.dataclass(frozen=True, slots=True)
class _Shape:
    """The entries and links of a text, compared before and after a deletion."""

    entries: tuple[tuple[Span, str], ...]
    """Each entry's span and its own text."""
    links: tuple[tuple[Span, str], ...]
    """Each link's span and destination, and each reference definition's."""
    contents: tuple[Span, ...]
    """Each entry's content span, in the order of `entries`."""
    sections: int


@functools.lru_cache(maxsize=4096)
def _shape(text: str) -> _Shape:
    """The entries and links of `text`; cached, since one section often has several cuts and
    each pass of `fix` asks again about the sections it did not change."""
    doc = parse_text(text).document
    return _Shape(
        entries=tuple(
            (e.span, doc.text[e.content_span.start : e.content_span.end]) for _, e in doc.entries()
        ),
        links=tuple((link.span, link.url) for link in doc.links)
        + tuple((definition.span, definition.url) for definition in doc.definitions),
        contents=tuple(e.content_span for _, e in doc.entries()),
        sections=sum(1 for _ in doc.walk_sections()),
    )


def _outside(items: tuple[tuple[Span, str], ...], cut: Edit | None) -> Counter[str]:
    if cut is None:
        return Counter(value for _, value in items)
    return Counter(
        value for span, value in items if not (cut.start <= span.start and span.end <= cut.end)
    )


def _window(doc: Document, edit: Edit) -> _Window:
    """The text a cut can affect: from the top-level entry before it to the one after.

    A list item's deletion changes at most how its neighbours parse: the entry before it (or,
    for a first item, the paragraph before the list) and what follows it, up to the entry after
    next (the next one's nested items and lazy lines included). For a first entry, or one of
    the last two, the window runs to the section's edge. Table rows: see `_table_window`.
    """
    section = doc.section_at(edit.start)
    scope = section.span
    entries = section.entries
    cut = edit.start
    while cut < edit.end and doc.text[cut] in " \t\n>|":  # to the entry's first character
        cut += 1
    index = _entry_at(entries, cut)
    if index is None:
        return _Window(Span(scope.start, _past_the_edge(doc, scope.end)))
    if entries[index].kind is EntryKind.TABLE_ROW:
        return _table_window(doc, entries, index, scope)
    start = entries[index - 1].span.start if index > 0 else scope.start
    start = doc.text.rfind("\n", 0, start) + 1
    prefix = ""
    if index > 0 and entries[index - 1].kind is EntryKind.TABLE_ROW:
        # The row before is read as a row only after its table's header: without it, the
        # window would not see a line below the cut become a row of that table.
        header = _table_header(doc, entries, index - 1, scope)
        if header is None:
            return _Window(Span(scope.start, _past_the_edge(doc, scope.end)))
        prefix = header
    if index + 2 < len(entries) and not _deeper_below(doc, edit):
        # To the line before the entry after next: the next entry, with its nested items and
        # any line that may become its lazy continuation.
        end = doc.text.rfind("\n", 0, entries[index + 2].span.start) + 1
    else:
        end = _past_the_edge(doc, scope.end)
    return _Window(Span(start, max(end, edit.end)), prefix)


def _deeper_below(doc: Document, edit: Edit) -> bool:
    """Whether the first line with text after the cut is indented deeper than the cut's first
    line: lines that the cut may give another parent (the item before it), and with them
    every line after them in the list."""
    below = _TEXT_LINE.search(doc.text, edit.end)
    if below is None:
        return False
    here = _TEXT_LINE.match(doc.text, edit.start)
    return here is None or len(below.group(1)) > len(here.group(1))


def _past_the_edge(doc: Document, end: int) -> int:
    """`end`, a section's end, moved to the next blank line: a cut near the end of a section
    can make the lines after it, up to a blank line, join a paragraph or a table above, the
    first line of a setext heading included."""
    if end >= len(doc.text):
        return end
    blank = _BLANK_LINE.search(doc.text, max(end - 1, 0))
    return len(doc.text) if blank is None else blank.start() + 1


def _entry_at(entries: tuple[Entry, ...], cut: int) -> int | None:
    """The index of the entry that starts at or holds offset `cut` (entries are in order)."""
    index = bisect.bisect_right(entries, cut, key=lambda e: e.span.start) - 1
    if index >= 0 and (entries[index].span.start == cut or cut < entries[index].span.end):
        return index
    return None


def _line(doc: Document, entry: Entry) -> int:
    """The 0-based line an entry starts on."""
    return doc.position(entry.span.start)[0] - 1


def _same_table(doc: Document, upper: Entry, lower: Entry) -> bool:
    """Whether two table rows, `upper` before `lower`, are consecutive lines of one table."""
    return (
        upper.kind is lower.kind is EntryKind.TABLE_ROW
        and _line(doc, lower) == _line(doc, upper) + 1
    )


def _first_row(doc: Document, entries: tuple[Entry, ...], index: int) -> int:
    """The index of the first row of the table that has entries[index]; remembered, so that
    the rows of a long table are walked back over once, not once for each cut."""
    known = _state(doc).first_rows
    first = index
    while first > 0 and _same_table(doc, entries[first - 1], entries[first]):
        earlier = known.get(entries[first - 1].span.start)
        if earlier is not None:
            first = earlier
            break
        first -= 1
    known[entries[index].span.start] = first
    return first


def _table_header(doc: Document, entries: tuple[Entry, ...], index: int, scope: Span) -> str | None:
    """The header and delimiter rows of the table that has the row entries[index]; None when
    they are not in the section."""
    header = _line(doc, entries[_first_row(doc, entries, index)]) - 2
    if header < 0 or doc.lines.line_start(header) < scope.start:
        return None
    return doc.text[doc.lines.line_start(header) : doc.lines.line_start(header + 2)]


def _table_window(doc: Document, entries: tuple[Entry, ...], index: int, scope: Span) -> _Window:
    """A table row's window: the rows before and after it (to the section's end for a last
    row), parsed after the table's header and delimiter rows. A row does not change how the
    rows further away parse; the header and delimiter rows make the lines a table at all."""
    prefix = _table_header(doc, entries, index, scope)
    if prefix is None:
        return _Window(Span(scope.start, _past_the_edge(doc, scope.end)))
    first = _first_row(doc, entries, index)
    lines = doc.lines
    start = lines.line_start(_line(doc, entries[max(first, index - 1)]))
    following = index + 1 < len(entries) and _same_table(doc, entries[index], entries[index + 1])
    end = entries[index + 1].span.end if following else _past_the_edge(doc, scope.end)
    return _Window(Span(start, end), prefix)


def _windowed(doc: Document, edit: Edit) -> tuple[str, Edit] | None:
    """The text of the edit's window and the edit within it; None when the document's budget
    cannot pay for parsing it twice."""
    if _state(doc).budget <= 0:
        return None
    window = _window(doc, edit)
    scope, prefix = window.span, window.prefix
    if not (scope.start <= edit.start and edit.end <= scope.end):
        scope, prefix = Span(0, len(doc.text)), ""
    if not _spend(doc, 2 * (len(prefix) + scope.end - scope.start)):
        return None
    shift = len(prefix) - scope.start
    return prefix + doc.text[scope.start : scope.end], Edit(edit.start + shift, edit.end + shift)


def _keeps_the_rest(doc: Document, edit: Edit, removed: int) -> bool:
    """Whether the cut removes `removed` entries and every other entry and link is kept."""
    windowed = _windowed(doc, edit)
    if windowed is None:
        return False
    text, local = windowed
    before = _shape(text)
    kept_entries = _outside(before.entries, local)
    if len(before.entries) - sum(kept_entries.values()) != removed:
        return False
    after = _shape(apply_edits(text, [local]))
    return (
        before.sections == after.sections
        and kept_entries == _outside(after.entries, None)
        and _outside(before.links, local) == _outside(after.links, None)
    )


def keeps_the_rest(doc: Document, fix: Fix) -> bool:
    """Whether `fix` (one deletion) leaves every other entry's text and every link as it was."""
    if len(fix.edits) != 1 or fix.edits[0].text:
        return False
    try:
        return _keeps_the_rest(doc, fix.edits[0], fix.removes_entries)
    except OverlappingEdits:
        return False


def cut_keeps_the_rest(doc: Document, edit: Edit) -> bool:
    """Whether deleting `edit` (text that is no entry of its own, such as a comment) leaves
    every entry and every link as it was, the entries that held the cut less its text."""
    windowed = None if edit.text or edit.start >= edit.end else _windowed(doc, edit)
    if windowed is None:
        return False
    text, local = windowed
    before, after = _shape(text), _shape(apply_edits(text, [local]))
    expected = Counter(_less(text, content, local).strip(" \t") for content in before.contents)
    found = Counter(value.strip(" \t") for _, value in after.entries)
    return (
        before.sections == after.sections
        and expected == found
        and _outside(before.links, local) == _outside(after.links, None)
    )


def _less(text: str, content: Span, cut: Edit) -> str:
    """The content's text without the part of it that `cut` deletes."""
    start, end = max(content.start, cut.start), min(content.end, cut.end)
    if start >= end:
        return text[content.start : content.end]
    return text[content.start : start] + text[end : content.end]


def _outside_cuts(items: tuple[tuple[Span, str], ...], cuts: Sequence[Edit]) -> Counter[str]:
    """The values of `items` not wholly inside one of `cuts` (sorted, not overlapping)."""
    starts = [cut.start for cut in cuts]
    kept: Counter[str] = Counter()
    for span, value in items:
        at = bisect.bisect_right(starts, span.start) - 1
        if at < 0 or span.end > cuts[at].end:
            kept[value] += 1
    return kept


def keep_the_rest_together(doc: Document, fixes: Sequence[Fix]) -> bool:
    """Whether deleting with all `fixes` at once leaves every other entry's text and every
    link as it was, and removes as many entries as they declare.

    Each deletion was checked alone; together, two cuts in one list can change how the lines
    between them parse. The check covers every section the cuts are in.
    """
    cuts = sorted(edit for fix in fixes for edit in fix.edits)
    if any(cut.text for cut in cuts):
        return False
    sections = [doc.section_at(cut.start).span for cut in cuts]
    scope = Span(min(s.start for s in sections), max(s.end for s in sections))
    if not (scope.start <= cuts[0].start and max(cut.end for cut in cuts) <= scope.end):
        scope = Span(0, len(doc.text))
    text = doc.text[scope.start : scope.end]
    local = [Edit(cut.start - scope.start, cut.end - scope.start) for cut in cuts]
    try:
        cut_text = apply_edits(text, local)
    except OverlappingEdits:
        return False
    before = _shape(text)
    kept_entries = _outside_cuts(before.entries, local)
    removed = sum(fix.removes_entries for fix in fixes)
    if len(before.entries) - sum(kept_entries.values()) != removed:
        return False
    after = _shape(cut_text)
    return (
        before.sections == after.sections
        and kept_entries == _outside(after.entries, None)
        and _outside_cuts(before.links, local) == _outside(after.links, None)
    )
