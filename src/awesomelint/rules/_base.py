"""The rule record and the context a rule's check receives."""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Generic, Literal, TypeVar

from awesomelint.diagnostics import Finding, Fix, Severity
from awesomelint.document.model import Document, Link, Span
from awesomelint.document.parse import ParsedDocument

OptionsT = TypeVar("OptionsT")


@dc.dataclass(frozen=True, slots=True)
class NoOptions:
    """For rules that take no options."""


@dc.dataclass(frozen=True, slots=True)
class Context(Generic[OptionsT]):
    """What a document rule is given besides the document itself."""

    rule: Rule
    options: OptionsT
    severity: Severity
    parsed: ParsedDocument
    facts: Mapping[str, Any] = dc.field(default_factory=dict)
    """Facts gathered before the rules run (network facts under "net"); empty when offline."""
    configured_severity: Severity | None = None
    """The severity the user's configuration sets for this rule, if any."""

    @property
    def document(self) -> Document:
        return self.parsed.document

    def finding(
        self,
        span: Span,
        message: str,
        *,
        fix: Fix | None = None,
        severity: Severity | None = None,
        document: Document | None = None,
    ) -> Finding:
        doc = document or self.document
        line, column = doc.position(span.start)
        end_line, end_column = doc.position(span.end)
        return Finding(
            path=doc.path,
            code=self.rule.code,
            rule=self.rule.name,
            message=message,
            span=span,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            severity=severity or self.severity,
            fix=fix,
        )


DocumentCheck = Callable[[Document, Context[Any]], Iterator[Finding]]
ProjectCheck = Callable[[Sequence[Context[Any]]], Iterator[Finding]]
LinkSettler = Callable[[Context[Any], Link, str, Sequence[tuple[str, "str | None"]]], "str | None"]
"""`settle(ctx, link, url, changes)`: the destination the rule's fix would give `link` once
its destination is `url` and the file's destinations are rewritten by `changes` (old, new or
None), or None when it would keep `url` or cannot tell."""


@dc.dataclass(frozen=True, slots=True)
class Rule:
    """A rule: its code, name, documentation and check."""

    code: str
    name: str
    summary: str
    check: Callable[..., Iterator[Finding]]
    """`check(doc, ctx)` for document rules, `check(contexts)` for project rules."""
    doc: str
    """The user documentation: the rule module's docstring."""
    default_severity: Severity = Severity.ERROR
    fixable: bool = False
    options: type = NoOptions
    scope: Literal["document", "project"] = "document"
    needs_network: bool = False
    enabled_by_default: bool = True
    settle_link: LinkSettler | None = None
    """For a document rule whose fix rewrites link destinations into a canonical form: the
    form it would write. A fix that writes a link's destination writes that form at once,
    instead of leaving it to a pass of its own (`fixing/settle.py`)."""
