"""The `--profile` cProfiles: the in-process huge-list check, the CLI on the typical list."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from commands import find_tool


def profile_check(huge: Path, top: int = 25) -> str:
    """cProfile of one in-process offline check of the huge list, sorted by cumulative time."""
    import cProfile
    import io
    import pstats

    from awesomelint.document.parse import parse_source
    from awesomelint.document.source import decode
    from awesomelint.engine import check_documents
    from awesomelint.rules import ALL_RULES

    data = huge.read_bytes()
    rules = [rule for rule in ALL_RULES if not rule.needs_network]
    profiler = cProfile.Profile()
    profiler.enable()
    check_documents([parse_source(decode(data, huge))], rules)
    profiler.disable()
    stream = io.StringIO()
    pstats.Stats(profiler, stream=stream).sort_stats("cumulative").print_stats(top)
    return stream.getvalue()


def profile_cli(typical: Path, top: int = 30) -> str:
    """cProfile of `awesomelint check --offline typical.md` in a fresh interpreter: start-up,
    imports and one-off set-up show here, not in the huge-list profile."""
    script = find_tool("awesomelint")
    if script is None:
        return "no awesomelint console script found"
    cmd = [sys.executable, "-m", "cProfile", "-s", "cumtime"]
    proc = subprocess.run(
        [*cmd, str(script), "check", "--offline", str(typical)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    lines = proc.stdout.splitlines()
    start = next((i for i, line in enumerate(lines) if "function calls" in line), 0)
    header = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
    return "\n".join([lines[start], "", *lines[header : header + top + 1]]) if lines else ""
