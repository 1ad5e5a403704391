"""Running rules over parsed documents and collecting their findings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from awesomelint.diagnostics import Finding
from awesomelint.errors import RuleCrashed
from awesomelint.parse import ParsedDocument
from awesomelint.rules import Context, Rule


def _context(rule: Rule, parsed: ParsedDocument, facts: Mapping[str, Any]) -> Context[Any]:
    return Context(
        rule=rule,
        options=rule.options(),
        severity=rule.default_severity,
        parsed=parsed,
        facts=facts,
    )


def check_documents(
    documents: Sequence[ParsedDocument],
    rules: Sequence[Rule],
    facts: Mapping[str, Any] | None = None,
) -> list[Finding]:
    """All findings of `rules` over `documents`, sorted by path, position and code."""
    facts = facts or {}
    findings: list[Finding] = []
    for rule in rules:
        if rule.scope == "project":
            contexts = [_context(rule, parsed, facts) for parsed in documents]
            findings.extend(_run(rule, "the checked files", contexts))
            continue
        for parsed in documents:
            ctx = _context(rule, parsed, facts)
            findings.extend(_run(rule, str(parsed.document.path), ctx))
    findings.sort(key=Finding.sort_key)
    return findings


def _run(rule: Rule, where: str, target: Context[Any] | list[Context[Any]]) -> list[Finding]:
    try:
        if isinstance(target, list):
            return list(rule.check(target))
        return list(rule.check(target.document, target))
    except Exception as err:
        raise RuleCrashed(
            f"internal error: rule {rule.code} ({rule.name}) crashed on {where}: "
            f"{type(err).__name__}: {err}; please report this as a bug"
        ) from err
