"""The library interface: check or fix a text or files without the command line.

These functions run the offline rules (the network rules need facts gathered by a `check`
run with the network on; use the command for those). Rules are chosen as on the command line:
by code, code family or name, with the rules on by default when nothing is selected.
"""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Iterable, Sequence
from pathlib import Path

from awesomelint.diagnostics import Finding
from awesomelint.document.model import Document
from awesomelint.document.parse import parse_text
from awesomelint.engine import check_documents
from awesomelint.fixing.fixer import fix_document
from awesomelint.report import RunResult
from awesomelint.rules import Rule
from awesomelint.runner import CheckRequest, run_check
from awesomelint.selection import resolve_rules


@dc.dataclass(frozen=True, slots=True)
class FixResult:
    """What `fix_text` made of a text."""

    text: str
    applied: tuple[Finding, ...]
    """The findings whose fixes were applied, in the order they were applied."""
    remaining: tuple[Finding, ...]
    """What a check of the fixed text still reports."""

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def _offline_rules(select: Sequence[str] | None, ignore: Iterable[str]) -> tuple[Rule, ...]:
    return tuple(
        rule for rule in resolve_rules(select, ignore=tuple(ignore)) if not rule.needs_network
    )


def parse(text: str, path: str | Path = "<text>") -> Document:
    """The model of a Markdown list: sections, entries, links and tags with source spans."""
    return parse_text(text, path).document


def check_text(
    text: str,
    path: str | Path = "<text>",
    *,
    select: Sequence[str] | None = None,
    ignore: Iterable[str] = (),
) -> list[Finding]:
    """The findings of the offline rules on one text, sorted by position."""
    return check_documents([parse_text(text, path)], _offline_rules(select, ignore))


def check_paths(
    paths: Iterable[str | Path],
    *,
    select: Sequence[str] | None = None,
    ignore: Iterable[str] = (),
    exclude: Iterable[str] = (),
) -> RunResult:
    """Check every Markdown file under `paths` with the offline rules.

    Files that cannot be read are in `RunResult.errors`, one line each; the others are checked.
    """
    request = CheckRequest(
        paths=tuple(Path(path) for path in paths),
        rules=_offline_rules(select, ignore),
        exclude=tuple(exclude),
    )
    return run_check(request)


def fix_text(
    text: str,
    path: str | Path = "<text>",
    *,
    unsafe: bool = False,
    select: Sequence[str] | None = None,
    ignore: Iterable[str] = (),
) -> FixResult:
    """Apply the safe fixes (and the unsafe ones with `unsafe=True`) to a fixed point.

    Raises `awesomelint.FixError` rather than return a text that lost an entry or a link.
    """
    outcome = fix_document(parse_text(text, path), _offline_rules(select, ignore), unsafe=unsafe)
    return FixResult(outcome.parsed.document.text, outcome.applied, outcome.remaining)
