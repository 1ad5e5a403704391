"""Rules broken on purpose, for the tests of what one failure costs."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from awesomelint.diagnostics import Finding
from awesomelint.rules import Context, Rule


def _crashes_always(contexts: Sequence[Context[Any]]) -> Iterator[Finding]:
    raise KeyError("a deliberate bug in a project rule")
    yield  # pragma: no cover - makes this a generator, as rules are


BROKEN_PROJECT = Rule(
    code="TST102",
    name="test-broken-project-rule",
    summary="a project rule that crashes on purpose",
    check=_crashes_always,
    doc="",
    scope="project",
)
