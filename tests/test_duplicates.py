"""Duplicate rules across files, through the engine and the CLI, and on the seed lists."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from awesomelint.cli import cli
from awesomelint.diagnostics import Severity
from awesomelint.document.parse import parse_text
from awesomelint.engine import check_documents
from awesomelint.errors import ConfigError
from awesomelint.knowledge.paper_identity import identity_keys
from awesomelint.knowledge.paper_titles import title_key
from awesomelint.rules import Context, Rule, duplicate_entry, inconsistent_duplicate

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
RULES = [duplicate_entry.RULE, inconsistent_duplicate.RULE]

FIRST = """\
# Papers
## Circuits
- **Progress measures for grokking** [[ICLR 2023]](https://openreview.net/forum?id=9XFSbDPmdW)
"""
SECOND = """\
# More papers

## Grokking
- **Grokking progress measures** [[arxiv 2301]](https://openreview.net/pdf?id=9XFSbDPmdW)
"""


def _found(findings: list, code: str) -> list[str]:
    return [f"{f.path.name}:{f.line}:{f.column}" for f in findings if f.code == code]


def test_a_repeat_in_another_file_is_info_and_names_the_first_copy() -> None:
    docs = [parse_text(FIRST, "first.md"), parse_text(SECOND, "second.md")]
    findings = check_documents(docs, RULES)
    [dup] = [f for f in findings if f.code == "DUP001"]
    assert (dup.path, dup.line, dup.column) == (Path("second.md"), 4, 1)
    assert dup.severity is Severity.INFO
    assert "first.md:3" in dup.message
    assert dup.fix is None


def test_inconsistent_copies_in_other_files_are_left_alone_by_default() -> None:
    docs = [parse_text(FIRST, "first.md"), parse_text(SECOND, "second.md")]
    assert _found(check_documents(docs, RULES), "DUP002") == []


def test_inconsistent_copies_in_other_files_when_asked() -> None:
    docs = [parse_text(FIRST, "first.md"), parse_text(SECOND, "second.md")]
    rule = inconsistent_duplicate.RULE
    options = inconsistent_duplicate.Options(across_files=True)
    contexts = [Context(rule, options, rule.default_severity, parsed) for parsed in docs]
    findings = list(rule.check(contexts))
    assert [(f.line, f.column) for f in findings] == [(4, 5), (4, 36)]
    assert all("first.md:3" in f.message for f in findings)
    assert "'ICLR 2023'" in findings[1].message and "'arxiv 2301'" in findings[1].message


def test_severities_follow_the_options() -> None:
    doc = parse_text(FIRST + "## Again\n" + FIRST.splitlines()[2] + "\n", "one.md")
    rule = duplicate_entry.RULE
    for level, expected in (("error", [Severity.ERROR]), ("off", [])):
        options = duplicate_entry.Options(other_section=level)
        ctx = Context(rule, options, rule.default_severity, doc)
        assert [f.severity for f in rule.check([ctx])] == expected


GROUPS = """\
## Highlights

> **Surveys**

- **A Survey of Circuit Discovery** [Paper](https://arxiv.org/abs/2404.14082)

---

> **Benchmarks**

- **A Survey of Circuit Discovery** [Paper](https://arxiv.org/abs/2404.14082)
- **Induction Heads Revisited** [Paper](https://arxiv.org/abs/2404.14083)
- **Induction Heads Revisited** [Paper](https://arxiv.org/abs/2404.14083)
"""


def test_a_thematic_break_parts_two_groups_of_one_section() -> None:
    doc = parse_text(GROUPS, "groups.md")
    rule = duplicate_entry.RULE
    ctx = Context(rule, rule.options(), rule.default_severity, doc)
    findings = list(rule.check([ctx]))
    got = [(f.line, f.severity, "in this section" in f.message) for f in findings]
    assert got == [(11, Severity.INFO, False), (13, Severity.ERROR, True)]
    assert "groups.md:5" in findings[0].message and "groups.md:12" in findings[1].message


def test_unknown_severity_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="same-section"):
        duplicate_entry.Options(same_section="fatal")


def test_cli_reports_repeats_across_two_files(tmp_path: Path) -> None:
    (tmp_path / "first.md").write_text(FIRST, encoding="utf-8")
    (tmp_path / "second.md").write_text(SECOND, encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["check", "--offline", "--select", "DUP", "--output-format", "json", str(tmp_path)],
    )
    findings = json.loads(result.output)
    assert [(Path(f["path"]).name, f["line"], f["code"], f["severity"]) for f in findings] == [
        ("second.md", 4, "DUP001", "info")
    ]
    assert f"{tmp_path / 'first.md'}:3" in findings[0]["message"]
    assert result.exit_code == 0


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_doc_examples(rule: Rule) -> None:
    bad = rule.doc.split("Bad:\n", 1)[1].split("\n\nGood:", 1)[0]
    good = rule.doc.split("Good:\n", 1)[1].split("\n\n", 1)[0]
    assert check_documents([parse_text(textwrap.dedent(bad), "bad.md")], [rule])
    assert not check_documents([parse_text(textwrap.dedent(good), "good.md")], [rule])


def test_seed_duplicates_are_found_at_their_lines() -> None:
    docs = [
        parse_text((SEEDS / name).read_text(encoding="utf-8"), name)
        for name in ("seed-000.md", "seed-002.md")
    ]
    findings = check_documents(docs, RULES)
    own_file = [
        f"{f.path}:{f.line} {f.severity.value}"
        for f in findings
        if f.code == "DUP001" and str(f.path) in f.message
    ]
    assert own_file == [
        "seed-000.md:18 error",
        "seed-002.md:9 error",
        "seed-002.md:159 info",
        "seed-002.md:180 info",
        "seed-002.md:188 info",
        "seed-002.md:200 info",
    ]
    assert _found(findings, "DUP002") == ["seed-000.md:18:5", "seed-002.md:9:5"]


def test_identity_prefers_paper_links_over_code_links() -> None:
    doc = parse_text(
        "- **P** [[x]](https://arxiv.org/pdf/2303.08112v2) [[github]](https://github.com/a/b)\n"
        "- **Tool** [[github]](https://github.com/a/b) [[docs]](https://a.example/)\n"
    ).document
    keys = [identity_keys(entry) for _, entry in doc.entries()]
    assert keys == [frozenset({"arxiv:2303.08112"}), frozenset({"github:a/b"})]


def test_title_keys_need_three_words() -> None:
    assert title_key("**In-context** learning, and induction heads!") == (
        "in context learning and induction heads"
    )
    assert title_key("A Survey") is None
