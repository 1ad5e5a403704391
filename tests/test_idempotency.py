"""Fixing settles and loses nothing: on every real list and fixture, and on random lists.

For each input x, with unsafe fixes on: fix(x) = x1 does not raise, fix(x1) == x1, check(x1)
has no fixable finding left, and x1 keeps every entry and link of x except those the applied
fixes declare (removes_entries, link_changes).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesomelint.engine import check_documents
from awesomelint.errors import FixError
from awesomelint.fixer import FixOutcome, fix_document, verify
from awesomelint.parse import ParsedDocument, parse_source, parse_text
from awesomelint.rules import ALL_RULES, Rule, find_rule
from awesomelint.source import decode, read
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
    assert verify(parsed, fixed, first.applied) is None
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


# -- known shapes around empty items -----------------------------------------------------------


def _other_entries(parsed: ParsedDocument) -> list[str]:
    """The text of every non-empty entry, in order."""
    text = parsed.document.text
    return [
        text[entry.content_span.start : entry.content_span.end]
        for _section, entry in parsed.document.entries()
        if not entry.is_empty
    ]


_LAZY = (
    "the unsafe ENT001 fix deletes the empty item's whole line, so the non-blank line after "
    "it becomes a lazy continuation of the item before"
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "# A\n\n- [a](https://a.example/)\n- \n- [b](https://b.example/)\n",
            id="between-items",
        ),
        pytest.param("# A\n\n- [a](https://a.example/)\n- \n\nA paragraph.\n", id="blank-after"),
        pytest.param("# A\n\n- [a](https://a.example/)\n- \n## B\n", id="heading-after"),
        pytest.param(
            "# A\n\n- [a](https://a.example/)\n  - [b](https://b.example/)\n  - \n- c\n",
            id="nested",
        ),
        pytest.param("# A\n\n> - [a](https://a.example/)\n> - \n", id="blockquote"),
        pytest.param(
            "# A\n\n- [a](https://a.example/)\n- -\n",
            marks=pytest.mark.xfail(
                strict=True,
                raises=FixError,
                reason="ENT001's fix for an empty item nested on its parent's line (`- -`) "
                "deletes the whole line, parent included: the safety net refuses it, so "
                "`fix --unsafe-fixes` fails on the whole file ('entries changed: 3 before, "
                "1 after')",
            ),
            id="nested-on-parent-line",
        ),
        pytest.param(
            "# A\n\n1. -\n2. [a](https://a.example/)\n",
            marks=pytest.mark.xfail(
                strict=True,
                raises=FixError,
                reason="same as nested-on-parent-line, with a numbered parent (`1. -`)",
            ),
            id="nested-on-numbered-parent-line",
        ),
        pytest.param(
            "# A\n\n- Sparse\n- \n| Title | Venue |\n|---|---|\n| [a](https://a.example/) | b |\n",
            marks=pytest.mark.xfail(
                strict=True,
                raises=FixError,
                reason=_LAZY + ": the table after it is swallowed and the safety net refuses "
                "the fix ('entries changed: 3 before, 1 after')",
            ),
            id="table-right-after",
        ),
        pytest.param(
            "1. Sparse\n  2. \n    - Sparse\n",
            marks=pytest.mark.xfail(
                strict=True,
                raises=FixError,
                reason="the unsafe ENT001 fix deletes the empty item's whole line, so the "
                "indented code block after it becomes a nested item of entry 1 and the safety "
                "net refuses the fix (with the odd message 'entries changed: 2 before, 2 after')",
            ),
            id="indented-line-right-after",
        ),
        pytest.param(
            "# A\n\n1. [a](https://a.example/)\n2. \nA paragraph [x](https://x.example/).\n",
            marks=pytest.mark.xfail(
                strict=True,
                reason=_LAZY + ": the paragraph after it silently becomes part of entry 1 "
                "(no entry or link is lost, so the safety net lets it through)",
            ),
            id="paragraph-right-after",
        ),
    ],
)
def test_deleting_an_empty_item_leaves_the_rest_alone(text: str) -> None:
    parsed = parse_text(text)
    empty_entry = find_rule("ENT001")
    assert empty_entry is not None
    outcome = assert_settles(parsed, (empty_entry,))
    assert [f.code for f in outcome.applied] == ["ENT001"]
    assert _other_entries(outcome.parsed) == _other_entries(parsed)


@pytest.mark.xfail(
    strict=True,
    raises=FixError,
    reason="the unsafe DUP001 fix deletes the nested duplicate's whole line, so the `4.` item "
    "after it (an ordered list not starting at 1 cannot interrupt a paragraph) becomes a lazy "
    "continuation of `Group`: the safety net refuses it ('entries changed: 4 before, 2 after')",
)
def test_deleting_a_duplicate_leaves_the_rest_alone() -> None:
    duplicate_entry = find_rule("DUP001")
    assert duplicate_entry is not None
    parsed = parse_text(
        "# A\n\n"
        "- [Paper](https://example.org/x)\n"
        "- Group\n"
        "  - [Paper](https://example.org/x)\n"
        "  4. [Other](https://example.org/y)\n"
    )
    outcome = assert_settles(parsed, (duplicate_entry,))
    assert [f.code for f in outcome.applied] == ["DUP001"]


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
# Not starting with "-": `- - text` would make a nested list (see nested-on-parent-line).
content = st.lists(piece, min_size=1, max_size=5).map(
    lambda pieces: " ".join(pieces).replace("-", "Note -", pieces[0] == "-")
)


@st.composite
def list_block(draw: st.DrawFn) -> list[str]:
    ordered = draw(st.booleans())
    bullet = draw(st.sampled_from(["-", "*"]))
    lines: list[str] = []
    depth = 0
    deepest = 0  # the deepest the next item may go
    for number in range(1, draw(st.integers(1, 7)) + 1):
        depth = draw(st.integers(0, deepest))
        # One kind of marker per list: a `4.` right after a nested bullet list hits the
        # DUP001 bug that test_deleting_a_duplicate_leaves_the_rest_alone shows.
        marker = f"{number}." if ordered else bullet
        text = "" if draw(st.integers(0, 4)) == 0 else draw(content)
        lines.append(f"{'  ' * depth}{marker} {text}")  # `3. ` when empty
        # No deeper item right after an empty one: deleting the empty item would re-nest it
        # (the ENT001 bug that [indented-line-right-after] shows).
        deepest = depth if not text else min(depth + 1, 2)
    # A blank line after every list: without it an empty last item hits the ENT001 bug that
    # test_deleting_an_empty_item_leaves_the_rest_alone[table-right-after] shows.
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


@st.composite
def documents(draw: st.DrawFn) -> bytes:
    lines: list[str] = []
    for lines_of_block in draw(st.lists(block, min_size=1, max_size=8)):
        lines.extend(lines_of_block)
        if draw(st.booleans()):
            lines.append("")
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
    assert again.newline == source.newline
    if b"\r\n" in data:
        assert written.count(b"\n") == written.count(b"\r\n")
