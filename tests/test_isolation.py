"""One failure costs one file: a rule that crashes, a parser bug or a failing link check is one
error (exit 2), and every other rule and file still reports, in every output format, and
every other file is still fixed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from sarif_pydantic import Sarif

from awesomelint import netwire, selection
from awesomelint.cli import cli
from awesomelint.diagnostics import Finding
from awesomelint.document import parse
from awesomelint.document.model import Document
from awesomelint.rules import ALL_RULES, Context, Rule
from tests.broken_rules import BROKEN_PROJECT

NESTED = "[[arxiv 2305]]([10.48550/arXiv.2305.13417](http://arxiv.org/abs/2305.13417))"
UNWRAPPED = "[[arxiv 2305]](http://arxiv.org/abs/2305.13417)"
CRASH = "<!-- this line makes the broken rule crash -->"
FRAGILE = "<!-- the broken rule crashes once the nested link is unwrapped -->"


def _crashes_on_marker(doc: Document, ctx: Context[Any]) -> Iterator[Finding]:
    """Deliberately broken: raises on any file with the CRASH marker, or with the FRAGILE
    marker once the link is unwrapped (so only while fixing)."""
    if CRASH in doc.text or (FRAGILE in doc.text and UNWRAPPED in doc.text):
        raise ZeroDivisionError("a deliberate bug")
    yield from ()


BROKEN = Rule(
    code="TST101",
    name="test-broken-rule",
    summary="a rule that crashes on purpose",
    check=_crashes_on_marker,
    doc="",
)
FORMATS = ["text", "concise", "json", "github", "sarif"]


@pytest.fixture(autouse=True)
def broken_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The broken rules can be selected like any other; the run is in the test's folder."""
    monkeypatch.setattr(selection, "ALL_RULES", (*ALL_RULES, BROKEN, BROKEN_PROJECT))
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def _list(title: str, extra: str = "") -> str:
    return f"# {title}\n\n{extra}\n- **Paper** {NESTED}\n1. [A](https://a.example/{title})\n2. \n"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """Three lists, each with a nested link (ENT002, safe fix) and an empty item (ENT001)."""
    paths = {name: tmp_path / f"{name}.md" for name in ("a", "b", "c")}
    for name, path in paths.items():
        path.write_text(_list(name, CRASH if name == "b" else ""), encoding="utf-8")
    return paths


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def _reported_paths(fmt: str, out: str) -> set[str]:
    """The files that have findings in `out`, read the way a consumer of `fmt` reads it."""
    if fmt == "json":
        return {row["path"] for row in json.loads(out)}
    if fmt == "sarif":
        data = json.loads(out)
        Sarif.model_validate(data)
        return {
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for result in data["runs"][0]["results"]
        }
    if fmt == "github":
        return {
            line.split("file=", 1)[1].split(",", 1)[0]
            for line in out.splitlines()
            if line.startswith("::")
        }
    return {line.split(":", 1)[0] for line in out.splitlines() if ": ENT00" in line}


def _codes(fmt: str, out: str, path: Path) -> set[str]:
    if fmt == "json":
        return {row["code"] for row in json.loads(out) if row["path"] == str(path)}
    if fmt == "sarif":
        results = json.loads(out)["runs"][0]["results"]
        uri = path.as_posix()
        return {
            r["ruleId"]
            for r in results
            if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri
        }
    lines = [line for line in out.splitlines() if str(path) in line]
    return {code for code in ("ENT001", "ENT002") if any(code in line for line in lines)}


def _one_error_naming(stderr: str, *words: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    for word in words:
        assert word in lines[0], lines[0]
    assert "please report this as a bug" in lines[0]
    assert "Traceback" not in stderr
    return lines[0]


# -- check ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_rule_crashing_on_one_file_costs_only_that_rule_on_that_file(
    fmt: str, files: dict[str, Path]
) -> None:
    paths = [str(path) for path in files.values()]
    result = _run("check", "--offline", "--select", "ENT,TST101", "--output-format", fmt, *paths)
    assert result.exit_code == 2
    assert _reported_paths(fmt, result.stdout) == set(paths)
    for path in files.values():  # the crashing file's other rules report too
        assert _codes(fmt, result.stdout, path) == {"ENT001", "ENT002"}
    _one_error_naming(
        result.stderr, str(files["b"]), "TST101", "test-broken-rule", "ZeroDivisionError"
    )


def test_sarif_names_the_crashed_rule_and_file(files: dict[str, Path]) -> None:
    paths = [str(path) for path in files.values()]
    result = _run(
        "check", "--offline", "--select", "ENT,TST101", "--output-format", "sarif", *paths
    )
    invocation = json.loads(result.stdout)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["associatedRule"]["id"] == "TST101"
    uri = note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == files["b"].as_posix()


def test_the_text_summary_counts_the_crash_apart_from_unreadable_files(
    files: dict[str, Path],
) -> None:
    files["b"].with_name("bad.md").write_bytes(b"# x\n\n- caf\xe9\n")
    result = _run("check", "--offline", "--select", "ENT,TST101", str(files["a"].parent))
    summary = result.stdout.splitlines()[-1]
    assert "1 file could not be checked" in summary
    assert "1 internal error" in summary
    assert result.exit_code == 2


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_project_rule_crashing_keeps_the_other_rules_findings(
    fmt: str, files: dict[str, Path]
) -> None:
    paths = [str(path) for path in files.values()]
    result = _run("check", "--offline", "--select", "ENT,TST102", "--output-format", fmt, *paths)
    assert result.exit_code == 2
    assert _reported_paths(fmt, result.stdout) == set(paths)
    _one_error_naming(result.stderr, "TST102", "test-broken-project-rule", "KeyError")


def test_suppressions_of_a_crashed_rule_are_not_called_unused(files: dict[str, Path]) -> None:
    text = files["b"].read_text(encoding="utf-8")
    files["b"].write_text("<!-- awesomelint-disable-file TST101 -->\n" + text, encoding="utf-8")
    result = _run(
        "check", "--offline", "--select", "ENT,TST101,AWL100", "--output-format", "json",
        *(str(path) for path in files.values()),
    )  # fmt: skip
    assert result.exit_code == 2
    assert "AWL100" not in {row["code"] for row in json.loads(result.stdout)}


# -- fix ------------------------------------------------------------------------------------


@pytest.mark.parametrize("marker", [CRASH, FRAGILE], ids=["on-the-original", "while-fixing"])
def test_fix_leaves_only_the_file_a_rule_crashed_on(marker: str, files: dict[str, Path]) -> None:
    files["b"].write_text(_list("b", marker), encoding="utf-8")
    before = files["b"].read_bytes()
    result = _run("fix", "--offline", "--select", "ENT,TST101", *(str(p) for p in files.values()))
    assert result.exit_code == 2
    assert files["b"].read_bytes() == before
    for name in ("a", "c"):
        assert files[name].read_text(encoding="utf-8") == _list(name).replace(NESTED, UNWRAPPED)
    line = _one_error_naming(result.stderr, str(files["b"]), "TST101", "ZeroDivisionError")
    assert "nothing was written" in line
    assert "Applied 2 fixes in 2 files." in result.stdout


def test_fix_diff_leaves_out_the_file_a_rule_crashed_on(files: dict[str, Path]) -> None:
    files["b"].write_text(_list("b", FRAGILE), encoding="utf-8")
    result = _run(
        "fix", "--offline", "--diff", "--select", "ENT,TST101", *(str(p) for p in files.values())
    )
    assert result.exit_code == 2
    touched = {line[4:] for line in result.stdout.splitlines() if line.startswith("+++ ")}
    assert touched == {str(files["a"]), str(files["c"])}


def test_fix_goes_on_when_a_project_rule_crashes(files: dict[str, Path]) -> None:
    files["b"].write_text(_list("b"), encoding="utf-8")
    result = _run("fix", "--offline", "--select", "ENT,TST102", *(str(p) for p in files.values()))
    assert result.exit_code == 2
    for name, path in files.items():
        assert path.read_text(encoding="utf-8") == _list(name).replace(NESTED, UNWRAPPED)
    _one_error_naming(result.stderr, "TST102", "KeyError")


# -- the parser ------------------------------------------------------------------------------


@pytest.fixture
def fragile_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """A parser bug: a heading titled "Explode" raises, and so does "Explode later" once the
    file has an unwrapped link."""
    real = parse._Walker._heading

    def heading(self: Any, token: Any, inline: Any) -> None:
        if inline.content == "Explode" or (
            inline.content == "Explode later" and UNWRAPPED in self.text
        ):
            raise IndexError("a deliberate parser bug")
        real(self, token, inline)

    monkeypatch.setattr(parse._Walker, "_heading", heading)


@pytest.mark.usefixtures("fragile_parser")
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_parser_crash_costs_one_file_with_its_line(fmt: str, files: dict[str, Path]) -> None:
    files["b"].write_text(_list("b", "## Explode\n"), encoding="utf-8")
    paths = [str(path) for path in files.values()]
    result = _run("check", "--offline", "--select", "ENT", "--output-format", fmt, *paths)
    assert result.exit_code == 2
    assert _reported_paths(fmt, result.stdout) == {paths[0], paths[2]}
    line = _one_error_naming(result.stderr, f"{files['b']}:3:", "IndexError")
    assert "internal error while parsing" in line


@pytest.mark.usefixtures("fragile_parser")
@pytest.mark.parametrize("heading", ["Explode", "Explode later"])
def test_fix_goes_on_past_a_parser_crash(heading: str, files: dict[str, Path]) -> None:
    files["b"].write_text(_list("b", f"## {heading}\n"), encoding="utf-8")
    before = files["b"].read_bytes()
    result = _run("fix", "--offline", "--select", "ENT", *(str(p) for p in files.values()))
    assert result.exit_code == 2
    assert files["b"].read_bytes() == before
    for name in ("a", "c"):
        assert UNWRAPPED in files[name].read_text(encoding="utf-8")
    _one_error_naming(result.stderr, str(files["b"]), "IndexError")


# -- the link checks -------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "fix"])
def test_a_crashing_link_check_keeps_the_offline_findings(
    command: str, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    def make_gatherer(*args: object, **kwargs: object) -> Any:
        def gather(documents: object) -> Any:
            raise RuntimeError("a deliberate bug in the link checks")

        return gather

    monkeypatch.setattr(netwire, "make_gatherer", make_gatherer)
    files["b"].write_text(_list("b"), encoding="utf-8")
    paths = [str(path) for path in files.values()]
    result = _run(command, "--online", "--select", "ENT,NET", "--output-format", "json", *paths)
    assert result.exit_code == 2
    _one_error_naming(result.stderr, "checking the links failed", "RuntimeError")
    if command == "check":
        assert {row["path"] for row in json.loads(result.stdout)} == set(paths)
    else:
        assert all(UNWRAPPED in path.read_text(encoding="utf-8") for path in files.values())
