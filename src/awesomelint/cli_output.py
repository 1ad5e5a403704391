"""What `check` and `fix` print, and the exit status they end with."""

from __future__ import annotations

import dataclasses as dc
import os
import sys
from typing import Any

import click


def color(stream: object) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def print_errors(errors: Any) -> None:
    for error in errors:
        click.echo(f"awesomelint: error: {error.message}", err=True)


TEXT_FORMATS = frozenset({"text", "concise", "github", "markdown"})
_RANK = {"info": 0, "warning": 1, "error": 2}


def _shown(result: Any, minimum: str | None) -> Any:
    """The result with the findings below `minimum` left out, and a note saying how many."""
    if minimum is None:
        return result
    kept = tuple(f for f in result.findings if _RANK[f.severity.value] >= _RANK[minimum])
    hidden = len(result.findings) - len(kept)
    if not hidden:
        return result
    note = f"{hidden} finding{'s' if hidden > 1 else ''} below {minimum} not shown."
    return dc.replace(result, findings=kept, notes=(*result.notes, note))


def print_findings(result: Any, run: Any) -> None:
    """The findings in the run's output format (or `--statistics`), as the flags ask."""
    from awesomelint.report import REPORTERS

    fmt = run.output_format
    if fmt in TEXT_FORMATS:
        result = _shown(result, run.flags.min_severity)
    if run.flags.statistics:
        from awesomelint.report.statistics import render_json, render_text

        click.echo((render_json if fmt == "json" else render_text)(result), nl=False)
        return
    result = dc.replace(
        result,
        color=color(sys.stdout) and fmt == "text",
        show_source=run.show_source,
        quiet=run.flags.quiet,
    )
    click.echo(REPORTERS[fmt](result), nl=False)


_DIFF_COLORS = (("+++", "1"), ("---", "1"), ("@@", "36"), ("+", "32"), ("-", "31"))


def print_diff(diffs: Any) -> None:
    """Unified diffs, coloured on a terminal."""
    text = "".join(diffs)
    coloured = color(sys.stdout)
    if coloured:
        lines = []
        for line in text.splitlines(keepends=True):
            code = next((c for prefix, c in _DIFF_COLORS if line.startswith(prefix)), None)
            body = line.rstrip("\n")
            lines.append(f"\x1b[{code}m{body}\x1b[0m{line[len(body) :]}" if code else line)
        text = "".join(lines)
    click.echo(text, nl=False, color=coloured or None)


def fix_summary(result: Any, changed_files: int) -> str:
    files = "file" if changed_files == 1 else "files"
    fixes = "fix" if result.fixes_applied == 1 else "fixes"
    return f"Applied {result.fixes_applied} {fixes} in {changed_files} {files}."
