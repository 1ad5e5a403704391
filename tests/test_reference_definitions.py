"""Link reference definitions are links: the safety net and entry deletions keep them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from awesomelint.cli import cli
from awesomelint.diagnostics import Applicability, Edit, Finding, Fix
from awesomelint.document.model import Document, Span
from awesomelint.document.parse import parse_text
from awesomelint.fixing.fixer import fix_document, verify
from awesomelint.rules import Context, Rule
from awesomelint.rules._deletion import deletion_fix

USED = (
    "# Papers\n\n"
    "1. [Quiet Heads][qh] in small transformers\n"
    "2. [qh]: https://arxiv.org/abs/2402.01111\n"
    "3. [Loud Heads](https://arxiv.org/abs/2402.02222)\n"
)
URL = "https://arxiv.org/abs/2402.01111"


def _delete_definition_line(declare: bool) -> Rule:
    """A rule that deletes the line holding the definition, as a careless fix would."""

    def check(doc: Document, ctx: Context[Any]) -> Iterator[Finding]:
        start = doc.text.find("2. [qh]:")
        if start == -1:
            return
        end = doc.text.index("\n", start) + 1
        fix = Fix(
            (Edit(start, end),),
            Applicability.UNSAFE,
            link_changes=((URL, None),) if declare else (),
            removes_entries=1,
        )
        yield ctx.finding(Span(start, end), "looks empty", fix=fix)

    return Rule(
        code="TST101",
        name="test-delete-definition",
        summary="a rule made up for a test",
        check=check,
        doc="",
        fixable=True,
    )


@pytest.mark.parametrize("declare", [False, True])
def test_removing_a_used_definition_is_refused_even_when_declared(declare: bool) -> None:
    # An unsafe deletion the safety net turns down is declined: its finding stays.
    parsed = parse_text(USED)
    outcome = fix_document(parsed, [_delete_definition_line(declare)], unsafe=True)
    assert outcome.parsed.document.text == USED
    assert outcome.applied == ()
    assert [finding.code for finding in outcome.remaining] == ["TST101"]


def test_removing_an_unused_definition_must_be_declared() -> None:
    text = "# Papers\n\n- [Loud Heads](https://arxiv.org/abs/2402.02222)\n\n[qh]: " + URL + "\n"
    before = parse_text(text)
    after = parse_text(text.replace("\n[qh]: " + URL + "\n", ""))
    assert verify(before, after, []) is not None
    declared = Fix((Edit(0, 0),), link_changes=((URL, None),))
    assert verify(before, after, [declared]) is None


def test_deleting_an_entry_never_takes_a_definition_used_elsewhere() -> None:
    doc = parse_text(USED).document
    holder = [entry for _, entry in doc.entries()][1]
    assert deletion_fix(doc, holder) is None


def test_deleting_an_entry_declares_an_unused_definition_it_holds() -> None:
    text = "- [Quiet Heads](https://arxiv.org/abs/2402.02222)\n- [qh]: " + URL + "\n"
    doc = parse_text(text).document
    holder = [entry for _, entry in doc.entries()][1]
    fix = deletion_fix(doc, holder)
    assert fix is not None
    assert fix.link_changes == ((URL, None),)


def test_fix_with_unsafe_fixes_keeps_an_item_holding_a_definition(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(USED + "4. \n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["fix", "--offline", "--unsafe-fixes", "--select", "ENT001", str(path)]
    )
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == USED
