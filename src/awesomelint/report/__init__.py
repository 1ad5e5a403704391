"""What the user reads: output formats looked up by name (each renders the results of one
run), and the rule documentation behind `awesomelint rules`.

May import: the rule registry, diagnostics and `awesomelint.version`; never the engine,
fixing or the CLI.
"""

from __future__ import annotations

from collections.abc import Callable

from awesomelint.report import concise, github, json_format, markdown, sarif, text
from awesomelint.report._base import RunResult

Reporter = Callable[[RunResult], str]

REPORTERS: dict[str, Reporter] = {
    "text": text.render,
    "concise": concise.render,
    "json": json_format.render,
    "github": github.render,
    "sarif": sarif.render,
    "markdown": markdown.render,
}

__all__ = ["REPORTERS", "Reporter", "RunResult"]
