"""The network rules on hand-built facts: the NET fixture cases, and end to end on fakes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from awesomelint.document.parse import ParsedDocument, parse_text
from awesomelint.engine import check_documents
from awesomelint.fixing.fixer import fix_document
from awesomelint.net import NetFacts
from awesomelint.net.gather import gather_facts
from awesomelint.rules import ALL_RULES, find_rule
from awesomelint.rules.arxiv_title_mismatch import Options, normalise_title, titles_match
from tests.fixture_cases import Case, all_cases
from tests.net_facts import FACTS
from tests.net_servers import (
    FakeArxiv,
    FakeClock,
    FakeGitHub,
    FakeHost,
    Paper,
    Repo,
    fake_settings,
    running,
)

NET_CASES = [case for case in all_cases() if case.file.stem.startswith("NET")]


def case_facts(case: Case) -> Mapping[str, Any]:
    """`# facts: NAME` picks a fact set from tests/net_facts.py; none means offline."""
    names = [flag.split(":", 1)[1].strip() for flag in case.flags if flag.startswith("facts:")]
    return {"net": FACTS[names[0]]} if names else {}


@pytest.mark.parametrize("case", NET_CASES, ids=lambda case: case.id)
def test_net_rule_case(case: Case) -> None:
    rule = find_rule(case.file.stem)
    assert rule is not None and rule.needs_network
    facts = case_facts(case)
    parsed = parse_text(case.source, "case.md")
    findings = check_documents([parsed], [rule], facts)
    assert tuple(f"{f.line}:{f.column} {f.code}" for f in findings) == case.findings

    def run(doc: ParsedDocument) -> list[Any]:
        return check_documents([doc], [rule], facts)

    outcome = fix_document(parsed, [rule], unsafe="unsafe" in case.flags, check=run)
    expected = case.source if case.fixed is None else case.fixed
    assert outcome.parsed.document.text == expected


def test_every_network_rule_is_registered_and_needs_the_network() -> None:
    codes = {rule.code for rule in ALL_RULES if rule.needs_network}
    assert {f"NET00{n}" for n in range(1, 8)} <= codes


def test_rules_ignore_facts_that_are_not_net_facts() -> None:
    parsed = parse_text("- [x](https://example.org/gone)\n", "case.md")
    rules = [rule for rule in ALL_RULES if rule.code.startswith("NET")]
    assert check_documents([parsed], rules, {"net": {"links": {}}}) == []
    assert check_documents([parsed], rules, {"net": NetFacts()}) == []


@pytest.mark.parametrize(
    ("ours", "theirs", "match"),
    [
        ("Attention is all you need", "Attention Is All You Need", True),
        ("BERT", "BERT: Pre-training of Deep Bidirectional Transformers", True),
        ("Scaling $\\alpha$-Laws for {GPT} Models", "Scaling alpha-laws for GPT models", True),
        (
            "Schr\u00f6dinger Bridges Beat Diffusion Models",
            'Schr\\"odinger bridges beat diffusion models',
            True,
        ),
        ("Toy Models of Superposition in Practice", "Toy Models of Superposition", True),
        ("Attention Is All You Need", "Language Models are Few-Shot Learners", False),
        (
            "Knowledge Neurons in Pretrained Transformers",
            "Locating and Editing Factual Associations in GPT",
            False,
        ),
    ],
)
def test_title_comparison_is_forgiving_but_not_blind(ours: str, theirs: str, match: bool) -> None:
    assert titles_match(ours, theirs, Options()) is match


def test_titles_are_normalised_without_latex_or_accents() -> None:
    assert normalise_title("The \\emph{Geometry} of $\\mathbb{R}^n$: Caf\u00e9!") == (
        "the geometry of r n cafe"
    )


def test_end_to_end_against_the_fakes() -> None:
    with (
        running(FakeArxiv({"1706.03762": Paper("Attention Is All You Need")})) as arxiv,
        running(FakeGitHub([Repo(1, "TransformerLensOrg/TransformerLens")])) as github,
        running(FakeHost()) as host,
    ):
        github.renamed["neelnanda-io/transformerlens"] = 1
        text = (
            "# Papers\n\n"
            "- [Attention Is All You Need](https://arxiv.org/abs/1706.03762)\n"
            "- [Missing](https://arxiv.org/abs/1706.93762)\n"
            "- [TL](https://github.com/neelnanda-io/TransformerLens)\n"
            "- [Gone](https://github.com/nobody/nothing)\n"
            f"- [Page]({host.base}/gone) [Busy]({host.base}/busy)\n"
        )
        parsed = parse_text(text, "list.md")
        settings = fake_settings(arxiv_api=arxiv.api, github_api=github.base)
        facts = gather_facts([parsed.document], settings, clock=FakeClock())
    rules = [rule for rule in ALL_RULES if rule.needs_network]
    findings = check_documents([parsed], rules, {"net": facts})
    assert [(f.line, f.code) for f in findings] == [
        (4, "NET001"),
        (5, "NET005"),
        (6, "NET004"),
        (7, "NET007"),
    ]
    assert facts.notes == ("1 link could not be checked (1 HTTP 429)",)
