"""Fixing costs what the work costs: all the independent deletions of a section go in one
pass, and project rules run once per pass over all files, not once per file; what `fix`
reports as left is what `check` reports on the result."""

from __future__ import annotations

import dataclasses as dc
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from awesomelint.cli import cli
from awesomelint.diagnostics import apply_edits
from awesomelint.document.parse import parse_text
from awesomelint.engine import check_documents
from awesomelint.fixing.edits import deletions_together
from awesomelint.fixing.fixer import fix_document, verify
from awesomelint.fixing.fixrun import FixRequest, run_fix
from awesomelint.rules import Context, Rule, find_rule

NESTED = "[[arxiv 2305]]([10.48550/arXiv.2305.13417](http://arxiv.org/abs/2305.13417))"


def rule(code: str) -> Rule:
    found = find_rule(code)
    assert found is not None
    return found


def _entry(i: int, nested: bool) -> str:
    line = (
        f"- [Sparse probes, study {i}](https://arxiv.org/abs/2401.{i:05d}) "
        f"[[code]](https://github.com/lab/probe{i}) - what study {i} found."
    )
    return line + (f"\n  - [notes {i}](https://notes.example/{i})" if nested else "")


def _layouts(count: int) -> dict[str, str]:
    """One section, each entry listed twice: copies at the end, next to each other, in a
    loose list, and with nested sub-items."""
    tight = [_entry(i, nested=False) for i in range(count)]
    nested = [_entry(i, nested=True) for i in range(count)]
    head = "# Papers\n\nA list of papers.\n\n## Probing\n\n"
    tail = "\n\n## Other\n\n- [Unrelated](https://other.example/)\n"
    return {
        "copies-at-the-end": head + "\n".join(tight + tight) + tail,
        "copies-next-to-each-other": head + "\n".join(e for e in tight for _ in "12") + tail,
        "loose-list": head + "\n\n".join(tight + tight) + tail,
        "nested-items": head + "\n".join(nested + nested) + tail,
    }


def _entries_and_links(text: str) -> tuple[Counter[str], Counter[str]]:
    doc = parse_text(text).document
    entries = Counter(doc.text[e.content_span.start : e.span.end] for _, e in doc.entries())
    return entries, Counter(link.url for link in doc.links)


@pytest.mark.parametrize("layout", sorted(_layouts(1)))
def test_two_hundred_duplicates_go_in_one_pass_and_nothing_else_does(layout: str) -> None:
    text = _layouts(200)[layout]
    outcome = fix_document(parse_text(text), [rule("DUP001")], unsafe=True)
    assert outcome.passes <= 2
    assert len(outcome.applied) == 200
    assert outcome.remaining == ()
    entries, links = _entries_and_links(text)
    left_entries, left_links = _entries_and_links(outcome.parsed.document.text)
    # Every entry and link is still there, exactly once.
    assert left_entries == Counter(set(entries.elements()))
    assert left_links == Counter(set(links.elements()))


def test_deletions_that_are_safe_alone_but_not_together_wait_for_the_next_pass() -> None:
    # Deleting both empty items makes the closing line a lazy continuation of the paper's
    # entry; each deletion alone would not.
    text = "# Notes\n\n- [Paper](https://a.example/)\n2.\n- \nA closing line.\n"
    parsed = parse_text(text)
    findings = check_documents([parsed], [rule("ENT001")])
    assert [f.fix is not None for f in findings] == [True, True]
    both = [edit for f in findings if f.fix for edit in f.fix.edits]
    together = parse_text(apply_edits(text, both))
    # The safety net's counts do not see it; the entry's text does.
    assert verify(parsed, together, [f.fix for f in findings if f.fix]) is None
    (paper,) = (entry for _, entry in together.document.entries())
    assert "A closing line." in together.document.text[paper.span.start : paper.span.end]
    assert deletions_together(parsed.document, findings) == findings[:1]
    outcome = fix_document(parsed, [rule("ENT001")], unsafe=True)
    assert outcome.parsed.document.text == text.replace("2.\n", "", 1)


# -- many files ------------------------------------------------------------------------------


def _counted(inner: Rule, calls: list[int]) -> Rule:
    def check(contexts: Sequence[Context[Any]]) -> Iterator[Any]:
        calls.append(len(contexts))
        yield from inner.check(contexts)

    return dc.replace(inner, check=check)


def _lists(folder: Path, count: int) -> list[Path]:
    """`count` lists, each with a nested link to fix, an exact copy to delete, and a paper
    that the next list also has (a repeat across files)."""
    paths = []
    for i in range(count):
        shared = f"- [Shared paper {i}](https://arxiv.org/abs/2402.{i:05d})"
        text = (
            f"# List {i}\n\n## Papers\n\n"
            f"- **Paper {i}** {NESTED.replace('2305.13417', f'2305.{i:05d}')}\n"
            f"{_entry(i, nested=False)}\n{_entry(i, nested=False)}\n{shared}\n"
            + (f"- [Shared paper {i - 1}](https://arxiv.org/abs/2402.{i - 1:05d})\n" if i else "")
        )
        path = folder / f"list{i:02d}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_project_rules_run_once_per_pass_not_once_per_file(tmp_path: Path) -> None:
    calls: list[int] = []
    paths = _lists(tmp_path, 12)
    rules = (_counted(rule("DUP001"), calls), rule("ENT002"))
    outcome = run_fix(paths, FixRequest(rules=rules, unsafe=True))
    assert outcome.changed_files == 12
    assert outcome.result.fixes_applied == 24
    assert not outcome.result.errors
    # Two passes that fix, one that finds nothing, and the check of what is left.
    assert calls == [12] * len(calls)
    assert len(calls) <= 4


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_what_fix_leaves_is_what_check_reports(
    unsafe: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    paths = [str(path.relative_to(tmp_path)) for path in _lists(tmp_path, 5)]
    flags = ["--unsafe-fixes"] if unsafe else []
    runner = CliRunner()
    fixed = runner.invoke(cli, ["fix", "--offline", *flags, "--output-format", "json", *paths])
    checked = runner.invoke(cli, ["check", "--offline", "--output-format", "json", *paths])
    assert fixed.exit_code == checked.exit_code
    left = json.loads(fixed.stdout)
    assert left == json.loads(checked.stdout)
    repeats = {row["severity"] for row in left if row["code"] == "DUP001"}
    # The repeats across files are still reported (as info); the copies went with unsafe.
    assert repeats == ({"info"} if unsafe else {"info", "error"})


def test_passes_that_only_delete_do_not_count_towards_the_pass_limit() -> None:
    # A long section's deletion checks use up its budget after a few stale suppressions, so
    # the rest wait for later passes: more passes than the limit, none of which writes text.
    entries = [_entry(i, nested=False) for i in range(600)]
    stale = "<!-- awesomelint-disable-next-line VEN001 -->"
    lines = [line for i, e in enumerate(entries) for line in ([stale, e] if i % 15 == 0 else [e])]
    text = "# Papers\n\n" + "\n".join(lines) + "\n"
    outcome = fix_document(parse_text(text), [rule("AWL100")], unsafe=True)
    assert outcome.passes > 10
    assert outcome.parsed.document.text == text.replace(stale + "\n", "")
