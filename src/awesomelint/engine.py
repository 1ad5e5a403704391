"""Running rules over parsed documents: settings, suppressions and per-file ignores applied."""

from __future__ import annotations

import dataclasses as dc
import fnmatch
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from awesomelint.diagnostics import Finding, Severity
from awesomelint.directives import apply_suppressions
from awesomelint.document.parse import ParsedDocument
from awesomelint.errors import RuleCrashed
from awesomelint.rules import Context, Rule, unused_suppression

FactGatherer = Callable[[Sequence[ParsedDocument]], tuple[Mapping[str, Any], tuple[str, ...]]]
"""Given the documents, returns facts for the rules and notes for the summary."""


@dc.dataclass(frozen=True, slots=True)
class RuleSettings:
    """What the configuration says about running rules."""

    severities: Mapping[str, Severity | None] = dc.field(default_factory=dict)
    options: Mapping[str, Any] = dc.field(default_factory=dict)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    root: Path | None = None


DEFAULT_SETTINGS = RuleSettings()


def _context(
    rule: Rule, parsed: ParsedDocument, facts: Mapping[str, Any], settings: RuleSettings
) -> Context[Any]:
    options = settings.options.get(rule.code)
    return Context(
        rule=rule,
        options=options if options is not None else rule.options(),
        severity=settings.severities.get(rule.code) or rule.default_severity,
        parsed=parsed,
        facts=facts,
        configured_severity=settings.severities.get(rule.code),
    )


def _run(rule: Rule, where: str, target: Context[Any] | list[Context[Any]]) -> list[Finding]:
    try:
        if isinstance(target, list):
            return list(rule.check(target))
        return list(rule.check(target.document, target))
    except Exception as err:  # a rule's bug is reported as ours, never as a finding
        raise RuleCrashed(
            f"internal error: rule {rule.code} ({rule.name}) crashed on {where}: "
            f"{type(err).__name__}: {err}; please report this as a bug"
        ) from err


def _relative(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def _ignored_here(finding: Finding, settings: RuleSettings) -> bool:
    if not settings.per_file_ignores:
        return False
    name = _relative(finding.path, settings.root)
    for pattern, selectors in settings.per_file_ignores:
        if not fnmatch.fnmatch(name, pattern):
            continue
        for selector in selectors:
            code = selector.upper()
            if selector == finding.rule or (code.isalnum() and finding.code.startswith(code)):
                return True
    return False


def check_documents(
    documents: Sequence[ParsedDocument],
    rules: Sequence[Rule],
    facts: Mapping[str, Any] | None = None,
    settings: RuleSettings = DEFAULT_SETTINGS,
) -> list[Finding]:
    """All findings of `rules` over `documents`, sorted by path, position and code."""
    facts = facts or {}
    raw: list[Finding] = []
    report_unused = any(rule.code == unused_suppression.RULE.code for rule in rules)
    for rule in rules:
        if rule.code == unused_suppression.RULE.code:
            continue
        if rule.scope == "project":
            contexts = [_context(rule, parsed, facts, settings) for parsed in documents]
            raw.extend(_run(rule, "the checked files", contexts))
            continue
        for parsed in documents:
            ctx = _context(rule, parsed, facts, settings)
            raw.extend(_run(rule, str(parsed.document.path), ctx))
    by_path: dict[Path, list[Finding]] = {}
    for finding in raw:
        if not _ignored_here(finding, settings):
            by_path.setdefault(finding.path, []).append(finding)
    findings: list[Finding] = []
    for parsed in documents:
        doc = parsed.document
        kept, directives, used = apply_suppressions(doc, by_path.pop(doc.path, []))
        findings.extend(kept)
        if report_unused and directives:
            use_facts = {**facts, unused_suppression.FACTS_KEY: (directives, used)}
            ctx = _context(unused_suppression.RULE, parsed, use_facts, settings)
            findings.extend(_run(unused_suppression.RULE, str(doc.path), ctx))
    for leftover in by_path.values():
        findings.extend(leftover)
    findings.sort(key=Finding.sort_key)
    return findings
