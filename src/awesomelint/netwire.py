"""Wiring the network layer into a run: settings from config and flags, facts for the rules."""

from __future__ import annotations

import dataclasses as dc
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from awesomelint.document.parse import ParsedDocument
from awesomelint.errors import ConfigError
from awesomelint.rules import Rule

_ARXIV_RULES = frozenset({"arxiv-not-found", "arxiv-withdrawn", "arxiv-title-mismatch"})
_GITHUB_RULES = frozenset({"github-repo-not-found", "github-repo-moved", "github-repo-archived"})
_LINK_KEYS = {
    "arxiv-api": ("arxiv_api", str),
    "github-api": ("github_api", str),
    "semantic-scholar-api": ("semantic_scholar_api", str),
    "timeout": ("timeout", float),
    "deadline": ("total_deadline", float),
    "allow-private": ("allow_private", bool),
}


@dc.dataclass(frozen=True, slots=True)
class NetOptions:
    """The network flags of one run, as given on the command line."""

    remaps: tuple[str, ...] = ()
    cache_dir: Path | None = None
    no_cache: bool = False
    github_api: str | None = None
    """`--github-api`: the GitHub API to ask, and the only one the token may go to."""


GITHUB_API_VARIABLE = "AWESOMELINT_GITHUB_API"


def operator_github_api(flags: NetOptions) -> str | None:
    """The GitHub API the operator names (flag, then environment), checked; None if none.

    Only the operator may name where GITHUB_TOKEN goes: a configuration file travels with
    the repository, and a pull request can change it.
    """
    from urllib.parse import urlsplit

    value = flags.github_api or os.environ.get(GITHUB_API_VARIABLE) or None
    if value is None:
        return None
    where = "--github-api" if flags.github_api else GITHUB_API_VARIABLE
    parts = urlsplit(value.strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ConfigError(f"{where}: expected an http(s) URL, got {value!r}")
    return value.strip()


def _typed(source: str, key: str, value: object, kind: type) -> Any:
    if kind is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, kind) and not (kind is not bool and isinstance(value, bool)):
        return value
    raise ConfigError(f"{source}: links.{key}: expected a {kind.__name__}")


def net_settings(
    rules: Sequence[Rule], links: Mapping[str, Any], flags: NetOptions, source: str = "config"
) -> Any:
    """NetSettings for the selected rules, the config's [links] table and the flags."""
    from awesomelint.net.remap import parse_remaps
    from awesomelint.net.settings import NetSettings, default_cache_dir

    names = {rule.name for rule in rules}
    values: dict[str, Any] = {
        field: _typed(source, key, links[key], kind)
        for key, (field, kind) in _LINK_KEYS.items()
        if key in links
    }
    configured_remaps = links.get("remap", [])
    if isinstance(configured_remaps, str):
        configured_remaps = [configured_remaps]
    cache_dir = flags.cache_dir or (Path(links["cache-dir"]) if "cache-dir" in links else None)
    operator_api = operator_github_api(flags)
    if operator_api is not None:
        from awesomelint.net.session import host_of

        values.update(
            github_api=operator_api,
            github_token_api=operator_api,
            trusted_hosts=frozenset({host_of(operator_api)}),
        )
    return NetSettings(
        **values,
        remaps=parse_remaps([*flags.remaps, *configured_remaps]),
        cache_dir=None if flags.no_cache else (cache_dir or default_cache_dir()),
        github_token=os.environ.get("GITHUB_TOKEN") or None,
        ask_arxiv=bool(names & _ARXIV_RULES),
        ask_github=bool(names & _GITHUB_RULES),
        ask_links="broken-link" in names,
        ask_venues="preprint-published" in names,
    )


def _only_changed(
    documents: Sequence[ParsedDocument], changed: Mapping[Path, frozenset[int]] | None
) -> list[Any]:
    docs = [parsed.document for parsed in documents]
    if changed is None:
        return docs
    from awesomelint.workspace.since import on_changed_line

    return [
        dc.replace(
            doc,
            links=tuple(
                link
                for link in doc.links
                if on_changed_line(doc.path, doc.position(link.span.start)[0], changed)
            ),
        )
        for doc in docs
    ]


def make_gatherer(settings: Any, changed: Mapping[Path, frozenset[int]] | None = None) -> Any:
    """A `FactGatherer` for runner.CheckRequest: facts under "net", and the notes."""

    def gather(
        documents: Sequence[ParsedDocument],
    ) -> tuple[Mapping[str, Any], tuple[str, ...]]:
        from awesomelint.net.gather import ProgressLine, gather_facts

        bar = ProgressLine.for_stream(sys.stderr)
        try:
            facts = gather_facts(_only_changed(documents, changed), settings, progress=bar)
        finally:
            if bar is not None:
                bar.close()
        return {"net": facts}, tuple(facts.notes)

    return gather


def needs_network(rules: Sequence[Rule]) -> bool:
    return any(rule.needs_network for rule in rules)
