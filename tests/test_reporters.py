"""Every output format, against golden files made from one shared set of results."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sarif_pydantic import Sarif

from awesomelint.diagnostics import Applicability, Edit, FileError, Finding, Fix, Severity
from awesomelint.document.model import Span
from awesomelint.report import REPORTERS, RunResult

GOLDEN = Path(__file__).parent / "golden" / "report"


def _finding(
    path: str, line: int, code: str, rule: str, severity: Severity, **extra: object
) -> Finding:
    return Finding(
        path=Path(path),
        code=code,
        rule=rule,
        message=str(extra.get("message", f"{rule} here")),
        span=Span(10 * line, 10 * line + 5),
        line=line,
        column=3,
        end_line=line,
        end_column=8,
        severity=severity,
        fix=extra.get("fix"),  # type: ignore[arg-type]
    )


RESULT = RunResult(
    findings=(
        _finding(
            "lists/a.md",
            4,
            "ENT001",
            "empty-entry",
            Severity.ERROR,
            fix=Fix((Edit(40, 44, ""),), Applicability.UNSAFE, removes_entries=1),
        ),
        _finding(
            "lists/a.md",
            9,
            "ENT002",
            "malformed-link",
            Severity.ERROR,
            message="link destination is itself a link, 100%: use the inner URL",
            fix=Fix((Edit(90, 120, "https://arxiv.org/abs/2305.13417"),)),
        ),
        _finding("lists/b,c.md", 2, "AWL001", "invalid-directive", Severity.WARNING),
        _finding("lists/b,c.md", 7, "AWL100", "unused-suppression", Severity.INFO),
    ),
    errors=(FileError(Path("lists/bad.md"), "lists/bad.md:3: invalid UTF-8 (byte 0xe9)"),),
    files_checked=2,
    notes=("3 links could not be checked (no network).",),
)


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_reporter_matches_golden_file(name: str) -> None:
    rendered = REPORTERS[name](RESULT)
    if name == "sarif":  # the rule catalogue grows with every rule; it is tested below
        data = json.loads(rendered)
        data["runs"][0]["tool"]["driver"]["rules"] = "..."
        for result in data["runs"][0]["results"]:
            result.pop("ruleIndex", None)
        rendered = json.dumps(data, indent=2) + "\n"
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8")


def test_json_keeps_the_contract_fields() -> None:
    data = json.loads(REPORTERS["json"](RESULT))
    contract = {"path", "line", "column", "code", "rule", "severity", "message", "fixable"}
    for row in data:
        assert contract <= row.keys()
        assert {"end_line", "end_column", "fix"} <= row.keys()
    assert data[0]["fix"] == {
        "applicability": "unsafe",
        "edits": [{"start": 40, "end": 44, "content": ""}],
    }


def test_sarif_is_valid_sarif_2_1_0() -> None:
    data = json.loads(REPORTERS["sarif"](RESULT))
    Sarif.model_validate(data)
    run = data["runs"][0]
    assert [r["level"] for r in run["results"]] == ["error", "error", "warning", "note"]
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_github_escapes_properties_and_data() -> None:
    lines = REPORTERS["github"](RESULT).splitlines()
    assert lines[1].startswith("::error file=lists/a.md,line=9,col=3,")
    assert lines[1].endswith("::link destination is itself a link, 100%25: use the inner URL")
    assert "file=lists/b%2Cc.md" in lines[2]
    assert lines[3].startswith("::notice ")


def test_text_groups_by_file_and_colours_only_on_request() -> None:
    plain = REPORTERS["text"](RESULT)
    assert "\x1b[" not in plain
    assert "lists/a.md:9:3: ENT002 [malformed-link]" in plain
    assert "\n\nlists/b,c.md:2:3:" in plain
    import dataclasses

    coloured = REPORTERS["text"](dataclasses.replace(RESULT, color=True))
    assert "\x1b[31mENT001\x1b[0m" in coloured
