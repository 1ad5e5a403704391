"""`path:line:col: CODE message`, one finding per line, for editors and grep."""

from __future__ import annotations

from awesomelint.report._base import RunResult


def render(result: RunResult) -> str:
    return "".join(f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}\n" for f in result.findings)
