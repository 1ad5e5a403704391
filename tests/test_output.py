"""What a maintainer reads: severity words, source lines, short messages, statistics, and the
flags that hide what they do not want to read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from awesomelint.cli import cli
from awesomelint.diagnostics import Finding, Severity
from awesomelint.document.model import Span
from awesomelint.report import REPORTERS, RunResult

LIST = (
    "# Papers\n\n"
    "- [Alpha](https://arxiv.org/abs/2302.12461) - first\n"
    "- [Beta](http://arxiv.org/abs/2301.00001) - second\n"
    "- [Alpha](https://arxiv.org/abs/2302.12461) - first\n"
    "- \n"
)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["check", "--offline", *args])
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stdout


@pytest.fixture
def listing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "list.md"
    path.write_text(LIST, encoding="utf-8")
    return path


def test_severity_word_source_line_and_caret(listing: Path) -> None:
    _, out = run("--select", "URL001", "list.md")
    lines = out.splitlines()
    assert lines[0].startswith("list.md:4:10: URL001 [non-canonical-url] warning: ")
    assert lines[0].endswith(" [*]")
    assert lines[1] == "4 | - [Beta](http://arxiv.org/abs/2301.00001) - second"
    assert lines[2] == "  | " + " " * 9 + "^" * len("http://arxiv.org/abs/2301.00001")


def test_source_lines_can_be_turned_off(listing: Path) -> None:
    _, out = run("--select", "URL001", "--no-show-source", "list.md")
    assert " | " not in out
    (listing.parent / "awesomelint.toml").write_text("show-source = false\n")
    _, out = run("--select", "URL001", "list.md")
    assert " | " not in out
    _, out = run("--select", "URL001", "--show-source", "list.md")
    assert "4 | " in out


def test_the_fix_marker_is_for_safe_fixes_only(listing: Path) -> None:
    _, out = run("--select", "ENT001,URL001", "--no-show-source", "list.md")
    empty = next(line for line in out.splitlines() if "ENT001" in line)
    canonical = next(line for line in out.splitlines() if "URL001" in line)
    assert "[*]" not in empty  # deleting an item is an unsafe fix
    assert canonical.endswith("[*]")
    assert "1 fixable with `awesomelint fix`; 1 more with `--unsafe-fixes`" in out


def test_other_places_are_short_in_text_and_whole_in_json(listing: Path) -> None:
    _, out = run("--select", "DUP001", "--no-show-source", "list.md")
    line = out.splitlines()[0]
    assert "entry at line 3" in line and "list.md:3" not in line
    _, out = run("--select", "DUP001", "--output-format", "json", "list.md")
    (row,) = json.loads(out)
    assert "list.md:3" in row["message"]
    assert row["related"] == [{"path": "list.md", "line": 3}]


def _finding(code: str, rule: str, message: str, span: Span) -> Finding:
    return Finding(
        Path("a.md"), code, rule, message, span, 1, span.start + 1, 1, span.end + 1, Severity.ERROR
    )


def test_network_findings_name_their_url_and_long_messages_are_cut() -> None:
    text = "- [A](https://gone.example/paper) x\n"
    start = text.index("https")
    broken = _finding(
        "NET007",
        "broken-link",
        "link is broken (404 Not Found)",
        Span(start, text.index(")", start)),
    )
    long = _finding(
        "DUP002",
        "inconsistent-duplicate",
        "title differs: '" + "word " * 40 + "' here, '" + "other " * 40 + "' there",
        Span(0, 5),
    )
    result = RunResult(findings=(broken, long), sources={Path("a.md"): text})
    out = REPORTERS["text"](result)
    assert "link is broken (404 Not Found): https://gone.example/paper" in out
    long_line = next(line for line in out.splitlines() if "DUP002" in line)
    assert len(long_line) < 240 and "\u2026" in long_line
    rows = json.loads(REPORTERS["json"](result))
    assert rows[0]["url"] == "https://gone.example/paper"
    assert rows[1]["message"] == long.message  # the machine formats keep it whole
    sarif = json.loads(REPORTERS["sarif"](result))
    assert sarif["runs"][0]["results"][0]["properties"]["url"] == "https://gone.example/paper"


def test_wide_characters_keep_the_caret_under_the_span() -> None:
    text = "- [\u8bba\u6587](http://x.example/) y\n"
    start = text.index("http")
    finding = _finding("URL001", "non-canonical-url", "m", Span(start, start + 4))
    out = REPORTERS["text"](
        RunResult(findings=(finding,), sources={Path("a.md"): text}, show_source=True)
    )
    caret = out.splitlines()[2]
    assert caret.index("^") == len("1 | - [") + 4 + len("](")


def test_statistics_count_per_rule(listing: Path) -> None:
    _, out = run("--select", "ENT001,URL001,DUP001", "--statistics", "list.md")
    rows = {line.split()[1]: line for line in out.splitlines()}
    assert set(rows) == {"ENT001", "URL001", "DUP001"}
    assert "[*] 1 fixable" in rows["URL001"] and "1 with --unsafe-fixes" in rows["ENT001"]
    _, out = run("--select", "URL001", "--statistics", "--output-format", "json", "list.md")
    assert json.loads(out) == [
        {
            "code": "URL001",
            "name": "non-canonical-url",
            "severity": "warning",
            "count": 1,
            "fixable": 1,
            "unsafe_fixable": 0,
        }
    ]


def test_quiet_and_min_severity(listing: Path) -> None:
    code, out = run("--select", "DUP001,URL001", "--quiet", "--no-show-source", "list.md")
    assert code == 1
    assert out.count("\n") == 2 and "checked" not in out
    (listing.parent / "b.md").write_text("# Other\n\n- [Alpha](https://arxiv.org/abs/2302.12461)\n")
    code, out = run("--select", "DUP001", "--no-show-source", ".")
    assert "info:" in out  # a copy in another file is an info finding
    code, out = run("--select", "DUP001", "--min-severity", "warning", "--no-show-source", ".")
    assert "info:" not in out and "below warning not shown" in out
    assert code == 1  # the hidden findings still count: the error copy in list.md


def test_fix_diff_is_coloured_on_a_terminal(listing: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("awesomelint.cli_output.color", lambda _stream: True)
    result = CliRunner().invoke(
        cli, ["fix", "--offline", "--select", "URL001", "--diff", "list.md"]
    )
    assert result.exit_code == 1
    assert "\x1b[32m+- [Beta](https://arxiv.org/abs/2301.00001) - second\x1b[0m" in result.stdout
    assert "\x1b[31m-- [Beta](http://" in result.stdout
    monkeypatch.undo()
    plain = CliRunner().invoke(cli, ["fix", "--offline", "--select", "URL001", "--diff", "list.md"])
    assert "\x1b[" not in plain.stdout


def test_sarif_with_related_locations_is_valid(listing: Path) -> None:
    from sarif_pydantic import Sarif

    _, out = run("--select", "DUP001", "--output-format", "sarif", "list.md")
    data = json.loads(out)
    Sarif.model_validate(data)
    (result,) = data["runs"][0]["results"]
    (place,) = result["relatedLocations"]
    assert place["physicalLocation"]["region"]["startLine"] == 3
