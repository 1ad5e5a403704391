"""Parsing again after a pass of fixes gives the very model a whole parse gives.

`fixing.reparse` parses only the segments (between top-level headings) that edits touched and
moves the rest; a model that differed from a whole parse would make the next pass see a text
that is not there. Each case compares the two on real lists and fixtures, with the edits a
fix run makes and with edits that change how far a block reaches: a fence or an HTML comment
left open, a heading turned into text, a line that underlines the one above, a reference
definition, front matter.
"""

from __future__ import annotations

import dataclasses as dc
import random
from pathlib import Path

import pytest

from awesomelint.diagnostics import Edit, apply_edits
from awesomelint.document.parse import ParsedDocument, parse_source, parse_text
from awesomelint.document.source import Source, read
from awesomelint.engine import Checker
from awesomelint.fixing import reparse as reparse_module
from awesomelint.fixing.reparse import reparse
from awesomelint.rules import ALL_RULES

ROOT = Path(__file__).parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
FILES = sorted(
    [
        *(ROOT / "tests" / "fixtures" / "seeds").glob("*.md"),
        *(ROOT / "lists").glob("*.md"),
        *(ROOT / "tests" / "fixtures" / "rules").glob("*.md"),
    ]
)
REAL = sorted(path for path in CORPUS.glob("*.md") if path.name != "README.md")
RULES = tuple(rule for rule in ALL_RULES if not rule.needs_network)

INSERTS = (
    "```\n",
    "<!--\n",
    "-->\n",
    "# New heading\n",
    "\n",
    "---\n",
    "===\n",
    "    indented\n",
    "> quoted\n",
    "- [A new entry](https://example.org/new)\n",
    "| a | b |\n|---|---|\n",
    "[ref]: https://example.org/ref\n",
    "[x](https://example.org/x) ",
    "<details>\n",
    "1. ",
    "#",
    " ",
)


def assert_same(quick: ParsedDocument, whole: ParsedDocument) -> None:
    a, b = quick.document, whole.document
    for field in dc.fields(a):
        if field.name in ("lines", "_by_start"):
            continue
        assert getattr(a, field.name) == getattr(b, field.name), field.name
    assert [a.lines.line_start(i) for i in range(a.lines.count)] == [
        b.lines.line_start(i) for i in range(b.lines.count)
    ]
    assert quick.problems == whole.problems
    # Links shared between the document and its entries stay shared.
    ids = {id(link) for link in a.links}
    assert all(id(link) in ids for _, entry in a.entries() for link in entry.links)


def whole_parse(parsed: ParsedDocument, text: str) -> ParsedDocument:
    doc = parsed.document
    return parse_source(Source(doc.path, text, doc.newline, doc.bom))


def check_edits(parsed: ParsedDocument, edits: list[Edit]) -> None:
    text = apply_edits(parsed.document.text, edits)
    assert_same(reparse(parsed, text, edits), whole_parse(parsed, text))


def line_starts(text: str) -> list[int]:
    return [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]


@pytest.mark.parametrize("path", FILES + REAL, ids=lambda p: p.name)
def test_random_edits_give_the_whole_parse(path: Path) -> None:
    parsed = parse_source(read(path))
    text = parsed.document.text
    rng = random.Random(path.name)
    starts = line_starts(text)
    headings = [
        s.heading_span.start for s in parsed.document.walk_sections() if s.heading_span is not None
    ]
    rounds = 6 if len(text) < 100_000 else 2  # each round parses a large list twice
    for _ in range(rounds):
        edits: list[Edit] = []
        for at in sorted(rng.sample(starts, min(len(starts), rng.randint(1, 4)))):
            if edits and at <= edits[-1].end:
                continue
            if rng.random() < 0.3:
                end = text.find("\n", at)
                edits.append(Edit(at, len(text) if end == -1 else end + 1))
            else:
                edits.append(Edit(at, at, rng.choice(INSERTS)))
        check_edits(parsed, edits)
    for at in headings[:rounds]:
        check_edits(parsed, [Edit(at, at + 1, "")])
        check_edits(parsed, [Edit(at, at, "x")])


@pytest.mark.parametrize("path", FILES + REAL[:3], ids=lambda p: p.name)
def test_the_fix_loops_edits_give_the_whole_parse(path: Path) -> None:
    parsed = parse_source(read(path))
    checker = Checker(RULES)
    for _ in range(4):
        findings = checker.run([parsed]).findings
        edits = [edit for f in findings if f.fix is not None for edit in f.fix.edits]
        chosen: list[Edit] = []
        for edit in sorted(set(edits), key=lambda e: (e.start, e.end)):
            if not chosen or edit.start >= chosen[-1].end + 1:
                chosen.append(edit)
        if not chosen:
            return
        text = apply_edits(parsed.document.text, chosen)
        quick = reparse(parsed, text, chosen)
        assert_same(quick, whole_parse(parsed, text))
        parsed = quick


def test_a_fence_left_open_reaches_past_the_next_heading() -> None:
    parsed = parse_text("# A\n\n- [x](https://a.org)\n\n# B\n\n- [y](https://b.org)\n")
    at = parsed.document.text.index("- [x]")
    check_edits(parsed, [Edit(at, at, "```\n")])


def test_an_edit_that_spares_a_segment_keeps_its_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "".join(f"# S{i}\n\n- [E{i}](https://e.org/{i})\n\n" for i in range(6))
    parsed = parse_text(text)
    parsed_again: list[str] = []
    real_parse = reparse_module.parse_source

    def spy(source: Source) -> ParsedDocument:
        parsed_again.append(source.text)
        return real_parse(source)

    monkeypatch.setattr(reparse_module, "parse_source", spy)
    at = text.index("https://e.org/3")
    edits = [Edit(at, at + len("https"), "http")]
    quick = reparse(parsed, apply_edits(text, edits), edits)
    monkeypatch.undo()
    assert_same(quick, whole_parse(parsed, apply_edits(text, edits)))
    assert parsed_again == ["# S3\n\n- [E3](http://e.org/3)\n\n# S4\n"]


PARAGRAPHS = "".join(
    f"**Paper {i}** \\\n*Author {i}* \\\n[[Paper](https://e.org/{i})]\n\n" for i in range(8)
)
"""A list of paragraphs, no list items: cut after each blank line."""


@pytest.mark.parametrize(
    "insert", ["```\n", "<!--\n", "<pre>\n", "    code\n", "- item\n", "> quote\n", "x\n"]
)
def test_a_block_left_open_between_paragraphs(insert: str) -> None:
    parsed = parse_text(PARAGRAPHS)
    at = PARAGRAPHS.index("**Paper 3**")
    check_edits(parsed, [Edit(at, at, insert)])


def test_a_blank_line_removed_between_paragraphs() -> None:
    parsed = parse_text(PARAGRAPHS)
    at = PARAGRAPHS.index("\n\n**Paper 5**") + 1
    check_edits(parsed, [Edit(at, at + 1, "")])
    check_edits(parsed, [Edit(at - 2, at - 1, "x")])


TRICKY_LIST = (
    "# L\n\n- [A](https://e.org/a)\n  - nested [B](https://e.org/b)\n- [C](https://e.org/c)\n"
    "lazy line\n* [D](https://e.org/d)\n\n- [E](https://e.org/e)\n1. [F](https://e.org/f)\n"
    "2) [G](https://e.org/g)\n-\n- [H](https://e.org/h)\n    indented\n- [I](https://e.org/i)\n"
)


@pytest.mark.parametrize("insert", [*INSERTS, "-\n", "  ", "- - -\n", "***\n", "foo\n"])
def test_edits_in_a_list_of_every_shape(insert: str) -> None:
    parsed = parse_text(TRICKY_LIST)
    for at in line_starts(TRICKY_LIST)[2:-1]:
        check_edits(parsed, [Edit(at, at, insert)])
        end = TRICKY_LIST.index("\n", at) + 1
        check_edits(parsed, [Edit(at, end, "")])


def test_an_empty_last_row_at_the_end_of_the_text_is_kept() -> None:
    # The last row's (empty) content starts where the text ends, with no newline after it.
    text = "A | B|\n|---|---|\n[S](http://arxiv.org/abs/2301.01234) | x|\n|\n|"
    parsed = parse_text(text)
    at = text.index("http://")
    check_edits(parsed, [Edit(at, at + len("http"), "https")])


def test_a_list_item_that_becomes_a_table_row() -> None:
    text = "# T\n\nintro\n- a | b\n- c | d\n"
    parsed = parse_text(text)
    at = text.index("- a")
    check_edits(parsed, [Edit(at, at + len("- a | b"), "x | y\n--|--")])
