"""The console script: `--version` and `awesomelint rules` answered without importing click or
the rules, a `check` or `fix` given plain arguments run without click (`cli_output.py`),
everything else handed to the click command line (`cli.main`).

`rules` prints what `report/ruledocs.py` renders; the first run stores every table and every
rule's documentation in the user cache folder under a key made of the version and the size and
modification time of each of the package's modules, so an edited or upgraded install never
reads a stale copy. Anything this module does not recognise goes to click, which owns the
options, the help and the error messages. The process ends through `fastexit.leave`.
"""

from __future__ import annotations

import gc
import os
import sys
import zlib

from awesomelint.version import __version__

TYPE_CHECKING = False  # as in awesomelint/__init__.py: no typing for --version
if TYPE_CHECKING:
    from typing import Any

PACKAGE = os.path.dirname(os.path.abspath(__file__))
TABLE_FORMATS = ("text", "markdown", "json")
GC_YOUNG_LIMIT = 1_000_000
"""Allocations between two collections of the youngest generation (Python's default: 700).
A parse builds a million small objects that live to the end of the run and form almost no
reference cycles: with the default the collector walks them again and again, a quarter of a
large list's check. This limit still collects the cycles of a long network run."""


def run() -> None:
    """The console script: `main`, then an exit that skips freeing what is left (fastexit.py)."""
    from awesomelint.fastexit import leave

    try:
        main()
    except SystemExit as stop:
        leave(stop.code)
    leave(0)


def main() -> None:
    args = sys.argv[1:]
    if args == ["--version"]:
        _write(f"awesomelint, version {__version__}\n")
        return
    asked = _rules_request(args)
    if asked is not None and _print_rules(*asked):
        return
    gc.set_threshold(GC_YOUNG_LIMIT, 10, 10)
    from awesomelint import codecache

    codecache.install(cache_dir())
    plain = _plain_command(args) if plain_output() else None
    if plain is not None:
        _run_plain_command(*plain)
        return
    from awesomelint.cli import main as click_main

    try:
        click_main()
    finally:
        # When the process does not end through `fastexit.leave` (called in-process, or with
        # a thread still running), Python's exit collects every object still alive before
        # freeing them: a tenth of a large list's check, to find no cycles. Only that last
        # collection is skipped; the objects are still freed and the exit handlers run.
        gc.freeze()


COMMON_SWITCHES: dict[str, tuple[str, bool]] = {
    "--offline": ("offline", True),
    "--online": ("offline", False),
    "--statistics": ("statistics", True),
    "-q": ("quiet", True),
    "--quiet": ("quiet", True),
    "--show-source": ("show_source", True),
    "--no-show-source": ("show_source", False),
    "--no-cache": ("no_cache", True),
}
COMMON_CHOICES = {"--output-format": "output_format", "--min-severity": "min_severity"}
OWN_SWITCHES: dict[str, dict[str, tuple[str, bool]]] = {
    "check": {"--exit-zero": ("exit_zero", True)},
    "fix": {
        "--unsafe-fixes": ("unsafe_fixes", True),
        "--diff": ("show_diff", True),
        "--format": ("format_files", True),
        "--no-format": ("format_files", False),
        "--allow-hard-links": ("allow_hard_links", True),
        "--allow-outside-symlinks": ("allow_outside_symlinks", True),
    },
}
"""Each command's switches besides the common ones, as click's `check` and `fix` define them."""


def plain_output() -> bool:
    """Whether click.echo would write to stdout and stderr as they are (UTF-8 text streams,
    not the Windows console), so that a check may print without click."""
    import codecs

    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        if not encoding or getattr(stream, "errors", None) is None:
            return False
        try:
            if codecs.lookup(encoding).name != "utf-8":
                return False
        except LookupError:
            return False
    return sys.platform != "win32"


def _plain_command(args: list[str]) -> tuple[str, dict[str, Any], dict[str, Any]] | None:
    """The command, its common options and its own, of a `check` or `fix` given only paths,
    switches and choices among the options click defines for it (as click reads them); None
    for anything else (help, a path that click refuses, values to check), which click
    answers."""
    if not args or args[0] not in OWN_SWITCHES:
        return None
    from awesomelint.cli_options import OUTPUT_FORMATS, SEVERITIES

    choices = {"output_format": OUTPUT_FORMATS, "min_severity": SEVERITIES}
    own_switches = OWN_SWITCHES[args[0]]
    given: dict[str, Any] = {}
    own: dict[str, Any] = {}
    paths: list[str] = []
    rest = iter(args[1:])
    for arg in rest:
        name, _, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if arg in COMMON_SWITCHES:
            key, on = COMMON_SWITCHES[arg]
            given[key] = on
        elif arg in own_switches:
            key, on = own_switches[arg]
            own[key] = on
        elif name in COMMON_CHOICES:
            key = COMMON_CHOICES[name]
            value = value if "=" in arg else next(rest, "")
            if value not in choices[key]:
                return None
            given[key] = value
        elif arg.startswith("-") or not arg or not _readable_or_missing(arg):
            return None
        else:
            paths.append(arg)
    return args[0], {"paths": tuple(paths), **given}, own


def _readable_or_missing(path: str) -> bool:
    """What click.Path() lets through without a word: a path that is missing or readable."""
    try:
        os.stat(path)
    except OSError:
        return True
    return os.access(path, os.R_OK)


def _run_plain_command(command: str, given: dict[str, Any], own: dict[str, Any]) -> None:
    """`cli.check` or `cli.fix`, and `cli.main`, as they go for these options, without click."""
    from pathlib import Path

    from awesomelint.cli_options import Flags
    from awesomelint.cli_output import FixChoices, check_command, echo, fix_command
    from awesomelint.errors import AwesomelintError

    defaults: dict[str, Any] = {
        "config_path": None,
        "select": (),
        "extend_select": (),
        "ignore": (),
        "offline": None,
        "output_format": None,
        "remap": (),
        "cache_dir": None,
        "no_cache": False,
        "github_api": None,
        "max_file_size": None,
        "show_source": None,
        "statistics": False,
        "quiet": False,
        "min_severity": None,
        "baseline_path": None,
    }
    flags = Flags(**{**defaults, **given, "paths": tuple(map(Path, given["paths"]))})
    try:
        if command == "check":
            check_command(flags, None, own.get("exit_zero", False), None)
        else:
            fix_command(flags, FixChoices(**own))
    except (EOFError, KeyboardInterrupt):
        echo(err=True)
        echo("awesomelint: aborted", err=True)
        sys.exit(130)
    except AwesomelintError as err:
        echo(f"awesomelint: error: {err}", err=True)
        sys.exit(2)
    except Exception as err:  # noqa: BLE001 - never a traceback for the user
        echo(
            f"awesomelint: internal error: {type(err).__name__}: {err}; please report this bug",
            err=True,
        )
        sys.exit(2)


def _rules_request(args: list[str]) -> tuple[str | None, str] | None:
    """(rule, format) for a plain `rules [RULE] [--format F]`, else None."""
    if not args or args[0] != "rules":
        return None
    rule: str | None = None
    fmt = "text"
    rest = iter(args[1:])
    for arg in rest:
        if arg == "--format":
            fmt = next(rest, "")
        elif arg.startswith("--format="):
            fmt = arg.removeprefix("--format=")
        elif arg.startswith("-") or rule is not None:
            return None
        else:
            rule = arg
    return (rule, fmt) if fmt in TABLE_FORMATS else None


def _print_rules(rule: str | None, fmt: str) -> bool:
    """Print from the cached documentation; False when click must answer (an unknown rule)."""
    docs = _rule_docs()
    if rule is None:
        _write(docs["tables"][fmt])
        return True
    code = rule.upper() if rule.upper() in docs["docs"] else docs["names"].get(rule)
    if code is None:
        return False
    _write(docs["docs"][code] + "\n")
    return True


def _rule_docs() -> dict[str, dict[str, str]]:
    import json  # here: a check prints no JSON unless asked to

    folder = cache_dir()
    path = os.path.join(folder, f"rules-{__version__}-{_fingerprint():08x}.json")
    try:
        with open(path, encoding="utf-8") as stored:
            docs: dict[str, dict[str, str]] = json.load(stored)
        if _complete(docs):
            return docs
    except (OSError, ValueError):
        pass
    docs = render_rule_docs()
    try:
        os.makedirs(folder, exist_ok=True)
        partial = f"{path}.{os.getpid()}.tmp"
        with open(partial, "w", encoding="utf-8") as out:
            json.dump(docs, out)
        os.replace(partial, path)
        _drop_stale(folder, os.path.basename(path))
    except OSError:
        pass  # a read-only cache only costs the next run the same rendering
    return docs


def _complete(docs: object) -> bool:
    """Whether a stored copy has every table and every documentation page."""
    return (
        isinstance(docs, dict)
        and all(isinstance(docs.get(key), dict) for key in ("tables", "docs", "names"))
        and all(isinstance(docs["tables"].get(fmt), str) for fmt in TABLE_FORMATS)
        and all(isinstance(page, str) for page in docs["docs"].values())
        and all(code in docs["docs"] for code in docs["names"].values())
    )


def _drop_stale(folder: str, kept: str) -> None:
    for name in os.listdir(folder):
        if name.startswith("rules-") and name.endswith(".json") and name != kept:
            os.remove(os.path.join(folder, name))


def render_rule_docs() -> dict[str, dict[str, str]]:
    """Everything `awesomelint rules` can print, rendered by `report/ruledocs.py`."""
    from awesomelint.report import ruledocs
    from awesomelint.rules import ALL_RULES

    return {
        "tables": {fmt: ruledocs.RULE_TABLES[fmt]() for fmt in TABLE_FORMATS},
        "docs": {rule.code: ruledocs.rule_doc(rule.code) for rule in ALL_RULES},
        "names": {rule.name: rule.code for rule in ALL_RULES},
    }


def _fingerprint() -> int:
    """A checksum of the size and modification time of every module in the package."""
    stamps = []
    for folder, subfolders, files in os.walk(PACKAGE):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                stat = os.stat(os.path.join(folder, name))
                stamps.append(f"{folder}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return zlib.crc32("\n".join(stamps).encode("utf-8", "surrogateescape"))


def cache_dir() -> str:
    """The per-user cache folder (the one the link cache defaults to)."""
    from awesomelint.cachedir import user_cache_dir

    return user_cache_dir()


def _write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()
