"""The command line through click's runner: paths, output formats, exit codes, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from awesomelint.cli import cli

CLEAN = "# List\n\n- [A](https://a.example/) - a thing\n"
EMPTY_ITEM = "# List\n\n1. [B](https://b.example/)\n2. \n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def lists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "lists"
    folder.mkdir()
    (folder / "clean.md").write_text(CLEAN)
    monkeypatch.chdir(tmp_path)
    return folder


def test_clean_files_exit_zero(lists: Path) -> None:
    code, out, _ = run("check", str(lists / "clean.md"))
    assert code == 0
    assert "no findings" in out


def test_no_path_checks_lists_folder(lists: Path) -> None:
    (lists / "nested").mkdir()
    (lists / "nested" / "bad.md").write_text(EMPTY_ITEM)
    (lists / "notes.txt").write_text(EMPTY_ITEM)
    code, out, _ = run("check", "--output-format", "concise")
    assert code == 1
    assert out == "lists/nested/bad.md:4:1: ENT001 empty list item\n"


def test_text_format_line_shape_and_summary(lists: Path) -> None:
    (lists / "bad.md").write_text(EMPTY_ITEM)
    code, out, _ = run("check", "lists/bad.md")
    assert code == 1
    first, source, caret, *_, summary = out.splitlines()
    assert first == "lists/bad.md:4:1: ENT001 [empty-entry] error: empty list item"
    assert (source, caret) == ("4 | 2.", "  | ^^")
    assert summary.startswith("1 file checked; 1 finding (1 error)")


def test_json_output_is_the_public_contract(lists: Path) -> None:
    (lists / "bad.md").write_text(EMPTY_ITEM)
    code, out, _ = run("check", "--output-format", "json", "lists/bad.md")
    assert code == 1
    (finding,) = json.loads(out)
    required = {"path", "line", "column", "code", "rule", "severity", "message", "fixable"}
    assert required <= finding.keys()
    assert finding["path"] == "lists/bad.md"
    assert (finding["line"], finding["column"]) == (4, 1)
    assert (finding["code"], finding["rule"], finding["severity"]) == (
        "ENT001",
        "empty-entry",
        "error",
    )
    assert finding["fixable"] is True


def test_json_output_of_a_clean_run_is_an_empty_array(lists: Path) -> None:
    code, out, _ = run("check", "--output-format", "json")
    assert code == 0
    assert json.loads(out) == []


def test_bad_files_are_reported_and_the_others_still_checked(lists: Path) -> None:
    (lists / "bad-utf8.md").write_bytes(b"# x\n\n- caf\xe9\n")
    (lists / "bad.md").write_text(EMPTY_ITEM)
    code, out, err = run("check", "--output-format", "concise", "lists", "missing.md")
    assert code == 2
    assert "lists/bad.md:4:1: ENT001" in out
    assert "lists/bad-utf8.md:3: invalid UTF-8" in err
    assert "missing.md: no such file or directory" in err
    assert "Traceback" not in err


def test_usage_errors_exit_two(lists: Path) -> None:
    code, _, err = run("check", "--output-format", "xml")
    assert code == 2
    code, _, err = run("check", "--select", "NOPE999")
    assert code == 2
    assert "unknown rule" in err


def test_select_and_ignore_by_code_family_and_name(lists: Path) -> None:
    (lists / "bad.md").write_text(EMPTY_ITEM + "\n- [x]()\n")
    assert run("check", "--output-format", "concise", "--select", "ENT001")[1].count("\n") == 1
    assert (
        run("check", "--output-format", "concise", "--ignore", "empty-entry")[1].count("ENT002")
        == 1
    )
    assert run("check", "--select", "ENT", "--ignore", "ENT001,ENT002")[0] == 0


def test_offline_is_accepted(lists: Path) -> None:
    assert run("check", "--offline", "lists")[0] == 0


def test_rules_lists_every_rule_and_shows_docs() -> None:
    code, out, _ = run("rules")
    assert code == 0
    assert "ENT001" in out and "empty-entry" in out and "malformed-link" in out
    code, out, _ = run("rules", "empty-entry")
    assert code == 0
    assert out.startswith("ENT001 empty-entry:")
    assert "Bad:" in out and "Good:" in out
    assert run("rules", "nope")[0] == 2


def test_rules_json_has_code_name_severity_fixable() -> None:
    code, out, _ = run("rules", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert {"code", "name", "severity", "fixable", "summary"} <= rows[0].keys()


def test_main_turns_errors_into_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from awesomelint import cli as cli_module

    monkeypatch.setattr("sys.argv", ["awesomelint", "rules", "nope"])
    with pytest.raises(SystemExit) as done:
        cli_module.main()
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("awesomelint: error: unknown rule")


def test_online_check_without_network_reports_unchecked_and_passes(lists: Path) -> None:
    import time

    (lists / "links.md").write_text(
        "# L\n\n- [A](https://arxiv.org/abs/2302.12461)\n- [B](https://github.com/a/b)\n"
        "- [C](https://example.org/c)\n"
    )
    started = time.monotonic()
    code, out, _ = run("check", "--no-cache", "--select", "NET", "lists/links.md")
    assert time.monotonic() - started < 10
    assert code == 0
    assert "could not be checked" in out
    assert "broken" not in out.replace("could not be checked", "")
