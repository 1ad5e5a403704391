"""One harness for every rule: the fixture files in fixtures/rules/<CODE>.md."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from awesomelint.config import options_from_table
from awesomelint.document.parse import parse_text
from awesomelint.engine import RuleSettings, check_documents
from awesomelint.fixing.fixer import fix_document
from awesomelint.rules import Rule, find_rule
from tests.fixture_cases import Case, all_cases
from tests.net_facts import FACTS


def case_facts(case: Case) -> dict[str, Any]:
    """Network facts named by a `# facts: NAME` line (see tests/net_facts.py)."""
    names = [f.split(":", 1)[1].strip() for f in case.flags if f.startswith("facts:")]
    return {"net": FACTS[names[0]]} if names else {}


def case_options(case: Case, rule: Rule) -> Any:
    """Options from `# config: key = value` lines (TOML) under the case's title."""
    lines = [flag[len("config:") :].strip() for flag in case.flags if flag.startswith("config:")]
    table = tomllib.loads("\n".join(lines)) if lines else {}
    return options_from_table(rule, table, case.id)


@pytest.mark.parametrize("case", all_cases(), ids=lambda case: case.id)
def test_rule_case(case: Case) -> None:
    rule = find_rule(case.file.stem)
    assert rule is not None, f"no rule with code {case.file.stem}"
    parsed = parse_text(case.source, "case.md")
    settings = RuleSettings(options={rule.code: case_options(case, rule)})
    facts = case_facts(case)
    findings = check_documents([parsed], [rule], facts, settings=settings)
    got = tuple(f"{f.line}:{f.column} {f.code}" for f in findings)
    assert got == case.findings

    outcome = fix_document(
        parsed, [rule], unsafe="unsafe" in case.flags, settings=settings, facts=facts
    )
    expected = case.source if case.fixed is None else case.fixed
    assert outcome.parsed.document.text == expected
