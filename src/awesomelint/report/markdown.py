"""A Markdown report, for a GitHub Actions job summary or an issue: the summary, then a table
of the findings by file."""

from __future__ import annotations

from awesomelint.report._base import RunResult
from awesomelint.report._message import short
from awesomelint.report.text import summary

MAX_ROWS = 1000
"""A job summary holds at most 1 MiB; past this many rows the report says how many more."""


def _cell(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    for char in "`*_[]<>":
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def render(result: RunResult) -> str:
    lines = ["## awesomelint", ""]
    if not result.quiet:
        lines.extend([summary(result), ""])
        lines.extend(f"- {_cell(note)}" for note in result.notes)
        if result.notes:
            lines.append("")
    if result.findings:
        lines.append("| File | Line | Rule | Severity | Message |")
        lines.append("| --- | ---: | --- | --- | --- |")
        lines.extend(
            f"| {_cell(f.path.as_posix())} | {f.line} | {f.code} `{f.rule}` | "
            f"{f.severity.value} | {_cell(short(f, result.sources))} |"
            for f in result.findings[:MAX_ROWS]
        )
        if len(result.findings) > MAX_ROWS:
            lines.extend(["", f"... and {len(result.findings) - MAX_ROWS} more findings."])
        lines.append("")
    if result.errors:
        lines.extend(["### Not checked", ""])
        lines.extend(f"- {_cell(error.message)}" for error in result.errors)
        lines.append("")
    return "\n".join(lines)
