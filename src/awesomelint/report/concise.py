"""`path:line:col: CODE message`, one finding per line, for editors and grep."""

from __future__ import annotations

from awesomelint.report._base import RunResult
from awesomelint.report._message import short


def render(result: RunResult) -> str:
    return "".join(
        f"{f.path}:{f.line}:{f.column}: {f.code} {short(f, result.sources)}\n"
        for f in result.findings
    )
