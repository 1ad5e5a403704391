"""The command line: options to requests, requests to runs, results to output and exit codes."""

from __future__ import annotations

import dataclasses as dc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from awesomelint.errors import AwesomelintError
from awesomelint.version import __version__

OUTPUT_FORMATS = ("text", "concise", "json", "github", "sarif")
F = TypeVar("F", bound=Callable[..., Any])


class _Group(click.Group):
    """Turns our own errors into one line on stderr and exit status 2, in every command."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except AwesomelintError as err:
            click.echo(f"awesomelint: error: {err}", err=True)
            ctx.exit(2)


def _codes(values: tuple[str, ...]) -> list[str]:
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def _color(stream: object) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def _default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _common_options(func: F) -> F:
    decorators = [
        click.argument("paths", nargs=-1, type=click.Path(path_type=Path)),
        click.option(
            "--config",
            "config_path",
            type=click.Path(path_type=Path, dir_okay=False),
            help="Configuration file (default: the nearest awesomelint.toml, "
            ".awesomelint.toml or pyproject.toml with [tool.awesomelint]).",
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
            "--max-file-size",
            metavar="SIZE",
            help='Refuse larger files unread, e.g. "10MB" (the default) or 0 for no limit '
            "(config: max-file-size).",
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


@dc.dataclass(frozen=True, slots=True)
class _Common:
    paths: tuple[Path, ...]
    config: Any
    rules: tuple[Any, ...]
    settings: Any
    online: bool
    output_format: str
    net_flags: Any
    max_file_size: int | None

    def gatherer(self, changed: Any = None) -> Any:
        """The network fact gatherer, or None when no selected rule needs the network."""
        from awesomelint.netwire import make_gatherer, needs_network, net_settings

        if not self.online or not needs_network(self.rules):
            return None
        source = str(self.config.path) if self.config.path else "config"
        return make_gatherer(
            net_settings(self.rules, self.config.links, self.net_flags, source), changed
        )


def _common(
    paths: tuple[Path, ...],
    config_path: Path | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    offline: bool | None,
    output_format: str | None,
    remap: tuple[str, ...],
    cache_dir: Path | None,
    no_cache: bool,
    github_api: str | None,
    max_file_size: str | None,
) -> _Common:
    from awesomelint.config import load_config
    from awesomelint.engine import RuleSettings
    from awesomelint.netwire import NetOptions
    from awesomelint.selection import resolve_rules

    config = load_config(config_path)
    chosen = _codes(select) or config.select
    rules = resolve_rules(
        chosen,
        [*config.extend_select, *_codes(extend_select)],
        [*config.ignore, *_codes(ignore)],
        config.severities,
    )
    online = config.network if offline is None else not offline
    if not online:
        rules = tuple(rule for rule in rules if not rule.needs_network)
    settings = RuleSettings(
        severities=config.severities,
        options=config.rule_options,
        per_file_ignores=config.per_file_ignores,
        root=config.root,
    )
    flags = NetOptions(remaps=remap, cache_dir=cache_dir, no_cache=no_cache, github_api=github_api)
    return _Common(
        paths,
        config,
        rules,
        settings,
        online,
        output_format or _default_format(),
        flags,
        _max_size(max_file_size, config.max_file_size),
    )


def _max_size(flag: str | None, configured: int | None) -> int | None:
    if flag is None:
        return configured
    from awesomelint.config import parse_size

    try:
        return parse_size(int(flag) if flag.strip().isdigit() else flag)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="'--max-file-size'") from None


def _write_policy(run: _Common, hard_links: bool, outside_symlinks: bool) -> Any:
    """Where fixed files may be written: symbolic links may lead into the working directory,
    the project root and the paths named on the command line (a file's folder)."""
    from awesomelint.fixing.writer import WritePolicy

    named = [path if path.is_dir() else path.parent for path in run.paths]
    return WritePolicy(
        roots=(Path.cwd(), run.config.root, *named),
        allow_hard_links=hard_links,
        allow_outside_symlinks=outside_symlinks,
    )


def _print_errors(errors: Any) -> None:
    for error in errors:
        click.echo(f"awesomelint: error: {error.message}", err=True)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="awesomelint")
def cli() -> None:
    """Lint and fix Markdown awesome lists of research papers."""


@cli.command()
@_common_options
@click.option("--since", metavar="REF", help="Only report lines added or changed since a git ref.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported.")
def check(since: str | None, exit_zero: bool, **common: Any) -> None:
    """Check list files (default: lists/). A folder means every *.md under it."""
    from awesomelint.report import REPORTERS
    from awesomelint.runner import CheckRequest, exit_status, run_check

    run = _common(**common)
    changed = None
    if since is not None:
        from awesomelint.workspace.since import changed_lines

        changed = changed_lines(since)
    request = CheckRequest(
        paths=run.paths,
        rules=run.rules,
        settings=run.settings,
        exclude=run.config.exclude,
        changed=changed,
        gather=run.gatherer(changed),
        max_file_size=run.max_file_size,
    )
    result = run_check(request)
    result = dc.replace(result, color=_color(sys.stdout) and run.output_format == "text")
    click.echo(REPORTERS[run.output_format](result), nl=False)
    _print_errors(result.errors)
    status = exit_status(result)
    sys.exit(0 if exit_zero and status == 1 else status)


@cli.command()
@_common_options
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
    """Fix list files in place (default: lists/)."""
    from awesomelint.fixing.fixrun import FixRequest, run_fix
    from awesomelint.report import REPORTERS
    from awesomelint.runner import exit_status

    run = _common(**common)
    request = FixRequest(
        run.rules,
        unsafe=unsafe_fixes,
        format=run.config.format if format_files is None else format_files,
        diff=show_diff,
        settings=run.settings,
        exclude=run.config.exclude,
        gather=run.gatherer(),
        write=_write_policy(run, allow_hard_links, allow_outside_symlinks),
        max_file_size=run.max_file_size,
    )
    outcome = run_fix(list(run.paths), request)
    result = outcome.result
    _print_errors(result.errors)
    if show_diff:
        click.echo("".join(outcome.diffs), nl=False)
        sys.exit(2 if result.errors else 1 if outcome.changed_files else 0)
    if result.findings:
        result = dc.replace(result, color=_color(sys.stdout) and run.output_format == "text")
        click.echo(REPORTERS[run.output_format](result), nl=False)
    if run.output_format == "text":
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
