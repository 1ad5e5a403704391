"""One harness for every rule: the fixture files in fixtures/rules/<CODE>.md."""

from __future__ import annotations

import pytest

from awesomelint.engine import check_documents
from awesomelint.fixer import fix_document
from awesomelint.parse import parse_text
from awesomelint.rules import find_rule
from tests.fixture_cases import Case, all_cases


@pytest.mark.parametrize("case", all_cases(), ids=lambda case: case.id)
def test_rule_case(case: Case) -> None:
    rule = find_rule(case.file.stem)
    assert rule is not None, f"no rule with code {case.file.stem}"
    parsed = parse_text(case.source, "case.md")
    findings = check_documents([parsed], [rule])
    got = tuple(f"{f.line}:{f.column} {f.code}" for f in findings)
    assert got == case.findings

    outcome = fix_document(parsed, [rule], unsafe="unsafe" in case.flags)
    expected = case.source if case.fixed is None else case.fixed
    assert outcome.parsed.document.text == expected
