"""AWL001 invalid-directive: a suppression comment names a rule that does not exist.

Why: a misspelt code in `<!-- awesomelint-disable DUP01 -->` silently suppresses nothing, and
the finding it was meant to hide comes back under a confusing name.

Bad:
    <!-- awesomelint-disable-next-line DUP01 -->

Good:
    <!-- awesomelint-disable-next-line DUP001 -->

Fix: none; correct the code or name by hand (`awesomelint rules` lists them).
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.diagnostics import Finding, Severity
from awesomelint.directives import parse_directives
from awesomelint.document.model import Document
from awesomelint.rules._base import Context, NoOptions, Rule


def _known(selector: str) -> bool:
    from awesomelint.rules import ALL_RULES, matches  # the registry imports this module

    return any(matches(rule, selector) for rule in ALL_RULES)


def check(doc: Document, ctx: Context[NoOptions]) -> Iterator[Finding]:
    for directive in parse_directives(ctx.document):
        for selector in directive.selectors:
            if not _known(selector):
                yield ctx.finding(
                    directive.span,
                    f"awesomelint-{directive.kind} names unknown rule {selector!r}",
                )


RULE = Rule(
    code="AWL001",
    name="invalid-directive",
    summary="A suppression comment names a rule that does not exist",
    check=check,
    doc=__doc__ or "",
    default_severity=Severity.WARNING,
)
