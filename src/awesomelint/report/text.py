"""The default human format: `path:line:col: CODE [rule] message` and a summary line."""

from __future__ import annotations

from awesomelint.diagnostics import Severity
from awesomelint.report._base import RunResult

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(result: RunResult) -> str:
    counts = dict.fromkeys(Severity, 0)
    for finding in result.findings:
        counts[finding.severity] += 1
    parts = [f"{_plural(result.files_checked, 'file')} checked"]
    if result.findings:
        by_severity = ", ".join(_plural(n, s.value) for s, n in counts.items() if n)
        parts.append(f"{_plural(len(result.findings), 'finding')} ({by_severity})")
    else:
        parts.append("no findings")
    fixable = sum(
        1 for f in result.findings if f.fixable and f.fix and f.fix.applicability.value == "safe"
    )
    if fixable:
        parts.append(f"{fixable} fixable with `awesomelint fix`")
    if result.unsafe_fixes:
        parts.append(f"{result.unsafe_fixes} more with `--unsafe-fixes`")
    if result.errors:
        parts.append(_plural(len(result.errors), "file") + " could not be checked")
    return "; ".join(parts) + "."


def render(result: RunResult) -> str:
    lines = []
    for f in result.findings:
        marker = " [*]" if f.fixable else ""
        code = _paint(f.code, _COLORS[f.severity], result.color)
        lines.append(f"{f.path}:{f.line}:{f.column}: {code} [{f.rule}] {f.message}{marker}")
    lines.extend(result.notes)
    lines.append(summary(result))
    return "\n".join(lines) + "\n"
