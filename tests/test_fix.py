"""The fix engine end to end: convergence, the safety net, atomic writes, newline and BOM
round trips, and the `fix` command (--diff, --unsafe-fixes, --format, exit codes, summary)."""

from __future__ import annotations

import difflib
import json
import os
import re
import shutil
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from awesomelint.cli import cli
from awesomelint.diagnostics import Applicability, Edit, Finding, Fix
from awesomelint.document.frontmatter import find_front_matter
from awesomelint.document.model import Document, Span
from awesomelint.document.parse import ParsedDocument, parse_text
from awesomelint.document.source import decode
from awesomelint.engine import Checker
from awesomelint.errors import FixError
from awesomelint.fixing import fixrun, writer
from awesomelint.fixing.fixer import MAX_PASSES, FixedDocuments, fix_document
from awesomelint.fixing.fixrun import FixRequest, FixRunResult, run_fix
from awesomelint.fixing.writer import write_atomically
from awesomelint.rules import ALL_RULES, Context, Rule, find_rule

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
BOM = b"\xef\xbb\xbf"
OLD_NS = 1_000_000_000 * 10**9  # 2001-09-09: an mtime no write could produce by accident

NESTED = "[[arxiv 2305]]([10.48550/arXiv.2305.13417](http://arxiv.org/abs/2305.13417))"
UNWRAPPED = "[[arxiv 2305]](http://arxiv.org/abs/2305.13417)"

Check = Callable[[Document, Context[Any]], Iterator[Finding]]


def make_rule(code: str, check: Check) -> Rule:
    return Rule(
        code=code,
        name=f"test-{code.lower()}",
        summary="a rule made up for a test",
        check=check,
        doc="",
        fixable=True,
    )


def rule(code: str) -> Rule:
    found = find_rule(code)
    assert found is not None
    return found


def cli_run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def fix_cli(*args: str) -> Result:
    """`awesomelint fix` with the two rules these tests' inputs are about, offline."""
    return cli_run("fix", "--offline", "--select", "ENT001,ENT002", *args)


def fix_file(path: Path, *rules: Rule, unsafe: bool = False, diff: bool = False) -> FixRunResult:
    """run_fix on one file, by default with the two rules these tests' inputs are about."""
    rules = rules or (rule("ENT001"), rule("ENT002"))
    return run_fix([path], FixRequest(rules=rules, unsafe=unsafe, diff=diff))


def run_with_only(monkeypatch: pytest.MonkeyPatch, *rules: Rule) -> None:
    """Make every fix run (the CLI's included) fix with `rules`, whatever was selected."""
    real = fixrun.fix_documents

    def fix_documents_with(
        documents: Sequence[ParsedDocument], runner: Checker, **kwargs: Any
    ) -> FixedDocuments:
        return real(documents, Checker(rules, runner.facts, runner.settings), **kwargs)

    monkeypatch.setattr(fixrun, "fix_documents", fix_documents_with)


def folder_listing(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def summary_numbers(stdout: str) -> list[int]:
    """The integers in the last line of `fix` output (the summary)."""
    return [int(n) for n in re.findall(r"\d+", stdout.splitlines()[-1])]


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in the test's own folder (no configuration file above it), outside CI settings."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


# -- test rules ----------------------------------------------------------------------------


def _first_todo(doc: Document, ctx: Context[Any]) -> Iterator[Finding]:
    """Fixes one TODO per pass, so N TODOs need N passes."""
    at = doc.text.find("TODO")
    if at != -1:
        fix = Fix((Edit(at, at + 4, "done"),))
        yield ctx.finding(Span(at, at + 4), "TODO left in the list", fix=fix)


def _ping_pong(doc: Document, ctx: Context[Any]) -> Iterator[Finding]:
    """Never settles: ping becomes pong, and pong becomes ping again."""
    for word, other in (("ping", "pong"), ("pong", "ping")):
        at = doc.text.find(word)
        if at != -1:
            fix = Fix((Edit(at, at + 4, other),))
            yield ctx.finding(Span(at, at + 4), f"{word} should be {other}", fix=fix)
            return


def _deletes_entries(removes_entries: int) -> Check:
    """Deletes every entry linking to drop.example, declaring `removes_entries` per fix.

    The removed links are always declared, so only the entry count can give it away."""

    def check(doc: Document, ctx: Context[Any]) -> Iterator[Finding]:
        for _section, entry in doc.entries():
            if entry.primary is not None and "drop.example" in entry.primary.url:
                start = doc.text.rfind("\n", 0, entry.span.start) + 1
                end = doc.text.find("\n", entry.span.end) + 1 or len(doc.text)
                fix = Fix(
                    (Edit(start, end),),
                    link_changes=tuple((link.url, None) for link in entry.links),
                    removes_entries=removes_entries,
                )
                yield ctx.finding(entry.span, "entry to drop", fix=fix)

    return check


def _rewrites_http(declare: bool) -> Check:
    """Rewrites http:// links to https://, declaring the link change only when `declare`."""

    def check(doc: Document, ctx: Context[Any]) -> Iterator[Finding]:
        for link in doc.links:
            if link.url.startswith("http://"):
                new = "https://" + link.url.removeprefix("http://")
                fix = Fix(
                    (Edit(link.url_span.start, link.url_span.start + 7, "https://"),),
                    link_changes=((link.url, new),) if declare else (),
                )
                yield ctx.finding(link.span, "use https", fix=fix)

    return check


TODO = make_rule("TST001", _first_todo)
PING_PONG = make_rule("TST002", _ping_pong)
SILENT_DELETE = make_rule("TST003", _deletes_entries(0))
DECLARED_DELETE = make_rule("TST004", _deletes_entries(1))
SILENT_REWRITE = make_rule("TST005", _rewrites_http(declare=False))
DECLARED_REWRITE = make_rule("TST006", _rewrites_http(declare=True))

DROP_LIST = (
    "# Papers\n\n"
    "- [Keep](https://keep.example/a) - stays\n"
    "- [Drop](https://drop.example/b) - goes\n"
    "- [Also kept](https://keep.example/c)\n"
)
HTTP_LIST = "# Papers\n\n- [Paper](http://example.org/paper) - a paper\n"


# -- convergence -----------------------------------------------------------------------------


def test_rule_needing_several_passes_settles() -> None:
    parsed = parse_text("# Notes\n\nTODO one, TODO two, TODO three\n")
    outcome = fix_document(parsed, [TODO])
    assert outcome.parsed.document.text == "# Notes\n\ndone one, done two, done three\n"
    assert [f.code for f in outcome.applied] == ["TST001"] * 3
    assert outcome.remaining == ()
    assert outcome.changed


def test_fixes_that_enable_other_fixes_settle() -> None:
    # The deletion of the empty item (unsafe) and the TODO fixes interleave over passes.
    parsed = parse_text("# L\n\n1. [a](https://a.example/) TODO\n2. \n3. TODO TODO\n")
    outcome = fix_document(parsed, [TODO, rule("ENT001")], unsafe=True)
    assert outcome.parsed.document.text == "# L\n\n1. [a](https://a.example/) done\n3. done done\n"
    assert sorted(f.code for f in outcome.applied) == ["ENT001", "TST001", "TST001", "TST001"]


def test_nothing_to_fix_returns_the_same_document() -> None:
    parsed = parse_text("# Clean\n\n- [A](https://a.example/)\n")
    outcome = fix_document(parsed, ALL_RULES, unsafe=True)
    assert outcome.parsed is parsed
    assert fix_document(parsed, [rule("ENT001"), rule("ENT002")]).parsed is parsed
    assert not outcome.changed


def test_rule_needing_more_than_max_passes_raises_naming_it() -> None:
    parsed = parse_text("# Notes\n\n" + "TODO\n" * (MAX_PASSES + 1))
    with pytest.raises(FixError, match="TST001"):
        fix_document(parsed, [TODO])


def test_rule_needing_exactly_max_passes_settles_or_is_named() -> None:
    parsed = parse_text("# Notes\n\n" + "TODO\n" * MAX_PASSES)
    try:
        outcome = fix_document(parsed, [TODO])
    except FixError as err:
        assert "TST001" in str(err)
    else:
        assert "TODO" not in outcome.parsed.document.text


def test_oscillating_rule_raises_naming_it() -> None:
    with pytest.raises(FixError, match="TST002") as caught:
        fix_document(parse_text("# Games\n\nping\n"), [PING_PONG])
    assert "test-tst002" in str(caught.value)


def test_oscillating_rule_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "games.md"
    original = b"# Games\n\n- ping [x](http://arxiv.org/abs/2305.13417)\n"
    path.write_bytes(original)
    for diff in (False, True):
        outcome = fix_file(path, PING_PONG, rule("ENT002"), diff=diff)
        (error,) = outcome.result.errors
        assert error.path == path
        assert "TST002" in error.message
        assert outcome.changed_files == 0
        assert outcome.diffs == ()
        assert path.read_bytes() == original
    assert folder_listing(tmp_path) == ["games.md"]


def test_oscillating_rule_through_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "games.md"
    path.write_bytes(b"# Games\n\nping\n")
    run_with_only(monkeypatch, PING_PONG)
    result = cli_run("fix", "--offline", str(path))
    assert result.exit_code == 2
    assert "TST002" in result.stderr
    assert path.read_bytes() == b"# Games\n\nping\n"


# -- the safety net ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("broken", "text"), [(SILENT_DELETE, DROP_LIST), (SILENT_REWRITE, HTTP_LIST)]
)
def test_undeclared_loss_is_refused(broken: Rule, text: str) -> None:
    with pytest.raises(FixError) as caught:
        fix_document(parse_text(text), [broken])
    assert broken.code in str(caught.value)
    assert broken.name in str(caught.value)


@pytest.mark.parametrize(
    ("declared", "text", "expected"),
    [
        (
            DECLARED_DELETE,
            DROP_LIST,
            DROP_LIST.replace("- [Drop](https://drop.example/b) - goes\n", ""),
        ),
        (DECLARED_REWRITE, HTTP_LIST, HTTP_LIST.replace("http://", "https://")),
    ],
)
def test_declared_changes_are_accepted(declared: Rule, text: str, expected: str) -> None:
    outcome = fix_document(parse_text(text), [declared])
    assert outcome.parsed.document.text == expected


def test_an_unsafe_deletion_the_safety_net_turns_down_is_declined_and_its_finding_stays() -> None:
    # An unsafe deletion's own check of the text around it can miss how the lines below would
    # parse; the safety net catches it, and the other fixes of the file still go through.
    def check(doc: Document, ctx: Context[Any]) -> Iterator[Finding]:
        for finding in _deletes_entries(0)(doc, ctx):
            assert finding.fix is not None
            fix = Fix(finding.fix.edits, Applicability.UNSAFE)
            yield ctx.finding(finding.span, finding.message, fix=fix)

    broken = make_rule("TST007", check)
    text = DROP_LIST + HTTP_LIST.split("\n\n", 1)[1]
    parsed = parse_text(text)
    assert fix_document(parsed, [broken]).parsed is parsed  # not applied without unsafe
    outcome = fix_document(parsed, [broken, DECLARED_REWRITE], unsafe=True)
    assert outcome.parsed.document.text == text.replace("http://", "https://")
    assert [f.code for f in outcome.applied] == ["TST006"] * text.count("http://")
    assert [f.code for f in outcome.remaining] == ["TST007"]


def test_fixes_that_break_the_text_only_together_go_in_turns() -> None:
    # Each deletion keeps the rest alone. Together, with the quoted items and the comment
    # gone, the paragraph would take the list below it as its lazy lines, losing the entry.
    text = (
        "[a]: https://a.example/[b]: https://b.example/\n"
        "> -\n"
        "> *\n"
        "  <!-- awesomelint-disable-line VEN001 -->\n"
        "*\n"
        "  [Sparse](https://arxiv.org/abs/2301.01234)\n"
    )
    outcome = fix_document(parse_text(text), ALL_RULES, unsafe=True)
    fixed = outcome.parsed.document
    assert fixed.text == text.replace("> -\n> *\n", "")
    assert [link.url for link in fixed.links] == ["https://arxiv.org/abs/2301.01234"]
    assert [f.code for f in outcome.remaining] == ["AWL100"]


def test_removing_more_entries_than_declared_is_refused() -> None:
    text = DROP_LIST + "- [Drop too](https://drop.example/d)\n"

    def check(doc: Document, ctx: Context[Any]) -> Iterator[Finding]:
        # One fix deleting both entries, declaring only one.
        start = doc.text.index("- [Drop]")
        fix = Fix((Edit(start, len(doc.text)),), removes_entries=1)
        yield ctx.finding(Span(start, len(doc.text)), "drop", fix=fix)

    with pytest.raises(FixError, match="TST008"):
        fix_document(parse_text(text), [make_rule("TST008", check)])


def test_the_blame_falls_on_the_broken_rule_not_on_its_neighbour() -> None:
    text = DROP_LIST + f"- **Paper** {NESTED}\n"
    with pytest.raises(FixError) as caught:
        fix_document(parse_text(text), [rule("ENT002"), SILENT_DELETE])
    assert "TST003" in str(caught.value)
    assert "ENT002" not in str(caught.value)


@pytest.mark.parametrize("broken", [SILENT_DELETE, SILENT_REWRITE], ids=lambda r: r.code)
def test_refused_fix_writes_nothing_and_reports_the_rule(broken: Rule, tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    original = (DROP_LIST + HTTP_LIST.split("\n\n", 1)[1]).encode()
    path.write_bytes(original)
    os.utime(path, ns=(OLD_NS, OLD_NS))
    outcome = fix_file(path, broken)
    (error,) = outcome.result.errors
    assert broken.code in error.message
    assert outcome.changed_files == 0
    assert path.read_bytes() == original
    assert path.stat().st_mtime_ns == OLD_NS
    assert folder_listing(tmp_path) == ["list.md"]


@pytest.mark.parametrize("broken", [SILENT_DELETE, SILENT_REWRITE], ids=lambda r: r.code)
@pytest.mark.parametrize("extra", [[], ["--diff"], ["--unsafe-fixes"]])
def test_refused_fix_through_the_cli(
    broken: Rule, extra: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "list.md"
    original = (DROP_LIST + HTTP_LIST.split("\n\n", 1)[1]).encode()
    path.write_bytes(original)
    run_with_only(monkeypatch, broken)
    result = cli_run("fix", "--offline", *extra, str(path))
    assert result.exit_code == 2
    assert broken.code in result.stderr
    assert str(path) in result.stderr
    assert path.read_bytes() == original
    assert folder_listing(tmp_path) == ["list.md"]


def test_identical_fixes_from_two_rules_are_applied_once() -> None:
    empty_entry = rule("ENT001")
    twin = Rule(
        code="TST009",
        name="test-twin-empty-entry",
        summary="the same check as ENT001",
        check=empty_entry.check,
        doc="",
        fixable=True,
    )
    parsed = parse_text("# L\n\n1. [a](https://a.example/)\n2. \n")
    outcome = fix_document(parsed, [empty_entry, twin], unsafe=True)
    assert outcome.parsed.document.text == "# L\n\n1. [a](https://a.example/)\n"


# -- atomic writes ---------------------------------------------------------------------------


def _boom(*args: object, **kwargs: object) -> None:
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize("step", ["fsync", "replace", "chmod"])
def test_failed_write_keeps_the_original_and_leaves_no_temporary(
    step: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(b"old contents\n")
    with monkeypatch.context() as patch, pytest.raises(OSError):
        patch.setattr(writer.os, step, _boom)
        write_atomically(path, b"new contents\n")
    assert path.read_bytes() == b"old contents\n"
    assert folder_listing(tmp_path) == ["list.md"]


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_failed_write_during_fix_keeps_the_original(
    step: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "list.md"
    original = f"# L\n\n- {NESTED}\n".encode()
    path.write_bytes(original)
    with monkeypatch.context() as patch:
        patch.setattr(writer.os, step, _boom)
        try:
            outcome = fix_file(path)
        except OSError:
            pass  # reporting the failure as an exception or as a file error are both fine
        else:
            assert outcome.result.errors
    assert path.read_bytes() == original
    assert folder_listing(tmp_path) == ["list.md"]


def test_data_is_synced_before_the_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        calls.append("fsync")
        real_fsync(fd)

    def replace(src: str, dst: Path) -> None:
        calls.append("replace")
        real_replace(src, dst)

    path = tmp_path / "list.md"
    path.write_bytes(b"old\n")
    with monkeypatch.context() as patch:
        patch.setattr(writer.os, "fsync", fsync)
        patch.setattr(writer.os, "replace", replace)
        write_atomically(path, b"new\n")
    assert calls == ["fsync", "replace"]
    assert path.read_bytes() == b"new\n"
    assert folder_listing(tmp_path) == ["list.md"]


def test_write_failure_is_a_file_error_and_other_files_are_still_fixed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    original = f"# L\n\n- {NESTED}\n".encode()
    first.write_bytes(original)
    second.write_bytes(original)
    real_replace = os.replace

    def replace(src: str, dst: Path) -> None:
        if Path(dst).name == "a.md":
            raise PermissionError(13, "Permission denied")
        real_replace(src, dst)

    with monkeypatch.context() as patch:
        patch.setattr(writer.os, "replace", replace)
        outcome = run_fix([first, second], FixRequest(rules=(rule("ENT002"),)))
    assert [error.path for error in outcome.result.errors] == [first]
    assert first.read_bytes() == original
    assert second.read_bytes() == f"# L\n\n- {UNWRAPPED}\n".encode()


def test_fixing_a_symlinked_file_fixes_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_bytes(f"# L\n\n- {NESTED}\n".encode())
    link = tmp_path / "list.md"
    link.symlink_to(target.name)
    outcome = fix_file(link)
    assert outcome.changed_files == 1
    assert link.is_symlink()
    assert target.read_bytes() == f"# L\n\n- {UNWRAPPED}\n".encode()


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664])
def test_file_mode_is_kept(mode: int, tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(f"# L\n\n- {NESTED}\n".encode())
    path.chmod(mode)
    outcome = fix_file(path)
    assert outcome.changed_files == 1
    assert path.read_bytes() == f"# L\n\n- {UNWRAPPED}\n".encode()
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert folder_listing(tmp_path) == ["list.md"]


# -- newlines and byte-order marks -------------------------------------------------------------

CRLF_LINES = [
    "# Papers",
    "",
    "1. [Neel Nanda](https://www.neelnanda.io/)",
    "2. ",
    f"3. **Paper** {NESTED}",
    "",
    "Text after the list.",
]


def _crlf_lines(lines: list[str]) -> bytes:
    return "\r\n".join(lines).encode() + b"\r\n"


@pytest.mark.parametrize("bom", [True, False], ids=["bom", "no-bom"])
def test_crlf_and_bom_survive_a_fix(bom: bool, tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_bytes((BOM if bom else b"") + _crlf_lines(CRLF_LINES))
    outcome = fix_file(path, unsafe=True)
    assert outcome.changed_files == 1
    assert outcome.result.fixes_applied == 2
    data = path.read_bytes()
    expected = [line for line in CRLF_LINES if line != "2. "]
    expected[3] = f"3. **Paper** {UNWRAPPED}"
    assert data == (BOM if bom else b"") + _crlf_lines(expected)
    assert data.count(b"\n") == data.count(b"\r\n")
    assert data.count(BOM) == (1 if bom else 0)


def test_lf_with_bom_stays_lf(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(BOM + "\n".join(CRLF_LINES).encode() + b"\n")
    fix_file(path, unsafe=True)
    data = path.read_bytes()
    assert data.startswith(BOM)
    assert b"\r" not in data
    assert b"2. \n" not in data


def test_crlf_without_final_newline(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(b"# L\r\n\r\n- [a](https://a.example/)\r\n- ")
    fix_file(path, unsafe=True)
    assert path.read_bytes() == b"# L\r\n\r\n- [a](https://a.example/)\r\n"


@pytest.mark.parametrize(
    "data",
    [
        BOM + b"# Clean\r\n\r\n- [A](https://a.example/)\r\n",
        b"# Clean\n\n- [A](https://a.example/)\n",
        # Only an unsafe fix is available, and unsafe fixes are off.
        BOM + _crlf_lines(CRLF_LINES[:4]),
    ],
    ids=["clean-crlf-bom", "clean-lf", "unsafe-only"],
)
def test_unchanged_file_is_not_rewritten(data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(data)
    os.utime(path, ns=(OLD_NS, OLD_NS))
    inode = path.stat().st_ino
    outcome = fix_file(path)
    assert outcome.changed_files == 0
    assert outcome.result.fixes_applied == 0
    assert path.read_bytes() == data
    assert path.stat().st_mtime_ns == OLD_NS
    assert path.stat().st_ino == inode


def test_source_restore_round_trips() -> None:
    for data in (BOM + _crlf_lines(CRLF_LINES), _crlf_lines(CRLF_LINES), b"a\nb\n", BOM + b"a"):
        source = decode(data, Path("x.md"))
        assert "\r" not in source.text
        assert not source.text.startswith("\ufeff")
        assert source.restore(source.text).encode() == data


# -- the fix command ---------------------------------------------------------------------------

DEFECTS = (
    "# Papers\n\n"
    "1. [Neel Nanda](https://www.neelnanda.io/)\n"
    "2. \n"
    f"3. **Paper** {NESTED}\n"
    "4. \n"
    f"5. **Other** [[x]]([y](https://example.org/y))\n"
    "6. \n"
)


def test_diff_prints_a_unified_diff_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(DEFECTS)
    os.utime(path, ns=(OLD_NS, OLD_NS))
    result = fix_cli("--diff", "list.md")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "--- list.md"
    assert lines[1] == "+++ list.md"
    assert any(line.startswith("@@ -") for line in lines)
    assert f"-3. **Paper** {NESTED}" in lines
    assert f"+3. **Paper** {UNWRAPPED}" in lines
    assert "-2. " not in lines  # unsafe fixes are not in the diff without --unsafe-fixes
    assert path.read_text() == DEFECTS
    assert path.stat().st_mtime_ns == OLD_NS
    assert folder_listing(tmp_path) == ["list.md"]


def test_diff_applies_to_give_the_fixed_file(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(DEFECTS)
    diff = fix_cli("--diff", "--unsafe-fixes", "list.md").stdout
    assert "-2. " in diff.splitlines()
    assert fix_cli("--unsafe-fixes", "list.md").exit_code == 0
    expected = difflib.unified_diff(
        DEFECTS.splitlines(keepends=True),
        path.read_text().splitlines(keepends=True),
        fromfile="list.md",
        tofile="list.md",
    )
    assert diff == "".join(expected)


def test_diff_names_every_changed_file(tmp_path: Path) -> None:
    (tmp_path / "lists").mkdir()
    for name in ("a.md", "b.md"):
        (tmp_path / "lists" / name).write_text(DEFECTS)
    (tmp_path / "lists" / "clean.md").write_text("# Clean\n")
    result = fix_cli("--diff", "lists")
    assert result.exit_code == 1
    headers = [line for line in result.stdout.splitlines() if line.startswith(("---", "+++"))]
    assert headers == [
        "--- lists/a.md",
        "+++ lists/a.md",
        "--- lists/b.md",
        "+++ lists/b.md",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "# Clean\n\n- [A](https://a.example/)\n",
        "# L\n\n1. [A](https://a.example/)\n2. \n",  # only an unsafe fix is available
    ],
    ids=["clean", "unsafe-only"],
)
def test_diff_exits_zero_without_changes(text: str, tmp_path: Path) -> None:
    (tmp_path / "list.md").write_text(text)
    result = fix_cli("--diff", "list.md")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert (tmp_path / "list.md").read_text() == text


def test_fix_exit_zero_when_clean_afterwards(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(f"# L\n\n- **Paper** {NESTED}\n")
    result = fix_cli("list.md")
    assert result.exit_code == 0
    assert path.read_text() == f"# L\n\n- **Paper** {UNWRAPPED}\n"
    assert summary_numbers(result.stdout) == [1, 1]  # 1 fix, 1 file
    assert "--unsafe-fixes" not in result.stdout


def test_fix_exit_one_when_unfixable_findings_remain(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(DEFECTS)
    result = fix_cli("list.md")
    assert result.exit_code == 1
    reported = [line for line in result.stdout.splitlines() if line.startswith("list.md:")]
    assert [line.split()[1] for line in reported] == ["ENT001"] * 3
    assert [line.split(":")[1] for line in reported] == ["4", "6", "8"]
    assert summary_numbers(result.stdout) == [2, 1]  # 2 fixes, 1 file
    assert result.stdout.count("unsafe-fixes") == 1  # said once, in the summary
    assert "3 more with `--unsafe-fixes`" in result.stdout
    assert NESTED not in path.read_text()
    assert path.read_text().count("\n2. \n") == 1


def test_fix_with_unsafe_fixes_applies_them(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(DEFECTS)
    result = fix_cli("--unsafe-fixes", "list.md")
    assert result.exit_code == 0
    assert summary_numbers(result.stdout) == [5, 1]
    assert "--unsafe-fixes" not in result.stdout
    assert path.read_text() == (
        "# Papers\n\n"
        "1. [Neel Nanda](https://www.neelnanda.io/)\n"
        f"3. **Paper** {UNWRAPPED}\n"
        "5. **Other** [[x]](https://example.org/y)\n"
    )
    second = fix_cli("--unsafe-fixes", "list.md")
    assert second.exit_code == 0
    assert summary_numbers(second.stdout) == [0, 0]


def test_fix_json_output_lists_the_remaining_findings(tmp_path: Path) -> None:
    (tmp_path / "list.md").write_text(DEFECTS)
    result = fix_cli("--output-format", "json", "list.md")
    assert result.exit_code == 1
    remaining = json.loads(result.stdout)
    assert [(f["code"], f["line"]) for f in remaining] == [
        ("ENT001", 4),
        ("ENT001", 6),
        ("ENT001", 8),
    ]


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_fix_output_for_programs_is_whole_when_nothing_is_left(fmt: str, tmp_path: Path) -> None:
    (tmp_path / "list.md").write_text("# Papers\n\n- [A](https://example.org/a) - On a.\n")
    result = fix_cli("--output-format", fmt, "list.md")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    findings = document if fmt == "json" else document["runs"][0]["results"]
    assert findings == []


# -- the seeds ---------------------------------------------------------------------------------


def _findings_json(path: Path) -> list[dict[str, Any]]:
    result = cli_run("check", "--offline", "--output-format", "json", str(path))
    assert result.exit_code in (0, 1), result.stderr
    findings: list[dict[str, Any]] = json.loads(result.stdout)
    return findings


def test_seed_002_fix_changes_only_lines_with_findings(tmp_path: Path) -> None:
    path = tmp_path / "seed-002.md"
    shutil.copyfile(SEEDS / "seed-002.md", path)
    before = path.read_bytes().splitlines(keepends=True)
    flagged = {
        line
        for finding in _findings_json(path)
        for line in range(finding["line"], finding["end_line"] + 1)
    }
    assert flagged
    result = cli_run("fix", "--offline", str(path))
    assert result.exit_code in (0, 1), result.stderr
    after = path.read_bytes().splitlines(keepends=True)
    assert after != before
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, _j1, _j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        assert i2 > i1, f"line inserted after line {i1}"
        changed = set(range(i1 + 1, i2 + 1))  # 1-based line numbers
        assert changed <= flagged, f"lines {sorted(changed - flagged)} changed without a finding"
    assert not [
        f for f in _findings_json(path) if f["fixable"] and f["fix"]["applicability"] == "safe"
    ]


def _front_matter_bytes(data: bytes) -> bytes:
    """The front matter block at the top of `data` (BOM included, newlines as in the file)."""
    source = decode(data, Path("x.md"))
    front_matter = find_front_matter(source.text)
    assert front_matter is not None
    return source.restore(source.text[: front_matter.span.end]).encode()


@pytest.mark.parametrize(
    "select",
    [["--select", "ENT001,ENT002"], []],
    ids=["rules-that-leave-front-matter-alone", "all-rules"],
)
def test_seed_001_format_keeps_front_matter(select: list[str], tmp_path: Path) -> None:
    path, reference = tmp_path / "seed-001.md", tmp_path / "reference.md"
    shutil.copyfile(SEEDS / "seed-001.md", path)
    shutil.copyfile(SEEDS / "seed-001.md", reference)
    original = path.read_bytes()
    front_matter = find_front_matter(original.decode())
    assert front_matter is not None

    # What the rules alone do to the front matter (TYP001 fixes typos in its title, say).
    cli_run("fix", "--offline", *select, str(reference))
    head = _front_matter_bytes(reference.read_bytes())
    if select:
        assert head == original[: front_matter.span.end]

    result = cli_run("fix", "--format", "--offline", *select, str(path))
    assert result.exit_code in (0, 1), result.stderr
    formatted = path.read_bytes()
    assert formatted != reference.read_bytes()  # formatting did something besides the fixes
    assert formatted.startswith(head)

    parsed = parse_text(formatted.decode())
    assert parsed.document.front_matter is not None
    assert parsed.document.front_matter.span == front_matter.span
    keys = [field.key for field in front_matter.fields]
    assert keys == [field.key for field in parsed.document.front_matter.fields]
    titles = [section.title for section in parsed.document.walk_sections()]
    assert not [t for t in titles if any(key in t for key in keys)], titles

    again = cli_run("fix", "--format", "--offline", *select, str(path))
    assert again.exit_code == result.exit_code
    assert path.read_bytes() == formatted
    diff = cli_run("fix", "--format", "--diff", "--offline", *select, str(path))
    assert diff.exit_code == 0
    assert diff.stdout == ""


def test_seed_001_format_with_crlf_bom_and_unsafe_fixes(tmp_path: Path) -> None:
    path, reference = tmp_path / "seed-001.md", tmp_path / "reference.md"
    original = BOM + (SEEDS / "seed-001.md").read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(original)
    reference.write_bytes(original)
    cli_run("fix", "--unsafe-fixes", "--offline", str(reference))
    head = _front_matter_bytes(reference.read_bytes())
    assert head.startswith(BOM + b"---\r\nlayout: post\r\n")

    result = cli_run("fix", "--format", "--unsafe-fixes", "--offline", str(path))
    assert result.exit_code in (0, 1), result.stdout + result.stderr
    data = path.read_bytes()
    assert data.startswith(head)
    assert data.count(b"\n") == data.count(b"\r\n")
    assert data.count(BOM) == 1
    again = cli_run("fix", "--format", "--unsafe-fixes", "--diff", "--offline", str(path))
    assert again.exit_code == 0
    assert again.stdout == ""
