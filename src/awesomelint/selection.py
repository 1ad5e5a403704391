"""Choosing rules by code, code family (prefix) or name, as ruff and flake8 users expect."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from awesomelint.diagnostics import Severity
from awesomelint.errors import ConfigError
from awesomelint.rules import ALL_RULES, Rule, matches


def check_selectors(selectors: Iterable[str]) -> tuple[str, ...]:
    checked = tuple(selector.strip() for selector in selectors if selector.strip())
    for selector in checked:
        if not any(matches(rule, selector) for rule in ALL_RULES):
            raise ConfigError(f"unknown rule or rule family {selector!r} (see `awesomelint rules`)")
    return checked


def resolve_rules(
    select: Sequence[str] | None,
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severities: Mapping[str, Severity | None] | None = None,
) -> tuple[Rule, ...]:
    """The rules to run: the selection (default: rules on by default), plus extensions,
    minus ignored rules and rules whose severity is set to off."""
    chosen = check_selectors(select) if select is not None else None
    extra = check_selectors(extend_select)
    dropped = check_selectors(ignore)
    severities = severities or {}

    def wanted(rule: Rule) -> bool:
        if chosen is None:
            selected = rule.enabled_by_default
        else:
            selected = any(matches(rule, s) for s in chosen)
        if not selected and not any(matches(rule, s) for s in extra):
            return False
        if any(matches(rule, s) for s in dropped):
            return False
        return severities.get(rule.code, rule.default_severity) is not None

    return tuple(rule for rule in ALL_RULES if wanted(rule))
