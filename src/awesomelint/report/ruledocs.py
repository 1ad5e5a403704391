"""Rule documentation for `awesomelint rules` and the README's rule table."""

from __future__ import annotations

import json
from collections.abc import Callable

from awesomelint.errors import ConfigError
from awesomelint.rules import ALL_RULES, find_rule


def rule_doc(key: str) -> str:
    rule = find_rule(key)
    if rule is None:
        raise ConfigError(f"unknown rule {key!r} (see `awesomelint rules`)")
    facts = (
        f"Default severity: {rule.default_severity.value}. "
        f"Fixable: {'yes' if rule.fixable else 'no'}. "
        f"Needs the network: {'yes' if rule.needs_network else 'no'}."
    )
    return f"{rule.doc.strip()}\n\n{facts}"


def text_table() -> str:
    width = max(len(rule.name) for rule in ALL_RULES)
    lines = [
        f"{rule.code:<7} {rule.name:<{width}}  {rule.default_severity.value:<7}  "
        f"{'fix' if rule.fixable else '   '}  {rule.summary}"
        for rule in ALL_RULES
    ]
    return "\n".join(lines) + "\n"


def markdown_table() -> str:
    lines = [
        "| Code | Name | Severity | Fixable | Summary |",
        "| --- | --- | --- | --- | --- |",
    ]
    lines.extend(
        f"| {rule.code} | `{rule.name}` | {rule.default_severity.value} | "
        f"{'yes' if rule.fixable else 'no'} | {rule.summary} |"
        for rule in ALL_RULES
    )
    return "\n".join(lines) + "\n"


def json_table() -> str:
    return (
        json.dumps(
            [
                {
                    "code": rule.code,
                    "name": rule.name,
                    "severity": rule.default_severity.value,
                    "fixable": rule.fixable,
                    "needs_network": rule.needs_network,
                    "summary": rule.summary,
                }
                for rule in ALL_RULES
            ],
            indent=2,
        )
        + "\n"
    )


RULE_TABLES: dict[str, Callable[[], str]] = {
    "text": text_table,
    "markdown": markdown_table,
    "json": json_table,
}
