"""What the user reads: output formats looked up by name (each renders the results of one
run), and the rule documentation behind `awesomelint rules`.

May import: the rule registry, diagnostics and `awesomelint.version`; never the engine,
fixing or the CLI.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping

from awesomelint.report._base import RunResult

Reporter = Callable[[RunResult], str]

_MODULES = {
    "text": "text",
    "concise": "concise",
    "json": "json_format",
    "github": "github",
    "sarif": "sarif",
    "markdown": "markdown",
}


class _Reporters(Mapping[str, Reporter]):
    """Each format's `render`, its module imported when the format is first asked for: a run
    prints in one format."""

    def __getitem__(self, name: str) -> Reporter:
        module = _MODULES[name]
        render: Reporter = importlib.import_module(f"awesomelint.report.{module}").render
        return render

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


REPORTERS: Mapping[str, Reporter] = _Reporters()

__all__ = ["REPORTERS", "Reporter", "RunResult"]
