"""Configuration: found, loaded and checked once, then passed down as a frozen value.

The nearest of `awesomelint.toml`, `.awesomelint.toml` or a `pyproject.toml` with a
`[tool.awesomelint]` table, walking up from a folder, wins; files are not merged. The command
line asks from each checked file's folder (and from the working directory for what to check
and how to report).
"""

from __future__ import annotations

import dataclasses as dc
import functools
import re
import tomllib
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from awesomelint.diagnostics import Severity
from awesomelint.document.source import DEFAULT_MAX_FILE_SIZE, MB, read_regular
from awesomelint.errors import ConfigError, InputError
from awesomelint.rules import Rule, find_rule
from awesomelint.selection import check_selectors

CONFIG_NAMES = ("awesomelint.toml", ".awesomelint.toml", "pyproject.toml")
CONFIG_MAX_SIZE = MB
_TOP_KEYS = frozenset(
    {
        "select",
        "extend-select",
        "ignore",
        "per-file-ignores",
        "severity",
        "exclude",
        "include",
        "baseline",
        "show-source",
        "network",
        "format",
        "rules",
        "links",
        "max-file-size",
    }
)
_SIZE = re.compile(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([kmg]i?b?|b)?\s*", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}
_LINK_KEYS = frozenset(
    {
        "arxiv-api",
        "github-api",
        "semantic-scholar-api",
        "timeout",
        "allow-private",
        "cache-dir",
        "remap",
        "deadline",
    }
)


@dc.dataclass(frozen=True, slots=True)
class Config:
    path: Path | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severities: Mapping[str, Severity | None] = dc.field(default_factory=dict)
    """Rule code -> severity; None means the rule is off."""
    exclude: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    """Globs (from the file's folder) of what to check when no path is named."""
    network: bool = True
    format: bool = False
    baseline: Path | None = None
    """The baseline file (findings recorded when the list adopted awesomelint), if any."""
    show_source: bool = True
    """Text output: the source line under each finding."""
    rule_options: Mapping[str, Any] = dc.field(default_factory=dict)
    """Rule code -> that rule's Options instance, for rules the file configures."""
    links: Mapping[str, Any] = dc.field(default_factory=dict)
    max_file_size: int | None = DEFAULT_MAX_FILE_SIZE
    """Bytes; larger files are refused unread. None: no limit."""

    @property
    def root(self) -> Path:
        """Where relative paths in the file (exclude, per-file-ignores) start."""
        return self.path.parent if self.path is not None else Path.cwd()


def parse_size(value: object) -> int | None:
    """A file size: a whole number of bytes, or a string such as "10 MB", "512KB" or "2MiB"
    (K, M and G are powers of 1024, with or without a "B" or "iB"). 0 means no limit: None.
    Raises ValueError naming what is expected."""
    if isinstance(value, int) and not isinstance(value, bool):
        size = value
    else:
        match = _SIZE.fullmatch(value) if isinstance(value, str) else None
        if match is None:
            raise ValueError('expected a size such as 10485760 or "10 MB"')
        size = int(float(match[1]) * _UNITS[(match[2] or "")[:1].lower()])
    if size < 0:
        raise ValueError("expected a size of 0 (no limit) or more")
    return size or None


def find_config(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_dir() or not (candidate.exists() or candidate.is_symlink()):
                continue  # a special file or a dangling link is an error: see _read
            if name != "pyproject.toml" or "awesomelint" in _read(candidate).get("tool", {}):
                return candidate
    return None


_PARSED: dict[bytes, dict[str, Any]] = {}
"""Configuration texts parsed in this process: a run looks for the nearest configuration
from the working directory and from each file's folder, and reads one pyproject.toml twice."""


def _read(path: Path) -> dict[str, Any]:
    try:
        data, _ = read_regular(path, CONFIG_MAX_SIZE)
        parsed = _PARSED.get(data)
        if parsed is None:
            parsed = _PARSED[data] = tomllib.loads(data.decode("utf-8"))
        return parsed
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML ({err})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not valid TOML (not UTF-8)") from None
    except InputError as err:
        raise ConfigError(str(err).replace("(max-file-size)", "(a configuration file)")) from None


def load_config(path: Path | None = None, *, cwd: Path | None = None) -> Config:
    """The configuration from `path`, or from the nearest config file, or the defaults."""
    path = path or find_config((cwd or Path.cwd()).resolve())
    if path is None:
        return Config()
    data = _read(path)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("awesomelint")
        if table is None:
            raise ConfigError(f"{path}: has no [tool.awesomelint] table")
        prefix = "tool.awesomelint"
    else:
        table, prefix = data, ""
    return _parse(path, table, prefix)


class _Reader:
    def __init__(self, path: Path, prefix: str) -> None:
        self.path = path
        self.prefix = prefix

    def key(self, *parts: str) -> str:
        return ".".join(p for p in (self.prefix, *parts) if p)

    def fail(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.path}: {key}: {problem}")

    def strings(self, value: object, *parts: str) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(self.key(*parts), "expected a list of strings")
        return tuple(value)

    def boolean(self, value: object, *parts: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(self.key(*parts), "expected true or false")
        return value

    def table(self, value: object, *parts: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(self.key(*parts), "expected a table")
        return value


def _rule(reader: _Reader, name: str, *parts: str) -> Rule:
    rule = find_rule(name)
    if rule is None:
        raise reader.fail(reader.key(*parts), f"unknown rule {name!r}")
    return rule


def _selectors(reader: _Reader, values: tuple[str, ...], key: str) -> tuple[str, ...]:
    try:
        check_selectors(values)
    except ConfigError as err:
        raise reader.fail(reader.key(key), str(err)) from None
    return values


def _severities(reader: _Reader, table: dict[str, Any]) -> dict[str, Severity | None]:
    result: dict[str, Severity | None] = {}
    for name, value in table.items():
        rule = _rule(reader, name, "severity", name)
        where = reader.key("severity", name)
        result[rule.code] = parse_severity(value, functools.partial(reader.fail, where))
    return result


def parse_severity(value: object, fail: typing.Callable[[str], ConfigError]) -> Severity | None:
    if value == "off":
        return None
    try:
        return Severity(value)
    except ValueError:
        raise fail("expected one of error, warning, info, off") from None


def _options(reader: _Reader, rule: Rule, table: dict[str, Any]) -> Any:
    hints = typing.get_type_hints(rule.options)
    fields = {field.name: field for field in dc.fields(rule.options)}
    values: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        where = reader.key("rules", rule.name, key)
        if name not in fields:
            known = ", ".join(sorted(f.replace("_", "-") for f in fields)) or "none"
            raise reader.fail(where, f"unknown option; this rule's options are: {known}")
        values[name] = _coerce(value, hints[name], functools.partial(reader.fail, where))
    try:
        return rule.options(**values)
    except (ConfigError, ValueError) as err:
        raise reader.fail(reader.key("rules", rule.name), str(err)) from None


def options_from_table(rule: Rule, table: dict[str, Any], source: str = "<options>") -> Any:
    """A rule's Options from a TOML-like table (kebab-case keys), checked as in a config file."""
    return _options(_Reader(Path(source), ""), rule, table)


def _coerce(value: Any, hint: Any, fail: typing.Callable[[str], ConfigError]) -> Any:
    origin = typing.get_origin(hint)
    if origin is tuple:
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
        raise fail("expected a list of strings")
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return value if value is None else _coerce(value, args[0], fail)
    if hint is bool and not isinstance(value, bool):
        raise fail("expected true or false")
    if hint is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise fail("expected a whole number")
    if hint is float and (isinstance(value, bool) or not isinstance(value, int | float)):
        raise fail("expected a number")
    if hint is str and not isinstance(value, str):
        raise fail("expected a string")
    return value


def _baseline(reader: _Reader, value: object) -> Path | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise reader.fail(reader.key("baseline"), "expected a file name")
    return reader.path.parent / value


def _parse(path: Path, table: dict[str, Any], prefix: str) -> Config:
    reader = _Reader(path, prefix)
    unknown = sorted(set(table) - _TOP_KEYS)
    if unknown:
        raise reader.fail(
            reader.key(unknown[0]), "unknown key; expected one of " + ", ".join(sorted(_TOP_KEYS))
        )
    select = table.get("select")
    per_file = reader.table(table.get("per-file-ignores", {}), "per-file-ignores")
    rules_table = reader.table(table.get("rules", {}), "rules")
    options = {}
    for name, rule_table in rules_table.items():
        rule = _rule(reader, name, "rules", name)
        options[rule.code] = _options(reader, rule, reader.table(rule_table, "rules", name))
    links = reader.table(table.get("links", {}), "links")
    for key in links:
        if key not in _LINK_KEYS:
            raise reader.fail(
                reader.key("links", key),
                "unknown key; expected one of " + ", ".join(sorted(_LINK_KEYS)),
            )
    try:
        max_file_size = parse_size(table.get("max-file-size", DEFAULT_MAX_FILE_SIZE))
    except ValueError as err:
        raise reader.fail(reader.key("max-file-size"), str(err)) from None
    return Config(
        path=path,
        select=None
        if select is None
        else _selectors(reader, reader.strings(select, "select"), "select"),
        extend_select=_selectors(
            reader, reader.strings(table.get("extend-select", []), "extend-select"), "extend-select"
        ),
        ignore=_selectors(reader, reader.strings(table.get("ignore", []), "ignore"), "ignore"),
        per_file_ignores=tuple(
            (
                pattern,
                _selectors(
                    reader,
                    reader.strings(codes, "per-file-ignores", pattern),
                    f"per-file-ignores.{pattern}",
                ),
            )
            for pattern, codes in per_file.items()
        ),
        severities=_severities(reader, reader.table(table.get("severity", {}), "severity")),
        exclude=reader.strings(table.get("exclude", []), "exclude"),
        include=reader.strings(table.get("include", []), "include"),
        network=reader.boolean(table.get("network", True), "network"),
        format=reader.boolean(table.get("format", False), "format"),
        show_source=reader.boolean(table.get("show-source", True), "show-source"),
        baseline=_baseline(reader, table.get("baseline")),
        rule_options=options,
        links=links,
        max_file_size=max_file_size,
    )
