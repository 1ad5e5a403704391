"""The command line: options to requests, requests to runs, results to output and exit codes."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from awesomelint.cli_options import OUTPUT_FORMATS, SEVERITIES, Flags
from awesomelint.cli_output import FixChoices, check_command, fix_command
from awesomelint.errors import AwesomelintError
from awesomelint.version import __version__

F = TypeVar("F", bound=Callable[..., Any])


def common_options(func: F) -> F:
    decorators = [
        click.argument("paths", nargs=-1, type=click.Path(path_type=Path)),
        click.option(
            "--config",
            "config_path",
            type=click.Path(path_type=Path, dir_okay=False),
            help="Configuration file for every checked file (default: for each file, the "
            "nearest awesomelint.toml, .awesomelint.toml or pyproject.toml with "
            "[tool.awesomelint] up from it).",
        ),
        click.option("--select", multiple=True, help="Rules to run: codes, families or names."),
        click.option("--extend-select", multiple=True, help="Rules to run besides the selection."),
        click.option("--ignore", multiple=True, help="Rules to skip: codes, families or names."),
        click.option(
            "--offline/--online",
            default=None,
            help="Skip (or run) the rules that need the network. Default: online, unless the "
            "configuration says network = false.",
        ),
        click.option(
            "--remap",
            multiple=True,
            metavar="'REGEX REPLACEMENT'",
            help="Rewrite request URLs (lychee syntax, $1 for groups); repeatable.",
        ),
        click.option(
            "--cache-dir",
            type=click.Path(path_type=Path, file_okay=False),
            help="Where link-check results are kept (default: the user cache folder).",
        ),
        click.option("--no-cache", is_flag=True, help="Neither read nor write the link cache."),
        click.option(
            "--github-api",
            metavar="URL",
            help="The GitHub API to ask, and the only one GITHUB_TOKEN is sent to (GitHub "
            "Enterprise: https://HOST/api/v3). Also AWESOMELINT_GITHUB_API.",
        ),
        click.option(
            "--output-format",
            type=click.Choice(OUTPUT_FORMATS),
            default=None,
            help="How findings are printed (default: github under GitHub Actions, else text).",
        ),
        click.option(
            "--show-source/--no-show-source",
            default=None,
            help="Text output: show the source line under each finding (config: show-source; "
            "default: on).",
        ),
        click.option(
            "--statistics", is_flag=True, help="Print how many findings each rule reported."
        ),
        click.option(
            "-q", "--quiet", is_flag=True, help="Text formats: print the findings, nothing else."
        ),
        click.option(
            "--min-severity",
            type=click.Choice(SEVERITIES),
            default=None,
            help="Text formats: hide findings below this severity (the exit status still "
            "counts them).",
        ),
        click.option(
            "--baseline",
            "baseline_path",
            type=click.Path(path_type=Path, dir_okay=False),
            help="Leave out the findings this baseline file records (config: baseline).",
        ),
        click.option(
            "--max-file-size",
            metavar="SIZE",
            help='Refuse larger files unread, e.g. "10MB" (the default) or 0 for no limit '
            "(config: max-file-size).",
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


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
@common_options
@click.option(
    "--since",
    metavar="REF",
    help="Only report lines added or changed since the merge base of REF and HEAD "
    "(uncommitted changes and untracked files included).",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported.")
@click.option(
    "--write-baseline",
    metavar="FILE",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Record every finding in FILE (by rule and line text) and exit 0; with FILE as "
    "the baseline (--baseline or config), later runs report only new findings.",
)
def check(since: str | None, exit_zero: bool, write_baseline: Path | None, **common: Any) -> None:
    """Check list files (default: the configured include globs, else lists/, else README.md
    at the repository root, else every Markdown file git tracks). A folder means every *.md
    under it."""
    check_command(Flags(**common), since, exit_zero, write_baseline)


@cli.command()
@common_options
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes marked unsafe.")
@click.option("--diff", "show_diff", is_flag=True, help="Print a diff and write nothing.")
@click.option(
    "--format/--no-format",
    "format_files",
    default=None,
    help="Also rewrite files into canonical form with mdformat (config: format = true).",
)
@click.option(
    "--allow-hard-links",
    is_flag=True,
    help="Rewrite files that have other hard links in place, through the shared file "
    "(not atomic); by default they are not written.",
)
@click.option(
    "--allow-outside-symlinks",
    is_flag=True,
    help="Write through symbolic links that lead outside the working directory, the project "
    "root and the named paths; by default such files are not written.",
)
def fix(
    unsafe_fixes: bool,
    show_diff: bool,
    format_files: bool | None,
    allow_hard_links: bool,
    allow_outside_symlinks: bool,
    **common: Any,
) -> None:
    """Fix list files in place (default: the files `check` checks)."""
    fix_command(
        Flags(**common),
        FixChoices(unsafe_fixes, show_diff, format_files, allow_hard_links, allow_outside_symlinks),
    )


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
    """List every rule, or show one rule's documentation (by code or name)."""
    from awesomelint.report import ruledocs

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
    except Exception as err:  # noqa: BLE001 - never a traceback for the user
        click.echo(
            f"awesomelint: internal error: {type(err).__name__}: {err}; please report this bug",
            err=True,
        )
        sys.exit(2)
