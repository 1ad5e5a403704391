"""The registry: every rule, listed explicitly, and selection by code, prefix or name."""

from __future__ import annotations

from collections.abc import Iterable

from awesomelint.errors import ConfigError
from awesomelint.rules import empty_entry, malformed_link
from awesomelint.rules._base import Context, Rule

ALL_RULES: tuple[Rule, ...] = (
    empty_entry.RULE,
    malformed_link.RULE,
)

__all__ = ["ALL_RULES", "Context", "Rule", "find_rule", "select_rules"]


def find_rule(key: str) -> Rule | None:
    """The rule with this code or name (case-insensitive code)."""
    for rule in ALL_RULES:
        if key.upper() == rule.code or key == rule.name:
            return rule
    return None


def _matches(rule: Rule, selector: str) -> bool:
    if selector == rule.name:
        return True
    code = selector.upper()
    return code == "ALL" or (code.isalnum() and rule.code.startswith(code))


def _check_selectors(selectors: Iterable[str]) -> list[str]:
    checked = [selector.strip() for selector in selectors if selector.strip()]
    for selector in checked:
        if not any(_matches(rule, selector) for rule in ALL_RULES):
            raise ConfigError(f"unknown rule or rule family {selector!r} (see `awesomelint rules`)")
    return checked


def select_rules(
    select: Iterable[str] | None = None, ignore: Iterable[str] = ()
) -> tuple[Rule, ...]:
    """Rules chosen by codes, code prefixes (families) or names; all rules by default."""
    chosen = _check_selectors(select) if select is not None else ["ALL"]
    dropped = _check_selectors(ignore)
    return tuple(
        rule
        for rule in ALL_RULES
        if any(_matches(rule, s) for s in chosen) and not any(_matches(rule, s) for s in dropped)
    )
