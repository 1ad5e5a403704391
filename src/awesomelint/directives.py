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

# The opening of a directive; its end is the first "-->" after it, found with str.find: a
# pattern for the whole comment would read to the end of the text from every unclosed one.
_DIRECTIVE_START = re.compile(
    r"<!--\s*awesomelint-(?P<kind>disable-next-line|disable-line|disable-file|disable|enable)"
    r"(?![\w-])"
)
_SPLIT = re.compile(r"[\s,]+")


@dc.dataclass(frozen=True, slots=True)
class Directive:
    """One suppression comment: what it turns off, and where."""

    kind: str
    selectors: tuple[str, ...]
    span: Span
    line: int
    end_line: int


def parse_directives(doc: Document) -> list[Directive]:
    """The directives, in order: HTML comments that open with `awesomelint-`. A comment runs
    from its `<!--` to the first `-->`, so a directive written inside another, still open
    comment is only that comment's text."""
    if "awesomelint-" not in doc.text:
        return []
    text = doc.text
    code_starts = [span.start for span in doc.code_spans]
    found = []
    start = text.find("<!--")
    while start != -1:
        index = bisect.bisect_right(code_starts, start) - 1
        if index >= 0 and doc.code_spans[index].contains(start):
            start = text.find("<!--", start + 4)
            continue
        close = text.find("-->", start + 4)
        if close == -1:
            break  # no later comment is closed either
        end = close + 3
        match = _DIRECTIVE_START.match(text, start, close)
        if match is not None:
            args = text[match.end() : close]
            selectors = tuple(s for s in _SPLIT.split(args.strip()) if s)
            line = doc.position(start)[0]
            end_line = doc.position(end)[0]
            found.append(Directive(match["kind"], selectors, Span(start, end), line, end_line))
        start = text.find("<!--", end)
    return found


def _covers(selector: str, finding: Finding) -> bool:
    if selector == finding.rule:
        return True
    code = selector.upper()
    return code == "ALL" or (code.isalnum() and finding.code.startswith(code))


def _names(directive: Directive, finding: Finding) -> bool:
    return not directive.selectors or any(_covers(s, finding) for s in directive.selectors)


class Suppressions:
    """Which directive, if any, hides a finding: looked up by the finding's line and by its
    rule, so that many directives and many findings do not cost their product."""

    def __init__(self, directives: Sequence[Directive]) -> None:
        self.directives = directives
        self._on_line: dict[int, list[int]] = {}
        """Line -> the disable-line and disable-next-line directives for it, in order."""
        for index, directive in enumerate(directives):
            if directive.kind == "disable-line":
                lines: Iterable[int] = range(directive.line, directive.end_line + 1)
            elif directive.kind == "disable-next-line":
                lines = (directive.end_line + 1,)
            else:
                continue
            for line in lines:
                self._on_line.setdefault(line, []).append(index)
        self._by_rule: dict[tuple[str, str], tuple[int | None, list[int], list[int | None]]] = {}

    def _for_rule(self, finding: Finding) -> tuple[int | None, list[int], list[int | None]]:
        """For the finding's rule: the first disable-file directive naming it, and the lines
        where a disable or enable directive naming it starts, with the disable's index (None
        for an enable)."""
        key = (finding.rule, finding.code)
        found = self._by_rule.get(key)
        if found is None:
            whole_file: int | None = None
            lines: list[int] = []
            owners: list[int | None] = []
            for index, directive in enumerate(self.directives):
                if directive.kind not in ("disable-file", "disable", "enable"):
                    continue
                if not _names(directive, finding):
                    continue
                if directive.kind == "disable-file":
                    whole_file = index if whole_file is None else whole_file
                else:
                    lines.append(directive.line)
                    owners.append(index if directive.kind == "disable" else None)
            found = self._by_rule[key] = (whole_file, lines, owners)
        return found

    def owner_index(self, finding: Finding) -> int | None:
        """The index of the directive that hides `finding`, or None."""
        whole_file, lines, owners = self._for_rule(finding)
        here = [
            index
            for index in self._on_line.get(finding.line, ())
            if _names(self.directives[index], finding)
        ]
        if whole_file is not None:
            here.append(whole_file)
        if here:
            return min(here)
        at = bisect.bisect_right(lines, finding.line) - 1
        return owners[at] if at >= 0 else None

    def owner(self, finding: Finding) -> Directive | None:
        index = self.owner_index(finding)
        return None if index is None else self.directives[index]


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
        owner = suppressions.owner_index(finding)
        if owner is None:
            kept.append(finding)
        else:
            used.add(owner)
    return kept, directives, used
