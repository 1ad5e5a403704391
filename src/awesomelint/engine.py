"""Running rules over parsed documents: settings, suppressions and per-file ignores applied."""

from __future__ import annotations

import dataclasses as dc
import fnmatch
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from awesomelint.diagnostics import FileError, Finding, Severity
from awesomelint.directives import Suppressions, apply_suppressions, parse_directives
from awesomelint.document.model import Link
from awesomelint.document.parse import ParsedDocument
from awesomelint.errors import ConfigError, RuleCrashed
from awesomelint.rules import Context, Rule, unused_suppression

Found = dict[tuple[str, Path | None], list[Finding]]
"""Findings by rule code and document path (None for a project rule's)."""
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

Sharer = Callable[
    [
        Sequence[Rule],
        Sequence[ParsedDocument],
        Sequence[Rule],
        Sequence[ParsedDocument],
        RuleSettings,
    ],
    Found | None,
]
"""Given the document rules, the documents they have not run on, the project rules, every
document and the settings: what those runs find, found elsewhere (`aside.share`), or None."""


def rule_context(
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


BUG = "; please report this as a bug"


def crash_message(rule: Rule, path: Path | None, err: Exception) -> str:
    where = f"{path}: " if path is not None else ""
    scope = "" if path is not None else " on the checked files"
    return (
        f"{where}internal error: rule {rule.code} ({rule.name}) crashed{scope}: "
        f"{type(err).__name__}: {err}{BUG}"
    )


def _run(
    rule: Rule, target: Context[Any] | list[Context[Any]], errors: list[FileError]
) -> list[Finding]:
    """The rule's findings; a crash is one error for the file (or the rule), never the run's."""
    try:
        if isinstance(target, list):
            return list(rule.check(target))
        return list(rule.check(target.document, target))
    except Exception as err:  # noqa: BLE001 - a rule's bug is reported, never lost
        path = None if isinstance(target, list) else target.document.path
        errors.append(FileError(path, crash_message(rule, path, err), rule.code))
        return []


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


@dc.dataclass(frozen=True, slots=True)
class Checked:
    """What a run of the rules found, and the rules that crashed (one error each per file)."""

    findings: tuple[Finding, ...]
    errors: tuple[FileError, ...] = ()


@dc.dataclass(slots=True)
class _Raw:
    """A document's findings and crashes before suppressions are applied."""

    parsed: ParsedDocument
    """Held so that its id() is not reused while the entry is cached."""
    findings: list[Finding]
    errors: list[FileError]


class Checker:
    """Runs `rules` over documents, remembering each document's own (document-scope) findings.

    The fix loop runs the rules once per pass over every file; a file no fix touched keeps its
    parsed object, so its document rules are not run again. Project rules see every document
    each time.
    """

    def __init__(
        self,
        rules: Sequence[Rule],
        facts: Mapping[str, Any] | None = None,
        settings: RuleSettings = DEFAULT_SETTINGS,
        share: Sharer | None = None,
    ) -> None:
        self.facts: Mapping[str, Any] = facts or {}
        self.settings = settings
        self._share = share if not self.facts else None
        self._unused = next((r for r in rules if r.code == unused_suppression.RULE.code), None)
        others = [rule for rule in rules if rule is not self._unused]
        self._document_rules = [rule for rule in others if rule.scope != "project"]
        self._project_rules = [rule for rule in others if rule.scope == "project"]
        self._cache: dict[int, _Raw] = {}
        self._last: tuple[tuple[ParsedDocument, ...], Checked] | None = None
        self._settlers = [rule for rule in self._document_rules if rule.settle_link is not None]
        self._suppressions: tuple[ParsedDocument, Suppressions] | None = None

    def _cached(self, parsed: ParsedDocument) -> bool:
        raw = self._cache.get(id(parsed))
        return raw is not None and raw.parsed is parsed

    def _own(self, parsed: ParsedDocument, found: Found | None = None) -> _Raw:
        if self._cached(parsed):
            return self._cache[id(parsed)]
        raw = _Raw(parsed, [], [])
        for rule in self._document_rules:
            kept = found.get((rule.code, parsed.document.path)) if found else None
            if kept is None:
                ctx = rule_context(rule, parsed, self.facts, self.settings)
                kept = _run(rule, ctx, raw.errors)
            raw.findings.extend(kept)
        self._cache[id(parsed)] = raw
        return raw

    def document_findings(self, parsed: ParsedDocument) -> tuple[list[Finding], list[FileError]]:
        """The document rules' findings and crashes on `parsed` (what a worker process sends)."""
        raw = self._own(parsed)
        return raw.findings, raw.errors

    def adopt(
        self, parsed: ParsedDocument, findings: list[Finding], errors: list[FileError]
    ) -> None:
        """Take `document_findings` computed elsewhere; `run` then uses them for `parsed`."""
        self._cache[id(parsed)] = _Raw(parsed, findings, errors)

    def settle_link(
        self,
        parsed: ParsedDocument,
        link: Link,
        url: str,
        changes: Sequence[tuple[str, str | None]],
    ) -> str:
        """The destination `link` of `parsed` gets when a fix makes it `url` and the pass
        rewrites destinations by `changes`: `url` as the rules that rewrite destinations
        would rewrite it (`Rule.settle_link`), unless their finding there would be ignored
        or suppressed, or they fail (their run reports it)."""
        for rule in self._settlers:
            assert rule.settle_link is not None
            ctx = rule_context(rule, parsed, self.facts, self.settings)
            try:
                settled = rule.settle_link(ctx, link, url, changes)
            except Exception:  # noqa: BLE001, S112 - the rule's own run reports its crash
                continue
            if settled is None or settled == url:
                continue
            probe = ctx.finding(link.url_span, f"{url}: {settled}")
            if not _ignored_here(probe, self.settings) and not self._suppressed(parsed, probe):
                url = settled
        return url

    def _suppressed(self, parsed: ParsedDocument, finding: Finding) -> bool:
        if self._suppressions is None or self._suppressions[0] is not parsed:
            self._suppressions = (parsed, Suppressions(parse_directives(parsed.document)))
        return self._suppressions[1].owner_index(finding) is not None

    def run(self, documents: Sequence[ParsedDocument]) -> Checked:
        """All findings over `documents`, sorted by path, position and code.

        Asked again about the very same documents (`fix` checks what is left after its last
        pass, which saw them already), it answers from the previous run."""
        last = self._last
        if (
            last is not None
            and len(last[0]) == len(documents)
            and all(a is b for a, b in zip(last[0], documents, strict=True))
        ):
            return last[1]
        checked = self._run_all(documents)
        self._last = (tuple(documents), checked)
        return checked

    def _run_all(self, documents: Sequence[ParsedDocument]) -> Checked:
        errors: list[FileError] = []
        raw: list[Finding] = []
        crashed: set[Path] = set()
        found = None
        if self._share is not None:
            unchecked = [parsed for parsed in documents if not self._cached(parsed)]
            rules = (self._document_rules, unchecked, self._project_rules, documents)
            found = self._share(*rules, self.settings)
        owns = [self._own(parsed, found) for parsed in documents]
        # Only the documents of the latest run are kept: those of the fix loop's next pass.
        self._cache = {id(own.parsed): own for own in owns}
        for own in owns:
            raw.extend(own.findings)
            errors.extend(own.errors)
            if own.errors:
                crashed.add(own.parsed.document.path)
        project_crashed = False
        for rule in self._project_rules:
            kept = found.get((rule.code, None)) if found else None
            if kept is not None:
                raw.extend(kept)
                continue
            contexts = [
                rule_context(rule, parsed, self.facts, self.settings) for parsed in documents
            ]
            before = len(errors)
            raw.extend(_run(rule, contexts, errors))
            project_crashed = project_crashed or len(errors) > before
        by_path: dict[Path, list[Finding]] = {}
        for finding in raw:
            if not _ignored_here(finding, self.settings):
                by_path.setdefault(finding.path, []).append(finding)
        findings: list[Finding] = []
        for parsed in documents:
            doc = parsed.document
            kept, directives, used = apply_suppressions(doc, by_path.pop(doc.path, []))
            findings.extend(kept)
            # A rule that crashed found nothing: its suppressions are not known to be unused.
            if self._unused is None or not directives or project_crashed or doc.path in crashed:
                continue
            use_facts = {**self.facts, unused_suppression.FACTS_KEY: (directives, used)}
            ctx = rule_context(self._unused, parsed, use_facts, self.settings)
            findings.extend(_run(self._unused, ctx, errors))
        for leftover in by_path.values():
            findings.extend(leftover)
        findings.sort(key=Finding.sort_key)
        return Checked(tuple(findings), tuple(errors))


def check_documents(
    documents: Sequence[ParsedDocument],
    rules: Sequence[Rule],
    facts: Mapping[str, Any] | None = None,
    settings: RuleSettings = DEFAULT_SETTINGS,
) -> list[Finding]:
    """All findings of `rules` over `documents`, sorted by path, position and code.

    Raises RuleCrashed when a rule crashed; `Checker.run` reports crashes beside the findings
    of the other rules instead.
    """
    checked = Checker(rules, facts, settings).run(documents)
    if checked.errors:
        raise RuleCrashed(checked.errors[0].message)
    return list(checked.findings)


def gather_facts(
    gather: FactGatherer | None, documents: Sequence[ParsedDocument]
) -> tuple[Mapping[str, Any], tuple[str, ...], tuple[FileError, ...]]:
    """The gathered facts and notes; a gatherer's crash costs the network rules only."""
    if gather is None or not documents:
        return {}, (), ()
    try:
        facts, notes = gather(documents)
    except ConfigError:
        raise
    except Exception as err:  # noqa: BLE001 - the offline rules still report
        message = (
            f"internal error: checking the links failed: {type(err).__name__}: {err}; "
            "the rules that need the network reported nothing; please report this as a bug"
        )
        return {}, (), (FileError(None, message),)
    return facts, notes, ()
