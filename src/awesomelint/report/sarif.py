"""SARIF 2.1.0, for code scanning."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from awesomelint.diagnostics import FileError, Finding, Severity
from awesomelint.report._base import RunResult
from awesomelint.report._message import related, url
from awesomelint.rules import ALL_RULES
from awesomelint.version import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rules() -> list[dict[str, Any]]:
    return [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.doc.strip()},
            "defaultConfiguration": {"level": _LEVELS[rule.default_severity]},
            "properties": {"fixable": rule.fixable, "needsNetwork": rule.needs_network},
        }
        for rule in ALL_RULES
    ]


def _related(finding: Finding, sources: Mapping[Path, str]) -> list[dict[str, Any]]:
    return [
        {
            "id": number,
            "message": {"text": "the other place this finding names"},
            "physicalLocation": {
                "artifactLocation": {"uri": path.as_posix()},
                "region": {"startLine": line},
            },
        }
        for number, (path, line) in enumerate(related(finding, sources))
    ]


def _result(finding: Finding, index: dict[str, int], sources: Mapping[Path, str]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": finding.path.as_posix()},
                    "region": {
                        "startLine": finding.line,
                        "startColumn": finding.column,
                        "endLine": finding.end_line,
                        "endColumn": finding.end_column,
                    },
                }
            }
        ],
    }
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    places = _related(finding, sources)
    if places:
        result["relatedLocations"] = places
    link = url(finding, sources)
    if link is not None:
        result["properties"] = {"url": link}
    return result


def _notification(error: FileError, index: dict[str, int]) -> dict[str, Any]:
    notification: dict[str, Any] = {"level": "error", "message": {"text": error.message}}
    if error.rule is not None:  # a rule crashed: name it, and the file when there is one
        notification["associatedRule"] = {"id": error.rule}
        if error.rule in index:
            notification["associatedRule"]["index"] = index[error.rule]
        if error.path is not None:
            notification["locations"] = [
                {"physicalLocation": {"artifactLocation": {"uri": error.path.as_posix()}}}
            ]
    return notification


def render(result: RunResult) -> str:
    index = {rule.code: i for i, rule in enumerate(ALL_RULES)}
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "awesomelint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": _rules(),
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index, result.sources) for f in result.findings],
                "invocations": [
                    {
                        "executionSuccessful": not result.errors,
                        "toolExecutionNotifications": [
                            _notification(error, index) for error in result.errors
                        ],
                    }
                ],
            }
        ],
    }
    return json.dumps(log, indent=2) + "\n"
