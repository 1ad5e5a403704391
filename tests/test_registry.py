"""The rule registry agrees with the rule modules, their fixtures, their docs and the README."""

from __future__ import annotations

import re
from pathlib import Path

import awesomelint.rules as rules_package
from awesomelint.report.ruledocs import markdown_table
from awesomelint.rules import ALL_RULES
from tests.fixture_cases import RULE_FIXTURES, read_cases

ROOT = Path(__file__).parent.parent
RULES_DIR = Path(rules_package.__file__).parent
REQUIRED_NAMES = {
    "duplicate-entry",
    "misspelling",
    "venue-alias",
    "venue-tag-format",
    "arxiv-tag-mismatch",
    "invalid-arxiv-id",
    "non-canonical-url",
    "mojibake",
    "arxiv-not-found",
    "github-repo-not-found",
    "github-repo-moved",
    "broken-link",
    "empty-entry",
    "malformed-link",
    "inconsistent-duplicate",
    "arxiv-withdrawn",
    "arxiv-title-mismatch",
    "github-repo-archived",
    "invalid-directive",
    "unused-suppression",
}


def test_every_rule_module_is_registered() -> None:
    modules = {p.stem for p in RULES_DIR.glob("*.py") if not p.stem.startswith("_")}
    registered = {rule.check.__module__.rsplit(".", 1)[-1] for rule in ALL_RULES}
    assert modules == registered


def test_codes_and_names_are_well_formed_and_unique() -> None:
    codes = [rule.code for rule in ALL_RULES]
    names = [rule.name for rule in ALL_RULES]
    assert len(set(codes)) == len(codes) and len(set(names)) == len(names)
    for rule in ALL_RULES:
        assert re.fullmatch(r"[A-Z]{2,4}[0-9]{3}", rule.code)
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
        module = rule.check.__module__.rsplit(".", 1)[-1]
        assert module == rule.name.replace("-", "_")


def test_every_rule_name_promised_by_the_issues_exists() -> None:
    """Rule names are a public contract: users' configs and CI scripts name them."""
    assert {rule.name for rule in ALL_RULES} >= REQUIRED_NAMES


def test_every_rule_has_docs_and_fixtures_with_no_op_cases() -> None:
    for rule in ALL_RULES:
        assert rule.doc.startswith(f"{rule.code} {rule.name}: ")
        for heading in ("Why:", "Bad:", "Good:", "Fix:"):
            assert heading in rule.doc, f"{rule.code} docs lack {heading}"
        cases = read_cases(RULE_FIXTURES / f"{rule.code}.md")
        assert any(not case.findings for case in cases), f"{rule.code} has no no-op case"
        assert any(case.findings for case in cases), f"{rule.code} has no bad case"
        has_fix = any(case.fixed is not None for case in cases)
        assert has_fix == rule.fixable, f"{rule.code}: fixable disagrees with its fixtures"


def test_readme_rule_table_is_current() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert markdown_table() in readme, (
        "README rule table is stale: paste `awesomelint rules --format markdown`"
    )
