"""The default human format: `path:line:col: CODE [rule] severity: message`, the source line
with a caret under the span, grouped by file, and a summary."""

from __future__ import annotations

import itertools

from awesomelint.diagnostics import Applicability, Severity
from awesomelint.report._base import RunResult
from awesomelint.report._message import short
from awesomelint.report.snippet import snippet

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
    safe = sum(
        1
        for f in result.findings
        if f.fix is not None and f.fix.applicability is Applicability.SAFE
    )
    if safe:
        parts.append(f"{safe} fixable with `awesomelint fix`")
    if result.unsafe_fixes:
        parts.append(f"{result.unsafe_fixes} more with `--unsafe-fixes`")
    unreadable = sum(1 for e in result.errors if e.rule is None and e.path is not None)
    if unreadable:
        parts.append(_plural(unreadable, "file") + " could not be checked")
    if len(result.errors) > unreadable:
        parts.append(_plural(len(result.errors) - unreadable, "internal error"))
    return "; ".join(parts) + "."


def render(result: RunResult) -> str:
    color = result.color

    def paint(text: str, code: str) -> str:
        return _paint(text, code, color)

    blocks = []
    for path, group in itertools.groupby(result.findings, key=lambda f: f.path):
        lines = []
        for f in group:
            safe = f.fix is not None and f.fix.applicability is Applicability.SAFE
            marker = " [*]" if safe else ""
            where = paint(f"{path}:{f.line}:{f.column}:", "1")
            word = paint(f.severity.value, _COLORS[f.severity])
            code = paint(f.code, _COLORS[f.severity])
            message = short(f, result.sources)
            lines.append(f"{where} {code} [{f.rule}] {word}: {message}{marker}")
            text = result.sources.get(f.path)
            if result.show_source and text is not None:
                lines.extend(snippet(f, text, paint))
        blocks.append("\n".join(lines))
    out = "\n\n".join(blocks)
    if result.quiet:
        return f"{out}\n" if out else ""
    tail = "\n".join([*result.notes, summary(result)])
    return f"{out}\n\n{tail}\n" if out else f"{tail}\n"
