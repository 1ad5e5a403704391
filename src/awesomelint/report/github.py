"""GitHub Actions workflow commands: findings appear as annotations on the pull request."""

from __future__ import annotations

from awesomelint.diagnostics import Severity
from awesomelint.report._base import RunResult
from awesomelint.report._message import short
from awesomelint.report.text import summary

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: RunResult) -> str:
    lines = []
    for f in result.findings:
        props = ",".join(
            [
                f"file={_property(f.path.as_posix())}",
                f"line={f.line}",
                f"col={f.column}",
                f"endLine={f.end_line}",
                f"endColumn={f.end_column}",
                f"title={_property(f'{f.code} {f.rule}')}",
            ]
        )
        lines.append(f"::{_LEVELS[f.severity]} {props}::{_data(short(f, result.sources))}")
    if not result.quiet:
        lines.extend(result.notes)
        lines.append(summary(result))
    if not lines:
        return ""
    return "\n".join(lines) + "\n"
