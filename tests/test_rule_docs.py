"""Each rule's documentation is true: its Bad example is reported, its Good example is not."""

from __future__ import annotations

import re
import textwrap

import pytest

from awesomelint.document.parse import parse_text
from awesomelint.engine import check_documents
from awesomelint.rules import ALL_RULES, Rule

_BLOCK = re.compile(r"^(Bad|Good):\n((?:(?:    .*)?\n)+)", re.MULTILINE)
OFFLINE = [rule for rule in ALL_RULES if not rule.needs_network]


def examples(rule: Rule) -> dict[str, str]:
    found = {}
    for match in _BLOCK.finditer(rule.doc):
        found[match.group(1)] = textwrap.dedent(match.group(2)).strip("\n") + "\n"
    return found


def codes(rule: Rule, text: str) -> list[str]:
    return [f.code for f in check_documents([parse_text(text, "doc.md")], [rule])]


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_docs_have_bad_and_good_examples(rule: Rule) -> None:
    assert set(examples(rule)) == {"Bad", "Good"}, rule.code


@pytest.mark.parametrize("rule", OFFLINE, ids=lambda rule: rule.code)
def test_bad_example_is_reported_and_good_is_not(rule: Rule) -> None:
    docs = examples(rule)
    if rule.code == "AWL100":  # reported only next to the other rules it suppresses
        rules = [r for r in OFFLINE if r.code != "AWL100"] + [rule]
        found = check_documents([parse_text(docs["Bad"], "doc.md")], rules)
        assert rule.code in [f.code for f in found]
        return
    assert rule.code in codes(rule, docs["Bad"]), docs["Bad"]
    assert rule.code not in codes(rule, docs["Good"]), docs["Good"]
