"""A JSON array of findings: a public contract, fields are added but never removed."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from awesomelint.diagnostics import Finding
from awesomelint.report._base import RunResult
from awesomelint.report._message import related, url


def finding_to_json(finding: Finding, sources: Mapping[Path, str] | None = None) -> dict[str, Any]:
    fix: dict[str, Any] | None = None
    if finding.fix is not None:
        fix = {
            "applicability": finding.fix.applicability.value,
            "edits": [
                {"start": e.start, "end": e.end, "content": e.text} for e in finding.fix.edits
            ],
        }
    return {
        "path": str(finding.path),
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "code": finding.code,
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        "fixable": finding.fixable,
        "fix": fix,
        "url": url(finding, sources or {}),
        "related": [
            {"path": str(path), "line": line} for path, line in related(finding, sources or {})
        ],
    }


def render(result: RunResult) -> str:
    return (
        json.dumps([finding_to_json(f, result.sources) for f in result.findings], indent=2) + "\n"
    )
