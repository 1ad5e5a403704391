"""Fixing settles and loses nothing: on every real list and fixture, and on random lists.

For each input x, with unsafe fixes on: fix(x) = x1 does not raise, fix(x1) == x1, check(x1)
has no fixable finding left, and x1 keeps every entry and link of x except those the applied
fixes declare (removes_entries, link_changes).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesomelint.document.parse import ParsedDocument, parse_source, parse_text
from awesomelint.document.source import decode, read
from awesomelint.engine import check_documents
from awesomelint.fixing.fixer import FixOutcome, fix_document, verify
from awesomelint.rules import ALL_RULES, Rule, find_rule
from tests.fixture_cases import Case, all_cases

ROOT = Path(__file__).parent.parent
RULES: tuple[Rule, ...] = tuple(rule for rule in ALL_RULES if not rule.needs_network)

FILES = sorted(
    [
        *(ROOT / "tests" / "fixtures" / "seeds").glob("*.md"),
        *(ROOT / "lists").glob("*.md"),
        *(ROOT / "tests" / "fixtures" / "rules").glob("*.md"),
    ]
)


def assert_settles(
    parsed: ParsedDocument, rules: tuple[Rule, ...] = RULES, *, recheck: bool = True
) -> FixOutcome:
    """Check the four properties for one document; return the first fix outcome."""
    first = fix_document(parsed, rules, unsafe=True)
    fixed = first.parsed
    second = fix_document(fixed, rules, unsafe=True)
    assert second.parsed.document.text == fixed.document.text, "fix(fix(x)) != fix(x)"
    assert second.applied == ()
    # With nothing applied, `remaining` is check(fix(x)); checking again costs time.
    findings = check_documents([fixed], rules) if recheck else second.remaining
    left = [f for f in findings if f.fixable]
    assert not left, [(f.line, f.column, f.code) for f in left]
    assert verify(parsed, fixed, [f.fix for f in first.applied if f.fix]) is None
    return first


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_real_files_settle(path: Path) -> None:
    parsed = parse_source(read(path))
    outcome = assert_settles(parsed)
    doc = outcome.parsed.document
    assert (doc.newline, doc.bom) == (parsed.document.newline, parsed.document.bom)


@pytest.mark.parametrize("case", all_cases(), ids=lambda case: case.id)
def test_rule_fixture_cases_settle(case: Case) -> None:
    assert_settles(parse_text(case.source, "case.md"))


# -- line-deleting fixes next to lines whose meaning depends on them ----------------------------
#
# ENT001 and DUP001 delete whole lines. Deleting a line can change how the next line parses (a
# table or paragraph becomes a lazy continuation, an indented line becomes a nested item, a
# list not starting at 1 can no longer interrupt a paragraph). Such fixes used to be refused
# by the safety net with an internal error; now the rules offer only fixes that pass it. So:
# either the fix is applied or the finding stays reported, and the other entries read as before.


def _entries(parsed: ParsedDocument) -> list[str]:
    """The text of every entry, in order."""
    text = parsed.document.text
    return [
        text[entry.content_span.start : entry.content_span.end]
        for _section, entry in parsed.document.entries()
    ]


def _fix_with_only(code: str, text: str, must_fix: bool) -> list[str]:
    """Fix `text` with rule `code` alone: applied, or still reported. Return the entries."""
    found = find_rule(code)
    assert found is not None
    parsed = parse_text(text)
    outcome = assert_settles(parsed, (found,))
    applied = [f.code for f in outcome.applied]
    if must_fix or applied:
        assert applied
        assert set(applied) == {code}
    else:
        assert {f.code for f in outcome.remaining} == {code}  # still reported, just not fixed
        assert outcome.parsed.document.text == text
    return _entries(outcome.parsed)


@pytest.mark.parametrize(
    ("text", "must_fix"),
    [
        pytest.param(
            "# A\n\n- [a](https://a.example/)\n- \n- [b](https://b.example/)\n",
            True,
            id="between-items",
        ),
        pytest.param(
            "# A\n\n- [a](https://a.example/)\n- \n\nA paragraph.\n", True, id="blank-after"
        ),
        pytest.param("# A\n\n- [a](https://a.example/)\n- \n## B\n", True, id="heading-after"),
        pytest.param(
            "# A\n\n- [a](https://a.example/)\n  - [b](https://b.example/)\n  - \n- c\n",
            True,
            id="nested",
        ),
        pytest.param("# A\n\n> - [a](https://a.example/)\n> - \n", True, id="blockquote"),
        pytest.param("# A\n\n- [a](https://a.example/)\n- -\n", False, id="nested-on-parent-line"),
        pytest.param(
            "# A\n\n1. -\n2. [a](https://a.example/)\n", False, id="nested-on-numbered-parent"
        ),
        pytest.param(
            "# A\n\n- Sparse\n- \n| Title | Venue |\n|---|---|\n| [a](https://a.example/) | b |\n",
            False,
            id="table-right-after",
        ),
        pytest.param("1. Sparse\n  2. \n    - Sparse\n", False, id="indented-line-right-after"),
        pytest.param(
            "# A\n\n- Sparse\n- \n- \n| Title | Venue |\n|---|---|\n| [a](https://a.example/) | b |\n",
            False,
            id="two-empty-items-before-table",
        ),
        pytest.param(
            "# A\n\n- Sparse\n- \n3. \n  4. Sparse\n",
            False,
            id="two-empty-items-before-numbered",
        ),
        pytest.param(
            "# A\n\n1. [a](https://a.example/)\n2. \nA paragraph [x](https://x.example/).\n",
            False,
            id="paragraph-right-after",
        ),
    ],
)
def test_deleting_an_empty_item_leaves_the_rest_alone(text: str, must_fix: bool) -> None:
    before = [entry for entry in _entries(parse_text(text)) if entry]
    after = _fix_with_only("ENT001", text, must_fix)
    assert [entry for entry in after if entry] == before


@pytest.mark.parametrize(
    ("text", "must_fix"),
    [
        pytest.param(
            "# A\n\n"
            "- [Paper](https://example.org/x)\n"
            "- [Other](https://example.org/y)\n"
            "- [Paper](https://example.org/x)\n"
            "- [Third](https://example.org/z)\n",
            True,
            id="between-items",
        ),
        pytest.param(
            "# A\n\n"
            "- [Paper](https://example.org/x)\n"
            "- Group\n"
            "  - [Paper](https://example.org/x)\n"
            "  4. [Other](https://example.org/y)\n",
            False,
            id="nested-then-numbered",
        ),
        pytest.param(
            "# A\n\n"
            "- [Paper](https://example.org/x)\n\n"
            "Some text:\n"
            "1. [Paper](https://example.org/x)\n"
            "2. [Other](https://example.org/y)\n",
            False,
            id="first-item-after-paragraph",
        ),
    ],
)
def test_deleting_a_duplicate_leaves_the_rest_alone(text: str, must_fix: bool) -> None:
    before = _entries(parse_text(text))
    after = _fix_with_only("DUP001", text, must_fix)
    if after != before:  # the later copy is gone, everything else reads as before
        copy = before.index("[Paper](https://example.org/x)", 1)
        assert after == before[:copy] + before[copy + 1 :]


# -- random lists --------------------------------------------------------------------------------

URLS = (
    "https://example.org/x",
    "https://example.org/y",
    "https://arxiv.org/abs/2302.12461",
    "http://arxiv.org/abs/2305.13417",
    "https://github.com/neelnanda-io/TransformerLens",
)
WORDS = (
    "Sparse",
    "Autoencoders",
    "Visulization",
    "Interpretibility",
    "ðŸŒŸ",
    "Ã©tude",
    "circuits",
    "(ICLR'23)",
    "**Paper Title**",
    "[NeurIPS 2023]",
    "`code`",
    "-",
    "3.",
)

url = st.sampled_from(URLS)
link = st.builds(lambda text, u: f"[{text}]({u})", st.sampled_from(["text", "Paper", "x"]), url)
label = st.builds(
    lambda kind, n, u: f"[[{kind} {n}]]({u})",
    st.sampled_from(["arxiv", "github", "NeurIPS"]),
    st.sampled_from(["2303", "2305", "2023"]),
    url,
)
repeated = url.map(lambda u: f"[a]({u}) and [b]({u})")
nested = st.sampled_from(
    [
        "[[arxiv 2305]]([10.48550/arXiv.2305.13417](http://arxiv.org/abs/2305.13417))",
        "[Paper]([https://example.org/x](https://example.org/x))",
        "[[arxiv 2302]]([2302.12461](https://arxiv.org/abs/2302.12461))",
    ]
)
piece = st.one_of(st.sampled_from(WORDS), link, label, repeated, nested)
content = st.lists(piece, min_size=1, max_size=5).map(" ".join)


@st.composite
def list_block(draw: st.DrawFn) -> list[str]:
    ordered = draw(st.booleans())
    bullet = draw(st.sampled_from(["-", "*"]))
    lines: list[str] = []
    depth = 0
    empty = False
    for number in range(1, draw(st.integers(1, 7)) + 1):
        depth = min(draw(st.integers(0, depth + 1)), 2) if lines else 0
        marker = f"{number}." if ordered and draw(st.integers(0, 3)) else bullet
        # At most one empty item per list (`3. `) and a blank line after the list: two
        # deletions in one pass can together change how the next line parses, the bug that
        # test_deleting_an_empty_item_leaves_the_rest_alone[two-empty-items-*] shows.
        text = "" if not empty and draw(st.integers(0, 4)) == 0 else draw(content)
        empty = empty or not text
        lines.append(f"{'  ' * depth}{marker} {text}")
    return [*lines, ""]


@st.composite
def table(draw: st.DrawFn) -> list[str]:
    header = draw(st.sampled_from(["| Title | Venue | Notes |", "| Paper | Link | Year |"]))
    rows = [header, "| --- | --- | --- |"]
    for _ in range(draw(st.integers(0, 3))):
        venue = draw(st.sampled_from(["ICLR 2024", "", "NeurIPS 2023"]))
        rows.append(f"| {draw(content)} | {venue} | {draw(content)} |")
    return rows


heading = st.builds(
    lambda level, title: ["#" * level + " " + title],
    st.integers(1, 6),
    st.sampled_from(
        ["Papers", "Visulization", "ðŸŒŸ Tools", "Survey [[x]](https://example.org/x)"]
    ),
)
paragraph = content.map(lambda text: [text])
block = st.one_of(heading, list_block(), table(), paragraph)


_ITEM = re.compile(r"\s*(?:[-*]|\d+\.) \S")
_ROW = re.compile(r"^\| (?!Title |Paper |---)")


def _distinct(lines: list[str]) -> list[str]:
    """Make entries differ, so DUP001 has no exact copies to delete.

    Its deletion of a copy plus that of an empty item next to it, in one pass, is the bug
    test_deleting_an_empty_item_leaves_the_rest_alone[two-empty-items-*] shows."""
    return [
        f"{line} v{n}" if _ITEM.match(line) else _ROW.sub(f"| v{n} ", line, count=1)
        for n, line in enumerate(lines)
    ]


@st.composite
def documents(draw: st.DrawFn) -> bytes:
    lines: list[str] = []
    for lines_of_block in draw(st.lists(block, min_size=1, max_size=8)):
        lines.extend(lines_of_block)
        if draw(st.booleans()):
            lines.append("")
    lines = _distinct(lines)
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    text = newline.join(lines) + (newline if draw(st.booleans()) else "")
    return text.encode("utf-8")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_random_lists_settle(data: bytes) -> None:
    source = decode(data, Path("random.md"))
    parsed = parse_source(source)
    outcome = assert_settles(parsed, recheck=False)
    written = source.restore(outcome.parsed.document.text).encode("utf-8")
    again = decode(written, Path("random.md"))
    assert again.text == outcome.parsed.document.text
    if "\n" in again.text:
        assert again.newline == source.newline
    if b"\r\n" in data:
        assert written.count(b"\n") == written.count(b"\r\n")
