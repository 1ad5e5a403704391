"""Suppression comments: every form, nesting, unknown codes, unused suppressions."""

from __future__ import annotations

import pytest

from awesomelint.document.parse import parse_text
from awesomelint.engine import check_documents
from awesomelint.rules import ALL_RULES
from awesomelint.selection import resolve_rules


def findings(text: str, *extra: str) -> list[str]:
    rules = resolve_rules(["ENT", "AWL001"], list(extra))
    parsed = parse_text(text, "t.md")
    return [f"{f.line} {f.code}" for f in check_documents([parsed], rules)]


BAD = "1. [x]()\n"  # line with an ENT002 finding


def test_disable_line_and_next_line() -> None:
    text = f"{BAD}1. [x]() <!-- awesomelint-disable-line -->\n<!-- awesomelint-disable-next-line ENT002 -->\n{BAD}"
    assert findings(text) == ["1 ENT002"]


def test_disable_next_line_with_another_code_does_not_hide() -> None:
    text = f"<!-- awesomelint-disable-next-line ENT001 -->\n{BAD}"
    assert findings(text) == ["2 ENT002"]


def test_names_and_families_work_like_codes() -> None:
    text = f"<!-- awesomelint-disable-next-line malformed-link -->\n{BAD}<!-- awesomelint-disable-next-line ENT -->\n{BAD}"
    assert findings(text) == []


def test_disable_enable_regions_nest() -> None:
    text = (
        "<!-- awesomelint-disable ENT002 -->\n"  # 1
        f"{BAD}"  # 2 hidden
        "<!-- awesomelint-disable -->\n"  # 3
        f"{BAD}"  # 4 hidden
        "<!-- awesomelint-enable ENT002 -->\n"  # 5
        f"{BAD}"  # 6 shown: ENT002 enabled again inside the disable-all
        "<!-- awesomelint-enable -->\n"  # 7
        f"{BAD}"  # 8 shown
    )
    assert findings(text) == ["6 ENT002", "8 ENT002"]


def test_disable_file() -> None:
    assert findings(f"{BAD}\n<!-- awesomelint-disable-file malformed-link -->\n") == []
    assert findings(f"{BAD}<!-- awesomelint-disable-file ENT001 -->\n") == ["1 ENT002"]


def test_comment_in_code_is_not_a_directive() -> None:
    text = f"`<!-- awesomelint-disable-file -->`\n\n{BAD}"
    assert findings(text) == ["3 ENT002"]


def test_unknown_code_is_a_finding() -> None:
    text = "<!-- awesomelint-disable-next-line DUP01 nonsense-rule -->\n- x\n"
    assert findings(text) == ["1 AWL001", "1 AWL001"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"<!-- awesomelint-disable-next-line ENT002 -->\n{BAD}", []),
        ("<!-- awesomelint-disable-next-line ENT002 -->\n- fine\n", ["1 AWL100"]),
        (
            f"<!-- awesomelint-disable -->\n- fine\n<!-- awesomelint-enable -->\n{BAD}",
            ["1 AWL100", "4 ENT002"],
        ),
    ],
)
def test_unused_suppressions_on_request(text: str, expected: list[str]) -> None:
    assert findings(text, "AWL100") == expected
    assert "AWL100" not in " ".join(findings(text))  # off unless asked for


def test_unused_suppression_rule_is_registered_but_off_by_default() -> None:
    rule = next(r for r in ALL_RULES if r.code == "AWL100")
    assert not rule.enabled_by_default
    assert rule not in resolve_rules(None)
    assert rule in resolve_rules(None, ["AWL100"])
