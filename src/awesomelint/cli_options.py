"""What the options `check` and `fix` share amount to: the files of the run, grouped by the
configuration that applies to each (the nearest one up from the file, as ruff finds it, or the
one `--config` names). No click here: the console script runs a plain `check` without it."""

from __future__ import annotations

import dataclasses as dc
import os
from pathlib import Path
from typing import Any

OUTPUT_FORMATS = ("text", "concise", "json", "github", "sarif", "markdown")
SEVERITIES = ("info", "warning", "error")


def codes(values: tuple[str, ...]) -> list[str]:
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


@dc.dataclass(frozen=True, slots=True)
class Flags:
    """The shared options as given on the command line."""

    paths: tuple[Path, ...]
    config_path: Path | None
    select: tuple[str, ...]
    extend_select: tuple[str, ...]
    ignore: tuple[str, ...]
    offline: bool | None
    output_format: str | None
    remap: tuple[str, ...]
    cache_dir: Path | None
    no_cache: bool
    github_api: str | None
    max_file_size: str | None
    show_source: bool | None
    statistics: bool
    quiet: bool
    min_severity: str | None
    baseline_path: Path | None


@dc.dataclass(frozen=True, slots=True)
class Group:
    """Files under one configuration, with what it and the flags make of it."""

    files: tuple[Path, ...]
    config: Any
    rules: tuple[Any, ...]
    settings: Any
    online: bool
    net_flags: dict[str, Any]
    """The `netwire.NetOptions` the flags give."""
    max_file_size: int | None

    def gatherer(self, changed: Any = None) -> Any:
        """The network fact gatherer, or None when no selected rule needs the network."""
        if not self.online or not any(rule.needs_network for rule in self.rules):
            return None  # netwire.needs_network, without importing the network wiring
        from awesomelint.netwire import NetOptions, make_gatherer, net_settings

        source = str(self.config.path) if self.config.path else "config"
        flags = NetOptions(**self.net_flags)
        return make_gatherer(net_settings(self.rules, self.config.links, flags, source), changed)


@dc.dataclass(frozen=True, slots=True)
class Plan:
    """One run: the project's configuration (`--config`, or the nearest to the working
    directory: it says what to check by default and how to report), and the file groups."""

    paths: tuple[Path, ...]
    config: Any
    groups: tuple[Group, ...]
    missing: tuple[Any, ...]
    """FileErrors for named paths that do not exist."""
    output_format: str
    flags: Flags

    @property
    def show_source(self) -> bool:
        chosen = self.flags.show_source
        return self.config.show_source if chosen is None else chosen

    @property
    def baseline(self) -> Path | None:
        return self.flags.baseline_path or self.config.baseline

    def without_baseline(self, result: Any, *, every_line: bool = True) -> Any:
        """`result` less the findings the baseline records; stale entries in its notes when
        `every_line` of the files was checked."""
        if self.baseline is None:
            return result
        from awesomelint.baseline import apply_baseline, read_baseline

        codes = [rule.code for rule in self.rules]
        baseline = read_baseline(self.baseline)
        return apply_baseline(result, baseline, codes, stale_notes=every_line)

    @property
    def rules(self) -> tuple[Any, ...]:
        seen: dict[str, Any] = {}
        for group in self.groups:
            seen.update((rule.code, rule) for rule in group.rules)
        return tuple(seen.values())


def _max_size(flag: str | None, configured: int | None) -> int | None:
    if flag is None:
        return configured
    from awesomelint.config import parse_size

    try:
        return parse_size(int(flag) if flag.strip().isdigit() else flag)
    except ValueError as err:
        import click  # only the click command line takes --max-file-size

        raise click.BadParameter(str(err), param_hint="'--max-file-size'") from None


def _group(flags: Flags, config: Any, files: tuple[Path, ...]) -> Group:
    from awesomelint.engine import RuleSettings
    from awesomelint.selection import resolve_rules

    chosen = codes(flags.select) or config.select
    rules = resolve_rules(
        chosen,
        [*config.extend_select, *codes(flags.extend_select)],
        [*config.ignore, *codes(flags.ignore)],
        config.severities,
    )
    online = config.network if flags.offline is None else not flags.offline
    if not online:
        rules = tuple(rule for rule in rules if not rule.needs_network)
    settings = RuleSettings(
        severities=config.severities,
        options=config.rule_options,
        per_file_ignores=config.per_file_ignores,
        root=config.root,
    )
    net = {
        "remaps": flags.remap,
        "cache_dir": flags.cache_dir,
        "no_cache": flags.no_cache,
        "github_api": flags.github_api,
    }
    size = _max_size(flags.max_file_size, config.max_file_size)
    return Group(files, config, rules, settings, online, net, size)


def _by_config(files: list[Path]) -> dict[Path | None, list[Path]]:
    """Each file under the nearest configuration file up from its folder."""
    from awesomelint.config import find_config

    nearest: dict[Path, Path | None] = {}
    groups: dict[Path | None, list[Path]] = {}
    for file in files:
        folder = file.absolute().parent
        if folder not in nearest:
            nearest[folder] = find_config(folder.resolve())
        groups.setdefault(nearest[folder], []).append(file)
    return groups


def plan(flags: Flags) -> Plan:
    from awesomelint.config import load_config
    from awesomelint.diagnostics import FileError
    from awesomelint.workspace.discover import discover

    project = load_config(flags.config_path)
    paths = flags.paths
    if not paths:
        from awesomelint.workspace.targets import default_targets

        paths = default_targets(project.include, project.path)
    files, missing = discover(paths)
    errors = tuple(FileError(Path(str(err).split(":", 1)[0]), str(err)) for err in missing)
    if flags.config_path is not None:
        groups = [_group(flags, project, tuple(files))]
    else:
        configs = {None: project, project.path: project}
        groups = []
        for path, members in _by_config(files).items():
            if path not in configs:
                configs[path] = load_config(path)
            groups.append(_group(flags, configs[path], tuple(members)))
    output = flags.output_format or default_format()
    return Plan(paths, project, tuple(groups), errors, output, flags)


def write_roots(run: Plan) -> tuple[Path, ...]:
    """Where symbolic links may lead when fixed files are written: the working directory,
    each configuration's folder and the paths named on the command line (a file's folder)."""
    named = [path if path.is_dir() else path.parent for path in run.paths]
    configs = [group.config.root for group in run.groups]
    return (Path.cwd(), run.config.root, *configs, *named)
