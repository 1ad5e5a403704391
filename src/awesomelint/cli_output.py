"""What `check` and `fix` print, and the exit status they end with; the two commands
themselves, which the console script also runs without click for plain arguments (see
`launch.py`)."""

from __future__ import annotations

import dataclasses as dc
import os
import sys
from pathlib import Path
from typing import Any

from awesomelint.cli_options import Flags, plan, write_roots


def echo(text: str = "", *, err: bool = False, nl: bool = True, color: bool | None = None) -> None:
    """click.echo when the click command line runs; else the plain write it amounts to
    (the console script goes without click only where it does: see `launch.plain_output`)."""
    if "click" in sys.modules:
        import click

        click.echo(text, err=err, nl=nl, color=color)
        return
    stream = sys.stderr if err else sys.stdout
    out = text + "\n" if nl else text
    if not out:
        stream.flush()
        return
    if (not _isatty(stream)) if color is None else not color:
        import re

        out = re.sub(r"\033\[[0-?]*[ -/]*[@-~]", "", out)  # click's strip_ansi
    stream.write(out)
    stream.flush()


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except Exception:  # noqa: BLE001 - as click.isatty: no answer is no terminal
        return False


def check_command(
    flags: Flags, since: str | None, exit_zero: bool, write_baseline: Path | None
) -> None:
    """`awesomelint check`: runs, prints and exits with the status."""
    from awesomelint.runner import CheckRequest, exit_status, merge_results, run_check

    run = plan(flags)
    changed = None
    if since is not None:
        from awesomelint.workspace.since import changed_lines

        changed = changed_lines(since)
    results = [
        run_check(
            CheckRequest(
                paths=group.files,
                rules=group.rules,
                settings=group.settings,
                exclude=group.config.exclude,
                changed=changed,
                gather=group.gatherer(changed),
                max_file_size=group.max_file_size,
            )
        )
        for group in run.groups
    ]
    result = merge_results(results, run.missing)
    if write_baseline is not None:
        from awesomelint.baseline import write_baseline as write

        count = write(result, write_baseline)
        print_errors(result.errors)
        echo(f"Wrote {count} finding{'' if count == 1 else 's'} to {write_baseline}.")
        sys.exit(2 if result.errors else 0)
    result = run.without_baseline(result, every_line=changed is None)
    print_findings(result, run)
    print_errors(result.errors)
    status = exit_status(result)
    sys.exit(0 if exit_zero and status == 1 else status)


@dc.dataclass(frozen=True, slots=True)
class FixChoices:
    """`fix`'s own options."""

    unsafe_fixes: bool = False
    show_diff: bool = False
    format_files: bool | None = None
    allow_hard_links: bool = False
    allow_outside_symlinks: bool = False


def fix_command(flags: Flags, choices: FixChoices) -> None:
    """`awesomelint fix`: fixes, writes (or prints the diff), prints and exits."""
    from awesomelint.fixing.fixrun import FixRequest, run_fix
    from awesomelint.fixing.writer import WritePolicy
    from awesomelint.runner import exit_status, merge_results

    run = plan(flags)
    policy = WritePolicy(
        roots=write_roots(run),
        allow_hard_links=choices.allow_hard_links,
        allow_outside_symlinks=choices.allow_outside_symlinks,
    )
    outcomes = [
        run_fix(
            list(group.files),
            FixRequest(
                group.rules,
                unsafe=choices.unsafe_fixes,
                format=group.config.format
                if choices.format_files is None
                else choices.format_files,
                diff=choices.show_diff,
                settings=group.settings,
                exclude=group.config.exclude,
                gather=group.gatherer(),
                write=policy,
                max_file_size=group.max_file_size,
            ),
        )
        for group in run.groups
    ]
    result = run.without_baseline(
        merge_results([outcome.result for outcome in outcomes], run.missing)
    )
    changed_files = sum(outcome.changed_files for outcome in outcomes)
    print_errors(result.errors)
    if choices.show_diff:
        print_diff([diff for outcome in outcomes for diff in outcome.diffs])
        sys.exit(2 if result.errors else 1 if changed_files else 0)
    # A format for programs is printed whole even with nothing in it ("[]"), as `check` does.
    if result.findings or run.flags.statistics or run.output_format not in TEXT_FORMATS:
        print_findings(result, run)
    if run.output_format == "text" and not run.flags.quiet:
        echo(fix_summary(result, changed_files))
    sys.exit(exit_status(result))


def color(stream: object) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def print_errors(errors: Any) -> None:
    for error in errors:
        echo(f"awesomelint: error: {error.message}", err=True)


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

        echo((render_json if fmt == "json" else render_text)(result), nl=False)
        return
    result = dc.replace(
        result,
        color=color(sys.stdout) and fmt == "text",
        show_source=run.show_source,
        quiet=run.flags.quiet,
    )
    echo(REPORTERS[fmt](result), nl=False)


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
    echo(text, nl=False, color=coloured or None)


def fix_summary(result: Any, changed_files: int) -> str:
    files = "file" if changed_files == 1 else "files"
    fixes = "fix" if result.fixes_applied == 1 else "fixes"
    return f"Applied {result.fixes_applied} {fixes} in {changed_files} {files}."
