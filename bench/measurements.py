"""awesomelint's measurements: parse floor against the check, CLI time and imports, fix."""

from __future__ import annotations

import dataclasses as dc
import re
import sys
import time
from pathlib import Path
from typing import Any

from commands import find_tool, tail
from projectenv import OUT_DIR
from timing import Timing, best_of, fmt_s, interleaved, wall_time

TARGET_CHECK_VS_PARSE = 1.3
TARGET_CLI_SECONDS = 0.3
TARGET_FIX_VS_CHECK = 2.0

FLOOR_REPEAT = 5
FLOOR_BUDGET_S = 150.0
"""The floor stops repeating once its timed runs have taken this long (a pathological slow
check must not hold the run for an hour); the row then says how many runs it got."""
FIX_REPEAT = 3
FIX_BUDGET_S = 60.0
"""A fix measurement stops repeating once its runs have taken this long (one run at least)."""
CLI_RUNS = 7


@dc.dataclass(slots=True)
class Row:
    measurement: str
    result: str
    target: str = ""
    note: str = ""


def verdict(value: float, target: float, unit: str = "") -> str:
    where = "within target" if value <= target else "over target"
    return f"<= {target:g}{unit} ({where})"


def measure_floor(huge: Path, results: dict[str, Any], rows: list[Row]) -> float:
    """markdown-it-py's own parse of the huge list against awesomelint's offline check."""
    from markdown_it import MarkdownIt

    from awesomelint.document.parse import parse_source
    from awesomelint.document.source import decode
    from awesomelint.engine import check_documents
    from awesomelint.rules import ALL_RULES

    data = huge.read_bytes()
    text = data.decode("utf-8")
    md = MarkdownIt("commonmark").enable("table")
    rules = [rule for rule in ALL_RULES if not rule.needs_network]
    findings: list[object] = []

    def check() -> None:
        findings[:] = check_documents([parse_source(decode(data, huge))], rules)

    parse, ours = interleaved([lambda: md.parse(text), check], FLOOR_REPEAT, budget=FLOOR_BUDGET_S)
    ratio = ours.best / parse.best
    results["floor"] = {
        "markdown_it_parse": parse.as_json(),
        "awesomelint_check": ours.as_json(),
        "ratio": ratio,
        "findings": len(findings),
        "rules": [rule.code for rule in rules],
    }
    rows += [
        Row(
            f"markdown-it-py parse, huge list (in-process, {parse.label})",
            fmt_s(parse.best),
            note='`MarkdownIt("commonmark").enable("table").parse(text)`, inline phase included',
        ),
        Row(
            f"awesomelint offline check, huge list (in-process, {ours.label})",
            fmt_s(ours.best),
            note=f"decode + parse + {len(rules)} offline rules; {len(findings)} findings",
        ),
        Row("check / parse ratio", f"{ratio:.2f}", verdict(ratio, TARGET_CHECK_VS_PARSE)),
    ]
    return ours.best


_FINDINGS_SUMMARY = re.compile(r"(\d+) findings?")


def measure_cli(typical: Path, results: dict[str, Any], rows: list[Row]) -> float | None:
    """`awesomelint check --offline typical.md` as a user runs it, and what it imports."""
    script = find_tool("awesomelint")
    if script is None:
        rows.append(Row("`awesomelint check --offline typical.md`", "not run", note="no script"))
        return None
    run = wall_time([str(script), "check", "--offline", str(typical)], runs=CLI_RUNS)
    bare = wall_time([sys.executable, "-c", "pass"], runs=CLI_RUNS)
    imports = wall_time([sys.executable, "-c", "import awesomelint.cli"], runs=CLI_RUNS)
    traced = wall_time(
        [sys.executable, "-X", "importtime", str(script), "check", "--offline", str(typical)],
        runs=1,
        warmup=0,
    )
    modules = {
        line.split("|")[-1].strip()
        for line in traced.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    packages = {name.split(".")[0] for name in modules}
    heavy = {name: name in packages for name in ("httpx", "mdformat")}
    cli_import_us = _cumulative_import_us(traced.stderr, "awesomelint.cli")

    cli = run.timing.median if run.timing else None
    summary = _FINDINGS_SUMMARY.search(run.stdout)
    results["cli"] = {
        "command": [str(script), "check", "--offline", str(typical)],
        "check_typical": run.timing.as_json() if run.timing else None,
        "returncode": run.returncode,
        "python_pass": bare.timing.as_json() if bare.timing else None,
        "import_awesomelint_cli": imports.timing.as_json() if imports.timing else None,
        "importtime_awesomelint_cli_us": cli_import_us,
        "imported_by_offline_check": heavy,
        "modules_imported": len(modules),
    }
    if cli is None or run.returncode not in (0, 1):
        rows.append(
            Row(
                f"`awesomelint check --offline typical.md` (subprocess, median of {CLI_RUNS})",
                "failed",
                note=run.error or f"exit {run.returncode}: {tail(run.stderr)}",
            )
        )
        return None
    rows.append(
        Row(
            f"`awesomelint check --offline typical.md` (subprocess, median of {CLI_RUNS})",
            fmt_s(cli),
            verdict(cli, TARGET_CLI_SECONDS, " s"),
            f"wall time, interpreter start-up included; {summary.group(0) if summary else '?'}",
        )
    )
    if imports.timing and bare.timing:
        rows.append(
            Row(
                f'`python -c "import awesomelint.cli"` (median of {CLI_RUNS})',
                fmt_s(imports.timing.median),
                note=f"`python -c pass` alone: {fmt_s(bare.timing.median)}; "
                f"-X importtime cumulative for awesomelint.cli: {cli_import_us / 1000:.0f} ms",
            )
        )
    for name, imported in heavy.items():
        rows.append(
            Row(
                f"offline check imports {name}?",
                "yes" if imported else "no",
                "no",
                f"from `python -X importtime` on the console script ({len(modules)} modules)",
            )
        )
    return cli


def _cumulative_import_us(importtime: str, module: str) -> int:
    for line in importtime.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) == 3 and parts[2].strip() == module:
            return int(parts[1])
    return 0


def measure_fix(
    huge: Path, check_s: float | None, results: dict[str, Any], rows: list[Row]
) -> None:
    """`fix` and `fix --format` in-process on the huge list."""
    import mdformat

    from awesomelint.document.parse import parse_source
    from awesomelint.document.source import decode
    from awesomelint.fixing.fixer import fix_document
    from awesomelint.fixing.fixrun import FixRequest, fix_one
    from awesomelint.rules import ALL_RULES

    data = huge.read_bytes()
    text = data.decode("utf-8")
    rules = tuple(rule for rule in ALL_RULES if not rule.needs_network)
    fix_only: list[float] = []
    applied: list[int] = []

    def fix() -> None:
        parsed = parse_source(decode(data, huge))
        start = time.perf_counter()
        outcome = fix_document(parsed, rules)
        fix_only.append(time.perf_counter() - start)
        applied[:] = [len(outcome.applied)]

    timing = best_of(fix, FIX_REPEAT, warmup=0, budget=FIX_BUDGET_S)
    ratio = timing.best / check_s if check_s else None
    rows += [
        Row(
            f"`fix`: parse + `fix_document`, huge list (in-process, {timing.label})",
            fmt_s(timing.best),
            note=f"{applied[0] if applied else 0} safe fixes applied; "
            f"`fix_document` alone {fmt_s(min(fix_only))}",
        ),
    ]
    if ratio is not None:
        rows.append(Row("fix / check ratio", f"{ratio:.2f}", verdict(ratio, TARGET_FIX_VS_CHECK)))

    small = (OUT_DIR / "typical.md").read_text(encoding="utf-8")
    mdformat.text(small, extensions={"gfm"})  # warm-up: imports the plugins
    request = FixRequest(rules, format=True)
    formatted, with_format = interleaved(
        [
            lambda: mdformat.text(text, extensions={"gfm"}),
            lambda: fix_one(parse_source(decode(data, huge)), request),
        ],
        FIX_REPEAT,
        warmup=0,
        budget=2 * FIX_BUDGET_S,
    )
    format_ratio = with_format.best / formatted.best
    rows += [
        Row(
            f'`mdformat.text(text, extensions={{"gfm"}})` alone, huge list ({formatted.label})',
            fmt_s(formatted.best),
        ),
        Row(
            f"`fix --format`: parse + `fix_one(format=True)`, huge list ({with_format.label})",
            fmt_s(with_format.best),
            note="fix loop, then mdformat (with `number`), re-parse, safety check, fix loop "
            "again until stable",
        ),
        Row("fix --format / mdformat ratio", f"{format_ratio:.2f}"),
    ]
    results["fix"] = {
        "parse_and_fix_document": timing.as_json(),
        "fix_document_alone": Timing(fix_only).as_json(),
        "fixes_applied": applied[0] if applied else 0,
        "fix_vs_check": ratio,
        "mdformat_text": formatted.as_json(),
        "parse_and_fix_format": with_format.as_json(),
        "fix_format_vs_mdformat": format_ratio,
    }
