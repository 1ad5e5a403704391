"""A link a fix writes is written as the link rules want it, in the same pass: the result is
the text the passes would reach one after the other, in fewer passes, and a rule that is not
selected, ignored or suppressed there is not asked."""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from awesomelint.document.model import Link
from awesomelint.document.parse import ParsedDocument, parse_text
from awesomelint.engine import Checker, RuleSettings
from awesomelint.fixing.fixer import FixOutcome, fix_documents
from awesomelint.rules import Rule, find_rule, non_canonical_url
from awesomelint.selection import resolve_rules
from tests import list_shapes

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _nested(inner: str, n: int = 1) -> str:
    return f"- **Paper {n}** [[arxiv 2306]]([10.48550/arXiv.2306.1276{n}]({inner}))\n"


def _offline() -> list[Rule]:
    return [rule for rule in resolve_rules(None) if not rule.needs_network]


class _PassesApart(Checker):
    """The rules as they are, but no link settled: each rewrite waits for a pass of its own."""

    def settle_link(
        self, parsed: ParsedDocument, link: Link, url: str, changes: Sequence[object]
    ) -> str:
        return url


def _fix(
    text: str,
    rules: list[Rule] | None = None,
    settings: RuleSettings | None = None,
    path: str = "<text>",
    runner: type[Checker] = Checker,
) -> FixOutcome:
    checker = runner(rules or _offline(), {}, settings or RuleSettings())
    fixed = fix_documents([parse_text(text, path)], checker)
    (outcome,) = fixed.outcomes
    assert outcome.failure is None and not fixed.errors, outcome.failure or fixed.errors
    return outcome


def _fix_passes_apart(text: str, path: str = "<text>") -> FixOutcome:
    return _fix(text, path=path, runner=_PassesApart)


SHAPES = {
    "http inner URL": _nested("http://arxiv.org/abs/2306.12761"),
    "pinned PDF inner URL": _nested("http://arxiv.org/pdf/2306.12761v2.pdf"),
    "export host and tracking": _nested("https://export.arxiv.org/abs/2306.12761?utm_source=x"),
    "already canonical": _nested("https://arxiv.org/abs/2306.12761"),
    "a list of PDF links": (
        "- [A](https://arxiv.org/pdf/2301.00001) [B](https://arxiv.org/pdf/2301.00002)\n"
        + _nested("http://arxiv.org/abs/2306.12761", 2)
    ),
    "two in one list, one in HTML": (
        _nested("http://arxiv.org/abs/2306.12761")
        + _nested("http://arxiv.org/abs/2306.12762", 2)
        + '- <a href="http://arxiv.org/abs/2306.12763?utm_source=x">C</a>\n'
    ),
    "a code host": "- **Tool** [[code]]([repo](http://github.com/owner/repo.git))\n",
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_settling_reaches_the_text_the_passes_reach(
    shape: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "# Papers\n\n" + SHAPES[shape]
    together = _fix(text)
    apart = _fix_passes_apart(text)
    assert together.parsed.document.text == apart.parsed.document.text
    assert together.remaining == apart.remaining
    assert together.passes <= apart.passes


ABSTRACTS = "- [A](https://arxiv.org/abs/2301.00001)\n- [B](https://arxiv.org/abs/2301.00002)\n"


def test_an_unwrapped_link_is_made_canonical_in_the_same_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "# Papers\n\n" + ABSTRACTS + _nested("http://arxiv.org/pdf/2306.12761v2.pdf")
    outcome = _fix(text)
    assert outcome.passes == 1
    assert "](https://arxiv.org/abs/2306.12761)" in outcome.parsed.document.text
    assert [finding.code for finding in outcome.applied] == ["ENT002"]
    apart = _fix_passes_apart(text)
    assert apart.passes == 2
    assert apart.parsed.document.text == outcome.parsed.document.text


def test_a_link_that_could_turn_the_list_s_habit_waits_for_the_next_pass() -> None:
    # Alone, the unwrapped PDF link makes this a list of pinned PDF links: what the next
    # pass reads, not what the list read before.
    text = "# Papers\n\n" + _nested("http://arxiv.org/pdf/2306.12761v2.pdf")
    outcome = _fix(text)
    assert outcome.passes == 2
    assert "](https://arxiv.org/pdf/2306.12761v2.pdf)" in outcome.parsed.document.text


def _unwrapped_url(outcome: FixOutcome) -> str:
    (link,) = outcome.parsed.document.links
    return link.url


def test_the_link_rule_is_not_asked_when_it_is_not_selected() -> None:
    text = "# Papers\n\n" + _nested("http://arxiv.org/abs/2306.12761")
    rule = find_rule("ENT002")
    assert rule is not None
    assert _unwrapped_url(_fix(text, rules=[rule])) == "http://arxiv.org/abs/2306.12761"


def test_nor_where_its_finding_would_be_suppressed_or_ignored() -> None:
    entry = _nested("http://arxiv.org/abs/2306.12761")
    suppressed = "# Papers\n\n<!-- awesomelint-disable-next-line URL001 -->\n" + entry
    assert _unwrapped_url(_fix(suppressed)) == "http://arxiv.org/abs/2306.12761"
    ignored = RuleSettings(per_file_ignores=(("*.md", ("URL001",)),))
    outcome = _fix("# Papers\n\n" + entry, settings=ignored, path="list.md")
    assert _unwrapped_url(outcome) == "http://arxiv.org/abs/2306.12761"


def test_the_link_rule_s_options_decide_the_form() -> None:
    text = "# Papers\n\n" + _nested("http://arxiv.org/abs/2306.12761")
    pdf = RuleSettings(options={"URL001": non_canonical_url.Options(arxiv_form="pdf")})
    outcome = _fix(text, settings=pdf)
    assert _unwrapped_url(outcome) == "https://arxiv.org/pdf/2306.12761"
    assert outcome.passes == 1


def test_a_failing_settler_leaves_the_url_as_the_fix_wrote_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fails(ctx: object, link: Link, url: str, changes: object) -> str:
        raise RuntimeError("settling broke")

    broken = [
        rule if rule.code != "URL001" else dc.replace(rule, settle_link=fails)
        for rule in _offline()
    ]
    text = "# Papers\n\n" + _nested("http://arxiv.org/abs/2306.12761")
    outcome = _fix(text, rules=broken)
    assert _unwrapped_url(outcome) == "https://arxiv.org/abs/2306.12761"  # by its own pass
    assert outcome.passes == 2


@pytest.mark.parametrize(
    "text",
    [
        '<a href="http://arxiv.org/abs/2306.12761">A</a>\n',
        "![A](http://arxiv.org/abs/2306.12761)\n",
    ],
    ids=["raw HTML", "image"],
)
def test_links_the_rule_does_not_check_are_never_settled(text: str) -> None:
    parsed: ParsedDocument = parse_text(text)
    (link,) = parsed.document.links
    checker = Checker(_offline())
    url = "http://arxiv.org/abs/2306.12761"
    assert checker.settle_link(parsed, link, url, ()) == url


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the real lists are not here")
@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.md")) or ["none"])
def test_real_lists_fix_to_the_same_text(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (CORPUS / name).read_text(encoding="utf-8")
    together = _fix(text, path=name)
    apart = _fix_passes_apart(text, path=name)
    assert together.parsed.document.text == apart.parsed.document.text
    assert together.passes <= apart.passes


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(list_shapes.documents_text())
def test_random_lists_fix_to_the_same_text(text: str) -> None:
    runner = Checker(_offline())
    together = fix_documents([parse_text(text, "random.md")], runner).outcomes[0]
    apart = fix_documents([parse_text(text, "random.md")], _PassesApart(_offline())).outcomes[0]
    assert together.parsed.document.text == apart.parsed.document.text
    assert (together.failure is None) == (apart.failure is None)
    assert together.passes <= apart.passes
