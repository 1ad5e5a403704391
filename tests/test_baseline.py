"""Adopting awesomelint on a list with findings: a baseline, so that only new findings fail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from awesomelint.cli import cli

LIST = (
    "# Papers\n\n"
    "- [Alpha](http://arxiv.org/abs/2302.12461) - first\n"
    "- [Beta](https://b.example/) - second\n"
    "- []()\n"
    "- []()\n"
)
FLAGS = ("--offline", "--select", "URL001,ENT002", "--no-show-source")


def run(*args: str, command: str = "check") -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [command, *FLAGS, *args])
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def listing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "list.md"
    path.write_text(LIST, encoding="utf-8")
    return path


def test_written_baseline_hides_todays_findings(listing: Path) -> None:
    code, out, _ = run("--write-baseline", "baseline.json", "list.md")
    assert (code, out) == (0, "Wrote 3 findings to baseline.json.\n")
    data = json.loads(Path("baseline.json").read_text())
    assert {(row["code"], row["line"], row["count"]) for row in data["findings"]} == {
        ("URL001", "- [Alpha](http://arxiv.org/abs/2302.12461) - first", 1),
        ("ENT002", "- []()", 2),
    }
    code, out, _ = run("--baseline", "baseline.json", "list.md")
    assert code == 0
    assert "3 findings in the baseline not shown" in out
    assert "list.md:" not in out


def test_edits_elsewhere_keep_it_and_only_new_findings_fail(listing: Path) -> None:
    run("--write-baseline", "baseline.json", "list.md")
    listing.write_text(
        "# Papers\n\nAn introduction.\n\nMore words.\n\n"
        + LIST.split("\n\n", 1)[1]
        + "- []()\n- [Gamma](http://arxiv.org/abs/2301.00001)\n"
    )
    code, out, _ = run("--baseline", "baseline.json", "list.md")
    assert code == 1
    reported = [
        line.split(": ", 1)[0] + " " + line.split()[1]
        for line in out.splitlines()
        if line.startswith("list.md:")
    ]
    # The third identical empty link and the new non-canonical URL; lines moved by 4.
    assert reported == ["list.md:11:3 ENT002", "list.md:12:11 URL001"]


def test_stale_entries_are_reported(listing: Path) -> None:
    run("--write-baseline", "baseline.json", "list.md")
    assert (
        run("--baseline", "baseline.json", "list.md", command="fix")[0] == 0
    )  # ENT002 left: known
    code, out, _ = run("--baseline", "baseline.json", "list.md")
    assert code == 0
    assert "1 stale baseline entry in baseline.json" in out
    assert "URL001 '- [Alpha](http://arxiv.org" in out


def test_rules_that_did_not_run_and_files_not_checked_are_not_stale(listing: Path) -> None:
    Path("baseline.json").write_text(
        json.dumps(
            {
                "awesomelint-baseline": 1,
                "findings": [
                    {
                        "path": "list.md",
                        "code": "NET007",
                        "line": "- [Beta](https://b.example/) - second",
                        "count": 1,
                    },
                    {"path": "other.md", "code": "URL001", "line": "- x", "count": 1},
                ],
            }
        )
    )
    _, out, _ = run("--select", "URL001", "--baseline", "baseline.json", "list.md")
    assert "stale" not in out


def test_the_configuration_names_the_baseline(listing: Path) -> None:
    Path("sub").mkdir()
    run("--write-baseline", "sub/known.json", "list.md")
    Path("awesomelint.toml").write_text('baseline = "sub/known.json"\n')
    assert run("list.md")[0] == 0


@pytest.mark.parametrize(
    "text", ["{", "[]", '{"awesomelint-baseline": 1, "findings": [{"path": 3}]}']
)
def test_a_bad_baseline_is_one_line_naming_it(listing: Path, text: str) -> None:
    Path("baseline.json").write_text(text)
    code, _, err = run("--baseline", "baseline.json", "list.md")
    assert code == 2
    assert err.startswith("awesomelint: error: baseline.json:") and err.count("\n") == 1
    code, _, err = run("--baseline", "missing.json", "list.md")
    assert code == 2 and "no such baseline file" in err


def test_since_does_not_make_entries_stale(listing: Path) -> None:
    import subprocess

    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "x"]):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            check=True,
            capture_output=True,
        )
    run("--write-baseline", "baseline.json", "list.md")
    listing.write_text(LIST + "- [D](http://arxiv.org/abs/2301.00002)\n")
    code, out, _ = run("--baseline", "baseline.json", "--since", "HEAD", "list.md")
    assert code == 1 and "list.md:7:" in out
    assert "stale" not in out
