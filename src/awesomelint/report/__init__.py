"""Output formats, looked up by name; each renders the results of one run."""

from __future__ import annotations

from collections.abc import Callable

from awesomelint.report import concise, github, json_format, sarif, text
from awesomelint.report._base import RunResult

Reporter = Callable[[RunResult], str]

REPORTERS: dict[str, Reporter] = {
    "text": text.render,
    "concise": concise.render,
    "json": json_format.render,
    "github": github.render,
    "sarif": sarif.render,
}

__all__ = ["REPORTERS", "Reporter", "RunResult"]
