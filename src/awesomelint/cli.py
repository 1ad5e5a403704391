"""The command line: options to requests, requests to runs, results to output and exit codes."""

from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path

import click

from awesomelint import __version__
from awesomelint.errors import AwesomelintError

OUTPUT_FORMATS = ("text", "concise", "json")


def _split_codes(values: tuple[str, ...]) -> list[str]:
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def _color(stream: object) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


class _Group(click.Group):
    """Turns our own errors into one line on stderr and exit status 2, in every command."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except AwesomelintError as err:
            click.echo(f"awesomelint: error: {err}", err=True)
            ctx.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="awesomelint")
def cli() -> None:
    """Lint and fix Markdown awesome lists of research papers."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--output-format",
    type=click.Choice(OUTPUT_FORMATS),
    default="text",
    show_default=True,
    help="How findings are printed.",
)
@click.option(
    "--offline/--online",
    default=False,
    help="Skip the rules that need the network (links are then not checked).",
)
@click.option("--select", multiple=True, help="Rules to run: codes, families or names.")
@click.option("--ignore", multiple=True, help="Rules to skip: codes, families or names.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported.")
def check(
    paths: tuple[Path, ...],
    output_format: str,
    offline: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    exit_zero: bool,
) -> None:
    """Check list files (default: lists/). A folder means every *.md under it."""
    from awesomelint.report import REPORTERS
    from awesomelint.rules import select_rules
    from awesomelint.runner import exit_status, run_check

    rules = select_rules(_split_codes(select) or None, _split_codes(ignore))
    if offline:
        rules = tuple(rule for rule in rules if not rule.needs_network)
    result = run_check(list(paths), rules)
    result = dataclasses.replace(result, color=_color(sys.stdout) and output_format == "text")
    click.echo(REPORTERS[output_format](result), nl=False)
    for error in result.errors:
        click.echo(f"awesomelint: error: {error.message}", err=True)
    status = exit_status(result)
    sys.exit(0 if exit_zero and status == 1 else status)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes marked unsafe.")
@click.option("--diff", "show_diff", is_flag=True, help="Print a diff and write nothing.")
@click.option(
    "--format", "format_files", is_flag=True, help="Also rewrite files into canonical form."
)
@click.option(
    "--offline/--online",
    default=False,
    help="Skip the rules that need the network.",
)
@click.option("--select", multiple=True, help="Rules to run: codes, families or names.")
@click.option("--ignore", multiple=True, help="Rules to skip: codes, families or names.")
@click.option(
    "--output-format",
    type=click.Choice(OUTPUT_FORMATS),
    default="text",
    show_default=True,
    help="How the findings left after fixing are printed.",
)
def fix(
    paths: tuple[Path, ...],
    unsafe_fixes: bool,
    show_diff: bool,
    format_files: bool,
    offline: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    output_format: str,
) -> None:
    """Fix list files in place (default: lists/)."""
    from awesomelint.fixrun import FixRequest, run_fix
    from awesomelint.report import REPORTERS
    from awesomelint.rules import select_rules
    from awesomelint.runner import exit_status

    rules = select_rules(_split_codes(select) or None, _split_codes(ignore))
    if offline:
        rules = tuple(rule for rule in rules if not rule.needs_network)
    request = FixRequest(rules, unsafe=unsafe_fixes, format=format_files, diff=show_diff)
    outcome = run_fix(list(paths), request)
    result = outcome.result
    for error in result.errors:
        click.echo(f"awesomelint: error: {error.message}", err=True)
    if show_diff:
        click.echo("".join(outcome.diffs), nl=False)
        sys.exit(2 if result.errors else 1 if outcome.changed_files else 0)
    if result.findings:
        click.echo(REPORTERS[output_format](result), nl=False)
    if output_format == "text":
        files = "file" if outcome.changed_files == 1 else "files"
        fixes = "fix" if result.fixes_applied == 1 else "fixes"
        line = f"Applied {result.fixes_applied} {fixes} in {outcome.changed_files} {files}."
        if result.unsafe_fixes and not unsafe_fixes:
            line += f" {result.unsafe_fixes} more available with --unsafe-fixes."
        click.echo(line)
    sys.exit(exit_status(result))


@cli.command(name="rules")
@click.argument("rule", required=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("text", "markdown", "json")),
    default="text",
    show_default=True,
)
def rules_command(rule: str | None, fmt: str) -> None:
    """List every rule, or show one rule's documentation."""
    from awesomelint import ruledocs

    if rule is not None:
        click.echo(ruledocs.rule_doc(rule))
        return
    click.echo(ruledocs.RULE_TABLES[fmt](), nl=False)


def main() -> None:
    try:
        status = cli(standalone_mode=False)
        sys.exit(status if isinstance(status, int) else 0)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as err:
        err.show()
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("awesomelint: aborted", err=True)
        sys.exit(130)
    except AwesomelintError as err:
        click.echo(f"awesomelint: error: {err}", err=True)
        sys.exit(2)
    except Exception as err:  # noqa: BLE001 - never a traceback for the user; the message names the cause
        click.echo(
            f"awesomelint: internal error: {type(err).__name__}: {err}; please report this as a bug",
            err=True,
        )
        sys.exit(2)
