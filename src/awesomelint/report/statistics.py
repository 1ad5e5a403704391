"""`--statistics`: how many findings each rule reported, and how many `fix` would fix."""

from __future__ import annotations

import json
from collections import Counter

from awesomelint.diagnostics import Applicability
from awesomelint.report._base import RunResult


def _rows(result: RunResult) -> list[dict[str, object]]:
    counts: Counter[str] = Counter()
    safe: Counter[str] = Counter()
    unsafe: Counter[str] = Counter()
    names: dict[str, tuple[str, str]] = {}
    for f in result.findings:
        counts[f.code] += 1
        names.setdefault(f.code, (f.rule, f.severity.value))
        if f.fix is not None and f.fix.applicability is Applicability.SAFE:
            safe[f.code] += 1
        elif f.fix is not None and f.fix.applicability is Applicability.UNSAFE:
            unsafe[f.code] += 1
    return [
        {
            "code": code,
            "name": names[code][0],
            "severity": names[code][1],
            "count": count,
            "fixable": safe[code],
            "unsafe_fixable": unsafe[code],
        }
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def render_json(result: RunResult) -> str:
    return json.dumps(_rows(result), indent=2) + "\n"


def render_text(result: RunResult) -> str:
    rows = _rows(result)
    if not rows:
        return "no findings\n"
    count_width = max(len(str(row["count"])) for row in rows)
    name_width = max(len(str(row["name"])) for row in rows)
    lines = []
    for row in rows:
        fixes = []
        if row["fixable"]:
            fixes.append(f"[*] {row['fixable']} fixable")
        if row["unsafe_fixable"]:
            fixes.append(f"{row['unsafe_fixable']} with --unsafe-fixes")
        lines.append(
            f"{row['count']:>{count_width}}  {row['code']:<6}  {row['severity']:<7}  "
            f"{row['name']:<{name_width}}  {', '.join(fixes)}".rstrip()
        )
    return "\n".join(lines) + "\n"
