"""What the fixture files cannot say about URL001, ARX001 and ARX002: options and their docs."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from awesomelint.config import options_from_table
from awesomelint.diagnostics import Finding, apply_edits
from awesomelint.document.parse import parse_text
from awesomelint.errors import ConfigError
from awesomelint.rules import Context, Rule, arxiv_tag_mismatch, invalid_arxiv_id
from awesomelint.rules import non_canonical_url as url001


def run(rule: Rule, text: str, options: Any = None) -> list[Finding]:
    ctx: Context[Any] = Context(
        rule=rule,
        options=options if options is not None else rule.options(),
        severity=rule.default_severity,
        parsed=parse_text(text, "case.md"),
    )
    return list(rule.check(ctx.document, ctx))


def fixed(text: str, findings: list[Finding]) -> str:
    return apply_edits(text, [edit for f in findings if f.fix for edit in f.fix.edits])


@pytest.mark.parametrize(
    ("today", "flagged"),
    [("2023-02-28", True), ("2023-03-01", False), ("2031-01-01", False)],
)
def test_future_month_is_judged_against_the_injected_date(today: str, flagged: bool) -> None:
    options = invalid_arxiv_id.Options(today=today)
    text = "- [A](https://arxiv.org/abs/2303.00001) and arXiv:2303.00002\n"
    findings = run(invalid_arxiv_id.RULE, text, options)
    assert len(findings) == (2 if flagged else 0)
    assert all("future" in f.message for f in findings)


def test_future_month_defaults_to_the_current_date() -> None:
    today = datetime.date.today()
    next_month = datetime.date(today.year + today.month // 12, today.month % 12 + 1, 1)
    yymm = next_month.strftime("%y%m")
    this = today.strftime("%y%m")
    text = f"- [A](https://arxiv.org/abs/{yymm}.00001) [B](https://arxiv.org/abs/{this}.00001)\n"
    findings = run(invalid_arxiv_id.RULE, text)
    assert [f.column for f in findings] == [29]


def test_finding_points_at_the_id() -> None:
    text = "- [A](https://arxiv.org/abs/foo.XX/0101001) arXiv: 2313.00001\n"
    findings = run(invalid_arxiv_id.RULE, text)
    assert [text[f.span.start : f.span.end] for f in findings] == ["foo.XX/0101001", "2313.00001"]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://arxiv.org/abs/2302.12461", "http://arxiv.org/abs/2302.12461: http:// -> https://"),
        ("https://arxiv.org/abs//2302.12461", "https://arxiv.org/abs//2302.12461: abs// -> abs/"),
        (
            "https://arxiv.org/pdf/2302.12461v2.pdf",
            (
                "https://arxiv.org/pdf/2302.12461v2.pdf: PDF link in a list that links abstracts; "
                "pinned version v2 in a list that links the latest versions"
            ),
        ),
        ("https://github.com/o/r.git", "https://github.com/o/r.git: r.git -> r"),
        (
            "https://example.org/?utm_source=x&utm_medium=y",
            (
                "https://example.org/?utm_source=x&utm_medium=y: tracking parameters utm_source, "
                "utm_medium"
            ),
        ),
    ],
)
def test_message_names_the_url_as_written_and_the_reason(url: str, message: str) -> None:
    text = f"- [Paper]({url})\n- [A](https://arxiv.org/abs/2404.14082)\n"
    (finding,) = run(url001.RULE, text)
    assert finding.message == message


def test_configured_form_is_named_in_the_message() -> None:
    text = "- [A](https://arxiv.org/abs/2404.14082)\n"
    (finding,) = run(url001.RULE, text, url001.Options(arxiv_form="pdf"))
    assert finding.message.endswith('abstract link; arxiv-form = "pdf"')
    assert fixed(text, [finding]) == "- [A](https://arxiv.org/pdf/2404.14082)\n"


@pytest.mark.parametrize("table", [{"arxiv-form": "html"}, {"arxiv-version": "latest"}])
def test_unknown_choices_are_refused(table: dict[str, str]) -> None:
    with pytest.raises(ConfigError, match="expected one of"):
        options_from_table(url001.RULE, table, "awesomelint.toml")


def test_tag_message_shows_the_tag_and_the_id() -> None:
    text = "* **P** [[arxiv 2303]](http://arxiv.org/abs/2302.12461)\n"
    (finding,) = run(arxiv_tag_mismatch.RULE, text)
    assert "arxiv 2303" in finding.message and "2302.12461" in finding.message


def _doc_block(doc: str, heading: str) -> str:
    lines = doc.split(f"\n{heading}\n", 1)[1].split("\n")
    block = []
    for line in lines:
        if line and not line.startswith("    "):
            break
        block.append(line[4:])
    return "\n".join(block).strip() + "\n"


@pytest.mark.parametrize("rule", [url001.RULE, invalid_arxiv_id.RULE, arxiv_tag_mismatch.RULE])
def test_docstring_examples(rule: Rule) -> None:
    bad = _doc_block(rule.doc, "Bad:")
    good = _doc_block(rule.doc, "Good:")
    lines_with_findings = {f.line for f in run(rule, bad)}
    assert lines_with_findings == set(range(1, bad.count("\n") + 1))
    assert run(rule, good) == []
