"""Suppression comments: one syntax for every rule, in HTML comments.

    <!-- awesomelint-disable CODE... -->  ...  <!-- awesomelint-enable CODE... -->
    <!-- awesomelint-disable-next-line CODE... -->
    <!-- awesomelint-disable-line CODE... -->
    <!-- awesomelint-disable-file CODE... -->

Codes, code families or rule names; none means every rule. Comments inside code are ignored.
"""

from __future__ import annotations

import bisect
import dataclasses as dc
import re
from collections.abc import Iterable, Sequence

from awesomelint.diagnostics import Finding
from awesomelint.document.model import Document, Span

_DIRECTIVE = re.compile(
    r"<!--\s*awesomelint-(?P<kind>disable-next-line|disable-line|disable-file|disable|enable)"
    r"(?![\w-])(?P<args>(?:(?!-->).)*?)\s*-->",
    re.DOTALL,
)
_SPLIT = re.compile(r"[\s,]+")


@dc.dataclass(frozen=True, slots=True)
class Directive:
    kind: str
    selectors: tuple[str, ...]
    span: Span
    line: int
    end_line: int


def parse_directives(doc: Document) -> list[Directive]:
    if "awesomelint-" not in doc.text:
        return []
    code_starts = [span.start for span in doc.code_spans]
    found = []
    for match in _DIRECTIVE.finditer(doc.text):
        index = bisect.bisect_right(code_starts, match.start()) - 1
        if index >= 0 and doc.code_spans[index].contains(match.start()):
            continue
        selectors = tuple(s for s in _SPLIT.split(match.group("args").strip()) if s)
        line = doc.position(match.start())[0]
        end_line = doc.position(match.end())[0]
        found.append(Directive(match.group("kind"), selectors, Span(*match.span()), line, end_line))
    return found


def _covers(selector: str, finding: Finding) -> bool:
    if selector == finding.rule:
        return True
    code = selector.upper()
    return code == "ALL" or (code.isalnum() and finding.code.startswith(code))


def _names(directive: Directive, finding: Finding) -> bool:
    return not directive.selectors or any(_covers(s, finding) for s in directive.selectors)


@dc.dataclass(slots=True)
class Suppressions:
    """Which directive, if any, hides a finding."""

    directives: Sequence[Directive]

    def _region_owner(self, finding: Finding) -> Directive | None:
        owner: Directive | None = None
        for directive in self.directives:
            if directive.line > finding.line:
                break
            if directive.kind == "disable" and _names(directive, finding):
                owner = directive
            elif directive.kind == "enable" and _names(directive, finding):
                owner = None
        return owner

    def owner(self, finding: Finding) -> Directive | None:
        for directive in self.directives:
            if not _names(directive, finding):
                continue
            if directive.kind == "disable-file":
                return directive
            if (
                directive.kind == "disable-line"
                and directive.line <= finding.line <= directive.end_line
            ):
                return directive
            if directive.kind == "disable-next-line" and finding.line == directive.end_line + 1:
                return directive
        return self._region_owner(finding)


def apply_suppressions(
    doc: Document, findings: Iterable[Finding]
) -> tuple[list[Finding], list[Directive], set[int]]:
    """Findings left after suppression, the directives, and the indexes of those used."""
    directives = parse_directives(doc)
    if not directives:
        return list(findings), [], set()
    suppressions = Suppressions(directives)
    kept: list[Finding] = []
    used: set[int] = set()
    for finding in findings:
        owner = suppressions.owner(finding)
        if owner is None:
            kept.append(finding)
        else:
            used.add(directives.index(owner))
    return kept, directives, used
