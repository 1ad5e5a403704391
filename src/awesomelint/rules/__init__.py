"""The rules, one module each, and the registry: every rule listed explicitly (no import-time
scanning), with lookup by code, name or family.

Owns: deciding what is a finding and what fix to offer. May import: `awesomelint.document`,
`awesomelint.knowledge`, the types of `awesomelint.net`, `awesomelint.diagnostics`,
`awesomelint.directives` and `awesomelint.errors`; never the engine, fixing, reports or the
CLI. Modules whose name starts with `_` are shared helpers, not rules.
"""

from __future__ import annotations

from awesomelint.rules import (
    arxiv_not_found,
    arxiv_tag_mismatch,
    arxiv_title_mismatch,
    arxiv_withdrawn,
    broken_link,
    duplicate_entry,
    empty_entry,
    entry_order,
    github_repo_archived,
    github_repo_moved,
    github_repo_not_found,
    inconsistent_duplicate,
    invalid_arxiv_id,
    invalid_directive,
    malformed_link,
    misspelling,
    mojibake,
    non_canonical_url,
    preprint_published,
    unused_suppression,
    venue_alias,
    venue_tag_format,
)
from awesomelint.rules._base import Context, Rule

ALL_RULES: tuple[Rule, ...] = (
    invalid_arxiv_id.RULE,
    arxiv_tag_mismatch.RULE,
    invalid_directive.RULE,
    unused_suppression.RULE,
    duplicate_entry.RULE,
    inconsistent_duplicate.RULE,
    empty_entry.RULE,
    entry_order.RULE,
    malformed_link.RULE,
    arxiv_not_found.RULE,
    arxiv_withdrawn.RULE,
    arxiv_title_mismatch.RULE,
    github_repo_not_found.RULE,
    github_repo_moved.RULE,
    github_repo_archived.RULE,
    broken_link.RULE,
    mojibake.RULE,
    misspelling.RULE,
    non_canonical_url.RULE,
    venue_alias.RULE,
    venue_tag_format.RULE,
    preprint_published.RULE,
)

__all__ = ["ALL_RULES", "Context", "Rule", "find_rule", "matches"]


def find_rule(key: str) -> Rule | None:
    """The rule with this code (any case) or name."""
    for rule in ALL_RULES:
        if key.upper() == rule.code or key == rule.name:
            return rule
    return None


def matches(rule: Rule, selector: str) -> bool:
    """Whether a selector (a code, a code family such as `DUP`, `ALL`, or a name) picks `rule`."""
    if selector == rule.name:
        return True
    code = selector.upper()
    return code == "ALL" or (code.isalnum() and rule.code.startswith(code))
