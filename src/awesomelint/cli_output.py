"""What `check` and `fix` print, and the exit status they end with."""

from __future__ import annotations

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


def print_findings(result: Any, output_format: str) -> None:
    import dataclasses as dc

    from awesomelint.report import REPORTERS

    result = dc.replace(result, color=color(sys.stdout) and output_format == "text")
    click.echo(REPORTERS[output_format](result), nl=False)


def fix_summary(result: Any, changed_files: int) -> str:
    files = "file" if changed_files == 1 else "files"
    fixes = "fix" if result.fixes_applied == 1 else "fixes"
    return f"Applied {result.fixes_applied} {fixes} in {changed_files} {files}."
