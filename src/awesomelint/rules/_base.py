"""The rule record and the context a rule's check receives."""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Generic, Literal, TypeVar

from awesomelint.diagnostics import Finding, Fix, Severity
from awesomelint.document.model import Document, Span
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
